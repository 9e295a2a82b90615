import { type Stats, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { type SkippedFile, scanArticleFiles, skippedLine } from "../corpus/load-corpus.ts";
import { diffFiles, type FileDiff, rereadFiles } from "../store/fingerprint.ts";
import { type FileRecord, MANIFEST_FILE } from "../store/format.ts";
import { LibraryStore } from "../store/library-store.ts";
import { logSafe } from "../text/log-text.ts";
import { AnalysisPool, type PoolOptions } from "./analyze-pool.ts";
import type { LibraryChange } from "./analyzed.ts";
import type { Library } from "./api.ts";
import { BackgroundScan } from "./background-scan.ts";
import { LibraryIndex } from "./engine.ts";
import { terminalProgress } from "./progress.ts";
import { type FileRead, planSync, type SyncPlan } from "./sync.ts";
import { watchFolder, watchProblem } from "./watch.ts";

export interface OpenLibraryOptions {
  dataDir: string;
  /** Where the index is saved; `<dataDir>/.whosaid/` by default. */
  indexDir?: string;
  /** Pick up articles added, edited or removed while the library is open. */
  watch?: boolean;
  /** Ignore the saved index and read every article again. */
  rebuild?: boolean;
  /** Where skipped files, warnings and refresh failures are reported; stderr by default. */
  log?: (line: string) => void;
  /** Files read, analysed and indexed per batch of a large pass (BATCH_FILES by default). */
  batchFiles?: number;
  /**
   * Scan the data folder on a worker thread while the saved index loads; by default only when
   * the saved index lists many files, as a worker takes longer to start than a few to scan.
   */
  scanInBackground?: boolean;
  /**
   * Resolve as soon as the saved index is loaded, and bring it up to date with the folder after
   * (see `LibraryHandle.caughtUp`): a bot or shell answers from the saved index meanwhile, where
   * a one-off question waits for the folder. Off by default.
   */
  answerBeforeScan?: boolean;
  /** Files larger than this are skipped with a message (MAX_ARTICLE_MB; 10 MB by default). */
  maxArticleBytes?: number;
  /** The worker pool files are read and analysed on: its time budget; a test's worker module. */
  pool?: PoolOptions;
}

export interface LibraryStats {
  articles: number;
  passages: number;
  attributions: number;
  speakers: number;
  /** Whether a saved index was used (possibly updated), rather than building from scratch. */
  loadedFromSaved: boolean;
  /** Files read from the data folder in this pass. */
  reread: number;
  ms: number;
}

/** What one refresh changed; files are paths relative to the data folder. */
export interface ChangeSummary {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files newly found unreadable in this pass. */
  skipped: SkippedFile[];
  reread: number;
  ms: number;
}

export interface LibraryHandle {
  library: Library;
  /** Every file of the data folder that is not in the index, with the reason. */
  readonly skipped: SkippedFile[];
  /** Figures of the last open or refresh. */
  readonly stats: LibraryStats;
  /**
   * Settles once the library has taken in what changed in the folder since the index was saved:
   * at once, unless the library was opened with `answerBeforeScan` from a saved index.
   */
  readonly caughtUp: Promise<ChangeSummary>;
  /**
   * Settles once the folder watcher is up and the folder has been looked at once more for what
   * changed before it was: a file written from then on is taken in by the watcher alone. At once
   * when the library does not watch; never when it is closed before the watcher is up.
   */
  readonly watching: Promise<void>;
  /**
   * Brings the index up to date with the data folder. `edited` may name the only files whose
   * content changed (as a watcher knows), which spares a scan of the whole folder.
   */
  refresh(edited?: ReadonlySet<string>): Promise<ChangeSummary>;
  save(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A pass that reads this many files leaves the pool's workers holding a vocabulary of much of the
 * corpus: they are ended after it, and the next pass starts fresh ones.
 */
const END_WORKERS_FROM = 200;
/**
 * Files read, analysed and indexed in one batch. A large pass goes batch by batch, and writes the
 * articles' text to the index folder as it goes, so its memory does not grow with the corpus.
 */
const BATCH_FILES = 2000;
const WATCH_DEBOUNCE_MS = 200;
/** A saved manifest this large (about 20,000 files) has the data folder scanned on a worker. */
const BACKGROUND_SCAN_FROM_BYTES = 7 * 1024 * 1024;
/** Passes that read fewer files than this are quick enough to need no progress bar. */
const PROGRESS_FROM = 200;

/**
 * Opens the library over a data folder: loads the saved index when it is current, re-reads only
 * the files added or edited since, drops the removed ones, and saves the result. A corrupt,
 * truncated or outdated saved index is reported in one line and rebuilt.
 */
export async function openLibrary(options: OpenLibraryOptions): Promise<LibraryHandle> {
  const session = new Session(options);
  await session.open();
  return session;
}

class Session implements LibraryHandle {
  private readonly dataDir: string;
  private readonly indexDir: string;
  private readonly log: (line: string) => void;
  private readonly store: LibraryStore;
  /** Where files are read and analysed, off this thread and within a time budget each. */
  private readonly pool: AnalysisPool;
  private index: LibraryIndex;
  private records: FileRecord[] = [];
  private scanSkipped: SkippedFile[] = [];
  /** The refresh or save running, and those waiting: one at a time, in the order asked. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopWatching: (() => Promise<void>) | null = null;
  caughtUp: Promise<ChangeSummary> = Promise.resolve(NO_CHANGE);
  watching: Promise<void> = Promise.resolve();
  stats: LibraryStats = {
    articles: 0,
    passages: 0,
    attributions: 0,
    speakers: 0,
    loadedFromSaved: false,
    reread: 0,
    ms: 0,
  };

  constructor(private readonly options: OpenLibraryOptions) {
    this.dataDir = options.dataDir;
    this.indexDir = options.indexDir ?? join(options.dataDir, ".whosaid");
    const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    // Every line names files, whose names (and JSON ids, sidecar fields) are the archive's.
    this.log = (line) => log(logSafe(line));
    this.store = new LibraryStore({
      indexDir: this.indexDir,
      log: this.log,
      where: this.display(this.indexDir),
    });
    this.index = LibraryIndex.empty(undefined, this.log);
    this.index.onDamaged((id) => this.heal(id));
    this.store.onDamaged = () => this.rebuild();
    this.pool = new AnalysisPool(options.pool);
  }

  get library(): Library {
    return this.index;
  }

  get skipped(): SkippedFile[] {
    const recorded = this.records
      .filter((r) => r.skipped !== null)
      .map((r) => ({ file: this.display(r.file), reason: r.skipped as string }));
    return [...this.scanSkipped, ...recorded].sort((a, b) => (a.file < b.file ? -1 : 1));
  }

  async open(): Promise<void> {
    const started = performance.now();
    // A large folder is scanned on another core while this one loads the saved index.
    const background =
      !this.options.rebuild && (this.options.scanInBackground ?? this.savedIsLarge());
    const early = background ? BackgroundScan.start(this.dataDir) : null;
    let delta: LibraryChange | null | false = false;
    try {
      delta = this.options.rebuild ? false : await this.loadSaved();
    } catch (error) {
      await early?.cancel();
      throw error;
    }
    const loaded = delta !== false;
    this.stats = this.figures(loaded, 0, started);
    // The saved delta's changes need the id hashes, built a step at a time between commands:
    // built at once, at 100,000 articles, they held the first command about 2 s.
    const warmed = this.warmUp(Boolean(delta));
    const pass = this.serially(async () => {
      if (delta) {
        await warmed;
        this.store.apply(this.index, delta);
      }
      return this.firstPass(loaded, early, started);
    });
    if (loaded && this.options.answerBeforeScan) {
      // Commands are answered from the saved index while the folder is scanned.
      pass.catch((error) => this.log(`refresh failed: ${messageOf(error)}`));
      this.caughtUp = pass;
    } else await pass;
    if (this.options.watch) this.watch();
  }

  /** Takes in what changed in the folder since the saved index (all of it, with no index). */
  private async firstPass(
    loaded: boolean,
    early: BackgroundScan | null,
    started: number,
  ): Promise<ChangeSummary> {
    let summary: ChangeSummary;
    try {
      summary = await this.sync(undefined, early);
    } finally {
      await early?.cancel();
    }
    // On open every skipped file is named, also those the saved index already knew.
    const named = new Set(summary.skipped.map((s) => s.file));
    for (const s of this.skipped) if (!named.has(s.file)) this.log(skippedLine(s));
    const dirty = summary.added.length + summary.changed.length + summary.removed.length > 0;
    if (!loaded || dirty || summary.reread > 0) await this.writeOrWarn();
    if (!(loaded && this.options.answerBeforeScan)) {
      this.stats = this.figures(loaded, summary.reread, started);
    }
    return summary;
  }

  refresh(edited?: ReadonlySet<string>): Promise<ChangeSummary> {
    return this.serially(() => this.resync(edited));
  }

  save(): Promise<void> {
    return this.serially(() => this.store.save(this.index, this.records));
  }

  async close(): Promise<void> {
    await this.stopWatching?.();
    this.stopWatching = null;
    await this.queue.catch(() => undefined);
    await this.pool.close();
    this.store.close();
  }

  private watch(): void {
    const failed = (error: unknown) => this.log(`refresh failed: ${messageOf(error)}`);
    const { stop, ready } = watchFolder({
      dataDir: this.dataDir,
      indexDir: this.indexDir,
      debounceMs: WATCH_DEBOUNCE_MS,
      onChange: (changes) => {
        const edited = changes.addedOrRemoved ? undefined : changes.edited;
        this.refresh(edited).catch(failed);
      },
      onError: (error) => this.log(watchProblem(error)),
    });
    this.stopWatching = stop;
    // An edit is then read on a worker that has started already.
    this.pool.warm();
    // The folder was scanned before the index loaded: what changed since, before the watcher
    // saw changes, is found by one more scan, on another core for a large folder.
    this.watching = ready.then(async () => {
      if (this.stopWatching === stop) await this.catchUp().catch(failed);
    });
  }

  /**
   * An article whose saved text failed its checksum is read again from its source file and saved
   * again, by itself: it answers again in a moment, and at the next start, without a rebuild.
   */
  private heal(id: string): void {
    const record = this.records.find((r) => r.articleIds.includes(id));
    if (!record) return;
    const files = new Set([record.file]);
    this.serially(() => this.resync(files, null, files)).catch((error) =>
      this.log(`refresh failed: ${messageOf(error)}`),
    );
  }

  /**
   * Builds the index again from the data folder, when its saved postings are found damaged while
   * serving: the damaged index answers what it can meanwhile, and the new one, once built,
   * replaces it and is saved.
   */
  private rebuild(): void {
    this.serially(async () => {
      const started = performance.now();
      const fresh = LibraryIndex.empty(undefined, this.log);
      fresh.onDamaged((id) => this.heal(id));
      const records = this.records;
      this.store.forget();
      this.records = [];
      try {
        await this.sync(undefined, null, undefined, fresh);
      } catch (error) {
        this.records = records;
        throw error;
      }
      this.index = fresh;
      // Nothing reads the damaged index's postings now: their files are let go.
      this.store.close();
      await this.writeOrWarn();
      this.stats = this.figures(false, this.records.length, started);
    }).catch((error) => this.log(`rebuild failed: ${messageOf(error)}`));
  }

  private catchUp(): Promise<ChangeSummary> {
    return this.serially(async () => {
      const early = this.savedIsLarge() ? BackgroundScan.start(this.dataDir) : null;
      try {
        return await this.resync(undefined, early);
      } finally {
        await early?.cancel();
      }
    });
  }

  private async resync(
    edited?: ReadonlySet<string>,
    early?: BackgroundScan | null,
    reread?: ReadonlySet<string>,
  ): Promise<ChangeSummary> {
    const started = performance.now();
    const summary = await this.sync(edited, early, reread);
    if (summary.reread > 0 || summary.removed.length > 0) await this.writeOrWarn();
    this.stats = this.figures(this.stats.loadedFromSaved, summary.reread, started);
    return summary;
  }

  /**
   * Does what the start-up left for later, a step at a time, each when nothing else waits.
   * Unless `awaited`, the steps do not keep the process alive.
   */
  private warmUp(awaited: boolean): Promise<void> {
    const steps = this.index.warmUpSteps();
    return new Promise((resolve) => {
      const next = () => {
        if (steps.next().done) resolve();
        else later();
      };
      const later = () => {
        const step = setImmediate(next);
        if (!awaited) step.unref();
      };
      later();
    });
  }

  /** Runs one refresh or save at a time, in the order asked. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Saving after a change is a convenience: the library answers even where it cannot save. */
  private async writeOrWarn(): Promise<void> {
    try {
      await this.store.save(this.index, this.records);
    } catch (error) {
      this.log(
        `warning: cannot save the index in ${this.display(this.indexDir)}: ${messageOf(error)}`,
      );
    }
  }

  /** Loads the saved index; gives the changes saved since its base, or false when none loaded. */
  private async loadSaved(): Promise<LibraryChange | null | false> {
    const saved = await this.store.load();
    if (!saved) return false;
    this.index = saved.index;
    this.index.onDamaged((id) => this.heal(id));
    this.records = saved.records;
    return saved.delta;
  }

  /**
   * Scans the data folder (or looks only at `edited`), reads what changed and applies it to
   * the index (`into`, for one being built afresh). `reread` names files to read again even
   * though they look unchanged.
   */
  private async sync(
    edited?: ReadonlySet<string>,
    early?: BackgroundScan | null,
    reread?: ReadonlySet<string>,
    into: LibraryIndex = this.index,
  ): Promise<ChangeSummary> {
    const started = performance.now();
    // An index folder placed inside the data folder holds our own files, not articles.
    const ours = (f: { file: string }) => isInside(resolve(this.dataDir, f.file), this.indexDir);
    const known = edited && this.editsOfKnownFiles(edited);
    const scan = known ? null : await (early ? early.result() : scanArticleFiles(this.dataDir));
    const found =
      known ??
      diffFiles(
        (scan?.files ?? []).filter((f) => !ours(f)),
        this.records,
      );
    const diff = reread ? rereadFiles(found, reread) : found;
    const toRead = [...diff.added.map((scanned) => ({ scanned, previous: null })), ...diff.changed];
    const total = await this.readAndApply(diff, toRead, into);

    const before = new Set(this.scanSkipped.map((s) => s.file));
    if (scan) {
      this.scanSkipped = scan.skipped
        .filter((s) => !ours(s))
        .map((s) => ({ file: this.display(s.file), reason: s.reason }));
    }
    const skipped = [
      ...this.scanSkipped.filter((s) => !before.has(s.file)),
      ...total.skipped.map((s) => ({ file: this.display(s.file), reason: s.message })),
    ];
    for (const s of skipped) this.log(skippedLine(s));
    for (const w of total.warnings) this.log(`warning ${this.display(w.file)}: ${w.message}`);
    return {
      added: total.added,
      changed: total.changed,
      removed: total.removed,
      skipped,
      reread: toRead.length,
      ms: performance.now() - started,
    };
  }

  /**
   * Reads the files of a diff, analyses them and applies them to the index, in batches of
   * BATCH_FILES files, overlapped: a batch is analysed on the workers while this thread reads
   * the next and indexes the one before. Files are read and analysed on the pool's worker
   * threads, so that no file, however built, can hold this thread, which answers commands.
   */
  private async readAndApply(
    diff: FileDiff,
    toRead: ToRead[],
    into: LibraryIndex,
  ): Promise<SyncTotals> {
    // A bar on a terminal for a pass long enough to wait for.
    const bar = toRead.length >= PROGRESS_FROM ? terminalProgress("indexing") : null;
    const total: SyncTotals = { added: [], changed: [], removed: [], skipped: [], warnings: [] };
    const batchFiles = this.options.batchFiles ?? BATCH_FILES;
    const batches: ToRead[][] = [];
    for (let from = 0; from === 0 || from < toRead.length; from += batchFiles) {
      batches.push(toRead.slice(from, from + batchFiles));
    }
    // One batch is applied whole; several defer the speakers to one pass after the last.
    const several = batches.length > 1;
    let records = diff.unchanged;
    let done = 0;
    const pool = this.pool;
    const read = async (batch: ToRead[]): Promise<FileRead[]> => {
      const outcomes = await pool.read(
        this.dataDir,
        batch.map((r) => r.scanned),
        this.options.maxArticleBytes,
      );
      return batch.map((r, i) => ({ ...r, outcome: outcomes[i] as FileRead["outcome"] }));
    };
    // Earlier batches' files count as unchanged, so their article ids stay taken.
    const plan = (reads: FileRead[], first: boolean): Promise<SyncPlan> => {
      const planned = planSync(
        { ...diff, unchanged: records, removed: first ? diff.removed : [] },
        reads,
        (articles) => pool.analyze(articles),
      );
      // Awaited below; until then a failure must not count as unhandled.
      planned.catch(() => undefined);
      return planned;
    };
    try {
      let next = plan(await read(batches[0] ?? []), true);
      for (const [i, batch] of batches.entries()) {
        const following = batches[i + 1];
        const reads = following ? await read(following) : null;
        const current = await next;
        records = current.records;
        if (reads) next = plan(reads, false);
        this.store.apply(into, current.change, { deferDerived: several });
        for (const key of ["added", "changed", "removed", "skipped", "warnings"] as const) {
          for (const item of current[key] as unknown[]) (total[key] as unknown[]).push(item);
        }
        done += batch.length;
        bar?.(done, toRead.length);
        if (into.contents.bodies.unsaved >= batchFiles) await this.store.spill(into);
      }
    } finally {
      if (toRead.length >= END_WORKERS_FROM) await pool.close();
    }
    if (several) into.refreshDerived();
    this.records = records;
    return total;
  }

  /**
   * Whether the saved index lists enough files for a scan on a worker thread to pay: the worker
   * takes 0.5-1 s to start, longer than loading a smaller index lasts, so its scan would come
   * too late to be used. The manifest's size tells, unread (~350 bytes a file).
   */
  private savedIsLarge(): boolean {
    try {
      return statSync(join(this.indexDir, MANIFEST_FILE)).size >= BACKGROUND_SCAN_FROM_BYTES;
    } catch {
      return false;
    }
  }

  /**
   * The diff a scan would give when the only changes are edits of files the index knows (no file
   * added, removed or renamed, so every id stays): those files are looked at, no others. Null
   * when an edited path is not a known article file, and a full scan must decide.
   */
  private editsOfKnownFiles(edited: ReadonlySet<string>): FileDiff | null {
    const byFile = new Map(this.records.map((r) => [r.file, r]));
    const diff: FileDiff = { unchanged: [], changed: [], added: [], removed: [] };
    for (const file of edited) {
      const previous = byFile.get(file);
      if (!previous || previous.metaFile !== null) return null;
      let info: Stats;
      try {
        info = statSync(join(this.dataDir, file));
      } catch {
        return null;
      }
      if (!info.isFile()) return null;
      const scanned = { file, id: previous.id, size: info.size, mtimeMs: info.mtimeMs };
      diff.changed.push({ scanned, previous });
    }
    diff.unchanged = this.records.filter((r) => !edited.has(r.file));
    return diff;
  }

  private figures(loadedFromSaved: boolean, reread: number, started: number): LibraryStats {
    return {
      articles: this.index.articleCount,
      passages: this.index.passageCount,
      attributions: this.index.attributionCount,
      speakers: this.index.speakers().length,
      loadedFromSaved,
      reread,
      ms: performance.now() - started,
    };
  }

  /** A data-folder path as the user would type it from the working folder. */
  private display(file: string): string {
    const path = resolve(this.dataDir, file);
    const fromHere = relative(process.cwd(), path);
    return fromHere && !fromHere.startsWith("..") && !isAbsolute(fromHere) ? fromHere : path;
  }
}

type ToRead = Omit<FileRead, "outcome">;
type SyncTotals = Omit<SyncPlan, "change" | "records">;

const NO_CHANGE: ChangeSummary = {
  added: [],
  changed: [],
  removed: [],
  skipped: [],
  reread: 0,
  ms: 0,
};

function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
