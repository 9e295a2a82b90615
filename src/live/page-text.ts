import { mediaType } from "./safe-fetch.ts";

/** How much of a page is searched for a declared charset (`<meta charset>`, `<?xml encoding>`). */
const HEAD_BYTES = 4096;

/**
 * A fetched page's bytes as text. Bytes that are valid UTF-8 are read as UTF-8 whatever the page
 * declares, since a wrong declaration (UTF-8 served as ISO-8859-1) is common and UTF-8 is almost
 * never valid by accident; otherwise the declared charset (header, then the page itself), and
 * Windows-1252 when none is declared or the label is unknown.
 */
export function pageText(bytes: Uint8Array, contentType: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the page's own word decides.
  }
  const declared = charsetOf(contentType) ?? declaredInPage(bytes);
  for (const label of [declared, "windows-1252"]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: try the next.
    }
  }
  return new TextDecoder("windows-1252").decode(bytes);
}

function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

function declaredInPage(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, HEAD_BYTES));
  const match =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1] ?? null;
}

export type PageKind = "html" | "xml" | "json";

/** What kind of document a content type names, for the reader that fits it. */
export function pageKind(contentType: string): PageKind {
  const type = mediaType(contentType);
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  return "xml";
}
