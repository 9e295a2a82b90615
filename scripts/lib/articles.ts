import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";
import type { Article } from "../../src/types.ts";

/** Reads and parses one article file the way the corpus loader does; null when rejected. */
export function readArticle(path: string, file = basename(path)): Article | null {
  const outcome = parseArticleFile(file, readFileSync(path));
  return outcome.ok ? (outcome.articles[0] ?? null) : null;
}
