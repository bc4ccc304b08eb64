/**
 * The demo company's data in the layouts users have: one file per kind, each exactly as the vendor
 * exports it (header names, date forms, quoting, line endings, encodings), so that the demo goes
 * through the real importers. The cost sheet is a Japanese Excel CSV in Shift_JIS (CP932).
 */
import iconv from 'iconv-lite';
import { addDays, excelJaDate, ga4Date, hubspotTime, isoJst, xDailyDate, xPostDate } from './calendar.js';
import { csvText, thousands } from './csv.js';
import { BRAND, DEAL_STAGES, LOST_STAGE, PIPELINE, WON_STAGE } from './params.js';
import type { Series } from './series.js';
import type { DemoContact, World } from './world.js';

export type DemoFileKind =
  | 'x-posts'
  | 'x-daily'
  | 'x-ads'
  | 'crm-deals'
  | 'crm-contacts'
  | 'touchpoints'
  | 'web-daily'
  | 'search-daily'
  | 'costs';

export interface DemoFile {
  name: string;
  kind: DemoFileKind;
  /** the layout it imitates */
  layout: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'cp932';
  rows: number;
  bytes: Buffer;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const utf8Bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);

export function buildFiles(world: World, series: Series): DemoFile[] {
  return [
    xPosts(world),
    xDaily(series),
    xAds(world),
    hubspotDeals(world),
    hubspotContacts(world),
    touchpoints(world),
    ga4(world, series),
    searchConsole(series),
    costs(series),
    timeLog(series, world.dates.end),
  ];
}

function xPosts(world: World): DemoFile {
  const header = [
    'Post id',
    'Date',
    'Post text',
    'Link',
    'Impressions',
    'Likes',
    'Engagements',
    'Bookmarks',
    'Share',
    'New follows',
    'Replies',
    'Reposts',
    'Profile visits',
    'Detail expands',
    'Url clicks',
    'Hashtag clicks',
    'Permalink clicks',
  ];
  const rows = world.posts
    .slice()
    .reverse()
    .map((p) => {
      const m = p.metrics;
      return [
        p.id,
        xPostDate(p.at),
        p.text,
        `https://x.com/${BRAND.handle}/status/${p.id}`,
        m.impressions,
        m.likes,
        m.engagements,
        m.bookmarks,
        m.shares,
        m.newFollows,
        m.replies,
        m.reposts,
        m.profileVisits,
        m.detailExpands,
        m.urlClicks,
        m.hashtagClicks,
        m.permalinkClicks,
      ];
    });
  return {
    name: 'x-posts.csv',
    kind: 'x-posts',
    layout: 'X analytics post export (current, English headers)',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(csvText(header, rows, { eol: '\r\n' })),
  };
}

function xDaily(series: Series): DemoFile {
  const header = [
    'Date',
    'Impressions',
    'Likes',
    'Engagements',
    'Bookmarks',
    'Shares',
    'New follows',
    'Unfollows',
    'Replies',
    'Reposts',
    'Profile visits',
    'Create Post',
    'Video views',
    'Media views',
  ];
  const rows = series.xDaily
    .slice()
    .reverse()
    .map((r) => [
      xDailyDate(r.day),
      r.impressions,
      r.likes,
      r.engagements,
      r.bookmarks,
      r.shares,
      r.newFollows,
      r.unfollows,
      r.replies,
      r.reposts,
      r.profileVisits,
      r.createPost,
      r.videoViews,
      r.mediaViews,
    ]);
  return {
    name: 'x-account-daily.csv',
    kind: 'x-daily',
    layout: 'X analytics account overview by day (English)',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(csvText(header, rows)),
  };
}

function xAds(world: World): DemoFile {
  const header = [
    '__insert_date',
    'campaign_id',
    'channel',
    'url',
    'text',
    'clicks',
    'comments',
    'date',
    'engagements',
    'impressions',
    'likes',
    'url_clicks',
    'retweets',
    'spend',
    'video_total_views',
  ];
  const postById = new Map(world.posts.map((p) => [p.id, p]));
  const inserted = `${world.dates.end} 23:50:00`;
  const rows = world.adRows.map((r) => [
    inserted,
    r.campaignId,
    'Twitter',
    `https://twitter.com/${BRAND.handle}/status/${r.postId}`,
    (postById.get(r.postId)?.text ?? '').replaceAll('\n', ' '),
    r.clicks,
    r.comments,
    r.day,
    r.engagements,
    r.impressions,
    r.likes,
    r.urlClicks,
    r.retweets,
    r.spend,
    0,
  ]);
  const head = header.map((h) => `"${h}"`).join(',');
  const body = csvText(header, rows).split('\n').slice(1).join('\n');
  return {
    name: 'x-ads-promoted-daily.csv',
    kind: 'x-ads',
    layout: 'promoted-post daily performance (ads connector export; spend in JPY)',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(`${head}\n${body}`),
  };
}

