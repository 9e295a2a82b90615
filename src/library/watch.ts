import { isAbsolute, relative, resolve, sep } from "node:path";
import { watch } from "chokidar";

/** How long a file's size must hold before a change to it is reported. */
const STABLE_MS = 400;

/**
 * What a burst of changes touched: the files whose content changed (paths relative to the data
 * folder, "/"-separated), and whether anything was added or removed, which a full scan must see.
 */
export interface FolderChanges {
  edited: Set<string>;
  addedOrRemoved: boolean;
}

export interface WatchOptions {
  dataDir: string;
  indexDir: string;
  debounceMs: number;
  onChange: (changes: FolderChanges) => void;
  /**
   * Told once of each kind of error (by its code) the watcher meets; it goes on watching what it
   * can. A large folder can pass the system's limit on watched files (ENOSPC on Linux).
   */
  onError: (error: Error & { code?: string }) => void;
  /** chokidar's `watch`; a test may give one that fails. */
  watch?: typeof watch;
}

/**
 * Watches the data folder and calls `onChange` once a burst of changes has settled for
 * `debounceMs`. Hidden entries and the index folder are not watched: saving the index must not
 * trigger a refresh. Returns the function that stops watching, and a promise kept once changes
 * are being seen (never, if stopped before).
 */
export function watchFolder(options: WatchOptions): {
  stop: () => Promise<void>;
  ready: Promise<void>;
} {
  const { dataDir, indexDir, debounceMs, onChange } = options;
  const root = resolve(dataDir);
  const index = resolve(indexDir);
  const ignored = (path: string) => {
    const full = resolve(path);
    if (full === index || full.startsWith(index + sep)) return true;
    const inside = relative(root, full);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return false;
    return inside.split(sep).some((part) => part.startsWith("."));
  };
  let timer: NodeJS.Timeout | null = null;
  let changes: FolderChanges = { edited: new Set(), addedOrRemoved: false };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const settled = changes;
      changes = { edited: new Set(), addedOrRemoved: false };
      onChange(settled);
    }, debounceMs);
  };
  // Links are not followed: one to a folder outside (/etc) would be watched, and read on a change.
  const watcher = (options.watch ?? watch)(root, {
    ignoreInitial: true,
    ignored,
    followSymlinks: false,
    // A file being written (copied in, saved by an editor) is reported once its size has held
    // for a moment, not read half-written and skipped as empty.
    awaitWriteFinish: { stabilityThreshold: STABLE_MS, pollInterval: 100 },
  });
  const told = new Set<string>();
  watcher.on("error", (error) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    const code = (failure as { code?: string }).code ?? failure.message;
    if (told.has(code)) return;
    told.add(code);
    options.onError(failure);
  });
  const fromData = (path: string) => relative(resolve(dataDir), resolve(path)).split(sep).join("/");
  watcher.on("change", (path) => {
    changes.edited.add(fromData(path));
    schedule();
  });
  for (const event of ["add", "unlink", "addDir", "unlinkDir"] as const) {
    watcher.on(event, () => {
      changes.addedOrRemoved = true;
      schedule();
    });
  }
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  const stop = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    await watcher.close();
  };
  return { stop, ready };
}

/** What a watcher's error means for the user, and what to do. */
export function watchProblem(error: Error & { code?: string }): string {
  const missed = "edits to the files not watched are seen at the next start";
  if (error.code === "ENOSPC")
    return `cannot watch every file of the data folder: the system's limit on watched files is reached (on Linux, raise fs.inotify.max_user_watches); ${missed}`;
  if (error.code === "EMFILE")
    return `cannot watch every file of the data folder: too many open files (raise the limit with ulimit -n); ${missed}`;
  return `watching the data folder: ${error.message}; ${missed}`;
}
