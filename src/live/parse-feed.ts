import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { pageKind, pageText } from "./page-text.ts";
import type { FetchedPage } from "./safe-fetch.ts";

/** One item of a feed, as much as the poller needs: where its page is and what the feed says. */
export interface FeedItem {
  /** The item's page, absolute, without a #fragment. */
  link: string;
  title: string | null;
  published: string | null;
  author: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

/**
 * Reads an RSS 2.0, Atom or JSON Feed document with @extractus/feed-extractor. Items without a
 * usable http(s) link are left out. Throws with the reason when the document is not a feed.
 */
export function parseFeed(page: FetchedPage): ParsedFeed {
  const text = pageText(page.body, page.contentType);
  const options = {
    descriptionMaxLen: 0,
    baseUrl: page.url,
    getExtraEntryFields: (entry: Record<string, unknown>) => ({ author: authorOf(entry) }),
  };
  // Servers label feeds loosely (JSON Feed as text/html, RSS as text/html): trust the first byte.
  const json = pageKind(page.contentType) === "json" || /^\s*[{[]/.test(text);
  let data: ReturnType<typeof extractFromXml>;
  try {
    data = json ? extractFromJson(text, options) : extractFromXml(text, options);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${page.url} is not a readable feed (${why})`);
  }
  const items: FeedItem[] = [];
  for (const entry of data.entries ?? []) {
    const link = absolute(String(entry.link ?? ""), page.url);
    if (!link) continue;
    const extra = entry as { author?: unknown };
    items.push({
      link,
      title: String(entry.title ?? "").trim() || null,
      published: String(entry.published ?? "").trim() || null,
      author: typeof extra.author === "string" && extra.author.trim() ? extra.author.trim() : null,
    });
  }
  return { title: String(data.title ?? "").trim() || null, items };
}

/** An item's author as RSS (`author`, `dc:creator`), Atom (`author.name`) or JSON Feed give it. */
function authorOf(entry: Record<string, unknown>): string | null {
  const value = entry.author ?? entry["dc:creator"] ?? entry.authors;
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first;
  if (first && typeof first === "object" && "name" in first) return String(first.name);
  return null;
}

/** The link made absolute against the feed's URL, without its fragment; null if not http(s). */
export function absolute(link: string, base: string): string | null {
  try {
    const url = new URL(link.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}
