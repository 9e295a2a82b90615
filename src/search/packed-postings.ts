/**
 * One term's postings in one field (document short id -> term frequency) packed into typed
 * arrays: about 6 bytes a posting where a Map takes about 40, and loadable from a saved index
 * without building a Map. It offers the part of the Map interface MiniSearch uses on its term
 * index (get, set, has, delete, size, keys, entries), so a MiniSearch instance can hold it where
 * it would hold a Map. Documents added after packing go to a small Map beside the arrays; a
 * removed posting is marked with frequency 0 until the next packing drops it.
 */
export class PackedPostings {
  private removed = 0;
  private extra: Map<number, number> | null = null;
  /** Where the last iteration stopped: MiniSearch reads the frequency of the id it was just given. */
  private cursor: number;

  /** `ids` ascending over [start, end); the arrays may be shared with other postings. */
  constructor(
    private readonly ids: Int32Array,
    private readonly tfs: Uint16Array,
    private readonly start: number,
    private readonly end: number,
  ) {
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
    return this.end - this.start - this.removed + (this.extra?.size ?? 0);
  }

  /** Whether documents were added or removed since packing. */
  get changed(): boolean {
    return this.removed > 0 || (this.extra?.size ?? 0) > 0;
  }

  get(id: number): number | undefined {
    const i = this.find(id);
    if (i >= 0) return this.tfs[i] || undefined;
    return this.extra?.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, tf: number): this {
    const i = this.find(id);
    if (i >= 0) {
      if (this.tfs[i] === 0) this.removed--;
      this.tfs[i] = Math.min(Math.max(tf, 1), MAX_TF);
    } else {
      this.extra ??= new Map();
      this.extra.set(id, tf);
    }
    return this;
  }

  delete(id: number): boolean {
    const i = this.find(id);
    if (i >= 0) {
      if (this.tfs[i] === 0) return false;
      this.tfs[i] = 0;
      this.removed++;
      return true;
    }
    return this.extra?.delete(id) ?? false;
  }

  *keys(): IterableIterator<number> {
    const { ids, tfs, end } = this;
    for (let i = this.start; i < end; i++) {
      if (tfs[i] === 0) continue;
      this.cursor = i;
      yield ids[i] as number;
    }
    if (this.extra) yield* [...this.extra.keys()];
  }

  *entries(): IterableIterator<[number, number]> {
    const { ids, tfs, end } = this;
    for (let i = this.start; i < end; i++) {
      const tf = tfs[i] as number;
      if (tf !== 0) yield [ids[i] as number, tf];
    }
    if (this.extra) yield* [...this.extra.entries()];
  }

  /** Calls `fn` on each posting kept (frequency > 0) in id order of the packed part, then added. */
  forEach(fn: (tf: number, id: number) => void): void {
    const { ids, tfs, end } = this;
    for (let i = this.start; i < end; i++) {
      const tf = tfs[i] as number;
      if (tf !== 0) fn(tf, ids[i] as number);
    }
    this.extra?.forEach(fn);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** The postings with additions merged in and removals dropped, in arrays of their own. */
  repacked(): PackedPostings {
    const extra = this.extra ? [...this.extra].sort((a, b) => a[0] - b[0]) : [];
    const last = this.end > this.start ? (this.ids[this.end - 1] as number) : -1;
    // Usual case: documents added after packing have higher ids, so arrays are copied, not sorted.
    if (this.removed > 0 || (extra.length > 0 && (extra[0] as [number, number])[0] <= last)) {
      return PackedPostings.fromEntries(this.entries());
    }
    const base = this.end - this.start;
    const ids = new Int32Array(base + extra.length);
    const tfs = new Uint16Array(base + extra.length);
    ids.set(this.ids.subarray(this.start, this.end));
    tfs.set(this.tfs.subarray(this.start, this.end));
    extra.forEach(([id, tf], i) => {
      ids[base + i] = id;
      tfs[base + i] = Math.min(tf, MAX_TF);
    });
    return new PackedPostings(ids, tfs, 0, ids.length);
  }

  /** Index of the id in the packed arrays, or -1. */
  private find(id: number): number {
    const { ids } = this;
    if (this.cursor < this.end && ids[this.cursor] === id) return this.cursor;
    let lo = this.start;
    let hi = this.end - 1;
    // Documents added after packing have higher ids than any packed one.
    if (hi < lo || id > (ids[hi] as number)) return -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[mid] as number;
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Term frequencies past this are kept at it: no paragraph repeats a word 65,535 times. */
export const MAX_TF = 0xffff;
