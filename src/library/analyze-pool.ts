import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { type ArticleFileInfo, DEFAULT_MAX_BYTES, readArticle } from "../corpus/load-corpus.ts";
import { type ParseOutcome, rejected } from "../corpus/outcome.ts";
import type { Article, Extraction } from "../types.ts";
import { analyzeArticle } from "./analyze.ts";
import type { AnalyzedArticle, ArticleTerms } from "./analyzed.ts";
import type { Progress } from "./progress.ts";
import { threadCpuMs } from "./thread-clock.ts";
import { startTsWorker } from "./ts-worker.ts";

export interface Analysis {
  /** The articles with their extractions, in the order given. */
  analyzed: AnalyzedArticle[];
  /** Per article, why the attribution engine failed on it, or null (see analyzeArticle). */
  errors: (string | null)[];
  /**
   * Per article, why it cannot be indexed at all, or null: its analysis ran over the time budget
   * or ended its worker. Its file is skipped with this reason.
   */
  refused: (string | null)[];
  /** How many of the articles were analysed on worker threads, the rest on the calling one. */
  onWorkers: number;
}

export interface PoolOptions {
  /** Worker threads to work on; defaults to one a core. */
  workers?: number;
  /** Items a worker is sent at once; by default a share of each call's items. */
  chunkSize?: number;
  /** The worker module; a test may give one that fails. */
  workerUrl?: URL;
  /** How long one file's reading, or one article's analysis, may take (TIME_BUDGET_MS). */
  budgetMs?: number;
}

/**
 * How long one file may take to read and parse, and one article to analyse, in CPU time of the
 * worker (see thread-clock.ts). A news article takes ~50 ms, a 1 MB one well under a second; a
 * file built to stall the parser (deeply nested HTML, runs of quote marks) would hold a worker
 * for minutes.
 */
export const TIME_BUDGET_MS = 2000;
/**
 * A worker on one item this many budgets by the wall clock is ended even if its CPU time is
 * under budget: a read stuck on a file that never answers uses no CPU. Timed by the wall, a
 * build on a machine whose cores were shared seven ways skipped one article in 1,400.
 */
const STALL_BUDGETS = 10;
/** Requests a worker is sent ahead, so it keeps working while the main thread is busy. */
const IN_FLIGHT = 2;
/** How often the watchdog looks at what each busy worker is on. */
const WATCH_EVERY_MS = 100;
/** Workers that end this many times in a row, each before starting any item, are not started again. */
const MAX_FAILURES = 3;
const WORKER_URL = new URL("./analyze-worker.ts", import.meta.url);

export type PoolRequest =
  | { id: number; kind: "read"; dataDir: string; maxBytes: number; items: ArticleFileInfo[] }
  | { id: number; kind: "analyze"; items: Article[] };

export interface AnalyzeResult {
  extraction: Extraction;
  error: string | null;
  terms: Omit<ArticleTerms, "words">;
}

export interface PoolReply {
  id: number;
  /** Words the worker's vocabulary met since its last reply, numbered on from those. */
  words: string[];
  results: (ParseOutcome | AnalyzeResult)[];
}

/** What a worker is started with: where it tells which request and item it is on. */
export interface PoolWorkerData {
  /**
   * [request id, item index + 1 (0: between items), the worker's thread id in the kernel (0:
   * unknown)], written by the worker as it goes.
   */
  status: SharedArrayBuffer;
}

/** A share of one call's items, sent to a worker as one request. */
interface Chunk {
  job: Job;
  /** Indexes into the job's items, in order. */
  indexes: number[];
}

interface Job {
  kind: "read" | "analyze";
  dataDir: string;
  /** Files larger than this are rejected unread (MAX_ARTICLE_MB). */
  maxBytes: number;
  items: readonly (ArticleFileInfo | Article)[];
  /** Per item, once done: its result, or why it was refused. */
  take: (index: number, result: ParseOutcome | AnalyzeResult, words: string[]) => void;
  refuse: (index: number, reason: string) => void;
  /** Counts an item done (taken, refused or left to this thread); the last settles the job. */
  itemDone: () => void;
  /** Items left to this thread, when no worker could start. */
  leftHere: number[];
}

