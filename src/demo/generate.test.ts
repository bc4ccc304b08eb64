import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoResult } from './generate.js';
import { discountedExpectedLifetime, type RateTruth } from './truth.js';
import { DEAL_STAGE_COLUMNS } from './files.js';

type Row = Record<string, string>;

let root: string;
let demo: DemoResult;
const read = (name: string): string => readFileSync(join(demo.outDir, name), 'utf8');
const rows = (name: string, text = read(name)): Row[] =>
  parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'xroi-demo-'));
  demo = await generateDemo({ outDir: join(root, 'a'), seed: 42 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** |observed − planted| within z binomial standard errors. */
function withinBinomial(r: RateTruth, z = 4): boolean {
  const sd = Math.sqrt((r.planted * (1 - r.planted)) / r.n);
  return Math.abs(r.k / r.n - r.planted) <= z * sd;
}

describe('generateDemo: determinism', () => {
  it('writes byte-identical files for the same seed, different ones for another seed', async () => {
    const again = await generateDemo({ outDir: join(root, 'b'), seed: 42 });
    const other = await generateDemo({ outDir: join(root, 'c'), seed: 43 });
    const names = readdirSync(demo.outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(demo.outDir.length + 1))
      .sort();
    expect(names).toContain(join('truth', 'deals.csv'));
    expect(readdirSync(again.outDir, { recursive: true }).length).toBe(names.length + 1);
    for (const name of names) {
      expect(readFileSync(join(again.outDir, name)).equals(readFileSync(join(demo.outDir, name))), name).toBe(true);
    }
    for (const f of demo.files) {
      expect(readFileSync(join(other.outDir, f.name)).equals(readFileSync(f.path)), f.name).toBe(false);
    }
  });

  it('refuses fewer than 12 months', async () => {
    await expect(generateDemo({ outDir: join(root, 'd'), seed: 1, months: 6 })).rejects.toThrow(/12/);
  });
});

describe('generateDemo: volumes (issue 2 minimums)', () => {
  it('covers at least 12 months, with an 18-month default ending on a fixed day', () => {
    const t = demo.truth;
    expect(t.dates.end).toBe('2026-09-30');
    expect(t.dates.windowStart).toBe('2025-04-01');
    const ga4Days = new Set(
      rows('ga4-sessions-daily.csv', read('ga4-sessions-daily.csv').replace(/^#.*\r\n/gm, '')).map((r) => r.Date),
    );
    expect(ga4Days.size).toBeGreaterThanOrEqual(365);
  });

  it('has thousands of contacts in hundreds of accounts and hundreds of deals with stage history', () => {
    const contacts = rows('hubspot-contacts.csv');
    expect(contacts.length).toBeGreaterThanOrEqual(2000);
    const accounts = new Set(contacts.map((c) => c['Associated Company IDs']));
    expect(accounts.size).toBeGreaterThanOrEqual(200);
    const deals = rows('hubspot-deals.csv');
    const withHistory = deals.filter((d) => DEAL_STAGE_COLUMNS.filter((c) => d[c]).length >= 2);
    expect(withHistory.length).toBeGreaterThanOrEqual(200);
    const outcomes = new Set(
      deals.map((d) => (d['Is Closed Won'] === 'true' ? 'won' : d['Is closed lost'] === 'true' ? 'lost' : 'open')),
    );
    expect([...outcomes].sort()).toEqual(['lost', 'open', 'won']);
    expect(deals.some((d) => d['Deal Type'] === 'Existing Business' && d['Is closed lost'] === 'true')).toBe(true);
  });

  it('has at least 300 posts with UTM-linked sessions and staff hours', () => {
    const postIds = new Set(rows('x-posts.csv').map((p) => p['Post id']));
    expect(postIds.size).toBeGreaterThanOrEqual(300);
    const linked = new Set(
      rows('touchpoints.csv')
        .filter((t) => /^(x|twitter)$/.test(t.source ?? '') && postIds.has(t.content ?? ''))
        .map((t) => t.content),
    );
    expect(linked.size).toBeGreaterThanOrEqual(300);
    const hours = rows('time-log.csv').reduce((s, r) => s + Number(r.hours), 0);
    expect(hours).toBeGreaterThan(500);
  });
});

describe('generateDemo: internal consistency', () => {
  it('links deals, contacts, touchpoints and posts only to records that exist', () => {
    const contacts = new Map(rows('hubspot-contacts.csv').map((c) => [c['Record ID'], c]));
    for (const d of rows('hubspot-deals.csv')) {
      for (const id of (d['Associated Contact IDs'] ?? '').split(';')) {
        expect(contacts.get(id)?.['Associated Company IDs'], `deal ${d['Record ID']} contact ${id}`).toBe(
          d['Associated Company IDs'],
        );
      }
    }
    const postIds = new Set(rows('x-posts.csv').map((p) => p['Post id']));
    for (const t of rows('touchpoints.csv')) {
      expect(contacts.has(t.person_id ?? ''), `touch of ${t.person_id}`).toBe(true);
      if (t.medium === 'social' && /^(x|twitter)$/.test(t.source ?? ''))
        expect(postIds.has(t.content ?? '')).toBe(true);
      expect(t.occurred_at! >= '2025-04-01' && t.occurred_at! < '2026-10-01').toBe(true);
    }
    for (const a of rows('x-ads-promoted-daily.csv')) expect(postIds.has(a.url!.split('/').pop()!)).toBe(true);
  });

  it('orders stage dates and lifecycle dates in time', () => {
    for (const d of rows('hubspot-deals.csv')) {
      const entered = DEAL_STAGE_COLUMNS.map((c) => d[c]).filter((v): v is string => !!v);
      expect([...entered].sort(), d['Record ID']).toEqual(entered);
      expect(entered[0]! >= d['Create Date']!).toBe(true);
      if (d['Is Closed Won'] === 'true' || d['Is closed lost'] === 'true')
        expect(d['Close Date']).toBe(entered[entered.length - 1]);
    }
    const order = [
      'Became a Lead Date',
      'Became a Sales Qualified Lead Date',
      'Became an Opportunity Date',
      'Became a Customer Date',
    ];
    for (const c of rows('hubspot-contacts.csv')) {
      const dates = order.map((k) => c[k]).filter((v): v is string => !!v);
      expect([...dates].sort(), c['Record ID']).toEqual(dates);
    }
  });

  it('keeps a post’s URL clicks at least its tracked sessions', () => {
    const sessions = new Map<string, number>();
    for (const t of rows('touchpoints.csv')) {
      if (t.medium === 'social' && t.content) sessions.set(t.content, (sessions.get(t.content) ?? 0) + 1);
    }
    for (const p of rows('x-posts.csv'))
      expect(Number(p['Url clicks'])).toBeGreaterThanOrEqual(sessions.get(p['Post id']!) ?? 0);
  });

  it('uses only example domains for e-mail addresses', () => {
    for (const c of rows('hubspot-contacts.csv'))
      expect(c.Email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.example\.(jp|com)$/);
    expect(read('touchpoints.csv')).not.toMatch(/@/);
  });

  it('writes the cost sheet in Shift_JIS with Japanese headers', () => {
    const bytes = readFileSync(join(demo.outDir, 'costs.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const costs = rows('costs.csv', iconv.decode(bytes, 'cp932'));
    expect(Object.keys(costs[0]!)).toEqual(['日付', '終了日', '区分', 'チャネル', '金額', '内容']);
    expect(costs[0]!['金額']).toMatch(/^￥[\d,]+$/);
  });
});

describe('generateDemo: the truth matches the data', () => {
  it('puts every observed funnel rate within a binomial interval of the planted one', () => {
    const f = demo.truth.funnel;
    for (const funnel of [f.all, f.analysisPeriod]) {
      for (const r of [funnel.leadToTrueLead, funnel.trueLeadToOpportunity, funnel.opportunityToWon]) {
        expect(r.n).toBeGreaterThan(50);
        expect(withinBinomial(r)).toBe(true);
      }
    }
  });

  it('plants a higher true-lead rate for accounts that fit the ideal customer profile', () => {
    const icp = demo.truth.icp;
    expect(withinBinomial(icp.leadToTrueLead.fit)).toBe(true);
    expect(withinBinomial(icp.leadToTrueLead.notFit)).toBe(true);
    expect(icp.leadToTrueLead.fit.k / icp.leadToTrueLead.fit.n).toBeGreaterThan(
      icp.leadToTrueLead.notFit.k / icp.leadToTrueLead.notFit.n,
    );
    const contacts = rows('hubspot-contacts.csv');
    const fits = (c: Row) =>
      Number(c['Number of Employees']) >= icp.employeesMin &&
      Number(c['Number of Employees']) <= icp.employeesMax &&
      icp.industries.includes(c.Industry ?? '');
    const cut = demo.truth.funnel.cutoffs.leadCreatedBy;
    const fitLeads = contacts.filter(
      (c) => c['Became a Lead Date'] && c['Became a Lead Date'].slice(0, 10) <= cut && fits(c),
    );
    expect(fitLeads.length).toBe(icp.leadToTrueLead.fit.n);
    expect(fitLeads.filter((c) => c['Became a Sales Qualified Lead Date']).length).toBe(icp.leadToTrueLead.fit.k);
  });

  it('recovers the planted won rate from the deals file itself', () => {
    const cutoff = demo.truth.funnel.cutoffs.dealCreatedBy;
    const closed = rows('hubspot-deals.csv').filter(
      (d) => d['Deal Type'] === 'New Business' && d['Create Date']!.slice(0, 10) <= cutoff,
    );
    const won = closed.filter((d) => d['Is Closed Won'] === 'true').length;
    expect(closed.every((d) => d['Is Closed Won'] === 'true' || d['Is closed lost'] === 'true')).toBe(true);
    const planted = demo.truth.funnel.all.opportunityToWon;
    expect(closed.length).toBe(planted.n);
    expect(won).toBe(planted.k);
    expect(withinBinomial(planted)).toBe(true);
  });

  it('counts costs and hours exactly as the files hold them', () => {
    const t = demo.truth;
    const start = t.dates.analysisPeriod.start;
    const costs = rows('costs.csv', iconv.decode(readFileSync(join(demo.outDir, 'costs.csv')), 'cp932'));
    const iso = (d: string) =>
      d
        .split('/')
        .map((x, i) => (i ? x.padStart(2, '0') : x))
        .join('-');
    const xCash = costs
      .filter((c) => c['チャネル'] === 'x' && iso(c['日付']!) >= start)
      .reduce((s, c) => s + Number(c['金額']!.replace(/[￥,]/g, '')), 0);
    const ads = rows('x-ads-promoted-daily.csv')
      .filter((a) => a.date! >= start)
      .reduce((s, a) => s + Number(a.spend), 0);
    expect(ads).toBe(t.costs.xAdsSpend);
    expect(xCash + ads).toBe(t.costs.xCash.total);
    const hours = rows('time-log.csv')
      .filter((r) => r.date! >= start)
      .reduce((s, r) => s + Number(r.hours), 0);
    expect(hours).toBe(t.costs.hours.total);
    expect(t.costs.fullCost).toBe(t.costs.xCash.total + hours * t.economics.loadedHourlyRate);
  });

  it('shows the planted brand lift in branded Search Console clicks', () => {
    const t = demo.truth;
    const branded = new RegExp(t.brand.brandedPatterns.join('|'), 'i');
    const perDay = new Map<string, number>();
    for (const r of rows('search-console-queries.csv')) {
      if (branded.test(r.Query!.normalize('NFKC'))) perDay.set(r.Date!, (perDay.get(r.Date!) ?? 0) + Number(r.Clicks));
    }
    const mean = (days: string[]) => days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / days.length;
    const days = [...perDay.keys()].sort();
    const pre = days.filter((d) => d < t.dates.programStart);
    const post = days.filter((d) => d >= t.dates.programStart);
    const lift = t.brandLift.brandedClicksPerDay;
    expect(lift.postDays).toBe(post.length);
    expect(mean(post) - mean(pre)).toBeGreaterThan(0.5 * lift.expectedAverage);
    expect(mean(post) - mean(pre)).toBeLessThan(2 * lift.expectedAverage);
    expect(Math.abs(lift.realizedAverage - lift.expectedAverage)).toBeLessThan(
      4 * Math.sqrt(lift.fullEffect / lift.postDays),
    );
  });

  it('plants pipeline posts that are not the most liked ones', () => {
    const p = demo.truth.posts;
    const planted = new Set(p.planted);
    expect(p.topByPipeline.filter((x) => planted.has(x.postId)).length).toBeGreaterThanOrEqual(3);
    expect(p.topByLikes.every((x) => !planted.has(x.postId))).toBe(true);
    expect(p.topByLikes.filter((x) => x.kind === 'viral').length).toBeGreaterThanOrEqual(3);
    const likes = new Map(rows('x-posts.csv').map((r) => [r['Post id'], Number(r.Likes)]));
    expect(p.topByLikes[0]!.likes).toBe(Math.max(...likes.values()));
  });

  it('describes renewals consistently and derives DEL from the planted sBG', () => {
    const r = demo.truth.retention;
    const total = r.decisions.reduce((s, d) => s + d.count, 0);
    expect(total).toBe(r.subscriptions);
    expect(r.decisions.reduce((s, d) => s + d.renewals * d.count, 0)).toBe(r.renewalsObserved);
    const renewals = rows('hubspot-deals.csv').filter((d) => d['Deal Type'] === 'Existing Business');
    expect(renewals.filter((d) => d['Is Closed Won'] === 'true').length).toBe(r.renewalsObserved);
    expect(renewals.filter((d) => d['Is closed lost'] === 'true').length).toBe(r.churnsObserved);
    // Fader & Hardie (2010) High End segment, d = 0.10: DEL = 5.9226 (REFERENCE.md §1.5)
    expect(discountedExpectedLifetime(0.668, 3.806, 0.1)).toBeCloseTo(5.9226, 3);
    expect(demo.truth.economics.discountedExpectedLifetimeYears).toBeCloseTo(
      discountedExpectedLifetime(r.alpha, r.beta, 0.1),
      5,
    );
  });

  it('writes per-deal truth that adds up to the channel effects', () => {
    const t = demo.truth;
    const deals = rows('truth/deals.csv');
    expect(deals.length).toBe(t.volumes.deals);
    const start = t.channelEffects.period.start;
    const won = deals.filter((d) => d.deal_type === 'New Business' && d.outcome === 'won' && d.closed_day! >= start);
    for (const ch of ['x_organic', 'organic_search', 'events'] as const) {
      expect(won.filter((d) => d.driver === ch).length).toBe(t.channelEffects.byChannel[ch].won);
    }
    const xWon = won.filter((d) => d.driver === 'x_organic' || d.driver === 'x_paid');
    expect(xWon.filter((d) => d.x_touched === '0').length).toBe(t.channelEffects.xWonWithoutXTouch);
    expect(rows('truth/contacts.csv').length).toBe(t.volumes.contacts);
  });

  it('writes truth.json and TRUTH.md beside the data', () => {
    const json = JSON.parse(read('truth.json'));
    expect(json).toEqual(JSON.parse(JSON.stringify(demo.truth)));
    expect(read('TRUTH.md')).toContain(demo.truth.dates.programStart);
    expect(demo.truth.files.map((f) => f.name)).toEqual(demo.files.map((f) => f.name));
  });
});
