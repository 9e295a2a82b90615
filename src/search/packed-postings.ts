import { lowerBound } from "../sorted/partition-point.ts";

/**
 * One term's postings in one field (document short id -> term frequency) packed into typed
 * arrays: about 6 bytes a posting where a Map takes about 40, and loadable from a saved index
 * without building a Map. It offers the part of the Map interface MiniSearch uses on its term
 * index (get, set, has, delete, size, keys, entries), so a MiniSearch instance can hold it where
 * it would hold a Map.
 *
 * The postings are one or more ranges of shared arrays, ids ascending within and across ranges:
 * a batch of new documents is appended as a range of its own (`append`) instead of copying the
 * postings already there. Documents added one by one go to a small Map beside the ranges; a
 * removed posting is marked with frequency 0 until the next packing drops it.
 */
export class PackedPostings {
  private readonly ranges: Range[];
  /** Postings in the ranges, removed ones included. */
  private packed: number;
  private removed = 0;
  private extra: Map<number, number> | null = null;
  /** Where the last iteration stopped: MiniSearch reads the frequency of the id it was just given. */
  private cursorRange = 0;
  private cursor: number;
  /** The range of the id `find` found last. */
  private at = 0;

  /** `ids` ascending over [start, end); the arrays may be shared with other postings. */
  constructor(ids: Int32Array, tfs: Uint16Array, start: number, end: number) {
    this.ranges = [{ ids, tfs, start, end }];
    this.packed = end - start;
    this.cursor = start;
  }

  static fromEntries(entries: Iterable<[number, number]>): PackedPostings {
    const pairs = [...entries].filter(([, tf]) => tf > 0).sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(pairs.length);
    const tfs = new Uint16Array(pairs.length);
    pairs.forEach(([id, tf], i) => {
      ids[i] = id;
      tfs[i] = Math.min(tf, MAX_TF);
    });
    return new PackedPostings(ids, tfs, 0, pairs.length);
  }

  get size(): number {
    return this.packed - this.removed + (this.extra?.size ?? 0);
  }

  /** Whether documents were added one by one or removed since packing. */
  get changed(): boolean {
    return this.removed > 0 || (this.extra?.size ?? 0) > 0;
  }

  /** How many ranges of arrays the postings span. */
  get rangeCount(): number {
    return this.ranges.length;
  }

  get(id: number): number | undefined {
    const i = this.find(id);
    if (i >= 0) return this.foundTfs[i] || undefined;
    return this.extra?.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, tf: number): this {
    const i = this.find(id);
    if (i >= 0) {
      const tfs = this.foundTfs;
      if (tfs[i] === 0) this.removed--;
      tfs[i] = Math.min(Math.max(tf, 1), MAX_TF);
    } else {
      this.extra ??= new Map();
      this.extra.set(id, tf);
    }
    return this;
  }

  delete(id: number): boolean {
    const i = this.find(id);
    if (i >= 0) {
      const tfs = this.foundTfs;
      if (tfs[i] === 0) return false;
      tfs[i] = 0;
      this.removed++;
      return true;
    }
    return this.extra?.delete(id) ?? false;
  }

  /**
   * Adds the postings of a batch of documents, all with ids above any held, as a range of
   * shared arrays: nothing held is copied, except postings added one by one, which go first.
   */
  append(ids: Int32Array, tfs: Uint16Array, start: number, end: number): void {
    if (end <= start) return;
    if (this.extra) {
      const added = PackedPostings.fromEntries(this.extra).ranges[0] as Range;
      if (added.end > 0 && (added.ids[0] as number) <= this.lastPackedId()) {
        // Not added after all packed ones (MiniSearch's always are): all are sorted again.
        this.reset(PackedPostings.fromEntries(this.entries()).ranges[0] as Range);
      } else {
        this.pushRange(added);
      }
      this.extra = null;
    }
    if ((ids[start] as number) <= this.lastPackedId()) {
      throw new Error("appended postings must come last");
    }
    this.pushRange({ ids, tfs, start, end });
  }

