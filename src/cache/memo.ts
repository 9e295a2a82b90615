/**
 * A pure function of one string remembered per argument. Text folding and term reading meet the
 * same words millions of times over a large corpus. The memory is emptied whole once it holds
 * `max` entries: that bounds it without the bookkeeping of a least-recently-used list, and the
 * words that matter come back within a few calls. Values are shared and must not be changed.
 */
export function memoize<V>(fn: (key: string) => V, max: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= max) known.clear();
      value = fn(key);
      known.set(key, value);
    }
    return value;
  };
}
