import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/index.js';
import { Store } from '../../store/index.js';
import { channelGrouper } from '../channels/index.js';
import { makePeriod } from '../period.js';
import { buildJourneys } from './build.js';

const config = configSchema.parse({ timeZone: 'UTC' });
const period = makePeriod('2026-01-01', '2026-12-31', 'UTC');
let store: Store;

type TouchIn = {
  person?: string | null;
  account?: string | null;
  at: string;
  source?: string;
  medium?: string;
  referrer?: string;
  kind?: string;
  conv?: boolean;
  value?: number;
  channel?: string;
};

async function touches(rows: TouchIn[]) {
  for (const r of rows) {
    await store.run(
      `INSERT INTO touchpoints (person_id, account_id, occurred_at, kind, channel_raw, source, medium, referrer, is_conversion, conversion_value, import_id)
       VALUES (?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, 1)`,
      [
        r.person ?? null,
        r.account ?? null,
        r.at,
        r.kind ?? null,
        r.channel ?? null,
        r.source ?? null,
        r.medium ?? null,
        r.referrer ?? null,
        r.conv ?? false,
        r.value ?? null,
      ],
    );
  }
}

beforeAll(async () => {
  store = await Store.memory();
  await store.run(`INSERT INTO people (person_id, account_id, created_at, import_id) VALUES
    ('p1', 'a1', TIMESTAMP '2026-01-10 00:00:00', 1),
    ('p2', NULL, TIMESTAMP '2027-02-01 00:00:00', 1),
    ('p3', 'a1', TIMESTAMP '2026-02-01 00:00:00', 1)`);
  await store.run(`INSERT INTO deals (deal_id, account_id, created_at, closed_at, is_closed, is_won, amount, stage, import_id) VALUES
    ('d1', 'a1', TIMESTAMP '2026-02-10 00:00:00', TIMESTAMP '2026-03-01 00:00:00', true, true, 1000, 'closedwon', 1),
    ('d2', 'a2', TIMESTAMP '2026-09-01 00:00:00', NULL, false, false, 500, 'proposal', 1)`);
  await store.run(`INSERT INTO deal_contacts VALUES ('d1', 'p1', 1), ('d2', 'p4', 1)`);
  await touches([
    { person: 'p1', at: '2025-01-01 00:00:00', source: 'google', medium: 'cpc' }, // outside the 180-day lookback
    { person: 'p1', at: '2026-01-01 00:00:00', source: 'twitter', medium: 'social' },
    { person: 'p1', at: '2026-01-05 00:00:00', source: 'newsletter', medium: 'email' },
    { person: 'p1', at: '2026-01-05 00:00:00', source: '(direct)', medium: '(none)' }, // tie with the email touch
    { person: 'p1', at: '2026-01-12 00:00:00', referrer: 'https://t.co/x', kind: 'visit' }, // after the lead
    { person: 'p2', at: '2026-09-01 00:00:00', source: 'mystery', medium: 'thing' },
    { person: 'p3', at: '2026-02-05 00:00:00', source: 'linkedin', medium: 'social' },
    { person: 'p3', at: '2026-03-02 00:00:00', source: 'twitter', medium: 'cpc' }, // after the win
    { person: null, account: 'a1', at: '2026-02-20 00:00:00', kind: 'webinar' },
    { person: 'p4', at: '2026-08-20 00:00:00', source: 'twitter', medium: 'paid' },
  ]);
});
afterAll(async () => store.close());

describe('person journeys', () => {
  it('lead: touches in the lookback before creation, ties ordered by channel, later touches dropped', async () => {
    const grouper = channelGrouper(config);
    const js = await buildJourneys(store, config, period, { event: 'lead', level: 'person', grouper });
    const p1 = js.find((j) => j.id === 'p1')!;
    expect(p1.converted).toBe(true);
    expect(p1.at).toBe(Date.UTC(2026, 0, 10));
    expect(p1.touches.map((t) => t.channel)).toEqual(['x_organic', 'direct', 'email']);
    expect(p1.accountId).toBe('a1');
    // p2 converts after the period: a non-converting journey ending at the period end
    const p2 = js.find((j) => j.id === 'p2')!;
    expect(p2.converted).toBe(false);
    expect(p2.at).toBe(period.endMs);
    expect(grouper.tally().unmapped).toEqual([{ field: 'source/medium', value: 'mystery / thing', count: 1 }]);
  });
  it('a shorter lookback drops older touches', async () => {
    const js = await buildJourneys(store, config, period, { event: 'lead', level: 'person', lookbackDays: 7 });
    expect(js.find((j) => j.id === 'p1')!.touches.map((t) => t.channel)).toEqual(['direct', 'email']);
  });
  it('won: a contact of a won deal converts at the close with the deal amount', async () => {
    const js = await buildJourneys(store, config, period, { event: 'won', level: 'person' });
    const p1 = js.find((j) => j.id === 'p1')!;
    expect([p1.converted, p1.at, p1.value]).toEqual([true, Date.UTC(2026, 2, 1), 1000]);
    expect(p1.touches.map((t) => t.channel)).toEqual(['x_organic', 'direct', 'email', 'x_organic']);
    expect(p1.touches.map((t) => t.milestone)).toEqual([undefined, undefined, 'LC', 'OC']);
  });
});

