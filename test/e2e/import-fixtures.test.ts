/**
 * The fixtures in fixtures/exports (one per layout the demo generator writes, plus messy ones:
 * Shift_JIS with full-width digits, UTF-16 with tabs, BOM + semicolons + blank trailing rows)
 * import without a mapping, with exact values.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/config/index.js';
import { importFiles, inspectFile } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';

const fx = (name: string) => fileURLToPath(new URL(`../../fixtures/exports/${name}`, import.meta.url));
const config = parseConfig({ crm: { sourceField: 'Lead Type' }, privacy: { salt: 'pepper' }, locale: 'en' });

describe('fixtures/exports', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.memory();
  });
  afterAll(() => store.close());
  const one = async (name: string) => (await importFiles(store, [fx(name)], config)).files[0]!;

  it('X post export with full times, quoted newlines and a no-id row', async () => {
    const r = await one('x-posts-current-en.csv');
    expect(r).toMatchObject({ kind: 'x-posts', rowsRead: 4, rowsStored: 3 });
    expect(r.warnings.map((w) => [w.code, w.count, w.path?.line])).toEqual([['row_without_id', 1, 5]]);
    const rows = await store.query(
      'SELECT post_id, posted_at, date_only, impressions, text FROM posts ORDER BY post_id',
    );
    expect(rows[0]).toMatchObject({ posted_at: '2026-04-01T09:30:00.000Z', date_only: false, impressions: 1234 });
    expect(rows[1]!.text).toBe('Case study:\nhow ACME cut churn "by half"');
    expect(rows[2]).toMatchObject({ posted_at: '2026-04-02T15:00:00.000Z', date_only: true });
  });

  it('X account daily', async () => {
    expect(await one('x-account-daily.csv')).toMatchObject({ kind: 'x-daily', rowsStored: 2 });
    expect(
      await store.query("SELECT impressions, new_follows, posts_created FROM x_daily WHERE date = '2026-04-01'"),
    ).toEqual([{ impressions: 1234, new_follows: 2, posts_created: 1 }]);
  });

  it('X ads: connector layout and Ads Manager export', async () => {
    expect(await one('x-ads-connector.csv')).toMatchObject({ kind: 'x-ads', preset: 'x-ads-connector', rowsStored: 2 });
    expect(await one('x-ads-manager.csv')).toMatchObject({ kind: 'x-ads', preset: 'x-ads-manager', rowsStored: 2 });
    expect(
      await store.query(
        "SELECT campaign_id, post_id, spend, currency FROM ad_daily WHERE date = '2026-04-02' ORDER BY spend",
      ),
    ).toEqual([
      { campaign_id: 'c-77', post_id: null, spend: 4800, currency: 'JPY' },
      { campaign_id: '7', post_id: '1900000000000000002', spend: 4800.5, currency: 'JPY' },
    ]);
    expect(
      await store.scalar("SELECT conversions FROM ad_daily WHERE campaign_id = 'c-77' AND date = '2026-04-01'"),
    ).toBe(3);
  });

  it('HubSpot deals with stage history and associated contacts', async () => {
    const r = await one('hubspot-deals-demo.csv');
    expect(r).toMatchObject({
      kind: 'crm-deals',
      preset: 'hubspot-deals',
      tables: { deals: 3, deal_stages: 5, deal_contacts: 3 },
    });
    expect(
      await store.query("SELECT amount, is_won, custom_source, account_id FROM deals WHERE deal_id = '5001'"),
    ).toEqual([{ amount: 1200000, is_won: true, custom_source: 'X', account_id: '9001' }]);
    expect(
      await store.query("SELECT stage, entered_at FROM deal_stages WHERE deal_id = '5001' ORDER BY entered_at"),
    ).toEqual([
      { stage: 'Appointment Scheduled', entered_at: '2026-04-05T02:00:00.000Z' },
      { stage: 'Closed Won', entered_at: '2026-05-20T06:00:00.000Z' },
    ]);
    expect(await store.scalar("SELECT is_closed FROM deals WHERE deal_id = '5003'")).toBe(true);
  });

  it('HubSpot contacts: hashed e-mails, no names, lifecycle dates, self-reported source', async () => {
    const r = await one('hubspot-contacts-demo.csv');
    expect(r).toMatchObject({ kind: 'crm-contacts', preset: 'hubspot-contacts', tables: { people: 3, lifecycle: 10 } });
    const hash = createHash('sha256').update('pepper:hanako.yamada@acme.example').digest('hex');
    expect(
      await store.query(
        "SELECT email_hash, name, self_reported_source, original_source_d1 FROM people WHERE person_id = '7001'",
      ),
    ).toEqual([
      { email_hash: hash, name: null, self_reported_source: 'saw a post on X', original_source_d1: 'Twitter' },
    ]);
    expect(await store.query("SELECT stage FROM lifecycle WHERE person_id = '7003' ORDER BY entered_at")).toEqual([
      { stage: 'lead' },
      { stage: 'mql' },
      { stage: 'sql' },
    ]);
    const dump = JSON.stringify(await store.query('SELECT * FROM people'));
    expect(dump).not.toMatch(/@|Hanako|Yamada/);
  });

  it('touchpoints: ids or hashed e-mails, UTM from the landing page, offsets kept', async () => {
    expect(await one('touchpoints-generic.csv')).toMatchObject({ kind: 'touchpoints', rowsStored: 3 });
    const rows = await store.query(
      'SELECT person_id, occurred_at, source, medium, campaign, post_id, is_conversion FROM touchpoints ORDER BY occurred_at',
    );
    expect(rows[0]).toMatchObject({
      person_id: '7001',
      occurred_at: '2026-04-01T00:45:00.000Z',
      source: 'x',
      medium: 'social',
      campaign: 'spring',
      post_id: '1900000000000000001',
    });
    expect(rows[1]).toMatchObject({ occurred_at: '2026-04-01T01:00:00.000Z', is_conversion: true });
    expect(rows[2]!.person_id).toBe(createHash('sha256').update('pepper:ken@globex.example').digest('hex'));
  });

  it('GA4 web daily with a # preamble', async () => {
    const r = await one('ga4-web-daily.csv');
    expect(r).toMatchObject({ kind: 'web-daily', rowsStored: 3 });
    expect(
      await store.query(
        "SELECT date, source, medium, sessions, new_users, engaged_sessions, conversions FROM web_daily WHERE source = 't.co'",
      ),
    ).toEqual([
      {
        date: '2026-04-01',
        source: 't.co',
        medium: 'referral',
        sessions: 120,
        new_users: 80,
        engaged_sessions: 70,
        conversions: 3,
      },
    ]);
  });

  it('Search Console by date and query', async () => {
    expect(await one('search-console-queries.csv')).toMatchObject({ kind: 'search-daily', rowsStored: 3 });
    expect(await store.query("SELECT clicks, ctr FROM search_daily WHERE query = 'デモ CRM'")).toEqual([
      { clicks: 3, ctr: 0.0333 },
    ]);
  });

  it('costs: months, currency marks, hours', async () => {
    expect(await one('costs.csv')).toMatchObject({ kind: 'costs', rowsStored: 3 });
    expect(
      await store.query(
        "SELECT date, period_end, category, amount, hours, channel FROM costs WHERE category = 'agency'",
      ),
    ).toEqual([
      { date: '2026-04-01', period_end: '2026-04-30', category: 'agency', amount: 200000, hours: null, channel: 'x' },
    ]);
  });

  it('retention', async () => {
    expect(await one('retention.csv')).toMatchObject({ kind: 'retention', rowsStored: 3 });
  });

  it('messy: Shift_JIS with Japanese headers and full-width digits', async () => {
    const r = await one('costs-ja-sjis.csv');
    expect(r).toMatchObject({ kind: 'costs', encoding: 'cp932', rowsStored: 2 });
    expect(await store.query("SELECT date, amount, description FROM costs WHERE category = 'ads'")).toEqual([
      { date: '2026-04-01', amount: 120000, description: 'Ｘ広告' },
    ]);
    expect(await store.scalar("SELECT hours FROM costs WHERE role = 'マーケター'")).toBe(7.5);
  });

  it('messy: UTF-16 LE with BOM and tabs', async () => {
    const r = await one('search-console-utf16.csv');
    expect(r).toMatchObject({ kind: 'search-daily', encoding: 'utf-16le', delimiter: '\t', rowsStored: 2 });
    expect(await store.scalar("SELECT impressions FROM search_daily WHERE date = '2026-04-02' AND query IS NULL")).toBe(
      64100,
    );
  });

  it('messy: UTF-8 BOM, semicolons, decimal commas and blank trailing rows', async () => {
    const r = await one('touchpoints-semicolon-bom.csv');
    expect(r).toMatchObject({ kind: 'touchpoints', delimiter: ';', rowsRead: 2, rowsStored: 2 });
    expect(
      await store.scalar("SELECT conversion_value FROM touchpoints WHERE person_id = 'A1' AND is_conversion"),
    ).toBe(4.5);
  });

  it('the costs example in docs/formats.md imports as documented', async () => {
    const doc = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
    const csv = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
    const fresh = await Store.memory();
    const r = (await importFiles(fresh, [{ name: 'formats-example.csv', bytes: Buffer.from(csv) }], config)).files[0]!;
    expect(r).toMatchObject({ kind: 'costs', rowsStored: 3 });
    expect(await fresh.query('SELECT category, amount, hours FROM costs ORDER BY date, category')).toEqual([
      { category: 'agency', amount: 200000, hours: null },
      { category: 'tools', amount: 30000, hours: null },
      { category: 'labor', amount: null, hours: 12.5 },
    ]);
    fresh.close();
  });

  it('inspect shows kind, encoding, header row, mapping and masked samples', () => {
    const r = inspectFile(fx('hubspot-contacts-demo.csv'), config);
    expect(r).toMatchObject({
      ok: true,
      kind: 'crm-contacts',
      preset: 'hubspot-contacts',
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
    });
    expect(r.mapping?.find((m) => m.field === 'email')).toMatchObject({ column: 4, header: 'Email' });
    expect(r.dynamic?.map((d) => d.tag)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer']);
    expect(r.samples?.[0]?.Email).toBe('H***@acme.example');
    const ga = inspectFile(fx('ga4-web-daily.csv'), config);
    expect(ga).toMatchObject({ headerLine: 10, kind: 'web-daily' });
  });
});

describe('analysis period', () => {
  it('counts rows outside period.start / period.end as one warning and still stores them', async () => {
    const store = await Store.memory();
    const cfg = parseConfig({ locale: 'en', period: { start: '2026-04-02', end: '2026-04-30' } });
    const r = (await importFiles(store, [fx('x-posts-current-en.csv')], cfg)).files[0]!;
    expect(r.rowsStored).toBe(3);
    const w = r.warnings.find((x) => x.code === 'out_of_period');
    // 2026-04-01 09:30 UTC is 18:30 on Apr 1 in Tokyo: before the period
    expect(w).toMatchObject({
      count: 1,
      path: { line: 2, column: 2, columnName: 'Date' },
      value: '2026-04-01 09:30 +0000',
    });
    store.close();
  });
});

describe('Salesforce reports', () => {
  it('opportunities, campaign members and leads import without a mapping', async () => {
    const store = await Store.memory();
    const r = await importFiles(
      store,
      [fx('salesforce-opportunities.csv'), fx('salesforce-campaign-members.csv'), fx('salesforce-leads.csv')],
      config,
    );
    expect(r.files.map((f) => [f.kind, f.preset, f.rowsStored])).toEqual([
      ['crm-deals', 'salesforce-opportunities', 2],
      ['touchpoints', 'salesforce-campaign-members', 2],
      ['crm-contacts', 'salesforce-leads-contacts', 1],
    ]);
    expect(
      await store.query(
        'SELECT deal_id, amount, probability, is_won, original_source, closed_at FROM deals ORDER BY deal_id',
      ),
    ).toEqual([
      {
        deal_id: '0065g00000ABCDE',
        amount: 1200000,
        probability: 1,
        is_won: true,
        original_source: 'X',
        closed_at: '2026-05-19T15:00:00.000Z',
      },
      {
        deal_id: '0065g00000ABCDF',
        amount: 300000,
        probability: 0.75,
        is_won: false,
        original_source: 'Web',
        closed_at: '2026-06-29T15:00:00.000Z',
      },
    ]);
    expect(
      await store.query('SELECT person_id, occurred_at, kind, campaign FROM touchpoints ORDER BY occurred_at'),
    ).toEqual([
      { person_id: '00Q5g00000LEAD1', occurred_at: '2026-04-01T15:00:00.000Z', kind: 'event', campaign: 'Tokyo expo' },
      {
        person_id: '0035g00000XYZ01',
        occurred_at: '2026-04-04T15:00:00.000Z',
        kind: 'webinar',
        campaign: 'Spring webinar',
      },
    ]);
    expect(await store.query('SELECT person_id, company, original_source, lead_status FROM people')).toEqual([
      { person_id: '00Q5g00000LEAD1', company: 'Globex', original_source: 'X', lead_status: 'Working - Contacted' },
    ]);
    store.close();
  });
});

describe('HubSpot association lists', () => {
  it('takes the first company of a ;-separated list as the account', async () => {
    const store = await Store.memory();
    const csv =
      'Record ID,First Name,Email,Lifecycle Stage,Create Date,Associated Company IDs\n7001,A,a@x.example,lead,2026-04-01,9001;9002\n';
    await importFiles(store, [{ name: 'contacts.csv', bytes: Buffer.from(csv) }], config);
    expect(await store.scalar("SELECT account_id FROM people WHERE person_id = '7001'")).toBe('9001');
    store.close();
  });
});

describe('undecodable bytes', () => {
  it('a few invalid UTF-8 bytes in text give a counted warning, not an error', async () => {
    const store = await Store.memory();
    const head = Buffer.from('date,category,amount,description\n2026-04-01,tools,100,caf');
    const bytes = Buffer.concat([
      head,
      Buffer.from([0xe9]),
      Buffer.from(' bill\n'),
      Buffer.from('2026-04-02,tools,200,ok\n'.repeat(300)),
    ]);
    const r = (await importFiles(store, [{ name: 'latin1-bit.csv', bytes }], config)).files[0]!;
    expect(r.rowsStored).toBe(301);
    expect(r.warnings.map((w) => [w.code, w.count, w.path?.line, w.path?.column])).toEqual([
      ['replacement_chars', 1, 2, 4],
    ]);
    store.close();
  });
});
