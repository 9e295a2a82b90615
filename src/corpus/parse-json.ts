import { splitBlocks } from "./blocks.ts";
import { buildContent } from "./extracted.ts";
import { applyMeta, readMeta } from "./meta.ts";
import type { ArticleContent } from "./outcome.ts";

/** One article of a JSON file; `key` is its own `id` field when it makes a safe article id. */
export interface JsonArticle {
  content: ArticleContent;
  key: string | null;
  /** Place in the file, from 1. */
  position: number;
}

export type JsonOutcome =
  | { ok: true; articles: JsonArticle[]; array: boolean; warnings: string[] }
  | { ok: false; reason: string; warnings: string[] };

const SAFE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/**
 * Items read from one file. A file is read, analysed and indexed as one piece of work: 150,000
 * tiny articles in one 8.9 MB file took 129 s and 1.1 GB, and held the index while it took them.
 */
export const MAX_JSON_ITEMS = 10_000;
/** Items named one by one in warnings; past these, one line counts the rest. */
const NAMED_ITEMS = 5;

/**
 * Arrays and objects nested in one another. An article file needs three levels (a list, an
 * article, its paragraphs); 1 MB of `[[[…]]]` is 500,000, which V8's parser reads in time that
 * grows faster than the file (3.6× linear from 100 KB to 1 MB), into values any walk of them
 * would have to recurse through.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether brackets and braces outside strings nest deeper than `limit`: one pass, no parse. */
function nestsDeeper(source: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i++; // a backslash escapes the next character, a quote too
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > limit) return true;
    } else if (code === 93 || code === 125) depth--;
  }
  return false;
}

/**
 * Parses a JSON article file: one object or an array of objects with `title`, `body` or `text`
 * (a string, or an array of paragraph strings) and optional `outlet`, `date`, `url`, `author`.
 * Items without a body are skipped with a warning naming the item.
 */
export function parseJson(source: string): JsonOutcome {
  if (nestsDeeper(source, MAX_JSON_DEPTH)) {
    const reason = `nested deeper than ${MAX_JSON_DEPTH} levels (an article file needs 3); not read`;
    return { ok: false, reason, warnings: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `not valid JSON (${why})`, warnings: [] };
  }
  const many = Array.isArray(data);
  const all: unknown[] = Array.isArray(data) ? data : [data];
  const items = all.length > MAX_JSON_ITEMS ? all.slice(0, MAX_JSON_ITEMS) : all;
  const articles: JsonArticle[] = [];
  const warnings: string[] = [];
  if (items !== all) {
    warnings.push(
      `the file holds ${all.length.toLocaleString("en-US")} items; only the first ${MAX_JSON_ITEMS.toLocaleString("en-US")} are read (split it into smaller files)`,
    );
  }
  let unnamed = 0;
  const skip = (message: string) => {
    if (warnings.length < NAMED_ITEMS + 1) warnings.push(message);
    else unnamed++;
  };
  for (const [i, item] of items.entries()) {
    const where = many ? `item ${i + 1}` : "article";
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      skip(`${where} is not an object; skipped`);
      continue;
    }
    const record = item as Record<string, unknown>;
    const paragraphs = bodyParagraphs(record.body ?? record.text ?? record.content);
    if (paragraphs.length === 0) {
      skip(`${where} has no "body" or "text"; skipped`);
      continue;
    }
    const content = buildContent(paragraphs.map((text) => ({ kind: "paragraph", text })));
    const meta = readMeta(record, where);
    for (const message of [...meta.warnings, ...applyMeta(content, meta.meta, where)]) {
      skip(message);
    }
    const id =
      typeof record.id === "string" || typeof record.id === "number" ? String(record.id) : "";
    const key = SAFE_ID.test(id.toLowerCase()) ? id.toLowerCase() : null;
    articles.push({ content, key, position: i + 1 });
  }
  if (unnamed > 0)
    warnings.push(`${unnamed.toLocaleString("en-US")} more items skipped or warned of`);
  if (articles.length === 0) {
    const reason = items.length === 0 ? "no articles in the JSON array" : "no article with a body";
    return { ok: false, reason, warnings };
  }
  return { ok: true, articles, array: many, warnings };
}

/** Paragraphs of a body: an array of strings, or one string split at blank lines (or lines). */
function bodyParagraphs(body: unknown): string[] {
  if (Array.isArray(body)) {
    return body
      .filter((p): p is string => typeof p === "string")
      .map((p) => p.trim())
      .filter(Boolean);
  }
  if (typeof body !== "string") return [];
  const blocks = splitBlocks(body).map((b) => b.text);
  // Exports often put one paragraph per line with no blank line between.
  return blocks.length === 1
    ? body
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : blocks;
}
