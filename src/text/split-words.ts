/**
 * Text split at each run of characters that are neither letters, digits nor hyphens: exactly
 * what `text.split(/[^\p{L}\p{N}-]+/u)` returns, empty ends included, read code point by code
 * point without the regular expression. Stance splits every statement of every article so.
 */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) as number;
    if (isWordPoint(code)) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    let j = i + (code > 0xffff ? 2 : 1);
    while (j < text.length) {
      const next = text.codePointAt(j) as number;
      if (isWordPoint(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    out.push(text.slice(from, i));
    from = j;
    i = j;
  }
  out.push(text.slice(from));
  return out;
}

/** Letters and digits beyond ASCII, learnt once a code unit: 1 yes, 2 no, 0 not yet asked. */
const WORD_POINTS = new Uint8Array(0x10000);

/** A letter, a digit or a hyphen (a code point). */
function isWordPoint(code: number): boolean {
  if (code < 128) {
    return code === 45 || (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  }
  if (code > 0xffff) return /[\p{L}\p{N}]/u.test(String.fromCodePoint(code));
  let known = WORD_POINTS[code] as number;
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_POINTS[code] = known;
  }
  return known === 1;
}