/**
 * Reads and analyses untrusted files on worker threads, one a core, so no file can hold the main
 * thread, which answers commands. A file's reading and parsing, and each article's analysis, has
 * a time budget: a watchdog on this thread looks every 100 ms at what each busy worker is on (the
 * worker writes it to memory both share), and a worker over budget is ended and replaced. The
 * item is refused with a reason naming the limit, and the rest of its request goes to a worker
 * again. A worker that dies is handled the same way; one that cannot start at all (tsx not to be
 * found) leaves the work to this thread, as before the pool existed.
 *
 * Workers are started on the first call and kept for the next (a large build reads and analyses
 * batch after batch; a watched folder's edits come one by one); idle ones do not keep the process
 * alive, and `close` ends them.
 */
export class AnalysisPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Chunk[] = [];
  private failures = 0;
  private cannotStart = false;
  private nextId = 1;
  private watchdog: NodeJS.Timeout | null = null;
  private readonly threads: number;
  private readonly budgetMs: number;

  constructor(private readonly options: PoolOptions = {}) {
    this.threads = Math.max(1, options.workers ?? availableParallelism());
    this.budgetMs = options.budgetMs ?? TIME_BUDGET_MS;
  }

  /**
   * Reads and parses the files, each within the time budget and under `maxBytes`; one over
   * either comes back rejected.
   */
  async read(
    dataDir: string,
    files: readonly ArticleFileInfo[],
    maxBytes = DEFAULT_MAX_BYTES,
  ): Promise<ParseOutcome[]> {
    const outcomes: ParseOutcome[] = new Array(files.length);
    await this.run({
      kind: "read",
      dataDir,
      maxBytes,
      items: files,
      take: (i, result) => {
        outcomes[i] = result as ParseOutcome;
      },
      refuse: (i, reason) => {
        outcomes[i] = rejected(reason);
      },
      here: async (i) => {
        outcomes[i] = await readArticle(dataDir, files[i] as ArticleFileInfo, {
          confined: true,
          maxBytes,
        });
      },
    });
    return outcomes;
  }

  async analyze(articles: readonly Article[], onProgress?: Progress): Promise<Analysis> {
    const analysis: Analysis = {
      analyzed: new Array(articles.length),
      errors: new Array(articles.length).fill(null),
      refused: new Array(articles.length).fill(null),
      onWorkers: 0,
    };
    let done = 0;
    const progress = () => onProgress?.(++done, articles.length);
    await this.run({
      kind: "analyze",
      dataDir: "",
      maxBytes: 0,
      items: articles,
      take: (i, result, words) => {
        const { extraction, error, terms } = result as AnalyzeResult;
        const article = articles[i] as Article;
        analysis.analyzed[i] = { article, extraction, terms: { ...terms, words } };
        analysis.errors[i] = error;
        analysis.onWorkers++;
        progress();
      },
      refuse: (i, reason) => {
        const article = articles[i] as Article;
        analysis.analyzed[i] = { article, extraction: { attributions: [], entities: [] } };
        analysis.refused[i] = reason;
        progress();
      },
      here: async (i) => {
        const { analyzed, error } = analyzeArticle(articles[i] as Article);
        analysis.analyzed[i] = analyzed;
        analysis.errors[i] = error;
        progress();
      },
    });
    return analysis;
  }

  /** Starts a worker ahead of the first call, so that it answers without waiting for one. */
  warm(): void {
    if (this.workers.length === 0 && !this.cannotStart) this.workerWithRoom();
  }

  /** Ends the workers; a later call starts new ones. */
  async close(): Promise<void> {
    this.stopWatchdog();
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.close()));
  }

  private async run(
    spec: Omit<Job, "itemDone" | "leftHere"> & { here: (index: number) => Promise<unknown> },
  ): Promise<void> {
    const count = spec.items.length;
    if (count === 0) return;
    const size =
      this.options.chunkSize ?? Math.max(1, Math.min(250, Math.ceil(count / (this.threads * 4))));
    let left = count;
    let settle: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const job: Job = {
      ...spec,
      leftHere: [],
      itemDone: () => {
        if (--left === 0) settle();
      },
    };
    for (let from = 0; from < count; from += size) {
      const indexes: number[] = [];
      for (let i = from; i < Math.min(from + size, count); i++) indexes.push(i);
      this.queue.push({ job, indexes });
    }
    this.dispatch();
    await finished;
    // Left to this thread when no worker could start: unguarded, as before the pool.
    for (const i of job.leftHere) await spec.here(i);
  }

  /** Sends queued chunks to workers with room, starting workers as needed. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.workerWithRoom();
      if (!worker) break;
      worker.send(this.queue.shift() as Chunk, this.nextId++);
    }
    if (this.queue.length > 0 && this.workers.length === 0 && this.cannotStart) {
      // No worker can start: the chunks are done on this thread by their callers.
      for (const { job, indexes } of this.queue.splice(0)) {
        job.leftHere.push(...indexes);
        for (const _ of indexes) job.itemDone();
      }
    }
    if (this.workers.some((w) => w.busy)) this.startWatchdog();
    else this.stopWatchdog();
  }

  private workerWithRoom(): PoolWorker | null {
    const idle = this.workers.find((w) => w.inFlight === 0);
    if (idle) return idle;
    if (this.workers.length < this.threads && !this.cannotStart) {
      const worker = PoolWorker.start(this.options.workerUrl ?? WORKER_URL, {
        onReply: () => this.dispatch(),
        onEnd: (w, reason) => this.ended(w, reason),
      });
      if (worker) {
        this.workers.push(worker);
        return worker;
      }
      this.cannotStart = true;
      return null;
    }
    return this.workers.find((w) => w.inFlight < IN_FLIGHT) ?? null;
  }

  /**
   * A worker ended (over budget, or died): the item it was on is refused, what it had not done is
   * queued again, first. A worker that ends again and again before starting any item (a broken
   * worker module) is not started again.
   */
  private ended(worker: PoolWorker, reason: string): void {
    const at = this.workers.indexOf(worker);
    if (at >= 0) this.workers.splice(at, 1);
    const { current, undone } = worker.takeBack();
    if (current) {
      this.failures = 0;
      const { chunk, index } = current;
      const what = chunk.job.kind === "read" ? "reading it" : "analysing it";
      chunk.job.refuse(index, `${reason} while ${what}`);
      chunk.job.itemDone();
    } else if (++this.failures >= MAX_FAILURES) {
      this.cannotStart = true;
    }
    this.queue.unshift(...undone);
    this.dispatch();
  }

  private startWatchdog(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const now = performance.now();
      for (const worker of [...this.workers]) {
        const over = worker.overBudget(now, this.budgetMs);
        if (over) void worker.end(over);
      }
    }, WATCH_EVERY_MS);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }
}

