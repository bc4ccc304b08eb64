/**
 * Simulate series with a known (planted) lift, for recovery tests and benchmarks: a local level
 * plus regression on random-walk controls plus an optional weekday cycle plus noise, raised by a
 * constant `lift` from the intervention on. The truth is the planted effect: `lift` per post point.
 */
import { createRng } from './random.js';

export const simulateDefaults = {
  preLength: 100,
  postLength: 30,
  controls: 1,
  weekly: false,
  lift: 0,
  levelSd: 0.1,
  noiseSd: 1,
  controlStepSd: 1,
  base: 100,
} as const;

export interface SimulateOptions {
  seed: number;
  /** Default 100. */
  preLength?: number;
  /** Default 30. */
  postLength?: number;
  /** Number of control series. Default 1. */
  controls?: number;
  /** Add a weekday cycle (amplitude about 2 noise sds). Default false. */
  weekly?: boolean;
  /** Effect added to every post-period point. Default 0. */
  lift?: number;
  /** Sd of the level's daily step. Default 0.1. */
  levelSd?: number;
  /** Sd of the observation noise. Default 1. */
  noiseSd?: number;
  /** Sd of each control's daily step. Default 1. */
  controlStepSd?: number;
  /** Starting value of the level and of each control. Default 100. */
  base?: number;
}

export interface SimulatedSeries {
  y: number[];
  controls: number[][];
  /** YYYY-MM-DD dates starting 2025-01-06 (a Monday). */
  dates: string[];
  preLength: number;
  /** The planted cumulative effect over the post-period. */
  plantedCumulative: number;
}

export function simulateSeries(options: SimulateOptions): SimulatedSeries {
  const o = { ...simulateDefaults, ...options };
  const rng = createRng(o.seed);
  const N = o.preLength + o.postLength;
  const controls: number[][] = [];
  const betas: number[] = [];
  for (let j = 0; j < o.controls; j++) {
    const c: number[] = [];
    let v = o.base;
    for (let t = 0; t < N; t++) {
      v += o.controlStepSd * rng.normal();
      c.push(v);
    }
    controls.push(c);
    betas.push(0.5 + rng.uniform());
  }
  const weekdayEffect = [1.5, 2, 1.8, 1.2, 0.5, -3, -4];
  const y: number[] = [];
  const dates: string[] = [];
  let level = o.base;
  const start = Date.UTC(2025, 0, 6);
  for (let t = 0; t < N; t++) {
    level += o.levelSd * rng.normal();
    let v = level + o.noiseSd * rng.normal();
    for (let j = 0; j < o.controls; j++) v += betas[j]! * (controls[j]![t]! - o.base);
    if (o.weekly) v += weekdayEffect[t % 7]! * o.noiseSd;
    if (t >= o.preLength) v += o.lift;
    y.push(v);
    dates.push(new Date(start + t * 86_400_000).toISOString().slice(0, 10));
  }
  return { y, controls, dates, preLength: o.preLength, plantedCumulative: o.lift * o.postLength };
}
