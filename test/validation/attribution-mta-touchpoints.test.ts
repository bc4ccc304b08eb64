/**
 * Journeys from the public multi-touch attribution data set (data/real/touchpoints-mta.csv: one row
 * per impression or conversion, unsorted timestamps within a customer, repeat conversions). The
 * rows are loaded into the canonical touchpoints table with DuckDB's CSV reader (not xroi's
 * importer, which has its own tests), journeys are built in SQL, and checked against an
 * independent construction in plain JS: one journey per conversion, made of the customer's touches
 * after the previous conversion and up to this one, within the lookback.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { Store } from '../../src/store/index.js';
import { buildJourneys, buildPathTable } from '../../src/model/journeys/index.js';
import { makePeriod } from '../../src/model/period.js';
import { runAllModels, runModel } from '../../src/model/attribution/index.js';
import type { Journey } from '../../src/model/types.js';

const FILE = new URL('../../../shared/data/real/touchpoints-mta.csv', import.meta.url).pathname;
const available = existsSync(FILE);
const LOOKBACK_DAYS = 30;

describe.skipIf(!available)('public MTA touchpoints → journeys', () => {
  let store: Store;
  let journeys: Journey[];
  const config = configSchema.parse({ timeZone: 'UTC', attribution: { lookbackDays: LOOKBACK_DAYS } });
  const period = makePeriod('2000-01-01', '2099-12-31', 'UTC');
  beforeAll(async () => {
    store = await Store.memory();
    await store.run(
      `INSERT INTO touchpoints (person_id, occurred_at, kind, channel_raw, is_conversion, conversion_value, import_id)
       SELECT customer_id, CAST(replace(time, 'Z', '') AS TIMESTAMP), interaction, channel, conversion = '1',
              CAST(conversion_value AS DOUBLE), 1
       FROM read_csv(?, header = true, all_varchar = true)`,
      [FILE],
    );
    journeys = await buildJourneys(store, config, period, {
      event: 'lead',
      level: 'person',
      conversions: 'touchpoints',
    });
  });
  afterAll(async () => store.close());

  it('matches an independent construction journey by journey', () => {
    const lines = readFileSync(FILE, 'utf8').trim().split('\n').slice(1);
    const byCustomer = new Map<string, { t: number; conv: boolean; value: number; channel: string }[]>();
    for (const l of lines) {
      const [id, time, , conv, value, channel] = l.split(',');
      const list = byCustomer.get(id!) ?? [];
      list.push({ t: Date.parse(time!), conv: conv === '1', value: Number(value), channel: channel! });
      byCustomer.set(id!, list);
    }
    const expected = new Map<string, { value: number; touches: number }>();
    let conversions = 0;
    for (const [id, rows] of byCustomer) {
      const convs = rows
        .filter((r) => r.conv)
        .sort((a, b) => a.t - b.t || a.value - b.value || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
      conversions += convs.length;
      let prev = -Infinity;
      convs.forEach((c, i) => {
        const from = Math.max(prev, c.t - LOOKBACK_DAYS * 86_400_000);
        const touches = rows.filter((r) => r.t <= c.t && r.t > prev && r.t >= from).length;
        expected.set(`${id}#${i + 1}`, { value: c.value, touches });
        prev = c.t;
      });
    }
    const converted = journeys.filter((j) => j.converted);
    expect(conversions).toBe(1838);
    expect(converted.length).toBe(conversions);
    for (const j of converted) {
      const e = expected.get(j.id);
      expect(e, j.id).toBeDefined();
      expect(j.value, j.id).toBe(e!.value);
      expect(j.touches.length, j.id).toBe(e!.touches);
      for (let k = 1; k < j.touches.length; k++) expect(j.touches[k]!.t).toBeGreaterThanOrEqual(j.touches[k - 1]!.t);
      expect(j.touches[j.touches.length - 1]!.t).toBeLessThanOrEqual(j.at);
    }
  });

  it('every model credits exactly the conversions and their value', () => {
    const { results } = runAllModels(journeys);
    const conv = journeys.filter((j) => j.converted);
    const value = conv.reduce((a, j) => a + j.value, 0);
    for (const r of results) {
      expect(
        r.byChannel.reduce((a, c) => a + c.conversions, 0),
        r.model,
      ).toBeCloseTo(conv.length, 6);
      expect(
        r.byChannel.reduce((a, c) => a + c.value, 0),
        r.model,
      ).toBeCloseTo(value, 6);
    }
  });

  it('paths counted in SQL give the same credits as the journeys, model by model', async () => {
    const table = await buildPathTable(store, config, period, {
      event: 'lead',
      level: 'person',
      conversions: 'touchpoints',
    });
    expect(table.rows).toBeLessThan(journeys.length);
    for (const name of ['first', 'last', 'linear', 'position-based', 'markov', 'shapley']) {
      const a = runModel(name, journeys, { perJourney: false });
      const b = runModel(name, table, { perJourney: false });
      expect(
        b.byChannel.map((c) => c.channel),
        name,
      ).toEqual(a.byChannel.map((c) => c.channel));
      b.byChannel.forEach((c, i) => {
        expect(c.conversions, `${name} ${c.channel}`).toBeCloseTo(a.byChannel[i]!.conversions, 9);
        expect(c.value, `${name} ${c.channel}`).toBeCloseTo(a.byChannel[i]!.value, 7);
      });
    }
  });
});
