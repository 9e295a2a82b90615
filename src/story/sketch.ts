/**
 * Near-duplicate text, generically: a text becomes the set of its w-word shingles, and the set a
 * bottom-k MinHash sketch (the k smallest shingle hashes). Two sketches estimate the Jaccard
 * similarity of their sets, and from the sets' sizes how much of the smaller set the larger one
 * contains: the measure that survives one copy carrying boilerplate the other lacks.
 */

export interface Sketch {
  /** The k smallest distinct shingle hashes, ascending. */
  hashes: Uint32Array;
  /** How many distinct shingles the text has. */
  size: number;
}

export interface SketchOptions {
  /** Words per shingle. */
  width: number;
  /** Hashes kept. */
  k: number;
}

export const DEFAULT_SKETCH: SketchOptions = { width: 5, k: 128 };

/** The sketch of a text: words are runs of letters and digits, compared in lower case. */
export function sketchText(text: string, options: SketchOptions = DEFAULT_SKETCH): Sketch {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordHashes = words.map(fnv1a);
  const shingles = new Set<number>();
  const width = Math.min(options.width, wordHashes.length);
  for (let i = 0; i + width <= wordHashes.length && width > 0; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < width; j++) h = Math.imul(h ^ (wordHashes[i + j] as number), 0x01000193);
    shingles.add(fmix32(h));
  }
  const all = Uint32Array.from(shingles).sort();
  return { hashes: all.subarray(0, options.k), size: shingles.size };
}

export interface Overlap {
  /** Estimated |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  /** Estimated |A ∩ B| / min(|A|, |B|). */
  containment: number;
}

/** Compares two sketches made with the same options. */
export function overlap(a: Sketch, b: Sketch): Overlap {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  const k = Math.max(a.hashes.length, b.hashes.length);
  // The k smallest hashes of the union, and how many of them both sets hold. One of them in A is
  // among A's k smallest too, so A's sketch holds it: the count is exact over this sample.
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < k && (i < a.hashes.length || j < b.hashes.length)) {
    const x = i < a.hashes.length ? (a.hashes[i] as number) : Infinity;
    const y = j < b.hashes.length ? (b.hashes[j] as number) : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  const jaccard = taken === 0 ? 0 : both / taken;
  const intersection = (jaccard * (a.size + b.size)) / (1 + jaccard);
  return { jaccard, containment: Math.min(1, intersection / Math.min(a.size, b.size)) };
}

function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads a combined hash over all 32 bits. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
