/**
 * The plain MiniSearch baseline: one instance with default options over the same passages as
 * ours, timed on the same queries with default search options and with fuzzy 0.2 + prefix, then
 * saved and loaded as a plain MiniSearch app would. The figures are kept, and a later run with
 * the same key reuses them (baseline-cache.ts).
 */
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { readArticle, scanArticleFiles } from "../src/corpus/load-corpus.ts";
import {
  type BaselineKey,
  digestFiles,
  digestJson,
  digestPassages,
  minisearchVersion,
  readKept,
  writeKept,
} from "./baseline-cache.ts";
import { thisMachine } from "./machine.ts";
import { type Latencies, timeQueries } from "./measure.ts";
import type { BenchQuery } from "./queries.ts";
import { collectGarbage, type Memory, memoryNow, peakRssSoFar } from "./stats.ts";

export interface BaselineResult {
  minisearch: string;
  /** When these figures were measured (ISO date). */
  measuredAt: string;
  /** Reused from an earlier run rather than measured in this one. */
  cached: boolean;
  passages: number;
  buildMs: number;
  afterBuild: Memory;
  /** Highest RSS up to the end of the build. */
  peakRss: number;
  /** Highest RSS up to the end of the queries. */
  peakRssServing: number;
  /** `JSON.stringify` of the index, as a plain MiniSearch app would save it; null when it fails. */
  savedBytes: number | null;
  saveMs: number | null;
  loadMs: number | null;
  saveError: string | null;
  latencies: { plain: Latencies; fuzzy: Latencies };
}

export interface BaselineOptions {
  /** Time per query kind and search mode, after which the rest of the kind is skipped... */
  budgetMs: number;
  /** ...once at least this many of the kind have run. */
  minPerKind: number;
  /** Where the figures are kept between runs. */
  keptFile: string;
  /** Measure even when figures with the same key are kept. */
  fresh: boolean;
}

const FUZZY = { fuzzy: 0.2, prefix: true } as const;
/** A warm-up query this slow is timed as it runs: the JIT's few ms are lost in its time. */
const SLOW_MS = 250;
/** The code whose change changes what the baseline measures. */
const METHOD_FILES = ["./baseline-part.ts", "./measure.ts", "./stats.ts"].map((f) =>
  fileURLToPath(new URL(f, import.meta.url)),
);

interface PlainPassage {
  id: string;
  text: string;
}

export async function baselinePart(
  dataDir: string,
  queries: readonly BenchQuery[],
  options: BaselineOptions,
): Promise<BaselineResult> {
  let passages: PlainPassage[] | null = await loadPassages(dataDir);
  const key: BaselineKey = {
    minisearch: await minisearchVersion(),
    machine: thisMachine(),
    passages: digestPassages(passages),
    queries: digestJson(queries),
    method: await digestFiles(METHOD_FILES),
    budgetMs: options.budgetMs,
    minPerKind: options.minPerKind,
  };
  const kept = options.fresh ? null : await readKept<BaselineResult>(options.keptFile, key);
  if (kept) {
    note(`reusing the figures measured on ${kept.measuredAt} (same passages, queries and machine)`);
    return { ...kept, cached: true };
  }
  note(
    options.fresh
      ? "measuring again, as asked"
      : "no figures kept for these passages, queries and machine: measuring (later runs reuse them)",
  );

  const measuredAt = new Date().toISOString();
  const count = passages.length;
  collectGarbage();
  const started = performance.now();
  let index = new MiniSearch<PlainPassage>({ fields: ["text"] });
  index.addAll(passages);
  const buildMs = performance.now() - started;
  const peakRss = peakRssSoFar();
  passages = null;
  collectGarbage();
  const afterBuild = memoryNow();
  const built = index;
  const timing = { budgetMs: options.budgetMs, minPerKind: options.minPerKind, slowMs: SLOW_MS };
  const plain = await timeQueries(queries, (q) => built.search(plainText(q)), timing);
  const fuzzy = await timeQueries(queries, (q) => built.search(plainText(q), FUZZY), timing);
  const peakRssServing = peakRssSoFar();

  let savedBytes: number | null = null;
  let saveMs: number | null = null;
  let loadMs: number | null = null;
  let saveError: string | null = null;
  try {
    const saveStarted = performance.now();
    const json = JSON.stringify(index);
    saveMs = performance.now() - saveStarted;
    savedBytes = Buffer.byteLength(json);
    const loadStarted = performance.now();
    index = MiniSearch.loadJSON(json, { fields: ["text"] });
    loadMs = performance.now() - loadStarted;
  } catch (error) {
    saveError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  const result: BaselineResult = {
    minisearch: key.minisearch,
    measuredAt,
    cached: false,
    passages: count,
    buildMs,
    afterBuild,
    peakRss,
    peakRssServing,
    savedBytes,
    saveMs,
    loadMs,
    saveError,
    latencies: { plain, fuzzy },
  };
  await writeKept(options.keptFile, key, result);
  return result;
}

/** The same passages our engine indexes: the body paragraphs as the corpus loader parses them. */
async function loadPassages(dataDir: string): Promise<PlainPassage[]> {
  const passages: PlainPassage[] = [];
  for (const file of (await scanArticleFiles(dataDir)).files) {
    const outcome = await readArticle(dataDir, file);
    if (!outcome.ok) continue;
    for (const a of outcome.articles) {
      for (const p of a.paragraphs) passages.push({ id: `${a.id}#${p.n}`, text: p.text });
    }
  }
  return passages;
}

/** A plain passage index has no question parser: the claim of a `/who` is searched as is. */
function plainText(q: BenchQuery): string {
  return q.command === "who" ? q.text.replace(/^who said\s+/i, "") : q.text;
}

function note(line: string): void {
  process.stderr.write(`  ${line}\n`);
}
