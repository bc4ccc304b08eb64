/**
 * Kaplan–Meier on the remission times (weeks) of the 6-MP group of Freireich et al. (1963), Blood
 * 21(6), 699–716, as tabulated by Kleinbaum & Klein, Survival Analysis: A Self-Learning Text
 * (3rd ed. 2012), chapter 2: 21 patients, 9 relapses, 12 censored (marked +):
 * 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+.
 * The book's KM table: Ŝ(6) = 0.8571, Ŝ(7) = 0.8067, Ŝ(10) = 0.7529, Ŝ(13) = 0.6902,
 * Ŝ(16) = 0.6275, Ŝ(22) = 0.5378, Ŝ(23) = 0.4482; median remission time 23 weeks.
 */
import { describe, it, expect } from 'vitest';
import { kaplanMeier } from '../../src/model/stats/index.js';

const weeks = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35];

describe('Kaplan–Meier: Freireich 6-MP remission data', () => {
  const km = kaplanMeier(weeks.map((w) => ({ time: Math.abs(w), event: w > 0 })));
  it('reproduces the survival table to 4 decimals', () => {
    const expected: Record<number, number> = {
      6: 0.8571,
      7: 0.8067,
      10: 0.7529,
      13: 0.6902,
      16: 0.6275,
      22: 0.5378,
      23: 0.4482,
    };
    const got = km.steps.filter((s) => s.events > 0);
    expect(got.map((s) => s.time)).toEqual(Object.keys(expected).map(Number));
    for (const s of got) expect(s.survival).toBeCloseTo(expected[s.time]!, 4);
  });
  it('has median 23 weeks, 9 events and 12 censored', () => {
    expect([km.median, km.events, km.censored]).toEqual([23, 9, 12]);
  });
  it('would give a shorter, biased median if the censored patients were dropped', () => {
    const dropped = kaplanMeier(weeks.filter((w) => w > 0).map((w) => ({ time: w, event: true })));
    expect(dropped.median!).toBeLessThan(km.median!);
  });
});
