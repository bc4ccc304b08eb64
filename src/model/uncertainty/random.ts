/**
 * A small seeded pseudo-random generator and the samplers the Monte Carlo needs. Same seed ⇒ same
 * sequence on every platform (only 32-bit integer arithmetic and IEEE doubles are used).
 *
 * - Generator: xoshiro128** [1], 128-bit state seeded through splitmix32 [2] so that nearby seeds
 *   give unrelated streams. Floats are 53-bit: two 32-bit outputs per uniform.
 * - Normal: Marsaglia's polar method [3] (no caching of the second value, so one call = one draw
 *   pair consumed, which keeps streams easy to reason about).
 * - Gamma(shape k, scale 1): Marsaglia & Tsang [4]; for k < 1 the boost Gamma(k + 1)·U^(1/k) [4, §6].
 * - Beta(a, b) = X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 * - Triangular(low, mode, high) by inversion of its CDF.
 *
 * References
 * [1] Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators. ACM TOMS 47(4).
 * [2] Steele, G., Lea, D. & Flood, C. (2014). Fast splittable pseudorandom number generators. OOPSLA.
 * [3] Marsaglia, G. & Bray, T. A. (1964). A convenient method for generating normal variables. SIAM Review 6(3).
 * [4] Marsaglia, G. & Tsang, W. W. (2000). A simple method for generating gamma variables. ACM TOMS 26(3).
 */

export interface Rng {
  /** a uniform double in [0, 1) with 53 random bits */
  next(): number;
  /** the next raw 32-bit unsigned integer */
  nextUint32(): number;
}

/** xoshiro128** seeded with splitmix32 from a 32-bit integer seed. */
export function createRng(seed: number): Rng {
  let sm = seed >>> 0;
  const splitmix = () => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return rngFromState([splitmix(), splitmix(), splitmix(), splitmix()]);
}

/** xoshiro128** from an explicit 128-bit state (four 32-bit words, not all zero). */
export function rngFromState(state: readonly [number, number, number, number]): Rng {
  let [a, b, c, d] = state.map((x) => x >>> 0) as [number, number, number, number];
  if ((a | b | c | d) === 0) a = 1;
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextUint32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };
  return {
    nextUint32,
    next: () => {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
  };
}

/** Standard normal draw (polar method [3]). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return mean + sd * u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, scale 1) draw [4]. */
export function gamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    const u = 1 - rng.next(); // (0, 1]
    return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) draw. */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** Triangular(low, mode, high) draw by inversion; a point mass when low = high. */
export function triangular(rng: Rng, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const u = rng.next();
  const f = (mode - low) / (high - low);
  return u < f
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** Quantile p of an ascending-sorted array (linear interpolation, type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
