import type MiniSearch from "minisearch";
import type { Query, SearchOptions, SearchResult } from "minisearch";
import type SearchableMap from "minisearch/SearchableMap";
import type { QueryWord } from "./tokenize.ts";

export interface PlanOptions {
  /** Stop widening the search once this many results are found. */
  enough: number;
  /** How many results the caller reads at most; further ones may be left out. */
  limit: number;
  /**
   * Score every matching document with MiniSearch alone, with no candidates and no pre-scoring:
   * the plain plan the scaled one is checked against.
   */
  plain?: boolean;
  /** Pre-score past `over` candidates and keep the best `keep`; defaults suit a large index. */
  prescore?: { over: number; keep: number };
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
 *
 * Each stage first finds its candidate documents from the term index (see `candidates`), and
 * MiniSearch scores only those (see `restricted`): scoring builds an object per matching
 * document and term, which for common words in a large index costs far more than the lookups.
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
  const run = (combineWith: "AND" | "OR", widen: "last" | "all") => {
    let view = index;
    if (!options.plain) {
      let docs = candidates(index, words, combineWith, widen, options.fields);
      if (docs.length === 0) return;
      const over = options.prescore?.over ?? PRESCORE_OVER;
      if (docs.length > over) docs = best(index, words, combineWith, widen, options, docs);
      else docs.sort((a, b) => a - b);
      view = restricted(index, docs);
    }
    for (const result of view.search(combine(words, combineWith, widen), searchOptions(options))) {
      if (!found.has(result.id)) found.set(result.id, result);
    }
  };
  const typed = words.length <= MAX_TYPED_WORDS;
  run("AND", "last");
  if (found.size === 0 && widens && typed) run("AND", "all");
  if (found.size < options.enough && several && (typed || found.size === 0)) run("OR", "last");
  if (found.size === 0 && several && widens) run("OR", "all");
  return [...found.values()];
}

/** Postings past this many in all of an OR query's words, it is narrowed to its rarer words. */
const OR_POSTINGS = 20_000;
/** An OR query narrowed takes the documents of its rarest words up to about this many. */
const OR_CANDIDATES = 2_000;

/**
 * The index as MiniSearch's search sees it, with every postings list cut down to the candidate
 * documents but still telling its full length: scores are those of the whole index (BM25 takes
 * the length as the term's document frequency), in the same order, for the candidates alone.
 * Only searching goes through the view; it reads the index and changes nothing.
 */
function restricted(index: MiniSearch, docs: number[]): MiniSearch {
  const ms = index as unknown as TermIndex;
  const cut = (data: Map<number, Postings>) => {
    const out = new Map<number, Postings>();
    for (const [fieldId, list] of data) out.set(fieldId, new CutPostings(list, docs));
    return out;
  };
  const terms = {
    get: (term: string) => {
      const data = ms._index.get(term);
      return data && cut(data);
    },
    atPrefix: (term: string) => {
      const out: [string, Map<number, Postings>][] = [];
      for (const [t, data] of ms._index.atPrefix(term)) out.push([t, cut(data)]);
      return out;
    },
    fuzzyGet: (term: string, distance: number) => {
      const out = new Map<string, [Map<number, Postings>, number]>();
      for (const [t, [data, d]] of ms._index.fuzzyGet(term, distance)) out.set(t, [cut(data), d]);
      return out;
    },
  };
  const view = Object.create(index) as MiniSearch;
  Object.defineProperty(view, "_index", { value: terms });
  return view;
}

/** A postings list seen through the candidate documents (ascending), with its full size. */
class CutPostings implements Postings {
  constructor(
    private readonly list: Postings,
    private readonly docs: number[],
  ) {}

  get size(): number {
    return this.list.size;
  }

  has(id: number): boolean {
    return this.list.has(id);
  }

  get(id: number): number | undefined {
    return this.list.get(id);
  }

  *keys(): IterableIterator<number> {
    for (const d of this.docs) if (this.list.has(d)) yield d;
  }

