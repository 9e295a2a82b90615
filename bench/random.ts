/**
 * Seeded randomness for the benchmark: the same seed always gives the same corpus and queries,
 * so figures from two runs (or two machines) are about the same text.
 */
import { partitionPoint } from "../src/sorted/partition-point.ts";

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for sampling text, useless for secrets. */
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

/** Mixes numbers into one 32-bit seed, so article i of seed s can be drawn on its own. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(items.length)] as T;
  }

  /** An item drawn with Zipf-like weights: the first items far more often than the last. */
  zipf<T>(items: readonly T[], sampler: ZipfSampler): T {
    return items[sampler.draw(this) % items.length] as T;
  }
}

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
export class ZipfSampler {
  private readonly cdf: Float64Array;

  constructor(n: number, s = 1) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      sum += 1 / (r + 1) ** s;
      this.cdf[r] = sum;
    }
    for (let r = 0; r < n; r++) this.cdf[r] = (this.cdf[r] as number) / sum;
  }

  draw(rng: Rng): number {
    const u = rng.float();
    const cdf = this.cdf;
    return partitionPoint(0, cdf.length - 1, (i) => (cdf[i] as number) < u);
  }
}