interface WorkerEvents {
  onReply: () => void;
  onEnd: (worker: PoolWorker, reason: string) => void;
}

/** One worker thread and the requests sent to it, answered in order. */
class PoolWorker {
  private readonly sent: { id: number; chunk: Chunk }[] = [];
  private readonly status: Int32Array;
  private dead = false;
  /** The (request, item) the watchdog last saw the worker on, since when, and its CPU then. */
  private seen = { request: 0, item: 0, since: 0, cpuSince: null as number | null };
  /** The worker's vocabulary, as its replies have told it. */
  private readonly words: string[] = [];

  private constructor(
    private readonly worker: Worker,
    status: SharedArrayBuffer,
    private readonly events: WorkerEvents,
  ) {
    this.status = new Int32Array(status);
    worker.unref();
    worker.on("message", (reply: PoolReply) => this.receive(reply));
    worker.on("error", (error) => void this.end(`the worker failed (${error.message})`));
    worker.on("exit", (code) => void this.end(`the worker ended (exit code ${code})`));
  }

  /** A worker on the module, or null when none can start here (tsx is not to be found). */
  static start(url: URL, events: WorkerEvents): PoolWorker | null {
    const status = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    try {
      const data: PoolWorkerData = { status };
      return new PoolWorker(startTsWorker(url, { workerData: data }), status, events);
    } catch {
      return null;
    }
  }