  forEach(fn: (tf: number, id: number) => void): void {
    for (const d of this.docs) {
      const tf = this.list.get(d);
      if (tf !== undefined) fn(tf, d);
    }
  }
}

/**
 * The documents a stage can match, in no particular order. For AND, those holding every word, found by
 * intersecting postings from the rarest word up, and exact as MiniSearch would match them. For
 * OR, those holding any word; but where the words are common enough that scoring them all would
 * be slow, only the documents holding one of the rarest words, adding words from the rarest
 * while the documents stay few: a passage that shares only common words with a query does not
 * answer it, while it costs as much to score as all the others together.
 */
function candidates(
  index: MiniSearch,
  words: QueryWord[],
  combineWith: "AND" | "OR",
  widen: "last" | "all",
  fields: string[] | undefined,
): number[] {
  const ms = index as unknown as TermIndex;
  const fieldIds = (fields ?? Object.keys(ms._fieldIds)).map((f) => ms._fieldIds[f] as number);
  const { member } = dense(ms);
  const sets = words
    .map((word, i) => wordPostings(ms, word, widenOf(widen, i, words.length), fieldIds, member))
    .sort((a, b) => a.size - b.size);
  let docs: number[];
  if (combineWith === "AND") {
    const [first, ...rest] = sets;
    docs = first ? first.docs() : [];
    for (const word of rest) {
      if (docs.length === 0) break;
      docs = word.keep(docs);
    }
  } else {
    const total = sets.reduce((sum, w) => sum + w.size, 0);
    docs = [];
    for (const word of sets) {
      if (total > OR_POSTINGS && docs.length > 0 && docs.length + word.size > OR_CANDIDATES) break;
      docs = union(docs, word.docs(), member);
    }
  }
  // Discarded documents keep their postings until a search meets them: they are not candidates.
  return docs.filter((d) => ms._documentIds.has(d));
}

/** The documents of both lists, each once; `mark` is all zero before and after. */
function union(a: number[], b: number[], mark: Uint8Array): number[] {
  const out: number[] = [];
  for (const list of [a, b]) {
    for (const d of list) {
      if (mark[d] === 1) continue;
      mark[d] = 1;
      out.push(d);
    }
  }
  for (const d of out) mark[d] = 0;
  return out;
}

/** The documents of `from` that are in `own`; `mark` is all zero before and after. */
function within(from: number[], own: number[], mark: Uint8Array): number[] {
  for (const d of own) mark[d] = 1;
  const out = from.filter((d) => mark[d] === 1);
  for (const d of own) mark[d] = 0;
  return out;
}

function widenOf(widen: "last" | "all", i: number, count: number): Widen {
  return widen === "all" ? "close" : i === count - 1 ? "prefix" : "exact";
}

interface Postings {
  readonly size: number;
  has(id: number): boolean;
  get(id: number): number | undefined;
  keys(): IterableIterator<number>;
  forEach(fn: (tf: number, id: number) => void): void;
}

interface TermIndex {
  _index: SearchableMap<Map<number, Postings>> & {
    get(term: string): Map<number, Postings> | undefined;
  };
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, string>;
  _documentCount: number;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _nextId: number;
}

/** The documents one query word can match: as a size to order by, a list, and a filter. */
interface WordPostings {
  /** An upper bound of how many documents hold the word. */
  size: number;
  /** The documents holding the word, each once. */
  docs(): number[];
  /** The documents of `docs` that hold the word. */
  keep(docs: number[]): number[];
}

/** Past this many term lists, a word's documents are gathered once rather than probed. */
const MAX_PROBED_LISTS = 8;

