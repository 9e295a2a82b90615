import type { Citation } from "./types.ts";

/**
 * A citation's parts. Every surface shows the same parts in the same order (title, outlet, date
 * or else dateline, paragraph) and only lays them out: plain text joins them, Discord escapes
 * them and links the title.
 */
export interface CitationParts {
  /** The article's title, or its id where it has none. */
  title: string;
  url: string | null;
  outlet: string | null;
  /** The date, or else the dateline ("MOSCOW, September 3"). */
  when: string | null;
  /** "¶4", or "lead" for the title or lead (paragraph 0). */
  place: string;
  /** "000_0d28011d82771a06 ¶1": enough to find the text again with /article. */
  ref: string;
}

export function citationParts(citation: Citation): CitationParts {
  const place = citation.paragraph > 0 ? `¶${citation.paragraph}` : "lead";
  return {
    title: citation.title ?? citation.articleId,
    url: citation.url,
    outlet: citation.outlet,
    when: citation.date ?? citation.dateline,
    place,
    ref: `${citation.articleId} ${place}`,
  };
}

/** "Kremlin lambasts … · TASS · MOSCOW, September 3 · ¶1": the line text surfaces show under evidence. */
export function citationLine(citation: Citation): string {
  const { title, outlet, when, place } = citationParts(citation);
  return [title, outlet, when, place].filter(Boolean).join(" · ");
}
