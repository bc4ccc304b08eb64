/**
 * Kaplan–Meier product-limit estimator [1] for durations with right censoring (deals still open
 * when observation ends), and its median.
 *
 * Assumptions: censoring is independent of the time to the event. At a time with both events and
 * censorings, the events come first (the usual convention). The median is the smallest time t with
 * Ŝ(t) ≤ 0.5 [2]; it is null when the curve never falls to 0.5 (too much censoring to tell).
 *
 * References
 * 1. E. L. Kaplan & P. Meier (1958), "Nonparametric estimation from incomplete observations",
 *    JASA 53(282), 457–481.
 * 2. D. G. Kleinbaum & M. Klein (2012), Survival Analysis: A Self-Learning Text, 3rd ed., ch. 2
 *    (median survival read off the KM curve; the remission data of Freireich et al. 1963).
 */

export interface Duration {
  /** time to the event, or to the end of observation when censored (same unit throughout) */
  time: number;
  /** true when the event happened at `time`; false when censored */
  event: boolean;
}

export interface KmStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  /** Ŝ just after `time` */
  survival: number;
}

export interface KaplanMeier {
  steps: KmStep[];
  n: number;
  events: number;
  censored: number;
  median: number | null;
}

/** Fit the Kaplan–Meier curve; steps are listed at every distinct time with an event or censoring. */
export function kaplanMeier(data: readonly Duration[]): KaplanMeier {
  for (const d of data) {
    if (!Number.isFinite(d.time) || d.time < 0)
      throw new RangeError(`kaplanMeier: durations must be finite and >= 0 (got ${d.time})`);
  }
  const sorted = [...data].sort((a, b) => a.time - b.time);
  const steps: KmStep[] = [];
  let atRisk = sorted.length;
  let s = 1;
  let median: number | null = null;
  for (let i = 0; i < sorted.length;) {
    const time = sorted[i]!.time;
    let events = 0;
    let censored = 0;
    while (i < sorted.length && sorted[i]!.time === time) {
      if (sorted[i]!.event) events++;
      else censored++;
      i++;
    }
    if (events > 0) s *= 1 - events / atRisk;
    steps.push({ time, atRisk, events, censored, survival: s });
    if (median === null && events > 0 && s <= 0.5 + 1e-12) median = time;
    atRisk -= events + censored;
  }
  const events = sorted.filter((d) => d.event).length;
  return { steps, n: sorted.length, events, censored: sorted.length - events, median };
}

/** Median of a plain list (no censoring), or null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
