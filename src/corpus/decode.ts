/** Bytes to text: the encodings a scraped article arrives in, and the files that are not text. */

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; warning: string | null }
  | { ok: false; reason: string };

/** How much of the file the binary check looks at; enough to tell, cheap on a big file. */
const SAMPLE = 64 * 1024;
/** Share of control characters above which a file is taken for binary. */
const CONTROL_SHARE = 0.05;

/**
 * Decodes an article file. UTF-8 (BOM or not) and UTF-16 with a BOM are read as such; bytes that
 * are not valid UTF-8 are read as Windows-1252 with a warning. The text is otherwise kept exactly
 * as read (line endings, quote marks), because spans point into it.
 *
 * A UTF-8 BOM stays in the text as U+FEFF, as Node's `readFileSync(file, "utf8")` and Python's
 * `open(file, encoding="utf-8")` keep it: offsets must agree with the file's text as others read
 * it. A UTF-16 BOM is dropped: there it only tells the byte order, and readers that detect UTF-16
 * (Python's "utf-16", TextDecoder) drop it too.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return finish(bytes, utf16);
  if (looksBinary(bytes)) return { ok: false, reason: "binary file" };
  return finish(bytes, "utf-8");
}

function finish(bytes: Uint8Array, encoding: Encoding): DecodeResult {
  let text: string;
  let used = encoding;
  let warning: string | null = null;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === "utf-8" }).decode(
      bytes,
    );
  } catch {
    if (encoding !== "utf-8") return { ok: false, reason: `not valid ${encoding.toUpperCase()}` };
    // A UTF-8 BOM is still one character, so offsets after it match a UTF-8 reading of the file.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    text = bom ? BOM + decodeWindows1252(bytes.subarray(3)) : decodeWindows1252(bytes);
    used = "windows-1252";
    warning = "not valid UTF-8; read as Windows-1252";
  }
  if (encoding !== "utf-8" && looksBinaryText(text)) return { ok: false, reason: "binary file" };
  if (text.trim() === "") return { ok: false, reason: "empty file" };
  return { ok: true, text, encoding: used, warning };
}

const BOM = "\ufeff";

/** The text without a leading BOM, for formats whose article text is built from the file. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function utf16Encoding(bytes: Uint8Array): Encoding | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** NUL bytes, or more than a few control characters other than tab, line and page breaks. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (isControl(b)) control++;
  }
  return n > 0 && control / n > CONTROL_SHARE;
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isControl(c)) control++;
  }
  return n > 0 && control / n > CONTROL_SHARE;
}

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;
}

/**
 * Windows-1252 by hand: Node 20's TextDecoder("windows-1252") decodes some inputs as Latin-1,
 * turning curly quotes (0x93, 0x94) into invisible C1 controls.
 */
export const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const codes = Array.from(bytes.subarray(at, at + CHUNK), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}
