import type MiniSearch from "minisearch";
import type { Query, SearchOptions, SearchResult } from "minisearch";
import type { QueryWord } from "./tokenize.ts";

export interface PlanOptions {
  /** Stop widening the search once this many results are found. */
  enough: number;
  fields?: string[];
  boost?: Record<string, number>;
  filter?: (result: SearchResult) => boolean;
}

const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 3;
const LETTER = /\p{L}/u;
/** Longer queries are pasted text: they are not searched for misspellings of every word. */
const MAX_TYPED_WORDS = 6;

/**
 * Runs a query in widening stages and returns the results in stage order, each stage by score:
 * 1. all words exactly (the last may be unfinished, so it also matches as a prefix);
 * 2. all words allowing prefixes and small misspellings, when (1) found nothing and the query
 *    is short enough to be typed rather than pasted;
 * 3. any of the words exactly, while fewer than `enough` results are found (for a pasted
 *    quote, only when (1) found nothing);
 * 4. any of the words allowing prefixes and misspellings, when nothing else matched.
 * So common queries stay on the cheap exact path, and a long pasted quote is matched word for
 * word rather than through every near spelling of every word.
 */
export function searchInStages(
  index: MiniSearch,
  words: QueryWord[],
  options: PlanOptions,
): SearchResult[] {
  if (words.length === 0) return [];
  const widens = words.some((w) => wordTerms(w).some(widenable));
  const several = words.length > 1;
  const found = new Map<string, SearchResult>();
  const run = (query: Query) => {
    for (const result of index.search(query, searchOptions(options))) {
      if (!found.has(result.id)) found.set(result.id, result);
    }
  };
  const typed = words.length <= MAX_TYPED_WORDS;
  run(combine(words, "AND", "last"));
  if (found.size === 0 && widens && typed) run(combine(words, "AND", "all"));
  if (found.size < options.enough && several && (typed || found.size === 0)) {
    run(combine(words, "OR", "last"));
  }
  if (found.size === 0 && several && widens) run(combine(words, "OR", "all"));
  return [...found.values()];
}

function searchOptions(options: PlanOptions): SearchOptions {
  // Terms arrive processed already; MiniSearch must take them as they are.
  const search: SearchOptions = { tokenize: (s) => [s], processTerm: (t) => t };
  if (options.fields) search.fields = options.fields;
  if (options.boost) search.boost = options.boost;
  if (options.filter) search.filter = options.filter;
  return search;
}

/** How far a term is widened: not at all, to words it starts, or also to near spellings. */
type Widen = "exact" | "prefix" | "close";

/** All or any of the words; "last" widens only the last word, which may be unfinished. */
function combine(words: QueryWord[], combineWith: "AND" | "OR", widen: "last" | "all"): Query {
  return {
    combineWith,
    queries: words.map((word, i) =>
      wordQuery(word, widen === "all" ? "close" : i === words.length - 1 ? "prefix" : "exact"),
    ),
  };
}

/** A hyphenated word matches its joined form or all of its parts (cyberattacks | cyber attacks). */
function wordQuery(word: QueryWord, widen: Widen): Query {
  const parts =
    word.parts.length === 1
      ? termQuery(word.parts[0] as string, widen)
      : { combineWith: "AND" as const, queries: word.parts.map((t) => termQuery(t, widen)) };
  if (!word.joined) return parts;
  return { combineWith: "OR", queries: [termQuery(word.joined, widen), parts] };
}

function termQuery(term: string, widen: Widen): Query {
  const letters = LETTER.test(term);
  return {
    queries: [term],
    prefix: widen !== "exact" && letters && term.length >= MIN_PREFIX_LENGTH,
    fuzzy: widen === "close" && letters && term.length >= MIN_FUZZY_LENGTH ? FUZZY : false,
  };
}

/** Whether widening can change what a term matches. */
function widenable(term: string): boolean {
  return LETTER.test(term) && term.length >= MIN_PREFIX_LENGTH;
}

function wordTerms(word: QueryWord): string[] {
  return word.joined ? [word.joined, ...word.parts] : word.parts;
}

interface TermIndex {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
}

/**
 * How many documents hold the term, in the field where it is most common. MiniSearch keeps this
 * in its term index but offers no public accessor; searching for it would cost a full result set.
 */
export function documentFrequency(index: MiniSearch, term: string): number {
  const fields = (index as unknown as TermIndex)._index.get(term);
  let most = 0;
  for (const docs of fields?.values() ?? []) most = Math.max(most, docs.size);
  return most;
}
