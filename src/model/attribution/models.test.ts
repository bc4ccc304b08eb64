/**
 * Every example of REFERENCE.md §2–4 (Markov toys, ChannelAttribution heuristics, Shapley examples,
 * Google time decay and position-based, Marketo Measure milestone models), closed forms at 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { fitMarkov } from './markov.js';
import { runModel } from './run.js';
import { credits, journey, pathsTable } from './test-helpers.js';
import { getModel, modelNames } from './registry.js';
import { milestoneShares } from './milestone-weights.js';

const close = (actual: Record<string, number>, expected: Record<string, number>, tol = 1e-9) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, -Math.log10(tol));
};

describe('Markov toy A (Bryl 2016; REFERENCE §2.2)', () => {
  const table = pathsTable([
    ['c1 > c2 > c3', 1, 0],
    ['c1', 0, 1],
    ['c2 > c3', 0, 1],
  ]);
  it('has the published transition matrix', () => {
    const fit = fitMarkov(table, 1);
    const t = fit.transitions!;
    expect(t['(start)']!['c1']).toBeCloseTo(2 / 3, 12);
    expect(t['(start)']!['c2']).toBeCloseTo(1 / 3, 12);
    expect(t['c1']).toEqual({ c2: 0.5, '(null)': 0.5 });
    expect(t['c2']).toEqual({ c3: 1 });
    expect(t['c3']).toEqual({ '(conversion)': 0.5, '(null)': 0.5 });
  });
  it('gives P(conv) 1/3, removal effects 0.5/1/1 and credits 0.2/0.4/0.4', () => {
    const fit = fitMarkov(table, 1);
    expect(fit.pConversion).toBeCloseTo(1 / 3, 12);
    expect([...fit.removalEffects].map((x) => +x.toFixed(12))).toEqual([0.5, 1, 1]);
    close(credits(runModel('markov', table)), { c1: 0.2, c2: 0.4, c3: 0.4 });
  });
  it('heuristics match ChannelAttribution (first c1, last c3, linear 1/3 each)', () => {
    close(credits(runModel('first', table)), { c1: 1, c2: 0, c3: 0 });
    close(credits(runModel('last', table)), { c1: 0, c2: 0, c3: 1 });
    close(credits(runModel('linear', table)), { c1: 1 / 3, c2: 1 / 3, c3: 1 / 3 });
  });
  it('repeated consecutive channels do not change first-order removal effects', () => {
    const repeated = pathsTable([
      ['c1 > c2 > c2 > c3', 1, 0],
      ['c1', 0, 1],
      ['c2 > c2 > c3 > c3', 0, 1],
    ]);
    close(credits(runModel('markov', repeated)), { c1: 0.2, c2: 0.4, c3: 0.4 });
  });
});

describe('Markov toy B (Puzyrov 2019; REFERENCE §2.3)', () => {
  const table = pathsTable([
    ['google ads', 2, 0],
    ['mailing', 1, 0],
    ['google ads > mailing', 1, 0],
    ['google ads', 0, 1],
  ]);
  it('gives P 0.8, RE 0.75 / 0.5, credits 2.4 / 1.6', () => {
    const fit = fitMarkov(table, 1);
    expect(fit.pConversion).toBeCloseTo(0.8, 12);
    const re = Object.fromEntries(table.channels.map((c, i) => [c, fit.removalEffects[i]!]));
    close(re, { 'google ads': 0.75, mailing: 0.5 });
    close(credits(runModel('markov', table)), { 'google ads': 2.4, mailing: 1.6 });
  });
  it('heuristics match ChannelAttribution: first 3/1, last 2/2, linear 2.5/1.5', () => {
    close(credits(runModel('first', table)), { 'google ads': 3, mailing: 1 });
    close(credits(runModel('last', table)), { 'google ads': 2, mailing: 2 });
    close(credits(runModel('linear', table)), { 'google ads': 2.5, mailing: 1.5 });
  });
});

describe('linear is per touch (ChannelAttribution linear_touch; REFERENCE §2.4)', () => {
  it('a > b > a gives a 2/3 and b 1/3', () => {
    close(credits(runModel('linear', pathsTable([['a > b > a', 1, 0]]))), { a: 2 / 3, b: 1 / 3 });
  });
});

describe('Shapley (REFERENCE §3.2, §3.4)', () => {
  // conversions by exact channel set, out of 100
  const table = pathsTable([
    ['F', 20, 0],
    ['O', 10, 0],
    ['L', 17, 0],
    ['F > O', 17, 0],
    ['F > L', 30, 0],
    ['F > L > O', 6, 0],
  ]);
  it('gives F 0.455, O 0.205, L 0.34 on the TDS marketing example', () => {
    const c = credits(runModel('shapley', table));
    close({ F: c['F']! / 100, O: c['O']! / 100, L: c['L']! / 100 }, { F: 0.455, O: 0.205, L: 0.34 });
  });
  it('ordered Shapley toy: by-position credits and totals', () => {
    const toy = pathsTable([
      ['A > B > A', 1, 0],
      ['B > C', 1, 0],
      ['A', 1, 0],
    ]);
    const r = runModel('shapley-ordered', toy);
    close(credits(r), { A: 1.5, B: 1, C: 0.5 });
    const byPos = r.details!['byPosition'] as Record<string, number[]>;
    expect(byPos['A']).toEqual([1.25, 0, 0.25]);
    expect(byPos['B']).toEqual([0.5, 0.5]);
    expect(byPos['C']).toEqual([0, 0.5]);
  });
});

describe('time decay (Google 7-day half-life; REFERENCE §4.1)', () => {
  it('reproduces the $12,000 worked example', () => {
    const j = journey(
      'd',
      [
        ['a', 0],
        ['b', 5],
        ['c', 12],
        ['d', 30],
        ['e', 38],
      ],
      { atDay: 38, value: 12000 },
    );
    const r = runModel('time-decay', [j]);
    const w = [38, 33, 26, 8, 0].map((d) => Math.pow(2, -d / 7));
    const sum = w.reduce((a, b) => a + b);
    close(credits(r), { a: w[0]! / sum, b: w[1]! / sum, c: w[2]! / sum, d: w[3]! / sum, e: w[4]! / sum });
    const value = Object.fromEntries(r.byChannel.map((c) => [c.channel, c.value]));
    expect(value['a']).toBeCloseTo(175.2, 1);
    expect(value['d']).toBeCloseTo(3417.04, 1);
    expect(value['e']).toBeCloseTo(7545.45, 1);
  });
  it('a touch 8 days before weighs half a touch 1 day before', () => {
    const r = runModel('time-decay', [
      journey(
        'd',
        [
          ['a', 0],
          ['b', 7],
        ],
        { atDay: 8 },
      ),
    ]);
    close(credits(r), { a: 1 / 3, b: 2 / 3 });
  });
  it('honours another half-life', () => {
    const r = runModel(
      'time-decay',
      [
        journey(
          'd',
          [
            ['a', 0],
            ['b', 14],
          ],
          { atDay: 14 },
        ),
      ],
      { halfLifeDays: 14 },
    );
    close(credits(r), { a: 1 / 3, b: 2 / 3 });
  });
});

describe('position-based U (REFERENCE §4.1)', () => {
  it('40/20/40 with middles, 50/50 for two touches, 100 % for one', () => {
    close(credits(runModel('position-based', [journey('1', ['a', 'b', 'c', 'd'])])), {
      a: 0.4,
      b: 0.1,
      c: 0.1,
      d: 0.4,
    });
    close(credits(runModel('position-based', [journey('1', ['a', 'b'])])), { a: 0.5, b: 0.5 });
    close(credits(runModel('position-based', [journey('1', ['a'])])), { a: 1 });
  });
});

describe('HubSpot J-shaped and inverse J (REFERENCE §4.3)', () => {
  it('J: 20 % first, 60 % last, 20 % middle; inverse J: 60 / 20 / 20', () => {
    const four = [journey('1', ['a', 'b', 'c', 'd'])];
    close(credits(runModel('j-shaped', four)), { a: 0.2, b: 0.1, c: 0.1, d: 0.6 });
    close(credits(runModel('inverse-j', four)), { a: 0.6, b: 0.1, c: 0.1, d: 0.2 });
    close(credits(runModel('j-shaped', [journey('1', ['a', 'b'])])), { a: 0.25, b: 0.75 });
    close(credits(runModel('inverse-j', [journey('1', ['a'])])), { a: 1 });
  });
});

describe('Marketo Measure milestone models (REFERENCE §4.2)', () => {
  // 8 touches: FT t1, LC t3, OC t6, CW t8; middles t2, t4, t5, t7
  const eight = journey('deal', [
    ['t1', 1],
    ['t2', 2],
    ['t3', 3, 'LC'],
    ['t4', 4],
    ['t5', 5],
    ['t6', 6, 'OC'],
    ['t7', 7],
    ['t8', 8, 'CW'],
  ]);
  it('W-shaped: 30 % to FT, LC, OC; 3.333 % to the middles before OC; 0 after', () => {
    const m = 0.1 / 3;
    close(credits(runModel('w-shaped', [eight])), { t1: 0.3, t2: m, t3: 0.3, t4: m, t5: m, t6: 0.3, t7: 0, t8: 0 });
  });
  it('full path: 22.5 % to each milestone, 2.5 % to each middle', () => {
    close(credits(runModel('full-path', [eight])), {
      t1: 0.225,
      t2: 0.025,
      t3: 0.225,
      t4: 0.025,
      t5: 0.025,
      t6: 0.225,
      t7: 0.025,
      t8: 0.225,
    });
  });
  it('a touch holding LC and OC gets both shares', () => {
    const j = journey('deal', [
      ['a', 1],
      ['b', 2],
      ['c', 3, 'LC'],
      ['d', 4],
    ]);
    j.touches[2]!.moreMilestones = ['OC'];
    // FT a 30, LC+OC c 60, middle b 10; d is CW, which W-shaped does not weigh
    close(credits(runModel('w-shaped', [j])), { a: 0.3, b: 0.1, c: 0.6, d: 0 });
  });
  it('U (custom FT 40 / LC 40 / middle 20): 50/50 without middles, 100 % when FT = LC', () => {
    const u = { FT: 0.4, LC: 0.4, middle: 0.2 };
    const pos = { FT: 0, LC: 1, OC: -1, CW: -1 };
    expect([...milestoneShares(u, pos, 2)]).toEqual([0.5, 0.5]);
    expect([...milestoneShares(u, { FT: 0, LC: 0, OC: -1, CW: -1 }, 1)]).toEqual([1]);
    const three = milestoneShares(u, { FT: 0, LC: 2, OC: -1, CW: -1 }, 3);
    expect([...three].map((x) => +x.toFixed(12))).toEqual([0.4, 0.2, 0.4]);
    const lead = journey(
      'p',
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
      { event: 'lead' },
    );
    close(credits(runModel('custom', [lead], { milestoneWeights: u })), { a: 0.4, b: 0.2, c: 0.4 });
  });
});

describe('registry', () => {
  it('lists every documented model', () => {
    for (const name of [
      'first',
      'last',
      'last-non-direct',
      'linear',
      'time-decay',
      'position-based',
      'w-shaped',
      'full-path',
      'custom',
      'markov',
      'shapley',
      'shapley-ordered',
      'expected-value',
    ]) {
      expect(modelNames()).toContain(name);
    }
  });
  it('an unknown name lists the valid ones', () => {
    expect(() => getModel('nope')).toThrow(/valid models: first, last/);
  });
});

describe('last non-direct', () => {
  it('skips direct, but credits direct when it is all there is', () => {
    close(credits(runModel('last-non-direct', [journey('1', ['a', 'direct'])])), { a: 1, direct: 0 });
    close(credits(runModel('last-non-direct', [journey('1', ['direct', 'direct'])])), { direct: 1 });
  });
});
