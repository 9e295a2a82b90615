import { type FSWatcher, watch as fsWatch } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

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
   * can. A folder tree can pass the system's limit on watches (ENOSPC on Linux).
   */
  onError: (error: Error & { code?: string }) => void;
  /** Node's `fs.watch`; a test may give one that fails. */
  watch?: typeof fsWatch;
}

export interface FolderWatch {
  stop: () => Promise<void>;
  /** Kept once every folder is watched (never, if stopped before). */
  ready: Promise<void>;
  /** How many folders are watched: one watch each, however many files they hold. */
  watched: () => number;
}

/**
 * Watches the data folder and calls `onChange` once a burst of changes has settled for
 * `debounceMs`. One watch per folder, not per file: the kernel tells a folder's watch about
 * every file in it, so 100,000 articles in a few folders take a few inotify watches where a
 * watch per file took 100,000 (past Linux's default limit) and 12 s to set up. Hidden entries,
 * links and the index folder are not watched: saving the index must not trigger a refresh, and
 * nothing outside the data folder is followed. A folder made later is watched when it appears.
 * A file being written (copied in, saved by an editor) is reported once its size has held for
 * a moment, not read half-written and skipped as empty.
 */
export function watchFolder(options: WatchOptions): FolderWatch {
  const { dataDir, indexDir, debounceMs, onChange } = options;
  const root = resolve(dataDir);
  const index = resolve(indexDir);
  const watch = options.watch ?? fsWatch;
  const watchers = new Map<string, FSWatcher>();
  let stopped = false;

  const ignored = (full: string) => {
    if (full === index || full.startsWith(index + sep)) return true;
    const inside = relative(root, full);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return false;
    return inside.split(sep).some((part) => part.startsWith("."));
  };
  const fromData = (full: string) => relative(root, full).split(sep).join("/");

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

  const told = new Set<string>();
  const report = (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    const code = (failure as { code?: string }).code ?? failure.message;
    if (told.has(code)) return;
    told.add(code);
    options.onError(failure);
  };

  const unwatch = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  /** Watches a folder and every folder below it that is not hidden, a link or the index. */
  const watchTree = async (dir: string): Promise<void> => {
    if (stopped || watchers.has(dir) || ignored(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true });
    } catch (error) {
      report(error);
      return;
    }
    watchers.set(dir, watcher);
    watcher.on("change", (kind, name) => seen(dir, kind, name));
    watcher.on("error", (error) => {
      report(error);
      unwatch(dir);
    });
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) await watchTree(join(dir, entry.name));
    }
  };

  /** Files heard of and not yet reported: each waits for its size to hold. */
  const pending = new Map<string, NodeJS.Timeout>();
  const once = (full: string, report: () => void) => {
    clearTimeout(pending.get(full));
    const check = async (last: number | null) => {
      const stats = await lstat(full).catch(() => null);
      if (stopped) return;
      if (stats === null || stats.size === last) {
        pending.delete(full);
        report();
        schedule();
      } else
        pending.set(
          full,
          setTimeout(() => void check(stats.size), STABLE_MS),
        );
    };
    void check(null);
  };

  /** A folder's watch heard of `name`: changed in place, or added, removed or renamed. */
  const seen = (dir: string, kind: string, name: string | Buffer | null) => {
    if (stopped) return;
    if (name === null) {
      changes.addedOrRemoved = true;
      schedule();
      return;
    }
    const full = join(dir, String(name));
    if (ignored(full)) return;
    if (kind === "change") {
      once(full, () => changes.edited.add(fromData(full)));
      return;
    }
    // A folder that appeared is watched from now on; one that went, no longer.
    void lstat(full).then(
      (stats) => {
        if (stats.isDirectory()) {
          changes.addedOrRemoved = true;
          schedule();
          void watchTree(full);
        } else once(full, () => (changes.addedOrRemoved = true));
      },
      () => {
        unwatch(full);
        changes.addedOrRemoved = true;
        schedule();
      },
    );
  };

  const ready = watchTree(root);
  const stop = async () => {
    stopped = true;
    for (const wait of pending.values()) clearTimeout(wait);
    pending.clear();
    if (timer) clearTimeout(timer);
    timer = null;
    unwatch(root);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
  return { stop, ready, watched: () => watchers.size };
}

/** What a watcher's error means for the user, and what to do. */
export function watchProblem(error: Error & { code?: string }): string {
  const missed = "edits to the files not watched are seen at the next start";
  if (error.code === "ENOSPC")
    return `cannot watch every folder of the data folder: the system's limit on watches is reached (on Linux, raise fs.inotify.max_user_watches); ${missed}`;
  if (error.code === "EMFILE")
    return `cannot watch every folder of the data folder: too many open files (raise the limit with ulimit -n); ${missed}`;
  return `watching the data folder: ${error.message}; ${missed}`;
}
