import { type Dirent, Stats, statSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, sep } from "node:path";
import { FEEDS_FILE } from "../live/feed-list.ts";
import { sizeText } from "../text/size-text.ts";
import { assignArticleIds } from "./article-id.ts";
import { readSidecar } from "./meta.ts";
import { type ArticleMeta, type ParseOutcome, rejected } from "./outcome.ts";
import { articleFormat, parseArticleFile } from "./parse-article.ts";

/** One article file found under the data folder. */
export interface ArticleFileInfo {
  /** Path relative to the data folder, with forward slashes ("articles/x.txt"). */
  file: string;
  /** Its article id, unique in the scanned set (see article-id.ts). */
  id: string;
  size: number;
  mtimeMs: number;
  /** The sidecar `<name>.meta.json` beside it, relative to the data folder, when there is one. */
  metaFile?: string;
  metaMtimeMs?: number;
}

/** A file not read, and why; every surface names it in one line (`skippedLine`). */
export interface SkippedFile {
  /** The path as the user would type it from the working folder ("data/articles/x.bin"). */
  file: string;
  reason: string;
}

const MB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 10 * MB;
const MAX_SIDECAR_BYTES = MB;
const SIDECAR = /\.meta\.json$/i;

/** The folder articles are read from: `dataDir/articles/` when it exists, else `dataDir`. */
export async function articlesRoot(dataDir: string): Promise<string> {
  const nested = join(dataDir, "articles");
  const info = await stat(nested).catch(() => null);
  return info?.isDirectory() ? nested : dataDir;
}

/**
 * A file's size and times, or why they cannot be had. Synchronous on purpose: a scan states every
 * file of the data folder, and at 100,000 files the promise per call costs seconds where the
 * calls themselves take a few hundred milliseconds.
 */
function statOrError(path: string): Stats | unknown {
  try {
    return statSync(path);
  } catch (error) {
    return error;
  }
}

/** The article files under the data folder and the entries passed over with the reason. */
export interface ArticleScan {
  files: ArticleFileInfo[];
  skipped: SkippedFile[];
}

/**
 * Lists the article files under the data folder, recursively, with their ids, sizes and times.
 * Dotfiles and sidecars are passed over; files of unknown types and entries that cannot be
 * looked at are returned as skipped. Throws only when the data folder itself is missing.
 */
