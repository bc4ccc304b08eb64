/**
 * The real export files (../shared/data/real, see its README): every file imports without a hand
 * mapping (one line of config names the CRM's custom source field), with exact row counts and cell
 * values; re-import adds nothing; unknown kinds, truncated files and missing columns stop with a
 * located error and leave the store unchanged.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/index.js';
import { ImportError } from '../../src/errors.js';
import { importFiles } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';
import { REAL, snapshot } from './import-helpers.js';

const dir = fileURLToPath(REAL);
const file = (name: string) => `${dir}${name}`;
const config = parseConfig({ crm: { sourceField: 'Lead Type' }, privacy: { salt: 'test-salt' }, locale: 'en' });

async function importError(store: Store, source: string | { bytes: Buffer; name: string }): Promise<ImportError> {
  try {
    await importFiles(store, [source], config);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('real x-posts exports', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.memory();
  });
  afterAll(() => store.close());

  it('current English export: 141 posts, date-only at midnight Tokyo', async () => {
    const r = await importFiles(store, [file('x-posts-en.csv')], config);
    expect(r.files[0]).toMatchObject({ kind: 'x-posts', preset: 'x-posts-current-en', rowsRead: 141, rowsStored: 141 });
    const [p] = await store.query("SELECT * FROM posts WHERE post_id = '1891564128784855141'");
    expect(p).toMatchObject({
      impressions: 70,
      likes: 3,
      engagements: 3,
      bookmarks: 1,
      posted_at: '2025-02-16T15:00:00.000Z',
      date_only: true,
    });
  });

  it('legacy export: 50 posts, 1938.0-style counts, "-" promoted columns, text with newlines', async () => {
    const r = await importFiles(store, [file('x-posts-legacy-en.csv')], config);
    expect(r.files[0]).toMatchObject({ preset: 'x-posts-legacy-en', rowsRead: 50, rowsStored: 50 });
    const [p] = await store.query("SELECT * FROM posts WHERE post_id = '1001209144211206145'");
    expect(p).toMatchObject({
      impressions: 5999,
      url_clicks: 49,
      posted_at: '2018-05-28T21:10:00.000Z',
      date_only: false,
      promoted_impressions: null,
    });
    expect(p!.text).toContain('custom\ners');
  });

  it('Japanese export: 1598 rows, 30 without id skipped with a counted warning', async () => {
    const r = await importFiles(store, [file('x-posts-ja.csv')], config);
    const f = r.files[0]!;
    expect(f).toMatchObject({ preset: 'x-posts-current-ja', encoding: 'utf-8', rowsRead: 1598, rowsStored: 1568 });
    expect(f.warnings).toHaveLength(1);
    expect(f.warnings[0]).toMatchObject({
      code: 'row_without_id',
      count: 30,
      path: { file: 'x-posts-ja.csv', line: 12, column: 1 },
    });
    const [p] = await store.query("SELECT impressions, shares FROM posts WHERE post_id = '2007466184925724818'");
    expect(p).toEqual({ impressions: 8885, shares: 1 });
  });

  it('the same export saved by Excel in Shift_JIS gives the same posts', async () => {
    const before = await store.scalar<number>('SELECT count(*) FROM posts');
    const r = await importFiles(store, [file('x-posts-ja-excel-sjis.csv')], config);
    expect(r.files[0]).toMatchObject({ encoding: 'cp932', rowsRead: 1598, rowsStored: 1568 });
    // characters outside Shift_JIS (emoji) became "?": one counted warning
    expect(r.files[0]!.warnings.map((w) => [w.code, w.count])).toEqual([
      ['row_without_id', 30],
      ['lossy_excel', 82],
    ]);
    expect(await store.scalar<number>('SELECT count(*) FROM posts')).toBe(before);
    const [p] = await store.query("SELECT impressions FROM posts WHERE post_id = '2019770265215930588'");
    expect(p).toEqual({ impressions: 90 });
  });

  it('re-importing adds nothing', async () => {
    const before = await snapshot(store);
    const r = await importFiles(store, [file('x-posts-en.csv'), file('x-posts-ja.csv')], config);
    expect(r.unchanged).toBe(2);
    expect(r.rowsStored).toBe(0);
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('real HubSpot deals export', () => {
  it('54 deals, amounts, close dates and the custom source field', async () => {
    const store = await Store.memory();
    const r = await importFiles(store, [file('hubspot-deals.csv')], config);
    expect(r.files[0]).toMatchObject({
      kind: 'crm-deals',
      preset: 'hubspot-deals',
      rowsRead: 54,
      tables: { deals: 54 },
    });
    const [d] = await store.query("SELECT * FROM deals WHERE deal_id = '163828811480'");
    expect(d).toMatchObject({
      amount: 10000,
      closed_at: '2025-10-28T06:53:00.000Z',
      stage: 'Closed Won',
      is_won: true,
      is_closed: true,
      custom_source: 'External',
      currency: 'JPY',
    });
    expect(await store.scalar('SELECT count(*) FROM deals WHERE amount IS NOT NULL')).toBe(12);
    expect(
      await store.query("SELECT person_id FROM deal_contacts WHERE deal_id = '223339060953' ORDER BY person_id"),
    ).toEqual([{ person_id: '345868333754' }, { person_id: '345868333755' }]);
    store.close();
  });
});

describe('all real files', () => {
  it('import without a hand mapping; the path file is recognised and pointed to attribution', async () => {
    const store = await Store.memory();
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort();
    expect(names).toHaveLength(11);
    const kinds: Record<string, string> = {};
    for (const name of names) {
      if (name === 'paths-channelattribution.csv') {
        const e = await importError(store, file(name));
        expect(e.issues[0]).toMatchObject({ code: 'paths_file', path: { file: name, line: 1, column: 1 } });
        expect(e.issues[0]!.hint).toContain('xroi attribution --paths');
        continue;
      }
      const r = await importFiles(store, [file(name)], config);
      kinds[name] = r.files[0]!.kind;
    }
    expect(kinds).toEqual({
      'ga4-first-user-source.csv': 'web-daily',
      'hubspot-deals.csv': 'crm-deals',
      'search-console-daily.csv': 'search-daily',
      'touchpoints-mta.csv': 'touchpoints',
      'x-account-daily-en.csv': 'x-daily',
      'x-posts-en.csv': 'x-posts',
      'x-posts-ja-excel-sjis.csv': 'x-posts',
      'x-posts-ja.csv': 'x-posts',
      'x-posts-legacy-en.csv': 'x-posts',
      'x-promoted-daily.csv': 'x-ads',
    });
    expect(await store.scalar('SELECT count(*) FROM touchpoints')).toBe(62483);
    expect(await store.scalar('SELECT count(*) FROM web_daily')).toBe(4362);
    expect(await store.scalar('SELECT count(*) FROM search_daily')).toBe(365);
    expect(await store.scalar('SELECT count(*) FROM ad_daily')).toBe(3130);
    expect(await store.scalar('SELECT count(*) FROM x_daily')).toBe(50);
    expect(await store.query("SELECT ctr, position FROM search_daily WHERE date = '2025-07-11'")).toEqual([
      { ctr: 0.0025, position: 42.08 },
    ]);
    expect(
      await store.query(
        "SELECT sessions, users, conversions FROM web_daily WHERE source = 'google' AND medium = 'cpc'",
      ),
    ).toEqual([{ sessions: 2139949, users: 1223620, conversions: 116456 }]);
    store.close();
  });
});

describe('files that must stop the import', () => {
  it('an unknown kind, a truncated file and a missing required column: located errors, store unchanged', async () => {
    const store = await Store.memory();
    await importFiles(store, [file('x-posts-en.csv')], config);
    const before = await snapshot(store);

    const unknown = await importError(store, { name: 'mystery.csv', bytes: Buffer.from('foo,bar,baz\n1,2,3\n') });
    expect(unknown.issues[0]).toMatchObject({
      code: 'unknown_kind',
      path: { file: 'mystery.csv', line: 1, column: 1 },
      value: 'foo,bar,baz',
    });
    expect(unknown.issues[0]!.hint).toContain('--kind');

    const whole = readFileSync(file('x-posts-legacy-en.csv'));
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const truncated = await importError(store, { name: 'x-posts-legacy-en.csv', bytes: cut });
    const t0 = truncated.issues[0]!;
    expect(['unclosed_quote', 'short_row']).toContain(t0.code);
    expect(t0.path?.line).toBeGreaterThan(1);
    expect(t0.path?.column).toBeGreaterThanOrEqual(1);
    expect(t0.hint).toBeTruthy();

    const text = readFileSync(file('search-console-daily.csv'), 'utf8').replace(
      /^Date,Clicks,Impressions/,
      'Day,Clicks,Impressions',
    );
    const missing = await importError(store, { name: 'search.csv', bytes: Buffer.from(text) });
    expect(
      missing.issues.some(
        (i) => i.code === 'unknown_kind' || (i.code === 'missing_column' && i.path?.columnName === 'date'),
      ),
    ).toBe(true);

    const noDate = readFileSync(file('x-posts-en.csv'), 'utf8').replace('Post id,Date,', 'Post id,Day,');
    const missing2 = await importError(store, { name: 'posts.csv', bytes: Buffer.from(noDate) });
    expect(missing2.issues[0]).toMatchObject({
      code: 'missing_column',
      path: { file: 'posts.csv', line: 1, column: 1, columnName: 'posted_at' },
    });
    expect(missing2.issues[0]!.hint).toContain('--map posted_at=');

    expect(await snapshot(store)).toEqual(before);
    store.close();
  });
});
