/**
 * Migration 0001: every canonical table of DESIGN §5. Times are UTC instants stored as TIMESTAMP
 * (naive, always UTC); calendar days are DATE in the configured time zone. Every data row carries
 * the `import_id` of the import that wrote it, so an import can be audited or removed as a unit.
 */
export const version = 1;
export const name = 'init';
export const sql = /* sql */ `
CREATE SEQUENCE IF NOT EXISTS import_id_seq START 1;

CREATE TABLE imports (
  import_id     INTEGER PRIMARY KEY,
  file_name     VARCHAR NOT NULL,      -- base name only, never a full path
  file_hash     VARCHAR NOT NULL UNIQUE, -- sha256 of the raw bytes: re-import is a no-op
  kind          VARCHAR NOT NULL,      -- x-posts, crm-deals, costs, ...
  preset        VARCHAR,               -- which vendor preset matched (hubspot-deals, x-posts-current-ja, ...)
  encoding      VARCHAR,
  rows_read     BIGINT NOT NULL,
  rows_stored   BIGINT NOT NULL,
  warnings      INTEGER NOT NULL DEFAULT 0,
  issues_json   VARCHAR,               -- warnings as JSON (no raw personal data)
  imported_at   TIMESTAMP NOT NULL,
  status        VARCHAR NOT NULL DEFAULT 'ok'
);

-- X posts (x-posts): one row per post, latest export wins.
CREATE TABLE posts (
  post_id          VARCHAR PRIMARY KEY,
  posted_at        TIMESTAMP,          -- UTC instant; midnight in the configured zone when the export has dates only
  date_only        BOOLEAN NOT NULL DEFAULT false,
  text             VARCHAR,
  url              VARCHAR,
  impressions      BIGINT, engagements BIGINT, likes BIGINT, reposts BIGINT, replies BIGINT,
  bookmarks        BIGINT, shares BIGINT, url_clicks BIGINT, profile_clicks BIGINT, follows BIGINT,
  detail_expands   BIGINT, hashtag_clicks BIGINT, permalink_clicks BIGINT, media_views BIGINT,
  media_engagements BIGINT,
  promoted_impressions BIGINT, promoted_engagements BIGINT, promoted_url_clicks BIGINT,
  import_id        INTEGER NOT NULL
);

-- Per post per day metrics (when an export gives them).
CREATE TABLE post_daily (
  post_id VARCHAR NOT NULL, date DATE NOT NULL,
  impressions BIGINT, engagements BIGINT, likes BIGINT, url_clicks BIGINT, profile_clicks BIGINT, follows BIGINT,
  import_id INTEGER NOT NULL
);

-- X account overview by day (x-daily).
CREATE TABLE x_daily (
  date DATE NOT NULL,
  impressions BIGINT, engagements BIGINT, likes BIGINT, bookmarks BIGINT, shares BIGINT, replies BIGINT,
  reposts BIGINT, new_follows BIGINT, unfollows BIGINT, profile_visits BIGINT, posts_created BIGINT,
  video_views BIGINT, media_views BIGINT, followers BIGINT,
  import_id INTEGER NOT NULL
);

-- X Ads (x-ads): spend per day x campaign (x post when known).
CREATE TABLE ad_daily (
  date DATE NOT NULL,
  campaign_id VARCHAR, campaign_name VARCHAR, ad_group VARCHAR, post_id VARCHAR,
  spend DOUBLE NOT NULL DEFAULT 0, currency VARCHAR,
  impressions BIGINT, clicks BIGINT, url_clicks BIGINT, engagements BIGINT, follows BIGINT,
  conversions DOUBLE, conversion_value DOUBLE,
  import_id INTEGER NOT NULL
);

-- Companies (B2B buying committees are grouped by account).
CREATE TABLE accounts (
  account_id VARCHAR PRIMARY KEY,
  name VARCHAR, domain VARCHAR, industry VARCHAR, employees BIGINT, country VARCHAR, annual_revenue DOUBLE,
  import_id INTEGER NOT NULL
);

-- People (crm-contacts). person_id is the CRM id when there is one, else the e-mail hash.
CREATE TABLE people (
  person_id VARCHAR PRIMARY KEY,
  email_hash VARCHAR,                -- salted sha256 of the lower-cased address; the address is never stored
  crm_id VARCHAR, account_id VARCHAR, company VARCHAR, domain VARCHAR,
  name VARCHAR,                      -- only with privacy.storeNames
  job_title VARCHAR, industry VARCHAR, employees BIGINT, country VARCHAR,
  created_at TIMESTAMP, lifecycle_stage VARCHAR, lead_status VARCHAR,
  original_source VARCHAR, original_source_d1 VARCHAR, original_source_d2 VARCHAR,
  latest_source VARCHAR, custom_source VARCHAR,
  self_reported_source VARCHAR,      -- free text "how did you hear about us"
  utm_source VARCHAR, utm_medium VARCHAR, utm_campaign VARCHAR, utm_content VARCHAR,
  import_id INTEGER NOT NULL
);

-- Person lifecycle stage history (lead, mql, sql, opportunity, customer, ...).
CREATE TABLE lifecycle (
  person_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, entered_at TIMESTAMP NOT NULL,
  import_id INTEGER NOT NULL
);

-- Marketing and sales touches, one row per touch.
CREATE TABLE touchpoints (
  person_id VARCHAR, account_id VARCHAR,
  occurred_at TIMESTAMP NOT NULL,
  kind VARCHAR,                       -- visit, form, dm, webinar, event, email_click, meeting, ad_click, impression, conversion
  channel_raw VARCHAR, source VARCHAR, medium VARCHAR, campaign VARCHAR, content VARCHAR,
  referrer VARCHAR, landing_page VARCHAR, post_id VARCHAR,
  is_conversion BOOLEAN NOT NULL DEFAULT false, conversion_value DOUBLE,
  import_id INTEGER NOT NULL
);

-- Deals / opportunities (crm-deals).
CREATE TABLE deals (
  deal_id VARCHAR PRIMARY KEY,
  name VARCHAR, account_id VARCHAR, account_name VARCHAR,
  created_at TIMESTAMP, closed_at TIMESTAMP,
  stage VARCHAR, is_closed BOOLEAN, is_won BOOLEAN,
  amount DOUBLE, currency VARCHAR, mrr DOUBLE, arr DOUBLE, acv DOUBLE, tcv DOUBLE, contract_months DOUBLE,
  deal_type VARCHAR, pipeline VARCHAR, probability DOUBLE,
  original_source VARCHAR, original_source_d1 VARCHAR, original_source_d2 VARCHAR,
  latest_source VARCHAR, custom_source VARCHAR,  -- custom_source: the column named by crm.sourceField
  import_id INTEGER NOT NULL
);

-- Which people belong to a deal (buying committee).
CREATE TABLE deal_contacts (
  deal_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL,
  import_id INTEGER NOT NULL
);

-- Deal stage history.
CREATE TABLE deal_stages (
  deal_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, entered_at TIMESTAMP NOT NULL,
  import_id INTEGER NOT NULL
);

-- Web analytics by day and source/medium (web-daily).
CREATE TABLE web_daily (
  date DATE, source VARCHAR, medium VARCHAR, channel_raw VARCHAR, campaign VARCHAR, landing_page VARCHAR,
  sessions BIGINT, users BIGINT, new_users BIGINT, engaged_sessions BIGINT, conversions DOUBLE,
  import_id INTEGER NOT NULL
);

-- Search Console (search-daily). query is NULL in by-date exports.
CREATE TABLE search_daily (
  date DATE NOT NULL, query VARCHAR, page VARCHAR, country VARCHAR, device VARCHAR,
  clicks BIGINT, impressions BIGINT, ctr DOUBLE, position DOUBLE,
  import_id INTEGER NOT NULL
);

-- Costs and time logs. Labor rows carry hours (and an hourly rate when the sheet has one).
CREATE TABLE costs (
  date DATE NOT NULL, period_end DATE,
  category VARCHAR NOT NULL,          -- ads, tools, content, agency, labor, other
  channel VARCHAR NOT NULL DEFAULT 'x',
  description VARCHAR, amount DOUBLE, currency VARCHAR, hours DOUBLE, hourly_rate DOUBLE, role VARCHAR,
  import_id INTEGER NOT NULL
);

-- Optional cohort retention table.
CREATE TABLE retention (
  segment VARCHAR, cohort VARCHAR NOT NULL, period INTEGER NOT NULL, active BIGINT NOT NULL,
  import_id INTEGER NOT NULL
);
`;
