import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/library/analyze.ts";
import { AnalysisPool, type PoolOptions } from "../../src/library/analyze-pool.ts";
import type { AnalyzedArticle } from "../../src/library/analyzed.ts";
import type { Progress } from "../../src/library/progress.ts";
import type { Article } from "../../src/types.ts";
import { makeArticle } from "./fixtures.ts";

const HANG_WORKER = new URL("./hang-worker.ts", import.meta.url);

const articles = Array.from({ length: 40 }, (_, i) =>
  makeArticle(`a${i}`, `Talks day ${i}`, [
    `"We cannot take any of these unfounded allegations into account," Kremlin spokesman Dmitry Peskov told reporters on day ${i}.`,
    `Foreign Minister Sergei Lavrov said the talks would go on. "There is no deadline," he said.`,
  ]),
);
const expected = articles.map((a) => analyzeArticle(a).analyzed);
const pool = { workers: 2, chunkSize: 8 };

/** The analyses without the index terms a worker adds. */
const plain = (analyzed: AnalyzedArticle[]) =>
  analyzed.map(({ article, extraction }) => ({ article, extraction }));

/** The articles analysed by a pool of their own, closed when done, as the library runs one. */
async function analyzeArticles(
  given: readonly Article[],
  onProgress?: Progress,
  options: PoolOptions = {},
) {
  const pool = new AnalysisPool(options);
  try {
    return await pool.analyze(given, onProgress);
  } finally {
    await pool.close();
  }
}

