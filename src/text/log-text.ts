/**
 * Control characters, and those that break or reorder a line (U+0085, U+2028, U+2029, the
 * bidirectional overrides and isolates), which a file name or a file's text may hold.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text made safe for one log line: each control character shown as an escape (`\n`, `\x1b`,
 * `\u2028`), so that a newline in a file name cannot print a forged line of its own, nor an
 * escape sequence repaint the terminal. A backslash is left alone: file names rarely hold one,
 * and a doubled one would misname a Windows path.
 */
export function logSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