export const DEAL_STAGE_COLUMNS = [...DEAL_STAGES, WON_STAGE, LOST_STAGE].map(
  (s) => `Date entered "${s} (${PIPELINE})"`,
);

function hubspotDeals(world: World): DemoFile {
  const header = [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Create Date',
    'Close Date',
    'Amount',
    'Monthly recurring revenue',
    'Deal Type',
    'Original Traffic Source',
    'Original Traffic Source Drill-Down 1',
    'Original Traffic Source Drill-Down 2',
    'Associated Company',
    'Associated Company IDs',
    'Associated Contact IDs',
    'Is Closed Won',
    'Is closed lost',
    ...DEAL_STAGE_COLUMNS,
  ];
  const accountById = new Map(world.accounts.map((a) => [a.id, a]));
  const contactById = new Map(world.contacts.map((c) => [c.id, c]));
  const rows = world.deals.map((d) => {
    const primary = contactById.get(d.primaryContactId) as DemoContact;
    const [src, d1, d2] = d.type === 'new' ? primary.originalSource : ['Offline Sources', 'CRM_UI', ''];
    const stage =
      d.outcome === 'won' ? WON_STAGE : d.outcome === 'lost' ? LOST_STAGE : (DEAL_STAGES[d.currentStage] as string);
    const t = (ms: number | null) => (ms === null ? '' : hubspotTime(ms));
    return [
      d.id,
      d.name,
      stage,
      PIPELINE,
      t(d.createdAt),
      t(d.closeDateField),
      d.amount,
      d.mrr,
      d.type === 'new' ? 'New Business' : 'Existing Business',
      src,
      d1,
      d2,
      accountById.get(d.accountId)?.name ?? '',
      d.accountId,
      d.contactIds.join(';'),
      d.outcome === 'won' ? 'true' : 'false',
      d.outcome === 'lost' ? 'true' : 'false',
      ...d.stageEntered.map(t),
      t(d.outcome === 'won' ? d.closedAt : null),
      t(d.outcome === 'lost' ? d.closedAt : null),
    ];
  });
  return {
    name: 'hubspot-deals.csv',
    kind: 'crm-deals',
    layout: 'HubSpot deals export (subset of columns, with stage history)',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(csvText(header, rows, { quoteAll: true })),
  };
}

const LIFECYCLE = ['Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer'] as const;

function hubspotContacts(world: World): DemoFile {
  const header = [
    'Record ID',
    'First Name',
    'Last Name',
    'Email',
    'Company Name',
    'Associated Company IDs',
    'Job Title',
    'Industry',
    'Number of Employees',
    'Create Date',
    'Lifecycle Stage',
    'Original Source',
    'Original Source Drill-Down 1',
    'Original Source Drill-Down 2',
    'Became a Lead Date',
    'Became a Marketing Qualified Lead Date',
    'Became a Sales Qualified Lead Date',
    'Became an Opportunity Date',
    'Became a Customer Date',
    'How did you hear about us?',
  ];
  const accountById = new Map(world.accounts.map((a) => [a.id, a]));
  const t = (ms: number | null) => (ms === null ? '' : hubspotTime(ms));
  const rows = world.contacts.map((c) => {
    const stages = [c.isLead ? c.createdAt : null, c.mqlAt, c.trueLeadAt, c.opportunityAt, c.customerAt];
    let current = 0;
    stages.forEach((s, i) => {
      if (s !== null) current = i;
    });
    return [
      c.id,
      c.name.first,
      c.name.last,
      c.email,
      accountById.get(c.accountId)?.name ?? '',
      c.accountId,
      c.jobTitle,
      accountById.get(c.accountId)?.industry ?? '',
      accountById.get(c.accountId)?.employees ?? '',
      t(c.createdAt),
      LIFECYCLE[current] as string,
      ...c.originalSource,
      ...stages.map(t),
      c.selfReport,
    ];
  });
  return {
    name: 'hubspot-contacts.csv',
    kind: 'crm-contacts',
    layout: 'HubSpot contacts export (subset of columns, lifecycle stage dates)',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(csvText(header, rows, { quoteAll: true })),
  };
}

