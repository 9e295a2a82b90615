import { stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { toContract } from "../attribution/contract.ts";
import { extractAttributions } from "../attribution/extract.ts";
import { articleId } from "../corpus/article-id.ts";
import { readArticle, scanArticleFiles } from "../corpus/load-corpus.ts";
import type { Attribution } from "../types.ts";

export interface ExtractedFile {
  file: string;
  attributions: Attribution[];
  /** Why the file could not be read, when it could not. */
  error?: string;
  /** What the reader noticed but read anyway (a guessed encoding, double-encoded text). */
  warnings: string[];
}

/**
 * Reads each named file, or every article file under each named folder, and extracts its
 * attributions. A file that cannot be read is reported, not thrown: the others still run.
 */
export async function* extractFiles(paths: readonly string[]): AsyncGenerator<ExtractedFile> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      yield { file: path, attributions: [], error: "no such file or folder", warnings: [] };
      continue;
    }
    const targets = info.isDirectory()
      ? (await scanArticleFiles(path)).files.map((f) => ({ dir: path, info: f }))
      : [
          {
            dir: dirname(path),
            info: {
              file: basename(path),
              id: articleId(basename(path)),
              size: info.size,
              mtimeMs: info.mtimeMs,
            },
          },
        ];
    for (const { dir, info: file } of targets) {
      const outcome = await readArticle(dir, file);
      const shown = join(dir, file.file);
      if (!outcome.ok) {
        yield { file: shown, attributions: [], error: outcome.reason, warnings: outcome.warnings };
        continue;
      }
      yield {
        file: shown,
        attributions: outcome.articles.flatMap((a) => extractAttributions(a).attributions),
        warnings: outcome.warnings,
      };
    }
  }
}

/** The `--json` contract: one array for one file, JSON Lines of `{ file, attributions }` for more. */
export function contractJson(result: ExtractedFile, single: boolean): string {
  const attributions = result.attributions.map(toContract);
  if (single) return JSON.stringify(attributions, null, 2);
  return JSON.stringify({
    file: result.file,
    attributions,
    ...(result.error ? { error: result.error } : {}),
  });
}

/** A readable listing for people. */
export function readableExtraction(result: ExtractedFile): string {
  if (result.error) return `${result.file}: ${result.error}`;
  const lines = [`${result.file}: ${result.attributions.length} attributions`];
  for (const a of result.attributions) {
    const who = a.speaker ?? `unclear (“${a.mention?.text ?? "?"}”)`;
    const how = [a.cue?.text, a.type, a.stance].filter(Boolean).join(", ");
    lines.push(`  ¶${a.paragraph} ${who} [${how}]${a.reportedBy ? ` per ${a.reportedBy}` : ""}`);
    const words = a.content.map((c) => c.text).join(" … ");
    lines.push(`     ${a.type === "direct" ? `“${words}”` : words}`);
  }
  return lines.join("\n");
}
