/**
 * Invariants of every model (DESIGN §6.4), as fast-check properties: each conversion's credits sum
 * to 1; totals equal conversions and value; renaming or reordering channels permutes the result and
 * changes nothing else; a channel no journey touched gets 0.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Journey } from '../types.js';
import { tableFromJourneys, type PathTable } from './path-table.js';
import { modelNames } from './registry.js';
import { runModel } from './run.js';
import type { AttributionOptions } from './types.js';

const CHANNELS = ['a', 'b', 'c', 'direct', 'x_organic', 'x_paid'];
const DAY = 86_400_000;

const touchArb = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  day: fc.integer({ min: 0, max: 90 }),
  milestone: fc.constantFrom(undefined, undefined, 'LC' as const, 'OC' as const),
});
const journeysArb = fc
  .array(
    fc.record({
      touches: fc.array(touchArb, { minLength: 1, maxLength: 7 }),
      converted: fc.boolean(),
      value: fc.double({ min: 0, max: 10_000, noNaN: true }),
      open: fc.boolean(),
      stage: fc.constantFrom('discovery', 'proposal'),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      journey: {
        id: `j${i}`,
        event: 'won',
        converted: r.converted,
        at: 91 * DAY,
        value: r.converted ? r.value : 0,
        touches: r.touches
          .sort((x, y) => x.day - y.day)
          .map((t) => ({ t: t.day * DAY, channel: t.channel, milestone: t.milestone })),
      } satisfies Journey,
      open: r.open,
      stage: r.stage,
    })),
  );

function optionsFor(rows: { journey: Journey; open: boolean; stage: string }[]): AttributionOptions {
  const deals: AttributionOptions['deals'] = {};
  for (const r of rows)
    deals[r.journey.id] = { won: r.journey.converted ? true : r.open ? undefined : false, stage: r.stage, ltv: 100 };
  return { deals, winProbability: { discovery: 0.2, proposal: 0.5 } };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const models = modelNames();

describe('attribution invariants', () => {
  it('credits of each converted journey sum to 1 under every model', () => {
    fc.assert(
      fc.property(journeysArb, (rows) => {
        const journeys = rows.map((r) => r.journey);
        for (const name of models) {
          const res = runModel(name, journeys, optionsFor(rows));
          expect(res.perJourney.length).toBe(journeys.filter((j) => j.converted).length);
          for (const shares of res.perJourney) expect(sum(Object.values(shares))).toBeCloseTo(1, 9);
          for (const shares of res.perJourney)
            for (const v of Object.values(shares)) expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('totals equal the conversions and value counted', () => {
    fc.assert(
      fc.property(journeysArb, (rows) => {
        const journeys = rows.map((r) => r.journey);
        const conv = journeys.filter((j) => j.converted).length;
        const value = sum(journeys.map((j) => j.value));
        for (const name of models) {
          const res = runModel(name, journeys, optionsFor(rows));
          const c = sum(res.byChannel.map((x) => x.conversions));
          const v = sum(res.byChannel.map((x) => x.value));
          if (name === 'expected-value') {
            // expected wins: won deals count 1, open ones P(won | stage)
            const expected = sum(
              rows.map((r) => (r.journey.converted ? 1 : r.open ? (r.stage === 'proposal' ? 0.5 : 0.2) : 0)),
            );
            expect(c).toBeCloseTo(expected, 9);
            expect(v).toBeCloseTo(expected * 100, 7);
            continue;
          }
          if ((name === 'markov' || name === 'shapley-cr') && c === 0 && conv > 0) continue; // no positive weight: nothing to split
          expect(c, name).toBeCloseTo(conv, 9);
          expect(Math.abs(v - value), name).toBeLessThan(1e-9 * Math.max(1, value));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('renaming and reordering channels permutes the result and changes nothing else', () => {
    fc.assert(
      fc.property(
        journeysArb,
        fc.shuffledSubarray(['p', 'q', 'r', 's', 't', 'u'], { minLength: 6, maxLength: 6 }),
        (rows, names) => {
          const rename = Object.fromEntries(CHANNELS.map((c, i) => [c, names[i]!]));
          const journeys = rows.map((r) => r.journey);
          const renamed = journeys.map((j) => ({
            ...j,
            touches: j.touches.map((t) => ({ ...t, channel: rename[t.channel]! })),
          }));
          for (const name of models.filter((m) => m !== 'last-non-direct' && m !== 'expected-value')) {
            const a = runModel(name, journeys, optionsFor(rows));
            const b = runModel(name, renamed, optionsFor(rows));
            const bBy = Object.fromEntries(b.byChannel.map((x) => [x.channel, x]));
            for (const x of a.byChannel) {
              expect(bBy[rename[x.channel]!]!.conversions, name).toBeCloseTo(x.conversions, 9);
              expect(bBy[rename[x.channel]!]!.value, name).toBeCloseTo(x.value, 6);
            }
            a.perJourney.forEach((shares, i) => {
              for (const [ch, s] of Object.entries(shares))
                expect(b.perJourney[i]![rename[ch]!], `${name} ${ch}`).toBeCloseTo(s, 9);
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a channel no journey touched gets 0', () => {
    fc.assert(
      fc.property(journeysArb, (rows) => {
        const base = tableFromJourneys(rows.map((r) => r.journey));
        const table: PathTable = { ...base, channels: [...base.channels, 'never'] };
        for (const name of models) {
          const res = runModel(name, table, optionsFor(rows));
          const never = res.byChannel.find((x) => x.channel === 'never')!;
          expect(never.conversions).toBe(0);
          expect(never.value).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