describe('account (buying committee) journeys', () => {
  it('won: every person of the deal and the account, account touches too; open deals do not convert', async () => {
    const js = await buildJourneys(store, config, period, { event: 'won', level: 'account' });
    const d1 = js.find((j) => j.id === 'd1')!;
    expect([d1.converted, d1.value, d1.accountId]).toEqual([true, 1000, 'a1']);
    expect(d1.touches.map((t) => `${t.channel}:${t.personId ?? '-'}`)).toEqual([
      'x_organic:p1',
      'direct:p1',
      'email:p1',
      'x_organic:p1',
      'linkedin:p3',
      'events:-',
    ]);
    const d2 = js.find((j) => j.id === 'd2')!;
    expect([d2.converted, d2.at, d2.value]).toEqual([false, period.endMs, 0]);
    expect(d2.touches.map((t) => t.channel)).toEqual(['x_paid']);
  });
  it('lead: one journey per account, converting at its first lead, with every person of the account', async () => {
    const js = await buildJourneys(store, config, period, { event: 'lead', level: 'account' });
    const a1 = js.find((j) => j.id === 'a1')!;
    expect([a1.converted, a1.at]).toEqual([true, Date.UTC(2026, 0, 10)]);
    expect(a1.touches.map((t) => t.channel)).toEqual(['x_organic', 'direct', 'email']);
  });
  it('opportunity: each deal converts at creation', async () => {
    const js = await buildJourneys(store, config, period, { event: 'opportunity', level: 'account' });
    expect(js.map((j) => [j.id, j.converted, j.touches.length])).toEqual([
      ['d1', true, 5],
      ['d2', true, 1],
    ]);
  });
});

describe('touchpoint conversions (public MTA layout)', () => {
  it('splits a person with repeat conversions into one journey per conversion', async () => {
    const s = await Store.memory();
    const prev = store;
    store = s;
    await touches([
      { person: 'c1', at: '2026-07-01 00:00:00', channel: 'Facebook', kind: 'impression' },
      { person: 'c1', at: '2026-07-02 00:00:00', channel: 'Paid Search', kind: 'impression' },
      { person: 'c1', at: '2026-07-03 00:00:00', channel: 'Instagram', kind: 'conversion', conv: true, value: 7 },
      { person: 'c1', at: '2026-07-04 00:00:00', channel: 'Online Video', kind: 'impression' },
      { person: 'c1', at: '2026-07-05 00:00:00', channel: 'Paid Search', kind: 'conversion', conv: true, value: 5.5 },
      { person: 'c2', at: '2026-07-05 00:00:00', channel: 'Facebook', kind: 'impression' },
    ]);
    const js = await buildJourneys(s, config, period, { event: 'lead', level: 'person', conversions: 'touchpoints' });
    store = prev;
    await s.close();
    expect(js.map((j) => [j.id, j.converted, j.value, j.touches.map((t) => t.channel).join('>')])).toEqual([
      ['c1#1', true, 7, 'facebook>paid_search>facebook'],
      ['c1#2', true, 5.5, 'other>paid_search'],
      ['c2', false, 0, 'facebook'],
    ]);
  });
});

describe('paths counted in SQL', () => {
  it('equal the journeys, aggregated', async () => {
    const { buildPathTable } = await import('./paths.js');
    const { tableFromJourneys } = await import('../attribution/path-table.js');
    for (const opts of [
      { event: 'lead', level: 'person' },
      { event: 'won', level: 'account' },
    ] as const) {
      const js = await buildJourneys(store, config, period, opts);
      const table = await buildPathTable(store, config, period, opts);
      const fromJourneys = tableFromJourneys(js);
      const count = (t: typeof table) => {
        const m = new Map<string, number[]>();
        for (let r = 0; r < t.rows; r++) {
          const key = Array.from(t.codes.subarray(t.offsets[r]!, t.offsets[r + 1]!), (c) => t.channels[c]).join('>');
          const e = m.get(key) ?? [0, 0, 0];
          m.set(key, [e[0]! + t.conversions[r]!, e[1]! + t.value[r]!, e[2]! + t.nulls[r]!]);
        }
        return Object.fromEntries([...m].sort());
      };
      expect(count(table), opts.level).toEqual(count(fromJourneys));
      expect(table.rows).toBeGreaterThan(0);
    }
  });
});