export async function scanArticleFiles(dataDir: string): Promise<ArticleScan> {
  const root = await articlesRoot(dataDir);
  const rootInfo = await stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) throw new Error(`data folder not found: ${dataDir}`);
  const found: { file: string; size: number; mtimeMs: number }[] = [];
  const skipped: SkippedFile[] = [];
  /** Each sidecar-named entry, relative to the data folder: its modification time if a file. */
  const sidecars = new Map<string, number | null>();
  const rootRel = relative(dataDir, root).split("\\").join("/");
  const realRoot = await realpath(root);
  const inside = [await realpath(dataDir), realRoot];
  const seen = new Set<string>([realRoot]);
  // Paths are built by adding names to their folder's rather than with path.relative or
  // path.join per file: at 100,000 files those are much of a scan's time.
  const walk = async (dir: string, relDir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: relDir || ".", reason: `cannot read folder: ${osReason(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // What join(dir, name) gives for any name here, without normalising every file's path.
    const prefix = join(dir, "_").slice(0, -1);
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith(".")) {
        // Hidden entries (.env, .git, the index folder) are never articles; one named like an
        // article is told, so that "..notes.txt" is not missed in silence.
        if (!entry.isDirectory() && articleFormat(name)) {
          const file = relDir ? `${relDir}/${name}` : name;
          skipped.push({ file, reason: "hidden file (its name starts with a dot); not read" });
        }
        continue;
      }
      // The list of feeds to follow sits in the data folder, which may also be the articles'.
      if (!relDir && name === FEEDS_FILE) continue;
      const file = relDir ? `${relDir}/${name}` : name;
      const path = prefix + name;
      if (entry.isSymbolicLink()) {
        // Archives unpacked from tarballs or repositories carry links: one out of the data
        // folder (to ../../.env, to /etc) would be read and served.
        const outside = await linkProblem(path, inside);
        if (outside) {
          skipped.push({ file, reason: outside });
          continue;
        }
      }
      const info = statOrError(path);
      if (!(info instanceof Stats)) {
        skipped.push({ file, reason: `cannot read: ${osReason(info)}` });
        continue;
      }
      if (info.isDirectory()) {
        // Symbolic links may loop back; each real folder is walked once.
        const real = await realpath(path).catch(() => path);
        if (seen.has(real)) continue;
        seen.add(real);
        await walk(path, file);
        continue;
      }
      if (SIDECAR.test(name)) {
        sidecars.set(file, info.isFile() ? info.mtimeMs : null);
        continue;
      }
      if (!info.isFile()) {
        skipped.push({ file, reason: "not a regular file" });
        continue;
      }
      if (!articleFormat(name)) {
        skipped.push({ file, reason: unsupported(name) });
        continue;
      }
      found.push({ file, size: info.size, mtimeMs: info.mtimeMs });
    }
  };
  await walk(root, rootRel);

  const cut = rootRel ? rootRel.length + 1 : 0;
  const underRoot = found.map((f) => f.file.slice(cut));
  const ids = assignArticleIds(underRoot);
  const files = found.map(({ file, size, mtimeMs }, i): ArticleFileInfo => {
    const info: ArticleFileInfo = {
      file,
      size,
      mtimeMs,
      id: ids.get(underRoot[i] as string) ?? "",
    };
    if (sidecars.size === 0) return info;
    const metaFile = sidecarPath(file);
    const metaMtimeMs = sidecars.get(metaFile);
    if (metaMtimeMs != null) {
      info.metaFile = metaFile;
      info.metaMtimeMs = metaMtimeMs;
    }
    return info;
  });
  return { files, skipped };
}

/**
 * Why a symbolic link is not followed: its target is outside the data folder, or hidden (a
 * dotfile such as .env, or in a hidden folder such as the index's); null when it may be.
 * A broken link is left to the caller, which reports it as it reports any missing file.
 */
async function linkProblem(path: string, bounds: readonly string[]): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return null;
  }
  const within = bounds
    .map((bound) => relative(bound, real))
    .find((rel) => !rel.startsWith("..") && !isAbsolute(rel));
  if (within === undefined) return "symbolic link to outside the data folder; not followed";
  if (within.split(sep).some((part) => part.startsWith("."))) {
    return "symbolic link to a hidden file; not followed";
  }
  return null;
}

const bounds = new Map<string, { real: Promise<string[]>; at: number }>();

/**
 * The data folder's real path and its articles folder's (which may be a link elsewhere, set up by
 * the user): what a file must lie in. Kept for a second, as a build reads thousands of files.
 */
function folderBounds(dataDir: string): Promise<string[]> {
  const known = bounds.get(dataDir);
  if (known && performance.now() - known.at < 1000) return known.real;
  const real = (async () => [
    await realpath(dataDir),
    await realpath(await articlesRoot(dataDir)),
  ])();
  bounds.set(dataDir, { real, at: performance.now() });
  return real;
}

/** Why a file is passed over for its name: an unknown extension, or none. */
function unsupported(name: string): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : "";
  return ext ? `unsupported file type ${ext}` : "no file extension";
}

function sidecarPath(path: string): string {
  const dot = path.lastIndexOf(".");
  return `${dot > path.lastIndexOf("/") ? path.slice(0, dot) : path}.meta.json`;
}

/**
 * Reads and parses one article file and its sidecar. Never throws: a file that is too big,
 * cannot be read or holds no article comes back rejected with the reason.
 */
export async function readArticle(
  dataDir: string,
  info: ArticleFileInfo,
  options: {
    /** Files larger than this are skipped unread; 10 MB by default. */
    maxBytes?: number;
    /**
     * Read only what lies in the data folder, as the library does: a file that became a link
     * out of it, or to a hidden file, since the scan is rejected.
     */
    confined?: boolean;
  } = {},
): Promise<ParseOutcome> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const path = join(dataDir, info.file);
  try {
    if (options.confined) {
      const problem = await linkProblem(path, await folderBounds(dataDir));
      if (problem) return rejected(problem);
    }
    // Size from the disk, not the scan: the file may have grown since.
    const { size } = await stat(path);
    if (size > limit)
      return rejected(`file is ${sizeText(size)}, over the ${sizeText(limit, true)} limit`);
    const bytes = await readFile(path);
    let meta: ArticleMeta | undefined;
    const warnings: string[] = [];
    let metaName: string | undefined;
    if (info.metaFile) {
      metaName = basename(info.metaFile);
      const sidecar = await readSidecarFile(join(dataDir, info.metaFile), metaName);
      meta = sidecar.meta;
      warnings.push(...sidecar.warnings);
    }
    const outcome = parseArticleFile(info.file, bytes, meta, {
      id: info.id,
      ...(metaName ? { metaName } : {}),
    });
    return { ...outcome, warnings: [...warnings, ...outcome.warnings] };
  } catch (error) {
    return rejected(`cannot read: ${osReason(error)}`);
  }
}

async function readSidecarFile(path: string, name: string) {
  try {
    const { size } = await stat(path);
    if (size > MAX_SIDECAR_BYTES) {
      return {
        meta: {},
        warnings: [`${name} is over ${sizeText(MAX_SIDECAR_BYTES, true)}; ignored`],
      };
    }
    return readSidecar(await readFile(path), name);
  } catch (error) {
    return { meta: {}, warnings: [`${name} cannot be read (${osReason(error)}); ignored`] };
  }
}

/** The line that names a skipped file and the reason. */
export function skippedLine(s: SkippedFile): string {
  return `skipped ${s.file}: ${s.reason}`;
}

const OS_REASONS: Record<string, string> = {
  ENOENT: "no such file (removed, or a broken link)",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder, not a file",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  EIO: "input/output error",
};

function osReason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string") return `${OS_REASONS[code] ?? (error as Error).message} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
