import { type QueryWord, queryWords, tokenize } from "./tokenize.ts";

/** Text past this many characters is not read: a pasted article is not a query. */
export const MAX_QUERY_CHARS = 2000;
/** At most this many words are searched, the most distinctive ones, so long quotes stay fast. */
export const MAX_QUERY_WORDS = 32;

export interface ParsedQuery {
  words: QueryWord[];
  /**
   * What the user should know: why nothing can be searched (then `words` is empty), or that
   * only part of a long query was searched. Null when the query is searched as typed.
   */
  notice: string | null;
}

/**
 * How common a term is in the index searched (documents containing it). Lets a long query keep
 * its rarest words; without it, longer words count as rarer.
 */
export type TermFrequency = (term: string) => number;

/** Turns user text into the words to search, or a reason there is nothing to search. */
export function parseQuery(text: string, frequency?: TermFrequency): ParsedQuery {
  if (text.trim() === "") return { words: [], notice: "The query is empty." };
  const clipped = text.length > MAX_QUERY_CHARS;
  const read = clipped ? text.slice(0, MAX_QUERY_CHARS) : text;
  const unique = dedupe(queryWords(read));
  if (unique.length === 0) {
    const notice =
      tokenize(read).length === 0
        ? "The query has no words to search for, only punctuation or symbols."
        : "The query has only very common words (like “the” or “of”), which are not indexed.";
    return { words: [], notice };
  }
  const words = unique.length > MAX_QUERY_WORDS ? rarest(unique, frequency) : unique;
  let notice: string | null = null;
  if (words.length < unique.length) {
    notice = `The query is long; its ${MAX_QUERY_WORDS} most distinctive words were searched.`;
  } else if (clipped) {
    notice = `The query is long; its first ${MAX_QUERY_CHARS.toLocaleString("en")} characters were searched.`;
  }
  return { words, notice };
}

function dedupe(words: QueryWord[]): QueryWord[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = `${w.parts.join(" ")}|${w.joined ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The MAX_QUERY_WORDS rarest words, in the order the user wrote them. */
function rarest(words: QueryWord[], frequency?: TermFrequency): QueryWord[] {
  const weight = (w: QueryWord) => {
    const terms = w.joined ? [w.joined, ...w.parts] : w.parts;
    if (frequency) return Math.min(...terms.map(frequency));
    return -Math.max(...terms.map((t) => t.length));
  };
  const ranked = words.map((word, i) => ({ word, i, weight: weight(word) }));
  ranked.sort((a, b) => a.weight - b.weight || a.i - b.i);
  return ranked
    .slice(0, MAX_QUERY_WORDS)
    .sort((a, b) => a.i - b.i)
    .map((r) => r.word);
}
