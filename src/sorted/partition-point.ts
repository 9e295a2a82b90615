/**
 * The first index in `[from, to)` at which `before` is false, or `to` when there is none, for a
 * `before` that holds on a prefix of the range and not after it: "is the item at i below the
 * key?" over a sorted list gives the place the key goes. Found by bisection, so it asks
 * `before` about log2(to - from) times. (Rust's `partition_point`, C++'s `partition_point`.)
 */
export function partitionPoint(from: number, to: number, before: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `partitionPoint` over ascending numbers: the first index in `[from, to)` whose number is not
 * below `key`, or `to`. The same bisection with no call per step, for the search's inner loops
 * (seeking a document in a postings list, which a query does thousands of times).
 */
export function lowerBound(
  sorted: ArrayLike<number>,
  key: number,
  from = 0,
  to = sorted.length,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
