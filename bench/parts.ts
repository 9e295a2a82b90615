/**
 * Our two measured parts of a benchmark run: building our index, and serving from the saved
 * index. Each runs in its own process (see run.ts), so its memory figures are its own; the plain
 * MiniSearch baseline is the third (baseline-part.ts).
 */
import { appendFile, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findSource } from "../commands/find-source.ts";
import { who } from "../commands/who.ts";
import type { Library } from "../src/library/api.ts";
import { type LibraryHandle, type LibraryStats, openLibrary } from "../src/library/open-library.ts";
import { type Latencies, type Runner, timeQueries } from "./measure.ts";
import type { BenchQuery } from "./queries.ts";
import {
  collectGarbage,
  type Memory,
  MemorySampler,
  median,
  memoryNow,
  peakRssSoFar,
} from "./stats.ts";

export interface BuildResult {
  /** Wall time of the first open with no saved index: read, analyse, index, save. */
  ms: number;
  stats: LibraryStats;
  skipped: number;
  indexBytes: number;
  peakRss: number;
}

export interface ServeResult {
  /** Wall time of opening from the saved index. */
  loadMs: number;
  /** Load plus the first /search answer: what a user waits for after a restart. */
  firstAnswerMs: number;
  stats: LibraryStats;
  afterLoad: Memory;
  /** Highest RSS while loading and answering every query. */
  peakRss: number;
  /** Highest heap in use seen between queries. */
  peakHeapUsed: number;
  latencies: Latencies;
  /** One article edited on disk, as the watcher reports it: until searchable, and until saved. */
  edit: { searchableMs: number; savedMs: number } | null;
}

export interface PartPaths {
  dataDir: string;
  indexDir: string;
}

const SEARCH_LIMIT = 50;
/** As /quote lists them (commands/quote.ts). */
const QUOTES_LIMIT = 50;
/** Discord shows at most 25 autocomplete choices. */
const AUTOCOMPLETE_LIMIT = 25;

export async function buildPart(paths: PartPaths): Promise<BuildResult> {
  await rm(paths.indexDir, { recursive: true, force: true });
  const log = new ShortLog();
  const started = performance.now();
  const handle = await openLibrary({ ...paths, rebuild: true, log: log.line });
  const ms = performance.now() - started;
  await handle.close();
  log.end();
  return {
    ms,
    stats: handle.stats,
    skipped: handle.skipped.length,
    indexBytes: await folderBytes(paths.indexDir),
    peakRss: peakRssSoFar(),
  };
}

export async function servePart(
  paths: PartPaths,
  queries: readonly BenchQuery[],
  budgetMs: number,
): Promise<ServeResult> {
  const sampler = new MemorySampler().start();
  const started = performance.now();
  const log = new ShortLog();
  const handle = await openLibrary({ ...paths, log: log.line });
  const loadMs = performance.now() - started;
  const first = queries.find((q) => q.command === "search");
  if (first) handle.library.searchPassages(first.text, { limit: SEARCH_LIMIT });
  const firstAnswerMs = performance.now() - started;
  collectGarbage();
  const afterLoad = memoryNow();
  const latencies = await timeQueries(queries, ourRunner(handle.library), {
    budgetMs,
    memory: sampler,
  });
  const edit = await timeEdits(handle, paths.dataDir);
  await handle.close();
  log.end();
  const peak = sampler.stop();
  return {
    loadMs,
    firstAnswerMs,
    stats: handle.stats,
    afterLoad,
    peakRss: peakRssSoFar(),
    peakHeapUsed: peak.heapUsed,
    latencies,
    edit,
  };
}

const EDITS = 5;

/**
 * Edits a few articles one at a time (a paragraph appended), refreshes as the watcher would,
 * and checks the new words are found; puts each file back afterwards. Medians of the edits.
 */
async function timeEdits(handle: LibraryHandle, dataDir: string): Promise<ServeResult["edit"]> {
  const articles = handle.library.articles();
  const searchable: number[] = [];
  const saved: number[] = [];
  for (let i = 0; i < EDITS && articles.length > 0; i++) {
    const { file } = articles[Math.floor((i * articles.length) / EDITS)] as { file: string };
    const path = join(dataDir, file);
    const before = await readFile(path);
    const word = `zqxedit${i}`;
    await appendFile(path, `\n\nThe council said the ${word} plan was approved on Tuesday.\n`);
    const started = performance.now();
    const summary = await handle.refresh(new Set([file]));
    saved.push(performance.now() - started);
    searchable.push(summary.ms);
    const found = handle.library.searchPassages(word).length > 0;
    await writeFile(path, before);
    await handle.refresh(new Set([file]));
    if (!found) throw new Error(`an edit of ${file} was not found after the refresh`);
  }
  if (searchable.length === 0) return null;
  return { searchableMs: median(searchable), savedMs: median(saved) };
}

/** Each query as its command asks the engine, with the limits the commands use. */
export function ourRunner(library: Library): Runner {
  return (q) => {
    switch (q.command) {
      case "search":
        return library.searchPassages(q.text, { limit: SEARCH_LIMIT });
      case "find-source":
        return findSource.run({ text: q.text }, { library });
      case "quote": {
        const speaker = library.findSpeakers(q.text, 5)[0];
        return speaker ? library.quotesBy(speaker.id, { limit: QUOTES_LIMIT }) : [];
      }
      case "autocomplete":
        return library.findSpeakers(q.text, AUTOCOMPLETE_LIMIT);
      case "who":
        // The whole command: the claim check and the denial links cost more than the search.
        return who.run({ claim: q.text }, { library });
    }
  };
}

/** The engine's log on stderr, cut short: a broken corpus must not bury the figures. */
class ShortLog {
  private count = 0;

  readonly line = (text: string): void => {
    if (++this.count <= 5) process.stderr.write(`  ${text}\n`);
  };

  end(): void {
    if (this.count > 5) process.stderr.write(`  ... and ${this.count - 5} more lines\n`);
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
  }
  return total;
}