function wordPostings(
  ms: TermIndex,
  word: QueryWord,
  widen: Widen,
  fields: number[],
  mark: Uint8Array,
): WordPostings {
  if (word.parts.length === 1 && !word.joined) {
    return unionOf(termLists(ms, word.parts[0] as string, widen, fields), mark);
  }
  // A hyphenated word: its joined form, or all of its parts.
  const parts = word.parts.map((t) => unionOf(termLists(ms, t, widen, fields), mark));
  const joined = word.joined ? unionOf(termLists(ms, word.joined, widen, fields), mark) : null;
  let gathered: number[] | null = null;
  const docs = () => {
    if (gathered) return gathered;
    const sorted = [...parts].sort((a, b) => a.size - b.size);
    let both = sorted[0]?.docs() ?? [];
    for (const part of sorted.slice(1)) both = part.keep(both);
    gathered = union(both, joined?.docs() ?? [], mark);
    return gathered;
  };
  return {
    size: Math.min(...parts.map((p) => p.size)) + (joined?.size ?? 0),
    docs,
    keep: (from) => within(from, docs(), mark),
  };
}

function unionOf(termLists: TermList[], mark: Uint8Array): WordPostings {
  const lists = termLists.map((t) => t.list);
  const size = lists.reduce((sum, l) => sum + l.size, 0);
  const docs = () => {
    const out: number[] = [];
    for (const list of lists) {
      list.forEach((_, d) => {
        if (mark[d] === 1) return;
        mark[d] = 1;
        out.push(d);
      });
    }
    for (const d of out) mark[d] = 0;
    return out;
  };
  return {
    size,
    docs,
    keep: (from) => {
      if (lists.length > MAX_PROBED_LISTS && size < from.length * lists.length) {
        return within(from, docs(), mark);
      }
      return from.filter((d) => lists.some((l) => l.has(d)));
    },
  };
}

/** One postings list a query term reaches, with the weight MiniSearch gives its matches. */
interface TermList {
  list: Postings;
  field: number;
  weight: number;
}

/** The postings lists of a term in the searched fields, with its prefix and fuzzy expansions. */
function termLists(ms: TermIndex, term: string, widen: Widen, fields: number[]): TermList[] {
  const spec = termQuery(term, widen) as { prefix: boolean; fuzzy: number | false };
  const entries: [Map<number, Postings>, number][] = [];
  const exact = ms._index.get(term);
  if (exact) entries.push([exact, 1]);
  if (spec.prefix) {
    for (const [t, data] of ms._index.atPrefix(term)) {
      const distance = t.length - term.length;
      if (distance > 0)
        entries.push([data, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance)]);
    }
  }
  if (spec.fuzzy) {
    const distance = Math.min(MAX_FUZZY, Math.round(term.length * spec.fuzzy));
    if (distance > 0) {
      for (const [t, [data, d]] of ms._index.fuzzyGet(term, distance)) {
        if (d === 0 || (spec.prefix && t.startsWith(term))) continue;
        entries.push([data, (FUZZY_WEIGHT * t.length) / (t.length + d)]);
      }
    }
  }
  const lists: TermList[] = [];
  for (const [data, weight] of entries) {
    for (const field of fields) {
      const list = data.get(field);
      if (list && list.size > 0) lists.push({ list, field, weight });
    }
  }
  return lists;
}

/** MiniSearch's default weights of prefix and fuzzy matches, and its BM25 parameters. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Candidates past this many are scored here first, and only the best go to MiniSearch. */
const PRESCORE_OVER = 1000;
/** How many of the best candidates go on, per result the caller reads (and at least). */
const PRESCORE_KEEP = 4;
const PRESCORE_MIN = 200;

/**
 * The candidates most likely to rank first, by the score MiniSearch would give them (BM25 over
 * the same postings, boosts and weights, times the number of words matched), computed over
 * typed arrays without building a result per document. MiniSearch then scores and orders the
 * kept ones itself, so any rounding here can only matter at the edge of what is kept, well past
 * what the caller reads. The caller's filter is applied first, so that it cannot empty the list.
 */
