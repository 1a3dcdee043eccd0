/**
 * Deterministic randomness for generated data (the demo data of the pilot and of the surveys): a
 * small seeded PRNG (mulberry32), a seed from a string (FNV-1a), and weighted sampling without
 * replacement for exact counts. The same seed always gives the same data. Not for secrets: tokens
 * and keys come from node:crypto.
 */

/** mulberry32: 32-bit state, good enough for demo data and fast. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (FNV-1a), e.g. a Comune's ISTAT code and a salt per use. */
export function seedOf(s: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Weighted picks: [value, weight]. */
export type Weighted<T> = readonly (readonly [T, number])[];

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [a, b], both included. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  between(a: number, b: number): number {
    return a + this.next() * (b - a);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new RangeError('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(pairs: Weighted<T>): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of pairs) {
      if ((x -= w) < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  /** `n` distinct items, in random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
  /** Each item kept with its probability, in the list's order. */
  some<T>(xs: Weighted<T>): T[] {
    return xs.filter(([, p]) => this.next() < p).map(([x]) => x);
  }
}

/**
 * Exactly `n` items drawn without replacement, each with probability growing with its weight
 * (Efraimidis–Spirakis keys), in the list's order. Items of weight 0 are never drawn.
 */
export function weightedSample<T>(items: readonly T[], n: number, weight: (x: T) => number, seed: number): T[] {
  const rng = new Rng(seed);
  const keyed = items
    .map((x, i) => ({ i, w: weight(x), u: rng.float() }))
    .filter((k) => k.w > 0)
    .map((k) => ({ i: k.i, key: -Math.log(1 - k.u) / k.w }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  return keyed
    .slice(0, n)
    .map((k) => k.i)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
