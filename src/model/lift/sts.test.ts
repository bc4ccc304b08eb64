import { describe, it, expect } from 'vitest';
import { fitCounterfactual } from './sts.js';
import { analyzeImpact, weekday } from './impact.js';
import { simulateSeries } from './simulate.js';
import { ModelError } from '../../errors.js';

describe('fitCounterfactual', () => {
  const sim = simulateSeries({ seed: 7, preLength: 80, postLength: 20, controls: 2, lift: 5 });

  it('is deterministic for a seed and changes with the seed', () => {
    const a = fitCounterfactual({ y: sim.y, controls: sim.controls, preLength: 80 }, { seed: 3, niter: 200 });
    const b = fitCounterfactual({ y: sim.y, controls: sim.controls, preLength: 80 }, { seed: 3, niter: 200 });
    const c = fitCounterfactual({ y: sim.y, controls: sim.controls, preLength: 80 }, { seed: 4, niter: 200 });
    expect(Buffer.from(a.samples.buffer).equals(Buffer.from(b.samples.buffer))).toBe(true);
    expect(Buffer.from(a.samples.buffer).equals(Buffer.from(c.samples.buffer))).toBe(false);
    expect(a.draws).toBe(180);
    expect(a.samples.length).toBe(180 * 100);
  });

  it('recovers the regression on a control and a planted lift', () => {
    const r = analyzeImpact({ y: sim.y, controls: sim.controls, preLength: 80 }, { seed: 1, niter: 400 });
    const c = r.summary.cumulative;
    // one draw of the data: within 3 posterior sds (coverage is checked in test/validation)
    expect(Math.abs(c.absEffect - sim.plantedCumulative)).toBeLessThan(3 * c.absEffectSd);
    expect(c.absEffectSd).toBeGreaterThan(0);
    expect(r.summary.significant).toBe(true);
    expect(r.params.coefficients).toHaveLength(2);
    expect(r.points).toHaveLength(100);
    expect(r.points.filter((p) => p.post)).toHaveLength(20);
    expect(r.cumulativeEffectDraws).toHaveLength(360);
  });

  it('without controls or seasonality, a constant series plus noise gives a narrow band around it', () => {
    const y = Array.from({ length: 60 }, (_, t) => 50 + ((t * 7919) % 11) / 10 - 0.5);
    const r = analyzeImpact({ y, preLength: 50 }, { seed: 2, niter: 300 });
    expect(r.summary.average.pred).toBeGreaterThan(49);
    expect(r.summary.average.pred).toBeLessThan(51);
    expect(r.summary.significant).toBe(false);
  });

  it('skips missing pre-period values and drops constant controls', () => {
    const y = sim.y.slice();
    y[5] = NaN;
    y[40] = NaN;
    const r = fitCounterfactual(
      { y, controls: [...sim.controls, Array<number>(100).fill(3)], controlNames: ['a', 'b', 'flat'], preLength: 80 },
      { seed: 1, niter: 100 },
    );
    expect(r.droppedControls).toEqual(['flat']);
    expect(Number.isFinite(r.samples[5])).toBe(true);
  });

  it('fits weekday effects with the right sign', () => {
    const s = simulateSeries({ seed: 11, preLength: 140, postLength: 14, controls: 0, weekly: true, levelSd: 0.02 });
    const r = analyzeImpact(
      { y: s.y, preLength: 140, dates: s.dates },
      { seed: 1, niter: 300, weeklySeasonality: true },
    );
    // the simulated Monday effect is +1.5, Sunday −4 (coded through season 6 = −Σ others)
    expect(weekday(s.dates[0]!)).toBe(0);
    const monday = r.params.coefficients.find((c) => c.name === 'season_0')!;
    expect(monday.mean).toBeGreaterThan(0);
    expect(r.summary.significant).toBe(false);
  });

  it('explains a pre-period that is too short and a control with a gap', () => {
    expect(() => fitCounterfactual({ y: [1, 2, 3, 4], preLength: 2 })).toThrow(ModelError);
    const c = sim.controls[0]!.slice();
    c[90] = NaN;
    expect(() => fitCounterfactual({ y: sim.y, controls: [c], preLength: 80 })).toThrow(/missing value at point 91/);
  });
});

describe('analyzeImpact invariants (properties)', () => {
  it('shifting the post-period by c moves the effect by exactly c per point and leaves the prediction alone', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: -50, max: 50, noNaN: true }), (seed, c) => {
        const s = simulateSeries({ seed, preLength: 30, postLength: 8, controls: 1 });
        const a = analyzeImpact({ y: s.y, controls: s.controls, preLength: 30 }, { seed: 1, niter: 60 });
        const shifted = s.y.map((v, t) => (t >= 30 ? v + c : v));
        const b = analyzeImpact({ y: shifted, controls: s.controls, preLength: 30 }, { seed: 1, niter: 60 });
        expect(b.summary.cumulative.pred).toBe(a.summary.cumulative.pred);
        expect(Math.abs(b.summary.cumulative.absEffect - a.summary.cumulative.absEffect - 8 * c)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(b.summary.cumulative.actual)),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('a positive affine change of units (y → a·y + b) changes the prediction the same way', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (seed, a, b) => {
          const s = simulateSeries({ seed, preLength: 30, postLength: 5, controls: 1 });
          const r1 = analyzeImpact({ y: s.y, controls: s.controls, preLength: 30 }, { seed: 2, niter: 60 });
          const r2 = analyzeImpact(
            { y: s.y.map((v) => a * v + b), controls: s.controls, preLength: 30 },
            { seed: 2, niter: 60 },
          );
          const p1 = r1.summary.average.pred;
          const close = (x: number, y: number) =>
            expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(y)));
          close(r2.summary.average.pred, a * p1 + b);
          close(r2.summary.average.predSd, a * r1.summary.average.predSd);
          expect(Math.abs(r2.summary.p - r1.summary.p)).toBeLessThanOrEqual(2 / 55);
        },
      ),
      { numRuns: 20 },
    );
  });
});