function best(
  index: MiniSearch,
  words: QueryWord[],
  combineWith: "AND" | "OR",
  widen: "last" | "all",
  options: PlanOptions,
  docs: number[],
): number[] {
  const ms = index as unknown as TermIndex;
  const filter = options.filter;
  const kept = filter
    ? docs.filter((d) => filter({ id: ms._documentIds.get(d) } as SearchResult))
    : docs;
  const keep = options.prescore?.keep ?? Math.max(options.limit * PRESCORE_KEEP, PRESCORE_MIN);
  if (kept.length <= keep) return kept;
  const fieldNames = options.fields ?? Object.keys(ms._fieldIds);
  const fields = fieldNames.map((f) => ms._fieldIds[f] as number);
  const boostOf = new Map(fieldNames.map((f, i) => [fields[i], options.boost?.[f] || 1]));
  const { score, stamp, seen, member, lengths, width } = dense(ms);
  for (const d of kept) {
    score[d] = 0;
    stamp[d] = 0;
    seen[d] = 0;
    member[d] = 1;
  }
  const n = ms._documentCount;
  words.forEach((word, w) => {
    const terms = word.joined ? [word.joined, ...word.parts] : word.parts;
    const widened = widenOf(widen, w, words.length);
    for (const term of terms) {
      for (const { list, field, weight } of termLists(ms, term, widened, fields)) {
        const df = list.size;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const avg = ms._avgFieldLength[field] as number;
        const factor = weight * (boostOf.get(field) ?? 1) * idf;
        const add = (tf: number, d: number) => {
          const length = lengths[d * width + field] as number;
          const saturation =
            (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg));
          score[d] = (score[d] as number) + factor * (BM25.d + saturation);
          if (stamp[d] !== w + 1) {
            stamp[d] = w + 1;
            seen[d] = (seen[d] as number) + 1;
          }
        };
        // A list much longer than the candidates is probed for them rather than read through.
        if (df > kept.length * PROBE_RATIO) {
          for (const d of kept) {
            const tf = list.get(d);
            if (tf !== undefined) add(tf, d);
          }
        } else {
          list.forEach((tf, d) => {
            if (member[d] === 1) add(tf, d);
          });
        }
      }
    }
  });
  const final = new Float64Array(kept.length);
  kept.forEach((d, i) => {
    final[i] = (score[d] as number) * (combineWith === "OR" ? (seen[d] as number) || 1 : 1);
    member[d] = 0;
  });
  // The keep-th best score; ties at it go in id order, as MiniSearch orders ties.
  const threshold = kthLargest(final.slice(), keep);
  const above = kept.filter((_, i) => (final[i] as number) > threshold);
  const tied = kept.filter((_, i) => final[i] === threshold).sort((a, b) => a - b);
  above.push(...tied.slice(0, keep - above.length));
  return above.sort((a, b) => a - b);
}

/** The k-th largest value (k from 1), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] as number;
}

/** A list past this many times the candidates is probed for each instead of read through. */
const PROBE_RATIO = 16;

/** Per-document arrays for pre-scoring, indexed by MiniSearch's short document id. */
interface Dense {
  score: Float64Array;
  stamp: Int32Array;
  seen: Int32Array;
  member: Uint8Array;
  /** Field lengths, `width` per document, as MiniSearch keeps them in a Map of arrays. */
  lengths: Uint16Array;
  width: number;
  /** The index state the lengths were read at. */
  nextId: number;
  documentCount: number;
}

const denseOf = new WeakMap<TermIndex, Dense>();

/** The index's dense arrays, made again when documents were added or removed since. */
function dense(ms: TermIndex): Dense {
  const cached = denseOf.get(ms);
  if (cached && cached.nextId === ms._nextId && cached.documentCount === ms._documentCount) {
    return cached;
  }
  const size = ms._nextId + 1;
  const width = Object.keys(ms._fieldIds).length;
  const lengths = new Uint16Array(size * width);
  for (const [d, own] of ms._fieldLength) {
    for (let f = 0; f < width; f++) lengths[d * width + f] = Math.min(own[f] ?? 0, 0xffff);
  }
  const made: Dense = {
    score: new Float64Array(size),
    stamp: new Int32Array(size),
    seen: new Int32Array(size),
    member: cached && cached.member.length >= size ? cached.member : new Uint8Array(size),
    lengths,
    width,
    nextId: ms._nextId,
    documentCount: ms._documentCount,
  };
  denseOf.set(ms, made);
  return made;
}

/** MiniSearch's default cap on the edit distance of a fuzzy match. */
const MAX_FUZZY = 6;

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
