import type MiniSearch from "minisearch";
import type { SearchOptions } from "minisearch";
import { dense } from "./dense-arrays.ts";
import { IndexInternals } from "./minisearch-internals.ts";
import { topSlots } from "./rank.ts";
import { resolveQuery } from "./resolved-query.ts";
import { scoreStage } from "./score.ts";
import {
  type GroupNode,
  miniSearchQuery,
  stageQuery,
  type Widening,
  widens,
} from "./stage-query.ts";
import { searchFields } from "./term-lists.ts";
import type { QueryWord } from "./tokenize.ts";

export interface PlanOptions {
  /** Stop widening the search once this many results are found. */
  enough: number;
  /** How many results to return at most. */
  limit: number;
  /**
   * Let MiniSearch score every matching document itself: the plain plan the scaled one is
   * checked against.
   */
  plain?: boolean;
  fields?: string[];
  boost?: Record<string, number>;
  /** Whether a document, by its id, may be a result. */
  filter?: (id: string) => boolean;
  /** When some results match in this field, only those are returned. */
  prefer?: string;
}

export interface PlanResult {
  id: string;
  score: number;
}

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
 *
 * Each stage scores as MiniSearch would, with the same results, scores and order, but over
 * typed arrays (see `scoreStage`), then takes the best few in order (see `topSlots`).
 * MiniSearch's own search builds an object per matching document and term, which for common
 * words in a large index costs far more than all of that.
 */
export function searchInStages(
  index: MiniSearch,
  words: QueryWord[],
  options: PlanOptions,
): PlanResult[] {
  if (words.length === 0) return [];
  const widening = widens(words);
  const several = words.length > 1;
  const typed = words.length <= MAX_TYPED_WORDS;
  const stage = options.plain ? plainStage(index, options) : scaledStage(index, options);
  const found = new Set<string>();
  const all: PlanResult[] = [];
  const preferred: PlanResult[] = [];
  const run = (combineWith: "AND" | "OR", widen: Widening) => {
    const got = stage(stageQuery(words, combineWith, widen), found);
    for (const r of got.all) {
      found.add(r.id);
      all.push(r);
    }
    for (const r of got.preferred) preferred.push(r);
  };
  run("AND", "last");
  if (found.size === 0 && widening && typed) run("AND", "all");
  if (found.size < options.enough && several && (typed || found.size === 0)) run("OR", "last");
  if (found.size === 0 && several && widening) run("OR", "all");
  return (options.prefer && preferred.length > 0 ? preferred : all).slice(0, options.limit);
}

/**
 * One stage's results not found before, in order: its first ones (all of them when there are
 * fewer than the plan needs), and its first ones that match in the preferred field.
 */
type Stage = (query: GroupNode, found: Set<string>) => StageResults;

interface StageResults {
  all: PlanResult[];
  preferred: PlanResult[];
}

function scaledStage(index: MiniSearch, options: PlanOptions): Stage {
  const ms = IndexInternals.of(index);
  const fields = searchFields(ms, options.fields, options.boost);
  const preferId = options.prefer === undefined ? undefined : ms.fieldId(options.prefer);
  const preferBit = preferId === undefined ? 0 : 1 << preferId;
  // A later stage runs only while fewer than `enough` are found, so it must see that many.
  const take = Math.max(options.limit, options.enough);
  return (query, found) => {
    const arrays = dense(ms);
    const resolved = resolveQuery(ms, query, fields);
    const scores = scoreStage(ms, arrays, resolved);
    const { docs } = scores;
    const result = (slot: number): PlanResult => ({
      id: ms.idOf(docs[slot] as number) as string,
      score: scores.score[slot] as number,
    });
    // A discarded document keeps its postings until MiniSearch meets it in a search.
    const accept = (slot: number) => {
      const id = ms.idOf(docs[slot] as number);
      return id !== undefined && !found.has(id) && (!options.filter || options.filter(id));
    };
    const all = topSlots(scores, take, accept).map(result);
    const preferred = preferBit
      ? topSlots(
          scores,
          options.limit,
          (slot) => ((scores.fields[slot] as number) & preferBit) !== 0 && accept(slot),
        ).map(result)
      : [];
    return { all, preferred };
  };
}

function plainStage(index: MiniSearch, options: PlanOptions): Stage {
  // Terms arrive processed already; MiniSearch must take them as they are.
  const search: SearchOptions = { tokenize: (s) => [s], processTerm: (t) => t };
  if (options.fields) search.fields = options.fields;
  if (options.boost) search.boost = options.boost;
  const filter = options.filter;
  const prefer = options.prefer;
  return (query, found) => {
    const results = index
      .search(miniSearchQuery(query), {
        ...search,
        filter: (r) => !found.has(r.id) && (!filter || filter(r.id)),
      })
      .map((r) => ({
        id: r.id as string,
        score: r.score,
        preferred: prefer !== undefined && Object.values(r.match).some((f) => f.includes(prefer)),
      }));
    const plain = ({ id, score }: PlanResult) => ({ id, score });
    return { all: results.map(plain), preferred: results.filter((r) => r.preferred).map(plain) };
  };
}

/** Makes what queries need beside the index, so that the first query does not wait for it. */
export function prepareSearch(index: MiniSearch): void {
  dense(IndexInternals.of(index));
}

/**
 * How many documents hold the term, in the field where it is most common. MiniSearch keeps this
 * in its term index but offers no public accessor; searching for it would cost a full result set.
 */
export function documentFrequency(index: MiniSearch, term: string): number {
  const fields = IndexInternals.of(index).terms.get(term);
  let most = 0;
  for (const docs of fields?.values() ?? []) most = Math.max(most, docs.size);
  return most;
}
