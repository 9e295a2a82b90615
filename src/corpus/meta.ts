import { toIsoDate } from "./dates.ts";
import type { ArticleContent, ArticleMeta } from "./outcome.ts";

const FIELDS = ["title", "lead", "outlet", "date", "dateline", "url", "author"] as const;
/** Other names the same fields go by in front matter and JSON exports. */
const ALIASES: Record<string, (typeof FIELDS)[number]> = {
  description: "lead",
  standfirst: "lead",
  summary: "lead",
  source: "outlet",
  publisher: "outlet",
  site: "outlet",
  published: "date",
  published_at: "date",
  byline: "author",
  link: "url",
};

/** The article fields of a record (front matter, JSON object, sidecar), with a warning per bad one. */
export function readMeta(
  record: unknown,
  where: string,
): { meta: ArticleMeta; warnings: string[] } {
  const meta: ArticleMeta = {};
  const warnings: string[] = [];
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { meta, warnings: record == null ? [] : [`${where} is not a set of fields; ignored`] };
  }
  for (const [key, value] of Object.entries(record)) {
    const lower = key.toLowerCase();
    const field = (FIELDS as readonly string[]).includes(lower)
      ? (lower as (typeof FIELDS)[number])
      : ALIASES[lower];
    if (!field || value == null || meta[field] !== undefined) continue;
    if (field === "date" && value instanceof Date) meta.date = value.toISOString();
    else if (typeof value === "string" || typeof value === "number") {
      if (String(value).trim()) meta[field] = String(value).trim();
    } else if (
      field === "author" &&
      Array.isArray(value) &&
      value.every((v) => typeof v === "string")
    ) {
      meta.author = value.join(", ");
    } else warnings.push(`${where}: "${key}" is not text; ignored`);
  }
  return { meta, warnings };
}

/** Lays metadata over what the article text gives; returns warnings for values it cannot use. */
export function applyMeta(content: ArticleContent, meta: ArticleMeta, where: string): string[] {
  const warnings: string[] = [];
  if (meta.date !== undefined) {
    const iso = toIsoDate(meta.date);
    if (iso) content.date = iso;
    else warnings.push(`${where}: date "${meta.date}" is not a date; ignored`);
  }
  for (const field of ["title", "lead", "outlet", "dateline", "url", "author"] as const) {
    const value = meta[field];
    if (value !== undefined) content[field] = value;
  }
  return warnings;
}

/** Reads a sidecar `<name>.meta.json`; a broken one is reported and ignored. */
export function readSidecar(
  bytes: Uint8Array,
  name: string,
): { meta: ArticleMeta; warnings: string[] } {
  let record: unknown;
  try {
    record = JSON.parse(new TextDecoder("utf-8").decode(bytes));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { meta: {}, warnings: [`${name} is not valid JSON (${why}); ignored`] };
  }
  return readMeta(record, name);
}
