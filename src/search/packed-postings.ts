import { lowerBound } from "../sorted/partition-point.ts";
import { type PostingsBlocks, sliceCache } from "./paged-postings.ts";

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
 *
 * Postings loaded from a saved index stay on disk (see paged-postings.ts): the first range is
 * then read when a query needs it, through the shared slice cache, and held for good only once
 * something changes it in place (a removal). Documents added after the load have ids from the
 * saved index's next id on, so adding them reads nothing.
 */
export class PackedPostings {
  /** The ranges held in memory; after the range on disk, when there is one. */
  private held: Range[];
  private onDisk: OnDisk | null = null;
  /**
   * The ranges with the one on disk as read, kept only while these are the postings last read
   * (`current`): a query reads one term's postings many times in a row, and each read asking the
   * cache cost more than the reading; held by every list, the slices would outlive the cache.
   */
  private composed: Range[] | null = null;
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
    this.held = [{ ids, tfs, start, end }];
    this.packed = end - start;
    this.cursor = start;
  }

  /**
   * Postings [start, end) of a saved piece, read from it when needed; every id is below `bound`
   * (the saved index's next short id).
   */
  static onDisk(blocks: PostingsBlocks, start: number, end: number, bound: number): PackedPostings {
    const postings = new PackedPostings(NO_IDS, NO_TFS, 0, 0);
    postings.held = [];
    postings.onDisk = { blocks, start, end, bound };
    postings.packed = end - start;
    return postings;
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
    return this.held.length + (this.onDisk ? 1 : 0);
  }

  /** The ranges, the one on disk read (or found in the cache) first. */
  private get ranges(): Range[] {
    const disk = this.onDisk;
    if (!disk) return this.held;
    if (current === this && this.composed) return this.composed;
    const slice = sliceCache.get(disk, () => disk.blocks.read(disk.start, disk.end));
    if (current !== this) {
      if (current) current.composed = null;
      current = this;
    }
    this.composed = [
      { ids: slice.ids, tfs: slice.tfs, start: 0, end: slice.ids.length },
      ...this.held,
    ];
    return this.composed;
  }

  /** Range `r` of `ranges`, reading the one on disk only when it is asked for. */
  private rangeAt(r: number): Range {
    if (!this.onDisk) return this.held[r] as Range;
    return (r === 0 ? this.ranges[0] : this.held[r - 1]) as Range;
  }

  /** Holds the range on disk from now on, as something is about to change it in place. */
  private own(): void {
    const disk = this.onDisk;
    if (!disk) return;
    const first = this.ranges[0] as Range;
    sliceCache.take(disk);
    this.onDisk = null;
    this.held.unshift(first);
    this.composed = null;
  }

  get(id: number): number | undefined {
    const i = this.find(id);
    if (i >= 0) return this.rangeAt(this.at).tfs[i] || undefined;
    return this.extra?.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, tf: number): this {
    const i = this.find(id);
    if (i >= 0) {
      const tfs = this.changeableTfs();
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
      const tfs = this.changeableTfs();
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
    if (this.packed === 0) {
      this.held.length = 0;
      this.onDisk = null;
    }
    this.held.push(range);
    this.composed = null;
    this.packed += range.end - range.start;
    if (this.held.length > MAX_RANGES) this.compact();
  }

  /**
   * Copies the ranges held into one, dropping removed postings, so that lookups stay quick; a
   * range on disk stays there.
   */
  private compact(): void {
    let total = 0;
    for (const { start, end } of this.held) total += end - start;
    const ids = new Int32Array(total);
    const tfs = new Uint16Array(total);
    let at = 0;
    for (const { ids: rangeIds, tfs: rangeTfs, start, end } of this.held) {
      for (let i = start; i < end; i++) {
        const tf = rangeTfs[i] as number;
        if (tf === 0) continue;
        ids[at] = rangeIds[i] as number;
        tfs[at++] = tf;
      }
    }
    this.packed -= total - at;
    this.removed -= total - at;
    this.held = [{ ids, tfs, start: 0, end: at }];
    this.composed = null;
    this.cursorRange = 0;
    this.cursor = 0;
  }

  /** Holds the one range given, with no removed posting, in place of the ranges. */
  private reset(range: Range): void {
    this.onDisk = null;
    this.composed = null;
    this.held = [range];
    this.packed = range.end - range.start;
    this.removed = 0;
    this.cursorRange = 0;
    this.cursor = range.start;
  }

  /**
   * The highest id in the ranges, removed or not, or -1; for a range on disk, unread, the
   * highest it may hold.
   */
  private lastPackedId(): number {
    for (let r = this.held.length - 1; r >= 0; r--) {
      const { ids, start, end } = this.held[r] as Range;
      if (end > start) return ids[end - 1] as number;
    }
    return this.onDisk ? this.onDisk.bound - 1 : -1;
  }

  /** Index of the id in the arrays of range `this.at`, or -1. */
  private find(id: number): number {
    const count = this.rangeCount;
    // An id handed out after the load is not on disk: that range is not read for it.
    const from = this.onDisk && id >= this.onDisk.bound ? 1 : 0;
    if (this.cursorRange >= from && this.cursorRange < count) {
      const near = this.rangeAt(this.cursorRange);
      if (this.cursor < near.end && near.ids[this.cursor] === id) {
        this.at = this.cursorRange;
        return this.cursor;
      }
    }
    // Ranges ascend: the id can only be in the first one whose last id is not below it.
    for (let r = from; r < count; r++) {
      const { ids, start, end } = this.rangeAt(r);
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

  /** The frequencies of the range `find` found an id in, held in memory to be changed. */
  private changeableTfs(): Uint16Array {
    if (this.at === 0) this.own();
    return this.rangeAt(this.at).tfs;
  }
}

/** A range of postings left on disk: [start, end) of a saved piece's postings. */
/**
 * The postings whose slice from disk was read last: the only ones that keep theirs outside the
 * slice cache, so memory stays within the cache's budget however many terms are asked for.
 */
let current: PackedPostings | null = null;

interface OnDisk {
  blocks: PostingsBlocks;
  start: number;
  end: number;
  bound: number;
}

const NO_IDS = new Int32Array(0);
const NO_TFS = new Uint16Array(0);

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
