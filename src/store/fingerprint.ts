import type { ArticleFileInfo } from "../corpus/load-corpus.ts";
import type { Article } from "../types.ts";
import { type FileRecord, sha256 } from "./format.ts";

/** A file of the data folder as a scan sees it, before reading it. */
export type ScannedFile = ArticleFileInfo;

export interface FileDiff {
  unchanged: FileRecord[];
  changed: { scanned: ScannedFile; previous: FileRecord }[];
  added: ScannedFile[];
  removed: FileRecord[];
}

/**
 * Compares a scan of the data folder with what the saved index recorded. A file counts as
 * changed when its size, modification time, sidecar or assigned id differ; reading it then
 * tells whether its content really changed (see contentHash).
 */
export function diffFiles(
  scanned: readonly ScannedFile[],
  records: readonly FileRecord[],
): FileDiff {
  const previous = new Map(records.map((r) => [r.file, r]));
  const diff: FileDiff = { unchanged: [], changed: [], added: [], removed: [] };
  for (const file of scanned) {
    const record = previous.get(file.file);
    previous.delete(file.file);
    if (!record) diff.added.push(file);
    else if (sameStat(file, record)) diff.unchanged.push(record);
    else diff.changed.push({ scanned: file, previous: record });
  }
  diff.removed = [...previous.values()];
  return diff;
}

/**
 * The diff with the given files read again even where they look unchanged, and their content
 * treated as new: their saved text was found damaged, and must be made again from the source.
 */
export function rereadFiles(diff: FileDiff, files: ReadonlySet<string>): FileDiff {
  const stale = (previous: FileRecord): FileRecord => ({ ...previous, hash: null });
  const changed = diff.changed.map((c) =>
    files.has(c.previous.file) ? { ...c, previous: stale(c.previous) } : c,
  );
  const unchanged: FileRecord[] = [];
  for (const r of diff.unchanged) {
    if (!files.has(r.file)) {
      unchanged.push(r);
      continue;
    }
    const scanned: ScannedFile = { file: r.file, id: r.id, size: r.size, mtimeMs: r.mtimeMs };
    if (r.metaFile !== null) {
      scanned.metaFile = r.metaFile;
      scanned.metaMtimeMs = r.metaMtimeMs ?? Number.NaN;
    }
    changed.push({ scanned, previous: stale(r) });
  }
  return { ...diff, unchanged, changed };
}

function sameStat(file: ScannedFile, record: FileRecord): boolean {
  return (
    file.id === record.id &&
    file.size === record.size &&
    file.mtimeMs === record.mtimeMs &&
    (file.metaFile ?? null) === record.metaFile &&
    (file.metaMtimeMs ?? null) === record.metaMtimeMs
  );
}

/** Hash of what was parsed from a file: equal hashes mean the index needs no change. */
export function contentHash(articles: readonly Article[]): string {
  return sha256(JSON.stringify(articles));
}

export function fileRecord(
  scanned: ScannedFile,
  outcome: { articles: readonly Article[] } | { reason: string },
): FileRecord {
  const ok = "articles" in outcome;
  return {
    file: scanned.file,
    id: scanned.id,
    size: scanned.size,
    mtimeMs: scanned.mtimeMs,
    metaFile: scanned.metaFile ?? null,
    metaMtimeMs: scanned.metaMtimeMs ?? null,
    hash: ok ? contentHash(outcome.articles) : null,
    articleIds: ok ? outcome.articles.map((a) => a.id) : [],
    skipped: ok ? null : outcome.reason,
  };
}