function touchpoints(world: World): DemoFile {
  const header = [
    'person_id',
    'occurred_at',
    'kind',
    'channel',
    'source',
    'medium',
    'campaign',
    'content',
    'referrer',
    'landing_page',
    'post_id',
    'account_id',
  ];
  const rows = world.touches.map((t) => [
    t.personId,
    isoJst(t.at),
    t.kind,
    t.channelLabel,
    t.source,
    t.medium,
    t.campaign,
    t.content,
    t.referrer,
    t.landingPage,
    t.postId,
    t.accountId,
  ]);
  return {
    name: 'touchpoints.csv',
    kind: 'touchpoints',
    layout: 'xroi touchpoints format (docs/formats.md), as exported from the MA tool',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(csvText(header, rows)),
  };
}

function ga4(world: World, series: Series): DemoFile {
  const preamble = [
    '# ----------------------------------------',
    '# Traffic acquisition: Session source / medium',
    `# Account: ${BRAND.name}`,
    `# Property: ${BRAND.name} - GA4`,
    '# ----------------------------------------',
    '# ',
    '# All Users',
    `# Start date: ${ga4Date(world.dates.windowStart)}`,
    `# End date: ${ga4Date(world.dates.end)}`,
  ].join('\r\n');
  const header = [
    'Date',
    'Session source / medium',
    'Sessions',
    'Total users',
    'New users',
    'Engaged sessions',
    'Key events',
  ];
  const rows = series.web.map((r) => [ga4Date(r.day), r.key, r.sessions, r.users, r.newUsers, r.engaged, r.keyEvents]);
  return {
    name: 'ga4-sessions-daily.csv',
    kind: 'web-daily',
    layout: 'GA4 report export (Date × Session source / medium) with the # preamble',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(`${preamble}\r\n${csvText(header, rows, { eol: '\r\n' })}`),
  };
}

function searchConsole(series: Series): DemoFile {
  const header = ['Date', 'Query', 'Clicks', 'Impressions', 'CTR', 'Position'];
  const rows = series.search
    .slice()
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.clicks - a.clicks || (a.query < b.query ? -1 : 1)))
    .map((r) => [
      r.day,
      r.query,
      r.clicks,
      r.impressions,
      `${((100 * r.clicks) / r.impressions).toFixed(2)}%`,
      r.position.toFixed(2),
    ]);
  return {
    name: 'search-console-queries.csv',
    kind: 'search-daily',
    layout: 'Google Search Console performance export (Date × Query)',
    encoding: 'utf-8',
    rows: rows.length,
    bytes: utf8(csvText(header, rows)),
  };
}

const COST_CATEGORY_JA = { tools: 'ツール', agency: '代理店', content: '制作', ads: '広告' } as const;

function costs(series: Series): DemoFile {
  const header = ['日付', '終了日', '区分', 'チャネル', '金額', '内容'];
  const yen = (n: number) => `￥${thousands(n)}`;
  const rows = series.costs.map((c) => [
    excelJaDate(c.start),
    excelJaDate(c.end),
    COST_CATEGORY_JA[c.category],
    c.channel,
    yen(c.amount),
    c.description,
  ]);
  return {
    name: 'costs.csv',
    kind: 'costs',
    layout: 'cost sheet (docs/formats.md) saved by Excel in Japan: Shift_JIS, CRLF, ￥ amounts',
    encoding: 'cp932',
    rows: rows.length,
    bytes: iconv.encode(csvText(header, rows, { eol: '\r\n' }), 'cp932'),
  };
}

function timeLog(series: Series, end: string): DemoFile {
  const header = ['date', 'period_end', 'category', 'hours', 'role', 'channel', 'description'];
  const rows = series.timeLog.map((r) => {
    const weekEnd = addDays(r.weekStart, 6);
    return [r.weekStart, weekEnd > end ? end : weekEnd, 'labor', r.hours, r.role, 'x', r.description];
  });
  return {
    name: 'time-log.csv',
    kind: 'costs',
    layout: 'staff time log (docs/formats.md): hours per week and role; UTF-8 with BOM',
    encoding: 'utf-8-bom',
    rows: rows.length,
    bytes: utf8Bom(csvText(header, rows)),
  };
}
