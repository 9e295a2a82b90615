import { lowerBound } from "../sorted/partition-point.ts";
import type { Postings } from "./minisearch-internals.ts";
import { PackedPostings } from "./packed-postings.ts";

/**
 * A run of postings: `ids[start..end)` ascending, with their frequencies in `tfs`; a frequency
 * of 0 marks a removed posting, to be skipped.
 */
export type Run = (ids: Int32Array, tfs: Uint16Array, start: number, end: number) => void;

/**
 * Calls `fn` on runs that together hold the list's postings, each once, in ascending id order.
 * A packed list hands over its own arrays, so that the caller's loop reads them directly; a Map,
 * or a packed list with postings added one by one, is copied into a run first.
 */
export function eachRun(list: Postings, fn: Run): void {
  if (list instanceof PackedPostings && !list.changed) {
    list.forEachRange(fn);
    return;
  }
  const ids = new Int32Array(list.size);
  const tfs = new Uint16Array(list.size);
  let n = 0;
  let ascending = true;
  list.forEach((tf, id) => {
    if (n > 0 && id < (ids[n - 1] as number)) ascending = false;
    ids[n] = id;
    tfs[n++] = tf;
  });
  if (ascending) {
    fn(ids, tfs, 0, n);
    return;
  }
  const order = Array.from(ids.keys()).sort((a, b) => (ids[a] as number) - (ids[b] as number));
  fn(
    Int32Array.from(order, (i) => ids[i] as number),
    Uint16Array.from(order, (i) => tfs[i] as number),
    0,
    n,
  );
}

/**
 * A list holding this many times more postings than the documents looked for is walked by
 * seeking each of them in it, rather than read through.
 */
export const SEEK_RATIO = 8;

/**
 * The index of the first id at or past `from` that is not below `id`, or `end`: galloping, so
 * that walking a few ascending ids through a long run costs a few steps each.
 */
export function seek(ids: Int32Array, from: number, end: number, id: number): number {
  if (from >= end || (ids[from] as number) >= id) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < end && (ids[hi] as number) < id) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  // ids[lo] < id, and hi is past the end or ids[hi] >= id.
  return lowerBound(ids, id, lo + 1, Math.min(hi, end));
}
