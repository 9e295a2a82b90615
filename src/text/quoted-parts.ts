/**
 * What in a message is the quote: the parts in quote marks, or else the block-quote lines, or
 * else the whole message; in the order they stand.
 */
export function quotedParts(text: string): string[] {
  const parts = quotePairs(text);
  if (parts.length > 0) return parts;
  const quoted = text
    .split(/\r?\n/)
    .filter((line) => /^\s*>/.test(line))
    .map((line) => line.replace(/^\s*>+\s?/, ""))
    .join(" ");
  return [quoted.trim() ? quoted : text];
}

/** Each opening quote mark: the marks that close it, and the fewest characters between. */
const PAIRS: Record<string, { closers: string[]; least: number }> = {
  "“": { closers: ["”"], least: 1 },
  '"': { closers: ['"'], least: 1 },
  "«": { closers: ["»"], least: 1 },
  "„": { closers: ["“", "”"], least: 1 },
  // A single mark opens a quote only around a long stretch: it is also an apostrophe.
  "‘": { closers: ["’"], least: 12 },
};

/**
 * The texts between quote marks, left to right, each quote closed by the first closing mark
 * after it. A pattern such as /“([^”]+)”/g scans to the end of the text from every unclosed
 * mark, quadratic in their number (100,000 characters of “ took 3.8 s); here each closing mark
 * is looked for once as the scan passes it.
 */
function quotePairs(text: string): string[] {
  const parts: string[] = [];
  const next = new Map<string, number>();
  const closerAfter = (mark: string, from: number) => {
    let at = next.get(mark);
    if (at === undefined || (at !== -1 && at < from)) {
      at = text.indexOf(mark, from);
      next.set(mark, at);
    }
    return at;
  };
  for (let i = 0; i < text.length; i++) {
    const pair = PAIRS[text[i] as string];
    if (!pair) continue;
    const found = pair.closers.map((mark) => closerAfter(mark, i + 1)).filter((at) => at >= 0);
    if (found.length === 0) continue;
    const end = Math.min(...found);
    if (end - i - 1 < pair.least) continue;
    parts.push(text.slice(i + 1, end));
    i = end;
  }
  return parts;
}
