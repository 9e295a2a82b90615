/**
 * A pure function of one key (a string, or a number such as a character code) remembered per
 * key. Text folding and term reading meet the same words millions of times over a large corpus.
 * The memory is emptied whole once it holds `max` entries: that bounds it without the
 * bookkeeping of a least-recently-used list, and the words that matter come back within a few
 * calls. Values are shared and must not be changed.
 */
export function memoize<K extends string | number, V>(
  fn: (key: K) => V,
  max: number,
): (key: K) => V {
  const known = new Map<K, V>();
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
