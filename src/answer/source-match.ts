import type { AttributionHit, Library } from "../library/api.ts";
import { align, type Word, words } from "../search/align.ts";
import { quotedParts } from "../text/quoted-parts.ts";

/**
 * Where a quoted message's words come from: the passage of the coverage that lines up best
 * with each quoted part, whether the wording is exact or close, and who said it there.
 */

/** Words of a message compared with the article beyond this many are not read. */
export const MAX_WORDS = 60;
export const MIN_WORDS = 3;
/** Share of the message's words that must line up with the article for "close". */
const CLOSE = 0.6;
const MAX_PARTS = 3;
const MAX_PASSAGE_WORDS = 5000;

export type Wording = "exact" | "close";

export interface SourceMatch {
  articleId: string;
  paragraph: number;
  wording: Wording;
  /** Share of the message's words found in order in the article, 0..1. */
  similarity: number;
  /** Article offsets of the matched words. */
  start: number;
  end: number;
  /** The article's words, as printed, from first to last matched. */
  source: string;
  /** Word diff, article → message: `[-removed-]` and `{+added+}`; null when exact. */
  diff: string | null;
  /** The message adds or drops a negation: close in words, opposite in meaning. */
  negationChanged: boolean;
  /** The attribution the matched words belong to; null when the article names nobody. */
  said: AttributionHit | null;
}

export interface SourcesFound {
  /** One a quoted part whose words are in the coverage, longest part first, none twice. */
  matches: SourceMatch[];
  /** A part was longer than MAX_WORDS and only its start was compared. */
  shortened: boolean;
  /** A part repeated a sentence, which was compared once. */
  repeated: boolean;
}

/** The sources of a message's quoted parts; null when no part has MIN_WORDS words. */
export function findSources(message: string, library: Library): SourcesFound | null {
  const parts = quotedParts(message)
    .map(wantedWords)
    .filter((p) => p.words.length >= MIN_WORDS)
    .sort((a, b) => b.words.length - a.words.length)
    .slice(0, MAX_PARTS);
  if (parts.length === 0) return null;
  const matches: SourceMatch[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const match = bestMatch(part.words.slice(0, MAX_WORDS), library);
    const key = match && `${match.articleId}#${match.start}`;
    if (!match || !key || seen.has(key)) continue;
    seen.add(key);
    matches.push(match);
  }
  return {
    matches,
    shortened: parts.some((p) => p.words.length > MAX_WORDS),
    repeated: parts.some((p) => p.repeated),
  };
}

const SENTENCE_END = /[.!?]["”’)]*\s/;

/**
 * The words of a quoted part, each sentence once: a message that pastes one sentence over and
 * over quotes that sentence, and compared whole it would line up with too few of its words.
 */
function wantedWords(part: string): { words: Word[]; repeated: boolean } {
  const all = words(part);
  const kept: Word[] = [];
  const seen = new Set<string>();
  let repeated = false;
  for (let from = 0; from < all.length; ) {
    let to = from + 1;
    while (to < all.length && !SENTENCE_END.test(part.slice(all[to - 1]?.end, all[to]?.start))) {
      to++;
    }
    const sentence = all.slice(from, to);
    const key = sentence.map((w) => w.norm).join(" ");
    // "Mr." ends no sentence; only a sentence long enough to look for counts as a repeat.
    if (sentence.length >= MIN_WORDS && seen.has(key)) repeated = true;
    else kept.push(...sentence);
    seen.add(key);
    from = to;
  }
  return { words: kept, repeated };
}

/** The passage that lines up best with the wanted words, if any lines up closely enough. */
function bestMatch(wanted: Word[], library: Library): SourceMatch | null {
  const query = wanted.map((w) => w.raw).join(" ");
  const places = new Map<string, { articleId: string; paragraph: number }>();
  for (const hit of library.searchPassages(query, { limit: 10 })) {
    places.set(hit.passage.id, hit.passage);
  }
  for (const hit of library.searchAttributions(query, { limit: 10 })) {
    const a = hit.attribution;
    for (const n of new Set([a.paragraph, ...paragraphsOf(library, a.articleId, a.content)])) {
      places.set(`${a.articleId}#${n}`, { articleId: a.articleId, paragraph: n });
    }
  }
  let best: Omit<SourceMatch, "said"> | null = null;
  for (const { articleId, paragraph } of places.values()) {
    const p = library.article(articleId)?.paragraphs[paragraph - 1];
    if (!p) continue;
    const found = align(wanted, words(p.text).slice(0, MAX_PASSAGE_WORDS));
    if (!found) continue;
    const similarity = found.matches / Math.max(wanted.length, found.window);
    if (best && similarity <= best.similarity) continue;
    const exact = found.matches === wanted.length && found.window === wanted.length;
    best = {
      articleId,
      paragraph,
      wording: exact ? "exact" : "close",
      similarity: exact ? 1 : similarity,
      start: p.start + found.start,
      end: p.start + found.end,
      source: p.text.slice(found.start, found.end),
      diff: exact ? null : found.diff,
      negationChanged: !exact && found.negationChanged,
    };
  }
  if (!best || (best.wording !== "exact" && best.similarity < CLOSE)) return null;
  return { ...best, said: speakerOf(best, library) };
}

/** The attribution whose content covers the matched words most, if any does. */
function speakerOf(
  match: Pick<SourceMatch, "articleId" | "start" | "end" | "source">,
  library: Library,
): AttributionHit | null {
  const hits = [
    ...library.searchAttributions(match.source, { limit: 10 }),
    ...library.searchAttributions(
      words(match.source)
        .slice(0, 30)
        .map((w) => w.raw)
        .join(" "),
      { limit: 10 },
    ),
  ];
  let best: AttributionHit | null = null;
  let bestOverlap = 0;
  for (const hit of hits) {
    const a = hit.attribution;
    if (a.articleId !== match.articleId) continue;
    const overlap = a.content.reduce(
      (sum, span) =>
        sum + Math.max(0, Math.min(span.end, match.end) - Math.max(span.start, match.start)),
      0,
    );
    if (overlap > bestOverlap) {
      best = hit;
      bestOverlap = overlap;
    }
  }
  // Words that only brush a quote's edge are not that quote.
  return best && bestOverlap >= (match.end - match.start) / 2 ? best : null;
}

function paragraphsOf(library: Library, articleId: string, spans: { start: number }[]): number[] {
  const paragraphs = library.article(articleId)?.paragraphs ?? [];
  return spans
    .map((s) => paragraphs.find((p) => p.start <= s.start && s.start < p.end)?.n)
    .filter((n): n is number => n !== undefined);
}
