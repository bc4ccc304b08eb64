/**
 * ChannelAttribution's bundled PathData (REFERENCE §2.4; data/real/paths-channelattribution.csv):
 * first/last/linear follow the package's definitions exactly, and Markov is the exact
 * absorbing-chain solution — checked against an independent brute-force solver written here
 * (strings instead of codes, probability mass propagated step by step instead of a linear solve).
 * Also the package-run Markov figures of REFERENCE §2.2–2.3 at the stated ~1 % tolerance.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPathsFile } from '../../src/model/attribution/paths-reader.js';
import { runModel } from '../../src/model/attribution/run.js';
import { fitMarkov } from '../../src/model/attribution/markov.js';
import { pathsTable } from '../../src/model/attribution/test-helpers.js';

const FILE = new URL('../../../shared/data/real/paths-channelattribution.csv', import.meta.url).pathname;
const available = existsSync(FILE);

interface Row {
  path: string[];
  conv: number;
  value: number;
  nulls: number;
}

function rawRows(): Row[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [p, c, v, n] = l.split(';');
      return { path: p!.split(' > ').map((s) => s.trim()), conv: Number(c), value: Number(v), nulls: Number(n) };
    });
}

/** Brute force: P(conversion from START) of the order-k chain, with `removed` channels sent to NULL. */
function bruteForceP(rows: Row[], k: number, removed: string | null): number {
  const out = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, w: number) => {
    const m = out.get(from) ?? new Map<string, number>();
    m.set(to, (m.get(to) ?? 0) + w);
    out.set(from, m);
  };
  for (const r of rows) {
    const w = r.conv + r.nulls;
    if (w === 0) continue;
    let state = '(start)';
    const seen: string[] = [];
    for (const ch of r.path) {
      seen.push(ch);
      const next = JSON.stringify(seen.slice(-k));
      add(state, next, w);
      state = next;
    }
    if (r.conv) add(state, '(conversion)', r.conv);
    if (r.nulls) add(state, '(null)', r.nulls);
  }
  const isRemoved = (s: string) =>
    removed !== null && s.startsWith('[') && (JSON.parse(s) as string[]).includes(removed);
  let mass = new Map<string, number>([['(start)', 1]]);
  let converted = 0;
  for (let step = 0; step < 100_000; step++) {
    const next = new Map<string, number>();
    let transient = 0;
    for (const [s, p] of mass) {
      const edges = out.get(s)!;
      let tot = 0;
      for (const w of edges.values()) tot += w;
      for (const [to, w] of edges) {
        const q = (p * w) / tot;
        if (to === '(conversion)') converted += q;
        else if (to === '(null)' || isRemoved(to)) continue;
        else {
          next.set(to, (next.get(to) ?? 0) + q);
          transient += q;
        }
      }
    }
    mass = next;
    if (transient < 1e-16) break;
  }
  return converted;
}

describe.skipIf(!available)('ChannelAttribution PathData (REFERENCE §2.4)', () => {
  const rows = available ? rawRows() : [];
  const { table, stats } = available ? readPathsFile(FILE) : ({} as ReturnType<typeof readPathsFile>);
  const channels = [...new Set(rows.flatMap((r) => r.path))].sort();

  it('has the published totals', () => {
    expect(stats.rowsRead).toBe(10_000);
    expect(channels.length).toBe(12);
    const conv = rows.reduce((a, r) => a + r.conv, 0);
    const value = rows.reduce((a, r) => a + r.value, 0);
    const nulls = rows.reduce((a, r) => a + r.nulls, 0);
    expect([conv, nulls]).toEqual([19_785, 68_602]);
    expect(value).toBeCloseTo(74_802.97159, 4);
  });

  it('first_touch, last_touch and linear_touch follow ChannelAttribution exactly', () => {
    const defs: Record<string, (p: string[]) => Map<string, number>> = {
      first: (p) => new Map([[p[0]!, 1]]),
      last: (p) => new Map([[p[p.length - 1]!, 1]]),
      linear: (p) => {
        const m = new Map<string, number>();
        for (const ch of p) m.set(ch, (m.get(ch) ?? 0) + 1 / p.length);
        return m;
      },
    };
    for (const [name, def] of Object.entries(defs)) {
      const conv = new Map<string, number>();
      const value = new Map<string, number>();
      for (const r of rows) {
        for (const [ch, s] of def(r.path)) {
          conv.set(ch, (conv.get(ch) ?? 0) + s * r.conv);
          value.set(ch, (value.get(ch) ?? 0) + s * r.value);
        }
      }
      const res = runModel(name, table, { perJourney: false });
      for (const c of res.byChannel) {
        if (name === 'linear') expect(c.conversions, `${name} ${c.channel}`).toBeCloseTo(conv.get(c.channel) ?? 0, 9);
        else expect(c.conversions, `${name} ${c.channel}`).toBe(conv.get(c.channel) ?? 0);
        expect(c.value, `${name} ${c.channel}`).toBeCloseTo(value.get(c.channel) ?? 0, 8);
      }
    }
  });

  for (const order of [1, 2]) {
    it(`Markov order ${order} equals the brute-force absorbing-chain solution`, () => {
      const fit = fitMarkov(table, order);
      const p = bruteForceP(rows, order, null);
      expect(fit.pConversion).toBeCloseTo(p, 12);
      for (const ch of channels) {
        const re = 1 - bruteForceP(rows, order, ch) / p;
        expect(fit.removalEffects[table.channels.indexOf(ch)], ch).toBeCloseTo(re, 10);
      }
      const res = runModel('markov', table, { markovOrder: order, perJourney: false });
      const total = res.byChannel.reduce((a, c) => a + c.conversions, 0);
      expect(total).toBeCloseTo(19_785, 8);
    });
  }
});

describe('Markov toys against ChannelAttribution v2.0.7 package runs (REFERENCE §2.2–2.3, ~1 %)', () => {
  it('toy A: RE 0.50179, 1, 1 (simulated) vs exact 0.5, 1, 1', () => {
    const fit = fitMarkov(
      pathsTable([
        ['c1 > c2 > c3', 1, 0],
        ['c1', 0, 1],
        ['c2 > c3', 0, 1],
      ]),
    );
    [0.50179, 1, 1].forEach((re, i) => expect(Math.abs(fit.removalEffects[i]! - re)).toBeLessThan(0.01));
  });
  it('toy B: GA 2.405931, mailing 1.594069 (simulated) vs exact 2.4, 1.6', () => {
    const table = pathsTable([
      ['google ads', 2, 0],
      ['mailing', 1, 0],
      ['google ads > mailing', 1, 0],
      ['google ads', 0, 1],
    ]);
    const res = runModel('markov', table);
    expect(Math.abs(res.byChannel[0]!.conversions - 2.405931)).toBeLessThan(0.01 * 4);
    expect(Math.abs(res.byChannel[1]!.conversions - 1.594069)).toBeLessThan(0.01 * 4);
  });
});
