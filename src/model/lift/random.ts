/**
 * A small seeded random generator for the lift sampler: xoshiro128** (Blackman & Vigna) seeded
 * through splitmix32, with standard normal (Marsaglia polar method) and gamma (Marsaglia & Tsang
 * 2000) draws. Same seed ⇒ same sequence on every platform (only 32-bit integer arithmetic and
 * IEEE doubles are used).
 *
 * References
 * 1. D. Blackman, S. Vigna (2021), Scrambled linear pseudorandom number generators, ACM TOMS 47(4).
 * 2. G. Marsaglia, W. W. Tsang (2000), A simple method for generating gamma variables, ACM TOMS 26(3).
 */

export interface Rng {
  /** uniform on [0, 1) */
  uniform(): number;
  /** standard normal */
  normal(): number;
  /** Gamma(shape, rate = 1) */
  gamma(shape: number): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator. Any integer seed (negative and large values are folded to 32 bits). */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed) ^ Math.trunc(seed / 2 ** 32));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => {
    // 53 random bits from two draws
    const hi = next() >>> 5;
    const lo = next() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * m;
        return u * m;
      }
    }
  };
  const gamma = (shape: number): number => {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
    if (shape < 1) {
      // boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
      const u = uniform();
      return gamma(shape + 1) * Math.pow(u > 0 ? u : Number.MIN_VALUE, 1 / shape);
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };
  return { uniform, normal, gamma };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Beta(a, b) draw through two gammas. */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = rng.gamma(a);
  const y = rng.gamma(b);
  return x / (x + y);
}
