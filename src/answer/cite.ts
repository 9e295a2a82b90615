import type { Citation } from "../types.ts";

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

/**
 * "also in: RT, Press TV; earlier version 2018-09-02": where else a statement appears, by outlet,
 * and the earlier versions from the shown one's own outlet.
 */
export function alsoInLine(shown: Citation, alsoIn: readonly Citation[]): string {
  const own = shown.outlet?.toLowerCase() ?? null;
  const outlets: string[] = [];
  const earlier: string[] = [];
  for (const c of alsoIn) {
    const sameOutlet = own !== null && c.outlet?.toLowerCase() === own;
    if (sameOutlet && c.date && shown.date && c.date < shown.date) earlier.push(c.date);
    else if (sameOutlet) {
      // The same article at another address: named once, as a copy of the outlet's own.
      const name = `${shown.outlet} (another copy)`;
      if (!outlets.includes(name)) outlets.push(name);
    } else {
      const name = c.outlet ?? c.title ?? c.articleId;
      if (!outlets.includes(name)) outlets.push(name);
    }
  }
  const parts = [];
  if (outlets.length) parts.push(`also in: ${outlets.join(", ")}`);
  if (earlier.length) parts.push(`earlier version ${earlier.join(", ")}`);
  return parts.join("; ");
}
