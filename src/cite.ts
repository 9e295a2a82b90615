import type { Citation } from "./types.ts";

/** "Kremlin lambasts … · TASS · MOSCOW, September 3 · ¶1": the line every surface shows under evidence. */
export function citationLine(citation: Citation): string {
  const when = citation.date ?? citation.dateline;
  return [citation.title ?? citation.articleId, citation.outlet, when, paragraphMark(citation)]
    .filter(Boolean)
    .join(" · ");
}

/** "000_0d28011d82771a06 ¶1": enough to find the text again with /article. */
export function citationRef(citation: Citation): string {
  return `${citation.articleId} ${paragraphMark(citation)}`;
}

function paragraphMark(citation: Citation): string {
  return citation.paragraph > 0 ? `¶${citation.paragraph}` : "lead";
}
