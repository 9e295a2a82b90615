import { readArticle, type SkippedFile, scanArticleFiles } from "../../src/corpus/load-corpus.ts";
import { type FileNote, planSync } from "../../src/library/sync.ts";
import type { Article } from "../../src/types.ts";

export interface FolderRead {
  articles: Article[];
  /** Files not indexed, by path, with the reason. */
  skipped: SkippedFile[];
  warnings: FileNote[];
}

/**
 * The articles of a data folder as the library reads them on its first scan: the scan, each
 * file read (`readArticle`), and the ids the sync plan gives them (`planSync`). The attribution
 * engine is not run: tests of reading and parsing do not need it.
 */
export async function readFolder(dataDir: string): Promise<FolderRead> {
  const { files, skipped } = await scanArticleFiles(dataDir);
  const reads = await Promise.all(
    files.map(async (scanned) => ({
      scanned,
      previous: null,
      outcome: await readArticle(dataDir, scanned),
    })),
  );
  const diff = { unchanged: [], changed: [], added: files, removed: [] };
  const plan = await planSync(diff, reads, async (articles) => ({
    analyzed: articles.map((article) => ({
      article,
      extraction: { attributions: [], entities: [] },
    })),
    errors: articles.map(() => null),
  }));
  const notRead = plan.skipped.map((s) => ({ file: s.file, reason: s.message }));
  return {
    articles: plan.change.add.map((a) => a.article),
    skipped: [...skipped, ...notRead].sort((a, b) => (a.file < b.file ? -1 : 1)),
    warnings: plan.warnings,
  };
}
