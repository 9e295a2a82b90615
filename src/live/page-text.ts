import { decodeWindows1252 } from "../corpus/decode.ts";
import { mediaType } from "./safe-fetch.ts";

/** How much of a page is searched for a declared charset (`<meta charset>`, `<?xml encoding>`). */
const HEAD_BYTES = 4096;

/**
 * A fetched page's bytes as text. Bytes that are valid UTF-8 are read as UTF-8 whatever the page
 * declares, since a wrong declaration (UTF-8 served as ISO-8859-1) is common and UTF-8 is almost
 * never valid by accident; otherwise the declared charset (header, then the page itself), and
 * Windows-1252 when none is declared, the label is unknown, or it claims UTF-8 wrongly.
 */
export function pageText(bytes: Uint8Array, contentType: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the page's own word decides.
  }
  const declared = charsetOf(contentType) ?? declaredInPage(bytes);
  // Declared UTF-8 but not valid UTF-8: the usual mistake is Windows-1252 labelled UTF-8.
  if (declared && !/^utf-?8$/i.test(declared) && !WINDOWS_1252.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // A label TextDecoder does not know: read as Windows-1252.
    }
  }
  // Node's TextDecoder reads "windows-1252" as ISO-8859-1 (0x93 as a control character, not “),
  // so the corpus reader's own table decodes it.
  return decodeWindows1252(bytes);
}

/** The labels browsers read as Windows-1252 (WHATWG Encoding). */
const WINDOWS_1252 =
  /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii)$/i;

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
