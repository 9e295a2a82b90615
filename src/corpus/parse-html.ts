import { parseHTML } from "linkedom";
import { escapeRegExp } from "../text/escape-regexp.ts";
import { boundNesting, MAX_HTML_DEPTH } from "./bound-nesting.ts";
import { isChromeLine } from "./chrome.ts";
import { buildContent, type Piece } from "./extracted.ts";
import { applyMeta } from "./meta.ts";
import { type ArticleContent, type ArticleMeta, foldSpace } from "./outcome.ts";
import { elementsNamed, TagWalkReadability } from "./readability.ts";

/** The DOM surface this module uses; linkedom provides it without the DOM typings. */
interface El {
  tagName: string;
  localName: string;
  firstElementChild: El | null;
  nextElementSibling: El | null;
  remove(): void;
  textContent: string | null;
  parentElement: El | null;
  children: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
}

const BLOCK_TAGS = [
  "p",
  "li",
  "blockquote",
  "pre",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
];
const BLOCKS = BLOCK_TAGS.join(", ");
const BLOCK_TAG_SET = new Set(BLOCK_TAGS);

/**
 * Past this many block elements a page is no news article (a long one has a few hundred, with
 * its menus) but a dump or an attack, and Readability, which scores every candidate and
 * serialises the page to try again, took 0.4 s of the 1.7 s (CPU) that 22,700 paragraphs cost.
 * Such a page is read whole instead, without the parts that are never the article.
 */
export const MAX_READABILITY_BLOCKS = 5000;
/** What a page read whole loses: navigation, page furniture, forms, scripts and embeds. */
const NEVER_ARTICLE = new Set(
  "nav header footer aside form script style noscript template iframe svg button select".split(" "),
);

/**
 * Extracts the article of a saved HTML page with Mozilla's Readability over a linkedom DOM:
 * title (without the site's name), byline, site name, published time and URL, and the readable
 * content's paragraphs, with figure captions kept apart.
 */
export function parseHtml(
  html: string,
  /** The outlet a sidecar names, also dropped from the title. */
  outlet?: string,
): { content: ArticleContent; warnings: string[] } {
  const bounded = boundNesting(html);
  let document = pageDocument(bounded.html);
  // Read the page's own metadata first: Readability rewrites the document as it works.
  const page = pageMeta(document as unknown as El);
  const blocks = elementsNamed(document as unknown as El, BLOCK_TAG_SET).length;
  // Why the page is read whole rather than by Readability, if it is.
  let whole =
    blocks > MAX_READABILITY_BLOCKS
      ? `the page has ${blocks.toLocaleString("en-US")} paragraphs and the like, more than ${MAX_READABILITY_BLOCKS.toLocaleString("en-US")}`
      : null;
  let article: ReturnType<TagWalkReadability<El>["parse"]> = null;
  if (!whole) {
    try {
      article = new TagWalkReadability(document as never, {
        serializer: (node: unknown) => node as El,
      }).parse();
    } catch (error) {
      // When its first try finds too little, Readability sets the page's HTML again from its
      // own serialisation, where each stray "<" is an entity; linkedom makes a text node of each
      // and spreads a parent's children into one call's arguments: 120,000 went past the stack.
      whole = `Readability could not read the page (${error instanceof Error ? error.message : String(error)})`;
      // It leaves the document half rewritten.
      document = pageDocument(bounded.html);
    }
  }
  const root = whole ? articleOfWholePage(document as unknown as El) : (article?.content ?? null);
  const content = buildContent(root ? pieces(root) : []);
  const meta: ArticleMeta = { ...page };
  if (article?.byline?.trim()) meta.author = foldSpace(article.byline);
  if (article?.siteName?.trim()) meta.outlet = foldSpace(article.siteName);
  const title = article?.title?.trim() || page.title;
  if (title) meta.title = withoutSiteName(foldSpace(title), [outlet, meta.outlet, page.outlet]);
  if (article?.publishedTime?.trim()) meta.date = article.publishedTime.trim();
  // A site name or date the page states wins over one guessed from a dateline.
  const warnings = applyMeta(content, meta, "page metadata");
  if (bounded.cut > 0) {
    warnings.push(
      `elements nest deeper than ${MAX_HTML_DEPTH}; the tags below that depth were dropped, their text kept`,
    );
  }
  if (whole) warnings.push(`${whole}; read whole, less its menus, headers and footers`);
  return { content, warnings };
}

