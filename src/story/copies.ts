import type { AnswerItem } from "../answer/answer.ts";
import type { Library } from "../library/api.ts";
import type { Citation } from "../types.ts";
import { sameStory, storySketch } from "./same-story.ts";
import type { Sketch } from "./sketch.ts";

/** Share of words two items' texts must share to be one statement told twice. */
const SAME_WORDS = 0.6;
/**
 * Articles read and sketched for one answer at most (~0.4 ms each, mostly reading): bounds what
 * grouping adds to an answer whose every result repeats. Items whose articles are past the budget
 * are shown apart.
 */
const MAX_ARTICLES = 16;
/**
 * Sketches kept between answers, per library. An article edited since keeps its old sketch for
 * up to SKETCH_TTL_MS: that can only change which copies are grouped, never what is shown.
 */
const sketchCache = new WeakMap<Library, Map<string, { sketch: Sketch | null; at: number }>>();
const SKETCH_TTL_MS = 10 * 60_000;
const MAX_CACHED = 8192;

/**
 * Shows each statement or passage once where copies of one story carry it: the same wire text in
 * several outlets, an article fetched again at another URL, an updated version. The copies' citations
 * go to `alsoIn` of the one shown, in rank order. Where a copy is a later version from the same
 * outlet, it is the one shown, and the earlier version is kept in `alsoIn` for its citation.
 *
 * Articles are compared only for items whose words already match, so an answer without repeats
 * reads no article text, and at most MAX_ARTICLES are read for one answer.
 */
export function groupCopies(items: readonly AnswerItem[], library: Library): AnswerItem[] {
  const cache = sketchCache.get(library) ?? new Map();
  sketchCache.set(library, cache);
  let read = 0;
  const sketchOf = (articleId: string): Sketch | null => {
    const now = Date.now();
    const known = cache.get(articleId);
    if (known && now - known.at < SKETCH_TTL_MS) return known.sketch;
    if (read >= MAX_ARTICLES) return null;
    read++;
    const article = library.article(articleId);
    const sketch = article ? storySketch(article) : null;
    cache.delete(articleId);
    cache.set(articleId, { sketch, at: now });
    // Oldest first in insertion order: drop from the front.
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
    return sketch;
  };
  const words = new Map<AnswerItem, Set<string>>();
  const wordsOf = (item: AnswerItem) => {
    let set = words.get(item);
    if (!set) {
      set = new Set(item.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
      words.set(item, set);
    }
    return set;
  };
  const kept: AnswerItem[] = [];
  for (const item of items) {
    const at = kept.findIndex((shown) => copies(shown, item));
    if (at < 0) {
      kept.push(item);
      continue;
    }
    const shown = kept[at] as AnswerItem;
    const appearances = [shown.citation as Citation, ...(shown.alsoIn ?? [])];
    kept[at] = isUpdate(item.citation as Citation, shown.citation as Citation)
      ? { ...item, alsoIn: appearances }
      : { ...shown, alsoIn: [...appearances.slice(1), item.citation as Citation] };
  }
  return kept;

  function copies(a: AnswerItem, b: AnswerItem): boolean {
    if (a.kind !== b.kind || !a.citation || !b.citation) return false;
    if (a.kind !== "quote" && a.kind !== "passage") return false;
    if (a.speaker !== b.speaker) return false;
    const ids = [a.citation, ...(a.alsoIn ?? [])].map((c) => c.articleId);
    if (ids.includes(b.citation.articleId)) return false;
    if (similarity(wordsOf(a), wordsOf(b)) < SAME_WORDS) return false;
    const x = sketchOf(a.citation.articleId);
    const y = sketchOf(b.citation.articleId);
    return x !== null && y !== null && sameStory(x, y);
  }
}

/** A later version from the same outlet, which replaces the earlier one in the list. */
function isUpdate(candidate: Citation, shown: Citation): boolean {
  if (!candidate.outlet || candidate.outlet.toLowerCase() !== shown.outlet?.toLowerCase()) {
    return false;
  }
  return (candidate.date ?? "") > (shown.date ?? "");
}

function similarity(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 1 : both / union;
}

/** "2 copies of the same story are shown once (also in …)", when grouping merged any. */
export function copiesNotice(before: number, grouped: readonly AnswerItem[]): string | null {
  const merged = before - grouped.length;
  if (merged <= 0) return null;
  return merged === 1
    ? "1 copy of the same story is shown with the original (also in …)."
    : `${merged} copies of the same stories are shown with the originals (also in …).`;
}