/** A worker module that fails as told, as a data: URL. */
function brokenWorker(body: string): URL {
  const code = `import { parentPort } from "node:worker_threads";\n${body}`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

describe("analyzeArticles", () => {
  it("analyses on worker threads exactly as on the main thread, in order", async () => {
    const seen: number[] = [];
    const { analyzed, errors, onWorkers } = await analyzeArticles(
      articles,
      (done) => seen.push(done),
      pool,
    );
    expect(onWorkers).toBe(articles.length);
    expect(plain(analyzed)).toEqual(expected);
    // Each comes with its index terms, numbered in its worker's vocabulary.
    for (const a of analyzed) {
      const numbers = [...(a.terms?.passages ?? []), ...(a.terms?.attributions ?? [])];
      expect(numbers.length).toBeGreaterThan(0);
      expect(Math.max(...numbers)).toBeLessThan(a.terms?.words.length ?? 0);
    }
    expect(analyzed[3]?.article).toBe(articles[3]);
    expect(analyzed.some((a) => a.extraction.attributions.length > 0)).toBe(true);
    expect(errors).toEqual(articles.map(() => null));
    expect(seen.at(-1)).toBe(articles.length);
  });

  it("analyses call after call with one pool, and closes it", async () => {
    const workers = new AnalysisPool(pool);
    try {
      const parts: [number, number][] = [
        [0, 20],
        [20, 40],
      ];
      for (const [from, to] of parts) {
        const { analyzed, onWorkers } = await workers.analyze(articles.slice(from, to));
        expect(onWorkers).toBe(to - from);
        expect(plain(analyzed)).toEqual(expected.slice(from, to));
      }
    } finally {
      await workers.close();
    }
  });

  it("analyses even a few articles on a worker, off the thread that answers", async () => {
    const { analyzed, onWorkers } = await analyzeArticles(articles.slice(0, 3));
    expect(onWorkers).toBe(3);
    expect(plain(analyzed)).toEqual(expected.slice(0, 3));
  });

  it("refuses an article over the time budget, replaces its worker and does the rest", async () => {
    const hang = { ...(articles[5] as Article), id: "hang" };
    const given = [...articles.slice(0, 5), hang, ...articles.slice(6, 12)];
    const started = performance.now();
    const { analyzed, refused, onWorkers } = await analyzeArticles(given, undefined, {
      workers: 1,
      chunkSize: 4,
      budgetMs: 300,
      workerUrl: HANG_WORKER,
    });
    // The hang never ends, so any bound shows it was cut; this one leaves room for a busy machine
    // starting two workers.
    expect(performance.now() - started).toBeLessThan(25_000);
    expect(refused[5]).toBe("took over 0.3 s (the time limit per file) while analysing it");
    expect(refused.filter((r) => r !== null)).toHaveLength(1);
    expect(onWorkers).toBe(11);
    const others = [...plain(analyzed).slice(0, 5), ...plain(analyzed).slice(6)];
    expect(others).toEqual([...expected.slice(0, 5), ...expected.slice(6, 12)]);
    expect(analyzed[5]?.extraction.attributions).toEqual([]);
  }, 40_000);

  it("times an article by its worker's CPU, so a worker kept waiting by a busy machine skips nothing", async () => {
    // 1.5 s on the wall, none of it CPU: five times the budget, yet under it.
    const idle = { ...(articles[2] as Article), id: "idle" };
    const given = [...articles.slice(0, 2), idle, ...articles.slice(3, 6)];
    const { analyzed, refused } = await analyzeArticles(given, undefined, {
      workers: 1,
      chunkSize: 3,
      budgetMs: 300,
      workerUrl: HANG_WORKER,
    });
    expect(refused).toEqual(given.map(() => null));
    expect(plain(analyzed)).toEqual(given.map((a) => analyzeArticle(a).analyzed));
    expect(analyzed[2]?.extraction.attributions.length).toBeGreaterThan(0);
  }, 40_000);

  it("still ends a worker stuck without using the CPU, after ten budgets", async () => {
    const stall = { ...(articles[1] as Article), id: "stall" };
    const given = [articles[0] as Article, stall, articles[2] as Article];
    const { refused, analyzed } = await analyzeArticles(given, undefined, {
      workers: 1,
      chunkSize: 3,
      budgetMs: 300,
      workerUrl: HANG_WORKER,
    });
    expect(refused).toEqual([
      null,
      "was stuck for over 3 s (the time limit per file) while analysing it",
      null,
    ]);
    expect(plain(analyzed)[2]?.extraction).toEqual(expected[2]?.extraction);
  }, 40_000);

  it("reads files on workers, and rejects one over the time budget with the reason", async () => {
    const dir = await mkdtemp(join(tmpdir(), "whosaid-pool-"));
    const names = ["a.txt", "hang.txt", "b.txt"];
    for (const name of names)
      await writeFile(
        join(dir, name),
        `Title\n\n"It is fine," Anna Berg said of ${name} on Monday.\n`,
      );
    const workers = new AnalysisPool({ workers: 1, budgetMs: 300, workerUrl: HANG_WORKER });
    try {
      const files = names.map((file) => ({ file, id: file, size: 1, mtimeMs: 1 }));
      const outcomes = await workers.read(dir, files);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      expect(outcomes[1]).toMatchObject({
        reason: "took over 0.3 s (the time limit per file) while reading it",
      });
      // The replaced worker reads on.
      const again = await workers.read(dir, [files[0] as (typeof files)[0]]);
      expect(again[0]?.ok).toBe(true);
    } finally {
      await workers.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("loses nothing when workers cannot start", async () => {
    const { analyzed, onWorkers } = await analyzeArticles(articles, undefined, {
      ...pool,
      workerUrl: brokenWorker("throw new Error('cannot start');"),
    });
    expect(onWorkers).toBe(0);
    expect(analyzed).toEqual(expected);
  });

  it("loses nothing when a worker dies in the middle of the work", async () => {
    // Answers its first chunk with nothing, then dies on the next.
    const body =
      "let n = 0;\n" +
      "parentPort.on('message', ({ chunk }) => {\n" +
      "  if (n++ > 0) process.exit(3);\n" +
      "  parentPort.postMessage({ chunk, results: [] });\n" +
      "});";
    const { analyzed } = await analyzeArticles(articles, undefined, {
      ...pool,
      workerUrl: brokenWorker(body),
    });
    expect(analyzed).toEqual(expected);
  });
});
