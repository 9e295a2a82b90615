/**
 * Whether `word` stands in `text` between word boundaries: what
 * `new RegExp(\`\\b${escapeRegExp(word)}\\b\`, "u").test(text)` answers (a boundary is a change
 * between ASCII word characters, [A-Za-z0-9_], and anything else), without compiling a pattern
 * for each word asked about.
 */
export function hasWholeWord(text: string, word: string): boolean {
  if (word.length === 0) return /\b/u.test(text);
  const opens = isAsciiWord(word.charCodeAt(0));
  const closes = isAsciiWord(word.charCodeAt(word.length - 1));
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at > 0 && isAsciiWord(text.charCodeAt(at - 1));
    const end = at + word.length;
    const after = end < text.length && isAsciiWord(text.charCodeAt(end));
    if (before !== opens && after !== closes) return true;
  }
  return false;
}

function isAsciiWord(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 95;
}
