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
 * Parses a JSON article file: one object or an array of objects with `title`, `body` or `text`
 * (a string, or an array of paragraph strings) and optional `outlet`, `date`, `url`, `author`.
 * Items without a body are skipped with a warning naming the item.
 */
export function parseJson(source: string): JsonOutcome {
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
