import { describe, expect, it } from 'vitest';
import { winRateByStage } from './expected-value.js';
import { runModel } from './run.js';
import { credits, journey } from './test-helpers.js';

describe('winRateByStage', () => {
  it('is won ÷ closed among deals that reached the stage; open deals do not count', () => {
    const rates = winRateByStage([
      { dealId: '1', stages: ['discovery', 'proposal', 'won'], won: true },
      { dealId: '2', stages: ['discovery', 'proposal'], won: false },
      { dealId: '3', stages: ['discovery'], won: false },
      { dealId: '4', stages: ['discovery', 'proposal'], won: null },
    ]);
    expect(rates).toEqual({ discovery: 1 / 3, proposal: 1 / 2, won: 1 });
  });
});

describe('expected-value model', () => {
  it('credits won deals fully and open ones by P(won | stage) × LTV, split by the base model', () => {
    const journeys = [
      journey('won', ['x_organic', 'email']),
      journey('open', ['x_paid', 'x_paid', 'email', 'webinar'], { converted: false }),
      journey('lost', ['email'], { converted: false }),
    ];
    const deals = {
      won: { won: true, ltv: 1000 },
      open: { stage: 'proposal', ltv: 2000 },
      lost: { won: false, ltv: 500 },
    };
    const r = runModel('expected-value', journeys, { deals, winProbability: { proposal: 0.5 } });
    // won: linear 1/2 each; open: 0.5 × (x_paid 1/2, email 1/4, webinar 1/4)
    expect(credits(r)).toEqual({ email: 0.5 + 0.125, webinar: 0.125, x_organic: 0.5, x_paid: 0.25 });
    const value = Object.fromEntries(r.byChannel.map((c) => [c.channel, c.value]));
    expect(value).toEqual({ email: 500 + 250, webinar: 250, x_organic: 500, x_paid: 500 });
    expect(r.sharesById['open']).toEqual({ x_paid: 0.5, email: 0.25, webinar: 0.25 });
    const byPos = runModel('expected-value', journeys, {
      deals,
      winProbability: { proposal: 0.5 },
      baseModel: 'first',
    });
    expect(credits(byPos)['x_paid']).toBe(0.5);
  });
  it('says what it needs without deal facts', () => {
    expect(() => runModel('expected-value', [journey('a', ['x'])])).toThrow(/deal-level journeys/);
  });
});

describe('shapley-cr (conversion-rate game)', () => {
  it('sampling beyond the exact limit lands within its stated bound of the exact values', () => {
    const js = [
      ...Array.from({ length: 6 }, (_, i) => journey(`a${i}`, ['a', 'b'], { converted: i < 4 })),
      ...Array.from({ length: 5 }, (_, i) => journey(`b${i}`, ['b'], { converted: i < 1 })),
      ...Array.from({ length: 4 }, (_, i) => journey(`c${i}`, ['c', 'a'], { converted: i < 3 })),
      ...Array.from({ length: 3 }, (_, i) => journey(`d${i}`, ['a'], { converted: i < 1 })),
    ];
    const exact = runModel('shapley-cr', js);
    const sampled = runModel('shapley-cr', js, { shapleyExactMaxChannels: 2, shapleySamples: 4000, seed: 3 });
    expect(exact.details!['method']).toBe('exact');
    expect(sampled.details!['method']).toBe('sampled');
    const bound = sampled.details!['errorBound'] as number;
    const e = exact.details!['shapleyValues'] as Record<string, number>;
    const s = sampled.details!['shapleyValues'] as Record<string, number>;
    for (const ch of ['a', 'b', 'c']) expect(Math.abs(e[ch]! - s[ch]!)).toBeLessThan(bound);
    // efficiency: values sum to v(N) − v(∅); v({a,b,c}) is 0 here (never seen), so the sum is 0
    expect(Object.values(e).reduce((x, y) => x + y, 0)).toBeCloseTo(0, 12);
  });
});
