import type { ParseOutcome } from "../corpus/outcome.ts";
import { contentHash, type FileDiff, fileRecord, type ScannedFile } from "../store/fingerprint.ts";
import type { FileRecord } from "../store/format.ts";
import type { Article } from "../types.ts";
import { analyzeArticle } from "./analyze.ts";
import type { AnalyzedArticle, LibraryChange } from "./analyzed.ts";

/** A file that was read in this pass, with what it held before (null for a new file). */
export interface FileRead {
  scanned: ScannedFile;
  previous: FileRecord | null;
  outcome: ParseOutcome;
}

export interface FileNote {
  file: string;
  message: string;
}

export interface SyncPlan {
  change: LibraryChange;
  /** What the index knows about every file after the change. */
  records: FileRecord[];
  /** Files whose articles enter, change in, or leave the index (paths relative to the data folder). */
  added: string[];
  changed: string[];
  removed: string[];
  /** Files read in this pass that cannot be indexed, with the reason. */
  skipped: FileNote[];
  warnings: FileNote[];
}

/**
 * Runs the attribution engine on articles: on this thread, or on a pool of workers, which may
 * refuse an article (over its time budget), giving the reason its file is skipped for.
 */
export type Analyze = (articles: readonly Article[]) => Promise<{
  analyzed: AnalyzedArticle[];
  errors: (string | null)[];
  refused?: (string | null)[];
}>;

/** The attribution engine on the calling thread, an article at a time. */
export const analyzeHere: Analyze = async (articles) => {
  const done = articles.map(analyzeArticle);
  return { analyzed: done.map((d) => d.analyzed), errors: done.map((d) => d.error) };
};

/**
 * Decides what a scan and the files read because of it change in the index. The reading
 * happened before, the change is applied after; `analyze` runs the attribution engine on the
 * articles to add. A file re-read with the same parsed content changes nothing but its record.
 */
export async function planSync(
  diff: FileDiff,
  reads: readonly FileRead[],
  analyze: Analyze = analyzeHere,
): Promise<SyncPlan> {
  const plan: SyncPlan = {
    change: { remove: [], add: [] },
    records: [...diff.unchanged],
    added: [],
    changed: [],
    removed: diff.removed.map((r) => r.file),
    skipped: [],
    warnings: [],
  };
  const remove: string[] = diff.removed.flatMap((r) => r.articleIds);
  const toAnalyze: { article: Article; file: string }[] = [];
  const taken = new Set(diff.unchanged.flatMap((r) => r.articleIds));
  const fresh: FileRead[] = [];
  for (const read of reads) {
    const { outcome, previous, scanned } = read;
    for (const message of outcome.warnings) plan.warnings.push({ file: scanned.file, message });
    if (outcome.ok && previous && previous.hash === contentHash(outcome.articles)) {
      plan.records.push({ ...fileRecord(scanned, outcome), articleIds: previous.articleIds });
      for (const id of previous.articleIds) taken.add(id);
    } else {
      fresh.push(read);
    }
  }
  fresh.sort((a, b) => (a.scanned.file < b.scanned.file ? -1 : 1));
  for (const { scanned, previous, outcome } of fresh) {
    // A loop, not a spread: a JSON file's ids may be more than a call takes arguments.
    if (previous) for (const id of previous.articleIds) remove.push(id);
    if (!outcome.ok) {
      plan.records.push(fileRecord(scanned, outcome));
      plan.skipped.push({ file: scanned.file, message: outcome.reason });
      if (previous?.articleIds.length) plan.removed.push(scanned.file);
      continue;
    }
    const articles = outcome.articles.map((a) => withFreeId(a, taken, scanned.file, plan.warnings));
    for (const article of articles) toAnalyze.push({ article, file: scanned.file });
    plan.records.push({ ...fileRecord(scanned, outcome), articleIds: articles.map((a) => a.id) });
    (previous?.articleIds.length ? plan.changed : plan.added).push(scanned.file);
  }
  const { analyzed, errors, refused } = await analyze(toAnalyze.map((a) => a.article));
  errors.forEach((error, i) => {
    const file = toAnalyze[i]?.file ?? "";
    if (error) plan.warnings.push({ file, message: `attributions not extracted: ${error}` });
  });
  const refusedFiles = new Map<string, string>();
  refused?.forEach((reason, i) => {
    const file = toAnalyze[i]?.file;
    if (reason && file !== undefined && !refusedFiles.has(file)) refusedFiles.set(file, reason);
  });
  plan.records.sort((a, b) => (a.file < b.file ? -1 : 1));
  plan.change = {
    remove,
    add: refusedFiles.size
      ? analyzed.filter((_, i) => !refusedFiles.has(toAnalyze[i]?.file ?? ""))
      : analyzed,
  };
  if (refusedFiles.size) skipRefused(plan, refusedFiles, reads);
  return plan;
}

/**
 * A file one of whose articles the analysis refused is skipped whole, as if it could not be read:
 * its record says why, and it is tried again when it changes.
 */
function skipRefused(
  plan: SyncPlan,
  refused: Map<string, string>,
  reads: readonly FileRead[],
): void {
  const hadArticles = new Set(
    reads.filter((r) => r.previous?.articleIds.length).map((r) => r.scanned.file),
  );
  for (const [file, reason] of refused) {
    plan.skipped.push({ file, message: reason });
    if (hadArticles.has(file)) plan.removed.push(file);
  }
  const out = (file: string) => !refused.has(file);
  plan.added = plan.added.filter(out);
  plan.changed = plan.changed.filter(out);
  plan.records = plan.records.map((r) =>
    refused.has(r.file) ? { ...r, articleIds: [], skipped: refused.get(r.file) as string } : r,
  );
}

/** An id another file's article holds already (a JSON item's own id) gets a number appended. */
function withFreeId(
  article: Article,
  taken: Set<string>,
  file: string,
  warnings: FileNote[],
): Article {
  let id = article.id;
  for (let n = 2; taken.has(id); n++) id = `${article.id}-${n}`;
  taken.add(id);
  if (id === article.id) return article;
  warnings.push({ file, message: `id "${article.id}" is taken by another article; using "${id}"` });
  return { ...article, id };
}
