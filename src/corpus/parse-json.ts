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
  const items: unknown[] = Array.isArray(data) ? data : [data];
  const articles: JsonArticle[] = [];
  const warnings: string[] = [];
  for (const [i, item] of items.entries()) {
    const where = many ? `item ${i + 1}` : "article";
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      warnings.push(`${where} is not an object; skipped`);
      continue;
    }
    const record = item as Record<string, unknown>;
    const paragraphs = bodyParagraphs(record.body ?? record.text ?? record.content);
    if (paragraphs.length === 0) {
      warnings.push(`${where} has no "body" or "text"; skipped`);
      continue;
    }
    const content = buildContent(paragraphs.map((text) => ({ kind: "paragraph", text })));
    const meta = readMeta(record, where);
    warnings.push(...meta.warnings, ...applyMeta(content, meta.meta, where));
    const id =
      typeof record.id === "string" || typeof record.id === "number" ? String(record.id) : "";
    const key = SAFE_ID.test(id.toLowerCase()) ? id.toLowerCase() : null;
    articles.push({ content, key, position: i + 1 });
  }
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