  *keys(): IterableIterator<number> {
    for (let r = 0; r < this.ranges.length; r++) {
      const { ids, tfs, start, end } = this.ranges[r] as Range;
      for (let i = start; i < end; i++) {
        if (tfs[i] === 0) continue;
        this.cursorRange = r;
        this.cursor = i;
        yield ids[i] as number;
      }
    }
    if (this.extra) yield* [...this.extra.keys()];
  }

  *entries(): IterableIterator<[number, number]> {
    for (const { ids, tfs, start, end } of this.ranges) {
      for (let i = start; i < end; i++) {
        const tf = tfs[i] as number;
        if (tf !== 0) yield [ids[i] as number, tf];
      }
    }
    if (this.extra) yield* [...this.extra.entries()];
  }

  /** Calls `fn` on each posting kept (frequency > 0) in id order of the packed part, then added. */
  forEach(fn: (tf: number, id: number) => void): void {
    for (const { ids, tfs, start, end } of this.ranges) {
      for (let i = start; i < end; i++) {
        const tf = tfs[i] as number;
        if (tf !== 0) fn(tf, ids[i] as number);
      }
    }
    this.extra?.forEach(fn);
  }

  /**
   * Calls `fn` on each range of packed postings as it is held, removed ones (frequency 0)
   * included, for copying them in bulk; postings added one by one are not in any range.
   */
  forEachRange(fn: (ids: Int32Array, tfs: Uint16Array, start: number, end: number) => void): void {
    for (const { ids, tfs, start, end } of this.ranges) if (end > start) fn(ids, tfs, start, end);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  private pushRange(range: Range): void {
    if (this.packed === 0) this.ranges.length = 0;
    this.ranges.push(range);
    this.packed += range.end - range.start;
    if (this.ranges.length > MAX_RANGES) this.compact();
  }

  /** Copies all ranges into one, dropping removed postings, so that lookups stay quick. */
  private compact(): void {
    const ids = new Int32Array(this.packed - this.removed);
    const tfs = new Uint16Array(ids.length);
    let at = 0;
    this.forEachRange((rangeIds, rangeTfs, start, end) => {
      for (let i = start; i < end; i++) {
        const tf = rangeTfs[i] as number;
        if (tf === 0) continue;
        ids[at] = rangeIds[i] as number;
        tfs[at++] = tf;
      }
    });
    this.reset({ ids, tfs, start: 0, end: at });
  }

  /** Holds the one range given, with no removed posting, in place of the ranges. */
  private reset(range: Range): void {
    this.ranges.length = 0;
    this.ranges.push(range);
    this.packed = range.end - range.start;
    this.removed = 0;
    this.cursorRange = 0;
    this.cursor = range.start;
  }

  /** The highest id in the ranges, removed or not, or -1. */
  private lastPackedId(): number {
    for (let r = this.ranges.length - 1; r >= 0; r--) {
      const { ids, start, end } = this.ranges[r] as Range;
      if (end > start) return ids[end - 1] as number;
    }
    return -1;
  }

  /** Index of the id in the arrays of range `this.at`, or -1. */
  private find(id: number): number {
    const { ranges } = this;
    const near = ranges[this.cursorRange];
    if (near && this.cursor < near.end && near.ids[this.cursor] === id) {
      this.at = this.cursorRange;
      return this.cursor;
    }
    // Ranges ascend: the id can only be in the first one whose last id is not below it.
    for (let r = 0; r < ranges.length; r++) {
      const { ids, start, end } = ranges[r] as Range;
      if (end <= start || id > (ids[end - 1] as number)) continue;
      if (id < (ids[start] as number)) return -1;
      // The id is not above the range's last, so the place found is inside the range.
      const at = lowerBound(ids, id, start, end);
      if (ids[at] !== id) return -1;
      this.at = r;
      return at;
    }
    return -1;
  }

  /** The frequencies of the range `find` found an id in. */
  private get foundTfs(): Uint16Array {
    return (this.ranges[this.at] as Range).tfs;
  }
}

interface Range {
  ids: Int32Array;
  tfs: Uint16Array;
  start: number;
  end: number;
}

/** Term frequencies past this are kept at it: no paragraph repeats a word 65,535 times. */
export const MAX_TF = 0xffff;

/** Past this many ranges, a postings list is copied into one. */
const MAX_RANGES = 16;
