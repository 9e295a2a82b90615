/** "1 quote", "2 quotes", "1,204 articles". */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * "1 passage matches", "3 passages match", and "50+ passages match" when a list was cut at
 * `n`: the verb agrees with the count as the reader sees it.
 */
export function matchCount(n: number, noun: string, orMore = false): string {
  if (orMore) return `${n.toLocaleString("en")}+ ${noun}s match`;
  return `${plural(n, noun)} ${n === 1 ? "matches" : "match"}`;
}