/** The page's DOM, its adjacent text nodes merged. */
function pageDocument(html: string): ReturnType<typeof parseHTML>["document"] {
  let { document } = parseHTML(html);
  // A page with no element at all (text saved as .html) gives linkedom no root, and Readability
  // throws: read it as the body of a page.
  if (!(document as unknown as { documentElement: unknown }).documentElement) {
    document = parseHTML(`<html><body>${html}</body></html>`).document;
  }
  // linkedom makes a text node of each piece its tokenizer reports (each stray "<", each
  // entity), where a browser has one: merged, Readability walks one node, not 120,000.
  (document as unknown as { normalize(): void }).normalize();
  return document;
}

/** The page's one `<article>` or `<main>` (else its body), less what is never the article. */
function articleOfWholePage(doc: El): El | null {
  const landmarks = elementsNamed(doc, new Set(["article", "main"]));
  const root =
    landmarks.length === 1
      ? (landmarks[0] as El)
      : (elementsNamed(doc, new Set(["body"]))[0] ?? null);
  if (!root) return null;
  for (const el of elementsNamed(root, NEVER_ARTICLE)) el.remove();
  return root;
}

/** What sits between a headline and the site's name in a page title. */
const TITLE_SEPARATOR = "\\s+[|\\-–—·•:]{1,2}\\s+|:\\s+";

/**
 * "Minister denies bribery report | The Capital Times" → "Minister denies bribery report": a
 * site name before or after the headline is dropped when it is the outlet or the page's
 * og:site_name, so citations do not name the outlet twice. Any other part is kept, as it may
 * belong to the headline ("Brexit: talks resume").
 */
export function withoutSiteName(title: string, names: (string | undefined)[]): string {
  for (const name of names) {
    if (!name) continue;
    const site = escapeRegExp(name);
    const bare = title
      .replace(new RegExp(`(?:${TITLE_SEPARATOR})${site}$`, "i"), "")
      .replace(new RegExp(`^${site}(?:${TITLE_SEPARATOR})`, "i"), "")
      .trim();
    if (bare && bare !== title) return bare;
  }
  return title;
}

function pageMeta(doc: El): ArticleMeta {
  const attr = (selector: string, name = "content") =>
    doc.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
  const meta: ArticleMeta = {};
  const found: ArticleMeta = {
    title: attr('meta[property="og:title"]') ?? doc.querySelector("title")?.textContent?.trim(),
    outlet: attr('meta[property="og:site_name"]') ?? attr('meta[name="application-name"]'),
    date:
      attr('meta[property="article:published_time"]') ??
      attr('meta[itemprop="datePublished"]') ??
      attr('meta[name="date"]') ??
      attr("time[datetime]", "datetime"),
    url: attr('meta[property="og:url"]') ?? attr('link[rel="canonical"]', "href"),
    author: attr('meta[name="author"]') ?? attr('meta[property="article:author"]'),
  };
  for (const [key, value] of Object.entries(found) as [keyof ArticleMeta, string | undefined][]) {
    if (value) meta[key] = foldSpace(value);
  }
  return meta;
}

/** The innermost block elements of the readable content, in reading order. */
function pieces(root: El): Piece[] {
  const out: Piece[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (hasBlockInside(el)) continue;
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) continue;
    const text = foldSpace(el.textContent ?? "");
    // Readability keeps some ads and share bars that sit among the paragraphs.
    if (isChromeLine(text)) continue;
    out.push({ kind: inCaption(el) ? "caption" : "paragraph", text });
  }
  return out;
}

/**
 * Whether a block holds another one. A walk of its elements: a selector query per block had
 * linkedom compile the selector each time, a third of the time on a page of 26,000 paragraphs.
 */
function hasBlockInside(el: El): boolean {
  const stack: El[] = Array.from(el.children);
  for (let e = stack.pop(); e; e = stack.pop()) {
    if (BLOCK_TAG_SET.has(e.tagName.toLowerCase())) return true;
    for (let k = 0; k < e.children.length; k++) stack.push(e.children[k] as El);
  }
  return false;
}

function inCaption(el: El): boolean {
  for (let e: El | null = el; e; e = e.parentElement) {
    if (e.tagName.toLowerCase() === "figcaption") return true;
  }
  return false;
}
