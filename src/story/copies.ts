import type { AnswerItem } from "../answer.ts";
import type { Library } from "../library.ts";
import type { Citation } from "../types.ts";
import { sameStory, storySketch } from "./same-story.ts";
import type { Sketch } from "./sketch.ts";

/** Share of words two items' texts must share to be one statement told twice. */
const SAME_WORDS = 0.6;

/**
 * Shows each statement or passage once where copies of one story carry it: the same wire text in
 * several outlets, an article fetched again at another URL, an updated version. The copies' citations
 * go to `alsoIn` of the one shown, in rank order. Where a copy is a later version from the same
 * outlet, it is the one shown, and the earlier version is kept in `alsoIn` for its citation.
 *
 * Articles are compared only for items whose words already match, so an answer without repeats
 * reads no article text.
 */
export function groupCopies(items: readonly AnswerItem[], library: Library): AnswerItem[] {
  const sketches = new Map<string, Sketch | null>();
  const sketchOf = (articleId: string) => {
    if (!sketches.has(articleId)) {
      const article = library.article(articleId);
      sketches.set(articleId, article ? storySketch(article) : null);
    }
    return sketches.get(articleId) ?? null;
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
