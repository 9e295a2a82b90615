import type { TextSpan } from "../types.ts";

/**
 * Splits text into blocks separated by blank lines, keeping offsets into the original text.
 * Each block is trimmed of surrounding white space (including no-break spaces), so its
 * offsets point at its first and last visible character. Works with \n, \r\n and \r endings.
 */
export function splitBlocks(text: string): TextSpan[] {
  const blocks: TextSpan[] = [];
  const separator = /(?:\r\n|\r|\n)[ \t\u00a0\u2000-\u200b\u3000]*(?:\r\n|\r|\n)/g;
  let from = 0;
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) blocks.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return blocks;
}

function isBlank(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x3000
  );
}
