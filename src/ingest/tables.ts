/**
 * The canonical columns ingest writes, per table, with their DuckDB types (a subset of
 * store/migrations/0001-init.ts; `import_id` is added by the loader). Rows are emitted as arrays in
 * this column order.
 */
export const TABLES = {
  posts: [
    ['post_id', 'VARCHAR'], ['posted_at', 'TIMESTAMP'], ['date_only', 'BOOLEAN'], ['text', 'VARCHAR'], ['url', 'VARCHAR'],
    ['impressions', 'BIGINT'], ['engagements', 'BIGINT'], ['likes', 'BIGINT'], ['reposts', 'BIGINT'], ['replies', 'BIGINT'],
    ['bookmarks', 'BIGINT'], ['shares', 'BIGINT'], ['url_clicks', 'BIGINT'], ['profile_clicks', 'BIGINT'], ['follows', 'BIGINT'],
    ['detail_expands', 'BIGINT'], ['hashtag_clicks', 'BIGINT'], ['permalink_clicks', 'BIGINT'], ['media_views', 'BIGINT'],
    ['media_engagements', 'BIGINT'], ['promoted_impressions', 'BIGINT'], ['promoted_engagements', 'BIGINT'],
    ['promoted_url_clicks', 'BIGINT'],
  ],
  x_daily: [
    ['date', 'DATE'], ['impressions', 'BIGINT'], ['engagements', 'BIGINT'], ['likes', 'BIGINT'], ['bookmarks', 'BIGINT'],
    ['shares', 'BIGINT'], ['replies', 'BIGINT'], ['reposts', 'BIGINT'], ['new_follows', 'BIGINT'], ['unfollows', 'BIGINT'],
    ['profile_visits', 'BIGINT'], ['posts_created', 'BIGINT'], ['video_views', 'BIGINT'], ['media_views', 'BIGINT'],
    ['followers', 'BIGINT'],
  ],
  ad_daily: [
    ['date', 'DATE'], ['campaign_id', 'VARCHAR'], ['campaign_name', 'VARCHAR'], ['ad_group', 'VARCHAR'], ['post_id', 'VARCHAR'],
    ['spend', 'DOUBLE'], ['currency', 'VARCHAR'], ['impressions', 'BIGINT'], ['clicks', 'BIGINT'], ['url_clicks', 'BIGINT'],
    ['engagements', 'BIGINT'], ['follows', 'BIGINT'], ['conversions', 'DOUBLE'], ['conversion_value', 'DOUBLE'],
  ],
  people: [
    ['person_id', 'VARCHAR'], ['email_hash', 'VARCHAR'], ['crm_id', 'VARCHAR'], ['account_id', 'VARCHAR'], ['company', 'VARCHAR'],
    ['domain', 'VARCHAR'], ['name', 'VARCHAR'], ['job_title', 'VARCHAR'], ['industry', 'VARCHAR'], ['employees', 'BIGINT'],
    ['country', 'VARCHAR'], ['created_at', 'TIMESTAMP'], ['lifecycle_stage', 'VARCHAR'], ['lead_status', 'VARCHAR'],
    ['original_source', 'VARCHAR'], ['original_source_d1', 'VARCHAR'], ['original_source_d2', 'VARCHAR'],
    ['latest_source', 'VARCHAR'], ['custom_source', 'VARCHAR'], ['self_reported_source', 'VARCHAR'],
    ['utm_source', 'VARCHAR'], ['utm_medium', 'VARCHAR'], ['utm_campaign', 'VARCHAR'], ['utm_content', 'VARCHAR'],
  ],
  lifecycle: [['person_id', 'VARCHAR'], ['stage', 'VARCHAR'], ['entered_at', 'TIMESTAMP']],
  touchpoints: [
    ['person_id', 'VARCHAR'], ['account_id', 'VARCHAR'], ['occurred_at', 'TIMESTAMP'], ['kind', 'VARCHAR'],
    ['channel_raw', 'VARCHAR'], ['source', 'VARCHAR'], ['medium', 'VARCHAR'], ['campaign', 'VARCHAR'], ['content', 'VARCHAR'],
    ['referrer', 'VARCHAR'], ['landing_page', 'VARCHAR'], ['post_id', 'VARCHAR'], ['is_conversion', 'BOOLEAN'],
    ['conversion_value', 'DOUBLE'],
  ],
  deals: [
    ['deal_id', 'VARCHAR'], ['name', 'VARCHAR'], ['account_id', 'VARCHAR'], ['account_name', 'VARCHAR'],
    ['created_at', 'TIMESTAMP'], ['closed_at', 'TIMESTAMP'], ['stage', 'VARCHAR'], ['is_closed', 'BOOLEAN'],
    ['is_won', 'BOOLEAN'], ['amount', 'DOUBLE'], ['currency', 'VARCHAR'], ['mrr', 'DOUBLE'], ['arr', 'DOUBLE'],
    ['acv', 'DOUBLE'], ['tcv', 'DOUBLE'], ['contract_months', 'DOUBLE'], ['deal_type', 'VARCHAR'], ['pipeline', 'VARCHAR'],
    ['probability', 'DOUBLE'], ['original_source', 'VARCHAR'], ['original_source_d1', 'VARCHAR'],
    ['original_source_d2', 'VARCHAR'], ['latest_source', 'VARCHAR'], ['custom_source', 'VARCHAR'],
  ],
  deal_contacts: [['deal_id', 'VARCHAR'], ['person_id', 'VARCHAR']],
  deal_stages: [['deal_id', 'VARCHAR'], ['stage', 'VARCHAR'], ['entered_at', 'TIMESTAMP']],
  web_daily: [
    ['date', 'DATE'], ['source', 'VARCHAR'], ['medium', 'VARCHAR'], ['channel_raw', 'VARCHAR'], ['campaign', 'VARCHAR'],
    ['landing_page', 'VARCHAR'], ['sessions', 'BIGINT'], ['users', 'BIGINT'], ['new_users', 'BIGINT'],
    ['engaged_sessions', 'BIGINT'], ['conversions', 'DOUBLE'],
  ],
  search_daily: [
    ['date', 'DATE'], ['query', 'VARCHAR'], ['page', 'VARCHAR'], ['country', 'VARCHAR'], ['device', 'VARCHAR'],
    ['clicks', 'BIGINT'], ['impressions', 'BIGINT'], ['ctr', 'DOUBLE'], ['position', 'DOUBLE'],
  ],
  costs: [
    ['date', 'DATE'], ['period_end', 'DATE'], ['category', 'VARCHAR'], ['channel', 'VARCHAR'], ['description', 'VARCHAR'],
    ['amount', 'DOUBLE'], ['currency', 'VARCHAR'], ['hours', 'DOUBLE'], ['hourly_rate', 'DOUBLE'], ['role', 'VARCHAR'],
  ],
  retention: [['segment', 'VARCHAR'], ['cohort', 'VARCHAR'], ['period', 'INTEGER'], ['active', 'BIGINT']],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

export type TableName = keyof typeof TABLES;
type Cols<T extends TableName> = (typeof TABLES)[T][number][0];
/** One row of a table as a record (missing columns are NULL). */
export type TableRow<T extends TableName> = Partial<Record<Cols<T>, string | number | boolean | null>>;

/** Tables whose rows replace earlier rows with the same key (latest export wins). */
export const PRIMARY_KEYS: Partial<Record<TableName, string>> = {
  posts: 'post_id',
  deals: 'deal_id',
  people: 'person_id',
};

/** Child tables cleared for the keys a new import replaces. */
export const CHILDREN: Partial<Record<TableName, { table: TableName; key: string }[]>> = {
  deals: [
    { table: 'deal_stages', key: 'deal_id' },
    { table: 'deal_contacts', key: 'deal_id' },
  ],
  people: [{ table: 'lifecycle', key: 'person_id' }],
};
