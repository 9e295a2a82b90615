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
