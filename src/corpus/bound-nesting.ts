/**
 * Elements nested deeper than this lose their tags (not their text). Real pages nest 30 to 60
 * deep, a few 80. Readability's time grows with about the cube of the depth (1,000 nested elements took
 * 14 s, 50,000 overflowed the stack), and the HTML parser's with its square; at this depth both
 * take milliseconds.
 */
export const MAX_HTML_DEPTH = 100;

const VOID = new Set(
  "area base basefont bgsound br col command embed frame hr img input isindex keygen link meta param source track wbr".split(
    " ",
  ),
);
/** Elements whose content is raw text, read to their end tag: a `<div>` there is no element. */
const RAW_TEXT = new Map(
  ["script", "style", "textarea", "title", "xmp"].map((name) => [
    name,
    new RegExp(`</${name}`, "gi"),
  ]),
);
/** Elements that close an open `<p>` (and the like) they are opened in, as HTML parsers do. */
const CLOSES_P = new Set(
  "address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul".split(
    " ",
  ),
);
const IMPLIED_CLOSE: Record<string, Set<string>> = {
  li: new Set(["li"]),
  dt: new Set(["dt", "dd"]),
  dd: new Set(["dt", "dd"]),
  option: new Set(["option"]),
  optgroup: new Set(["optgroup", "option"]),
  tr: new Set(["tr", "td", "th"]),
  td: new Set(["td", "th"]),
  th: new Set(["td", "th"]),
  tbody: new Set(["thead", "tbody"]),
  tfoot: new Set(["thead", "tbody"]),
};
const FOREIGN = new Set(["svg", "math"]);
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)/y;

/**
 * The HTML with the tags of every element nested deeper than `maxDepth` replaced by a space, so
 * that their text stays, in the deepest element kept. A page that nests no deeper comes back as it was.
 *
 * One pass with a stack that counts its names, so a close tag finds its element in constant
 * time: linear in the page's length. (The HTML parser linkedom uses keeps its stack in an array
 * it shifts, and looks a close tag up in it: quadratic in depth.) Implied closes (an unclosed
 * `<p>` or `<li>`) follow the parser's rules, so the depth counted is the depth it builds.
 */
export function boundNesting(
  html: string,
  maxDepth = MAX_HTML_DEPTH,
): { html: string; cut: number } {
  const stack: { name: string; cut: boolean }[] = [];
  const openCount = new Map<string, number>();
  let foreign = 0;
  const cuts: [number, number][] = [];
  const pop = (): { name: string; cut: boolean } => {
    const top = stack.pop() as { name: string; cut: boolean };
    openCount.set(top.name, (openCount.get(top.name) ?? 1) - 1);
    if (FOREIGN.has(top.name)) foreign--;
    return top;
  };
  let at = html.indexOf("<");
  while (at >= 0 && at < html.length) {
    if (html.startsWith("<!--", at)) {
      const end = html.indexOf("-->", at + 4);
      at = end < 0 ? -1 : html.indexOf("<", end + 3);
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (!match) {
      // "<!doctype>", "<?xml ?>", or a lone "<" in text.
      const bang = html[at + 1] === "!" || html[at + 1] === "?";
      const end = bang ? html.indexOf(">", at) : at;
      at = end < 0 ? -1 : html.indexOf("<", end + 1);
      continue;
    }
    const closing = match[1] === "/";
    const name = (match[2] as string).toLowerCase();
    const end = tagEnd(html, at + match[0].length);
    if (end < 0) break;
    const selfClosing = html[end - 1] === "/";
    if (closing) {
      if ((openCount.get(name) ?? 0) > 0) {
        let top = pop();
        while (top.name !== name) top = pop();
        if (top.cut) cuts.push([at, end + 1]);
      }
    } else {
      while (stack.length > 0) {
        const top = (stack[stack.length - 1] as { name: string }).name;
        const closes =
          (top === "p" && CLOSES_P.has(name)) || IMPLIED_CLOSE[name]?.has(top) === true;
        if (!closes) break;
        pop();
      }
      const cut = stack.length >= maxDepth;
      if (cut) cuts.push([at, end + 1]);
      if (!VOID.has(name) && !(selfClosing && foreign > 0)) {
        stack.push({ name, cut });
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (FOREIGN.has(name)) foreign++;
      }
      const rawEnd = RAW_TEXT.get(name);
      if (rawEnd) {
        rawEnd.lastIndex = end + 1;
        at = rawEnd.exec(html)?.index ?? -1;
        continue;
      }
    }
    at = html.indexOf("<", end + 1);
  }
  if (cuts.length === 0) return { html, cut: 0 };
  // One space where a run of tags was (with the blanks between them) keeps the words of two cut
  // paragraphs apart; a space for each tag would leave Readability a text of thousands of them
  // to read at every level above.
  const kept: string[] = [html.slice(0, cuts[0]?.[0])];
  let from = 0;
  for (const [start, stop] of cuts) {
    const between = html.slice(from, start);
    if (from > 0 && /\S/.test(between)) kept.push(" ", between);
    from = stop;
  }
  kept.push(" ", html.slice(from));
  return { html: kept.join(""), cut: cuts.length };
}

/** Where a tag whose name ends at `from` closes: its `>`, past quoted attribute values; -1 if never. */
function tagEnd(html: string, from: number): number {
  let quote = "";
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i;
    }
  }
  return -1;
}
