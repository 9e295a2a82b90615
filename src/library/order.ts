import type { ArticleSummary } from "../types.ts";

const titles = new Intl.Collator("en");

type Ordered = Pick<ArticleSummary, "id" | "title" | "date">;

/** Corpus order: newest first where dates are known, undated after, then by title and id. */
export function byCorpusOrder(a: Ordered, b: Ordered): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  const title = titles.compare(a.title ?? "\uffff", b.title ?? "\uffff");
  return title || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
