import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { Article, Extraction } from "../types.ts";
import { analyzeArticle } from "./analyze.ts";
import type { ArticleTerms } from "./article-terms.ts";
import type { AnalyzedArticle } from "./engine.ts";
import type { Progress } from "./progress.ts";
import { startTsWorker } from "./ts-worker.ts";

export interface Analysis {
  /** The articles with their extractions, in the order given. */
  analyzed: AnalyzedArticle[];
  /** Per article, why the attribution engine failed on it, or null (see analyzeArticle). */
  errors: (string | null)[];
  /** How many of the articles were analysed on worker threads, the rest on the calling one. */
  onWorkers: number;
}

export interface PoolOptions {
  /** Worker threads to analyse on; defaults to one a core, none on a single core. */
  workers?: number;
  /** Fewer articles than this are analysed on the calling thread: a worker takes ~1 s to start. */
  minArticles?: number;
  /** Articles a worker is sent at once. */
  chunkSize?: number;
  /** The worker module; a test may give one that fails. */
  workerUrl?: URL;
}

/** Below this many articles, starting workers costs more than it saves. */
export const MIN_POOL_ARTICLES = 200;
const CHUNK_SIZE = 32;
/** Workers that fail this many times in a pool's life are not started again. */
const MAX_FAILURES = 3;
const WORKER_URL = new URL("./analyze-worker.ts", import.meta.url);

export interface AnalyzeRequest {
  chunk: number;
  articles: Article[];
}

export interface AnalyzeReply {
  chunk: number;
  /** Words the worker's vocabulary met since its last reply, numbered on from those. */
  words: string[];
  results: {
    extraction: Extraction;
    error: string | null;
    terms: Omit<ArticleTerms, "words">;
  }[];
}

/**
 * Runs the attribution engine on many articles on worker threads, one a core, started on the
 * first large call and kept for the next ones (a large build analyses batch after batch); few
 * articles, or a machine with one core, are analysed on the calling thread. A worker that fails
 * to start or dies loses nothing: what it was given is analysed on the calling thread. Idle
 * workers do not keep the process alive; `close` ends them.
 */
export class AnalysisPool {
  private readonly workers: PoolWorker[] = [];
  private failures = 0;
  private readonly threads: number;
  private readonly chunkSize: number;

  constructor(private readonly options: PoolOptions = {}) {
    const cores = availableParallelism();
    // On one core a worker only adds its start-up to the same work.
    this.threads = options.workers ?? (cores > 1 ? cores : 0);
    this.chunkSize = options.chunkSize ?? CHUNK_SIZE;
  }

  async analyze(articles: readonly Article[], onProgress?: Progress): Promise<Analysis> {
    const analysis: Analysis = {
      analyzed: new Array(articles.length),
      errors: new Array(articles.length).fill(null),
      onWorkers: 0,
    };
    const chunks = Math.ceil(articles.length / this.chunkSize);
    const few = articles.length < (this.options.minArticles ?? MIN_POOL_ARTICLES);
    const workers = few ? [] : this.start(Math.min(this.threads, chunks));
    let next = 0;
    let done = 0;
    const range = (chunk: number) => {
      const start = chunk * this.chunkSize;
      return { start, end: Math.min(start + this.chunkSize, articles.length) };
    };
    const record = (i: number, analyzed: AnalyzedArticle, error: string | null) => {
      analysis.analyzed[i] = analyzed;
      analysis.errors[i] = error;
      onProgress?.(++done, articles.length);
    };
    const onThisThread = (chunk: number) => {
      const { start, end } = range(chunk);
      for (let i = start; i < end; i++) {
        const { analyzed, error } = analyzeArticle(articles[i] as Article);
        record(i, analyzed, error);
      }
    };
    const failed: number[] = [];
    await Promise.all(
      workers.map(async (worker) => {
        while (next < chunks) {
          const chunk = next++;
          const { start, end } = range(chunk);
          const reply = await worker.run({ chunk, articles: articles.slice(start, end) });
          if (!reply) {
            failed.push(chunk);
            this.failures++;
            const at = this.workers.indexOf(worker);
            if (at >= 0) this.workers.splice(at, 1);
            return;
          }
          reply.results.forEach(({ extraction, error, terms }, k) => {
            const article = articles[start + k] as Article;
            record(
              start + k,
              { article, extraction, terms: { ...terms, words: worker.words } },
              error,
            );
          });
          analysis.onWorkers += reply.results.length;
        }
      }),
    );
    // What failed workers held, and all that is left if none could work, is done here.
    for (const chunk of failed) onThisThread(chunk);
    while (next < chunks) onThisThread(next++);
    return analysis;
  }

  /** Ends the workers; a later `analyze` starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.close()));
  }

  /** Up to `count` workers, started as needed, unless workers keep failing here. */
  private start(count: number): PoolWorker[] {
    while (this.workers.length < count && this.failures < MAX_FAILURES) {
      const worker = PoolWorker.start(this.options.workerUrl ?? WORKER_URL);
      if (!worker) {
        this.failures = MAX_FAILURES;
        break;
      }
      this.workers.push(worker);
    }
    return this.workers.slice(0, count);
  }
}

/** Analyses the articles with a pool of its own, ended when done. */
export async function analyzeArticles(
  articles: readonly Article[],
  onProgress?: Progress,
  options: PoolOptions = {},
): Promise<Analysis> {
  const pool = new AnalysisPool(options);
  try {
    return await pool.analyze(articles, onProgress);
  } finally {
    await pool.close();
  }
}

/** One worker thread, one request at a time; a failed one answers null from then on. */
class PoolWorker {
  private pending: ((reply: AnalyzeReply | null) => void) | null = null;
  private dead = false;
  /** The worker's vocabulary, as its replies have told it. */
  readonly words: string[] = [];

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on("message", (reply: AnalyzeReply) => this.settle(reply));
    worker.on("error", () => this.fail());
    worker.on("exit", () => this.fail());
  }

  /** A worker on the module, or null when none can start here (tsx is not to be found). */
  static start(url: URL): PoolWorker | null {
    try {
      return new PoolWorker(startTsWorker(url));
    } catch {
      return null;
    }
  }

  run(request: AnalyzeRequest): Promise<AnalyzeReply | null> {
    if (this.dead) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.pending = (reply) => {
        // A reply to another request, or a short one, is a failure too.
        const whole =
          reply?.chunk === request.chunk && reply.results.length === request.articles.length;
        if (!whole && reply) this.fail();
        if (whole) for (const word of reply.words) this.words.push(word);
        resolve(whole ? reply : null);
      };
      // Busy, the worker keeps the process alive until it answers.
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    this.worker.removeAllListeners();
    this.worker.on("error", () => {});
    await this.worker.terminate();
  }

  private settle(reply: AnalyzeReply | null): void {
    const pending = this.pending;
    this.pending = null;
    if (!this.dead) this.worker.unref();
    pending?.(reply);
  }

  private fail(): void {
    if (this.dead) return;
    this.dead = true;
    this.settle(null);
    void this.close();
  }
}
