import type { Article } from "../types.ts";

/** Optional fields a sidecar `<name>.meta.json`, front matter or JSON article may supply. */
export interface ArticleMeta {
  title?: string;
  lead?: string;
  outlet?: string;
  date?: string;
  dateline?: string;
  url?: string;
  author?: string;
}

/** What a format parser finds in one article: everything of `Article` but where it came from. */
export type ArticleContent = Omit<Article, "id" | "file" | "format">;

/** The result of reading one file: its articles, or why it cannot be loaded. */
export type ParseOutcome =
  | { ok: true; articles: Article[]; warnings: string[] }
  | { ok: false; reason: string; warnings: string[] };

export function rejected(reason: string, warnings: string[] = []): ParseOutcome {
  return { ok: false, reason, warnings };
}

/** An article with no fields known yet, over the given text. */
export function emptyContent(text: string): ArticleContent {
  return {
    title: null,
    lead: null,
    outlet: null,
    date: null,
    dateline: null,
    author: null,
    url: null,
    text,
    paragraphs: [],
    captions: [],
  };
}

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function foldSpace(text: string): string {
  // Only runs that are not already one plain space are replaced: replacing every space of a
  // hard-wrapped paragraph rebuilt the whole string piece by piece, and V8's replace grows
  // faster than the number of pieces (a 1 MB paragraph with one double space took 0.09 s,
  // 5 ms now).
  return text.replace(SPACE_TO_FOLD, " ").trim();
}

/** A run of white space (or zero-width spaces) other than a single plain space, whole. */
const SPACE_TO_FOLD = /(?:[^\S ]|\u200b| [\s\u200b])[\s\u200b]*/g;
