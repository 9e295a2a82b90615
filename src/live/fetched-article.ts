import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { toIsoDate } from "../corpus/dates.ts";
import type { ArticleContent } from "../corpus/outcome.ts";
import { parseHtml } from "../corpus/parse-html.ts";
import { parseJson } from "../corpus/parse-json.ts";
import { fold } from "../text/fold.ts";
import { pageKind, pageText } from "./page-text.ts";
import type { FetchedPage } from "./safe-fetch.ts";

/**
 * An article fetched from the web, as saved in the data folder: a JSON article file the corpus
 * reader already knows (see README, "Your own articles"), so the archive stays plain files.
 */
export interface FetchedArticle {
  title: string | null;
  outlet: string;
  date: string | null;
  /** As printed ("MOSCOW, September 3"), taken off the first paragraph by the corpus reader. */
  dateline: string | null;
  url: string;
  author: string | null;
  body: string[];
}

/** What a feed already says about an item, used where the page does not say it. */
export interface ItemHints {
  title?: string | null;
  outlet?: string | null;
  date?: string | null;
  author?: string | null;
}

/**
 * The article of a fetched page: extracted with Readability (the corpus's HTML path) from HTML,
 * or read as a JSON article. Null when the page has no article text.
 */
export function readFetchedArticle(
  page: FetchedPage,
  hints: ItemHints = {},
): FetchedArticle | null {
  const text = pageText(page.body, page.contentType);
  let content: ArticleContent | null;
  if (pageKind(page.contentType) === "json") {
    const json = parseJson(text);
    content = json.ok ? (json.articles[0]?.content ?? null) : null;
  } else {
    content = parseHtml(text).content;
  }
  if (!content || content.paragraphs.length === 0) return null;
  return {
    title: content.title ?? hints.title ?? null,
    outlet: content.outlet ?? hints.outlet ?? outletOfHost(page.url),
    date: toIsoDate(content.date) ?? toIsoDate(hints.date),
    dateline: content.dateline,
    // The page's own canonical URL may name another site; cite what was fetched.
    url: page.url,
    author: content.author ?? hints.author ?? null,
    body: content.paragraphs.map((p) => p.text),
  };
}

/** "www.tass.com" -> "tass.com": an outlet's name when the page gives none. */
export function outletOfHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/**
 * Where an article is saved, relative to the articles folder: `feeds/<outlet>/<date>-<slug>.json`.
 */
export function articlePath(article: FetchedArticle): string {
  const date = article.date ?? "undated";
  const title = slug(article.title ?? "") || slug(new URL(article.url).pathname) || "article";
  return `feeds/${slug(article.outlet) || "unknown"}/${date}-${title}.json`;
}

/**
 * Writes the article under `root` at `path`, or at `path` with -2, -3 … when another article has
 * that name. Written beside it under a dot-name and renamed, so a watcher never reads half a file.
 * Returns the path used.
 */
export async function saveArticle(
  root: string,
  path: string,
  article: FetchedArticle,
): Promise<string> {
  const free = await freePath(root, path);
  const full = join(root, free);
  await mkdir(dirname(full), { recursive: true });
  const temp = join(dirname(full), `.${Date.now()}-${process.pid}.tmp`);
  await writeFile(temp, `${JSON.stringify(article, null, 2)}\n`);
  await rename(temp, full);
  return free;
}

async function freePath(root: string, path: string): Promise<string> {
  const stem = path.replace(/\.json$/, "");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? path : `${stem}-${n}.json`;
    const taken = await stat(join(root, candidate)).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