  get inFlight(): number {
    return this.sent.length;
  }

  get busy(): boolean {
    return this.sent.length > 0;
  }

  send(chunk: Chunk, id: number): void {
    const { job, indexes } = chunk;
    const items = indexes.map((i) => job.items[i]);
    const request =
      job.kind === "read"
        ? { id, kind: job.kind, dataDir: job.dataDir, maxBytes: job.maxBytes, items }
        : { id, kind: job.kind, items };
    this.sent.push({ id, chunk });
    // Busy, the worker keeps the process alive until it answers.
    this.worker.ref();
    this.worker.postMessage(request);
  }

  /**
   * Why the worker has been on one item too long, as far as seen, or null: over the budget in
   * its own CPU time, or stalled for many budgets by the wall. Where its CPU time cannot be read,
   * the budget is by the wall.
   */
  overBudget(now: number, budgetMs: number): string | null {
    if (this.dead || this.sent.length === 0) return null;
    const request = Atomics.load(this.status, 0);
    const item = Atomics.load(this.status, 1);
    const cpu = threadCpuMs(Atomics.load(this.status, 2));
    const seen = this.seen;
    if (seen.request !== request || seen.item !== item) {
      this.seen = { request, item, since: now, cpuSince: cpu };
      return null;
    }
    if (item === 0) return null;
    const seconds = (ms: number) => `${ms / 1000} s`;
    if (cpu === null || seen.cpuSince === null) {
      return now - seen.since > budgetMs
        ? `took over ${seconds(budgetMs)} (the time limit per file)`
        : null;
    }
    if (cpu - seen.cpuSince > budgetMs) {
      return `took over ${seconds(budgetMs)} (the time limit per file)`;
    }
    return now - seen.since > budgetMs * STALL_BUDGETS
      ? `was stuck for over ${seconds(budgetMs * STALL_BUDGETS)} (the time limit per file)`
      : null;
  }

  /** What it was given and has not answered: the item it is on, and the rest, as chunks. */
  takeBack(): { current: { chunk: Chunk; index: number } | null; undone: Chunk[] } {
    const sent = this.sent.splice(0);
    const request = Atomics.load(this.status, 0);
    const item = Atomics.load(this.status, 1) - 1;
    const first = sent[0];
    if (!first || first.id !== request || item < 0 || item >= first.chunk.indexes.length) {
      return { current: null, undone: sent.map((s) => s.chunk) };
    }
    const { job, indexes } = first.chunk;
    const index = indexes[item] as number;
    const rest = indexes.slice(item + 1);
    // Those before the item were done, but their answer went with the worker.
    const before = indexes.slice(0, item);
    const undone = [before, rest].filter((l) => l.length > 0).map((l) => ({ job, indexes: l }));
    return {
      current: { chunk: first.chunk, index },
      undone: [...undone, ...sent.slice(1).map((s) => s.chunk)],
    };
  }

  /** Ends the worker, telling the pool why, once. */
  async end(reason: string): Promise<void> {
    if (this.dead) return;
    this.dead = true;
    this.events.onEnd(this, reason);
    await this.close();
  }

  async close(): Promise<void> {
    this.dead = true;
    this.worker.removeAllListeners();
    this.worker.on("error", () => {});
    await this.worker.terminate();
  }

  private receive(reply: PoolReply): void {
    if (this.dead) return;
    const head = this.sent[0];
    // A reply to another request, or a short one, is a failure.
    if (reply?.id !== head?.id || reply.results.length !== head?.chunk.indexes.length) {
      void this.end("the worker answered out of turn");
      return;
    }
    this.sent.shift();
    for (const word of reply.words) this.words.push(word);
    const { job, indexes } = head.chunk;
    for (const [k, result] of reply.results.entries()) {
      job.take(indexes[k] as number, result, this.words);
      job.itemDone();
    }
    if (this.sent.length === 0) this.worker.unref();
    this.events.onReply();
  }
}
