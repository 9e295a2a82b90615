import { CP1252_HIGH } from "./decode.ts";

/**
 * Mojibake: UTF-8 text that was read as Windows-1252 or Latin-1 somewhere upstream and saved
 * again as UTF-8, so "François" reads "FranÃ§ois" and "don’t" reads "donâ€™t". Each such
 * sequence is a lead character (Â-ô) and the continuation characters of one UTF-8 character.
 */

/** Characters that stand for bytes 0x80-0xBF, read as Windows-1252 or as Latin-1. */
const CONTINUATION = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, "")}]`;
const SEQUENCE = new RegExp(
  `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
  "g",
);
/**
 * Sequences no real text has. A two-character one with another lead may be real ("CAFÉ”" is É
 * and a closing quote), so it counts only beside one of these.
 */
const TELLING = /^[\u00c2\u00c3]|^[\u00e0-\u00f4]/;

const BYTE_OF = new Map<string, number>(
  Array.from(CP1252_HIGH, (c, i) => [c, 0x80 + i] as [string, number]),
);
const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface Mojibake {
  /** How many sequences decode cleanly as UTF-8. */
  count: number;
  /** The text with each of them repaired. */
  repaired: string;
  /** The first one in its word, as read and as repaired, for a warning. */
  example: { read: string; repaired: string } | null;
}

/**
 * Finds mojibake sequences that round-trip cleanly (back to Windows-1252 bytes, then valid UTF-8)
 * and repairs them; none at all unless the text holds at least one telling sequence.
 */
export function findMojibake(text: string): Mojibake {
  const found: { index: number; length: number; fixed: string; telling: boolean }[] = [];
  for (const m of text.matchAll(SEQUENCE)) {
    const fixed = roundTrip(m[0]);
    if (fixed !== null) {
      found.push({ index: m.index, length: m[0].length, fixed, telling: TELLING.test(m[0]) });
    }
  }
  if (!found.some((f) => f.telling)) return { count: 0, repaired: text, example: null };
  const parts: string[] = [];
  let at = 0;
  for (const f of found) {
    parts.push(text.slice(at, f.index), f.fixed);
    at = f.index + f.length;
  }
  parts.push(text.slice(at));
  const first = found[0] as (typeof found)[number];
  const word = wordAround(text, first.index, first.index + first.length);
  return {
    count: found.length,
    repaired: parts.join(""),
    example: { read: word, repaired: findMojibakeIn(word) },
  };
}

function findMojibakeIn(word: string): string {
  return word.replace(SEQUENCE, (s) => roundTrip(s) ?? s);
}

function roundTrip(sequence: string): string | null {
  const bytes = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence.charCodeAt(i);
    const byte = c <= 0xff ? c : BYTE_OF.get(sequence[i] as string);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function wordAround(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 20 && !/\s/.test(text[s - 1] as string)) s--;
  while (e < text.length && e - end < 20 && !/\s/.test(text[e] as string)) e++;
  return text.slice(s, e);
}
