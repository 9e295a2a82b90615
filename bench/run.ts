/**
 * The scale benchmark (issue 5): `npm run bench` (10,000 articles, about a minute) or
 * `npm run bench -- --articles 100000` (the full one). Options:
 *   --articles N, --seed N, --queries N (1,400 by default; every one runs on our engine)
 *   --fresh            regenerate the cached corpus
 *   --fallback         templated text even when PolNeAR is there
 *   --no-baseline      skip plain MiniSearch
 *   --no-user          skip starting whosaid as a user does (npm start, npx whosaid ask)
 *   --fresh-baseline   measure plain MiniSearch again even when an identical run's figures are kept
 *   --budget-ms N      plain MiniSearch: time spent on one query kind, per search mode, after
 *                      which the rest of the kind is skipped (1,000)...
 *   --min-per-kind N   ...once at least N of the kind have run (1)
 *   --our-budget-ms N  the same budget for ours, at least 5 run (20,000; not reached at 10k)
 *
 * Generates the corpus once per size and seed under the system temp folder, then runs three
 * parts, each in its own process so each has its own memory figures: our first build, our
 * start from the saved index with every query and five edits, and plain MiniSearch over the
 * same passages. Plain MiniSearch's figures do not change with our engine, so they are kept
 * beside the corpus and reused while the passages, queries, MiniSearch, Node, machine and the
 * bench code that measures them stay the same (baseline-cache.ts); the report says when they
 * were measured. Measuring them adds about 80 s at 10k, as one plain search over a pasted quote
 * takes seconds (up to 25 s with fuzzy and prefix): hence the small budget per query kind.
 */
import { fork } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BaselineOptions, baselinePart } from "./baseline-part.ts";
import { type CorpusGenerator, GENERATOR_VERSION, type GeneratedArticle } from "./corpus.ts";
import {
  clearCorpus,
  openGenerator,
  shapeTable,
  type WriteSummary,
  writeCorpus,
} from "./generate-corpus.ts";
import { thisMachine } from "./machine.ts";
import { buildPart, type PartPaths, servePart } from "./parts.ts";
import { type BenchQuery, makeQueries, type QueryKind } from "./queries.ts";
import { mixSeed, Rng } from "./random.ts";
import {
  type BenchResult,
  baselineSource,
  budgetNote,
  commandTable,
  type Failed,
  failed,
  latencyTable,
  overviewTable,
  toJson,
  userTable,
} from "./report.ts";
import { type BenchArgs, formatBytes, parseBenchArgs } from "./stats.ts";
import { userStartPart } from "./user-start.ts";

const PART_ENV = "WHOSAID_BENCH_PART";
const WORK_DIR = join(tmpdir(), "whosaid-bench");
const OUT_DIR = fileURLToPath(new URL("./out/", import.meta.url));
/** Articles the queries are drawn from. */
const QUERY_ARTICLES = 400;

type PartName = "build" | "serve" | "baseline";

interface PartTask {
  part: PartName;
  paths: PartPaths;
  queriesFile: string;
  /** Our budget per query kind. */
  ourBudgetMs: number;
  baseline: BaselineOptions;
}

type PartMessage = { ok: true; result: unknown } | { ok: false; error: string };

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const { generator, polnearShape } = await openGenerator({
    seed: args.seed,
    fallback: args.fallback,
  });
  const name = `${generator.source.kind}-${args.articles}-s${args.seed}-v${GENERATOR_VERSION}`;
  const dataDir = join(WORK_DIR, `corpus-${name}`);
  const indexDir = join(WORK_DIR, `index-${name}`);

  const corpus = await ensureCorpus(generator, dataDir, args);
  if (corpus.generatedMs !== null) {
    const seconds = corpus.generatedMs / 1000;
    note(
      `generated ${args.articles} articles (${formatBytes(corpus.summary.bytes)}) in ${seconds.toFixed(1)} s, ` +
        `${Math.round(args.articles / seconds)} articles/s`,
    );
    note(shapeTable(corpus.summary.shape, polnearShape));
  } else note(`using the corpus generated earlier in ${dataDir}`);

  const queries = makeQueries(sampleArticles(generator, args), {
    seed: args.seed,
    count: args.queries,
  });
  const queriesFile = join(WORK_DIR, `queries-${name}-q${args.queries}.json`);
  await writeFile(queriesFile, JSON.stringify(queries));
  const task = (part: PartName): PartTask => ({
    part,
    paths: { dataDir, indexDir },
    queriesFile,
    ourBudgetMs: args.ourBudgetMs,
    baseline: {
      budgetMs: args.budgetMs,
      minPerKind: args.minPerKind,
      keptFile: join(WORK_DIR, `baseline-${name}-q${args.queries}.json`),
      fresh: args.freshBaseline,
    },
  });

  note("building our index from scratch...");
  const build = await runPart<BenchResult["build"]>(task("build"));
  note("opening it from the saved index and running the queries...");
  let serve: BenchResult["serve"] = { error: "not run: the build failed" };
  if (!failed(build)) serve = await runPart<BenchResult["serve"]>(task("serve"));
  if (!failed(serve) && !serve.stats.loadedFromSaved) {
    // The engine's source changed since the build (someone is editing it), so that open rebuilt
    // and saved again: open once more to measure a load.
    note("that open rebuilt the index instead of loading it; opening again...");
    serve = await runPart<BenchResult["serve"]>(task("serve"));
  }
  let user: BenchResult["user"] = null;
  if (args.user && !failed(serve)) {
    note("starting whosaid as a user does (npm start, npx whosaid ask)...");
    const started = performance.now();
    user = await userStartPart({ dataDir, indexDir }, queries).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
    note(`  user: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  let baseline: BenchResult["baseline"] = null;
  if (args.baseline) {
    note("plain MiniSearch over the same passages...");
    baseline = await runPart<BaselineResultOrFailed>(task("baseline"));
  }

  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: thisMachine(),
    args,
    corpus: {
      dir: dataDir,
      source: generator.source.kind,
      articles: args.articles,
      bytes: corpus.summary.bytes,
      shape: corpus.summary.shape,
      generatedMs: corpus.generatedMs,
    },
    queries: countKinds(queries),
    build,
    serve,
    baseline,
    user,
  };
  print(result);
  await mkdir(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `bench-${args.articles}-${result.date.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, toJson(result));
  console.log(`\nresults: ${file}`);
}

type BaselineResultOrFailed = Exclude<BenchResult["baseline"], null>;

/** The corpus for this size and seed: generated now, or reused when an earlier run finished it. */
async function ensureCorpus(
  generator: CorpusGenerator,
  dataDir: string,
  args: BenchArgs,
): Promise<{ summary: WriteSummary; generatedMs: number | null }> {
  // The summary sits beside the corpus, not in it: it is written last, so it marks a whole corpus.
  const marker = `${dataDir}.json`;
  if (!args.fresh) {
    const cached = await readFile(marker, "utf8").catch(() => null);
    if (cached) return { summary: JSON.parse(cached) as WriteSummary, generatedMs: null };
  }
  await clearCorpus(dataDir);
  note(
    `generating ${args.articles} articles (${generator.source.kind}, seed ${args.seed}) into ${dataDir}...`,
  );
  const summary = await writeCorpus(generator, {
    out: dataDir,
    articles: args.articles,
    onProgress: (n) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  ${n}/${args.articles}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  await writeFile(marker, JSON.stringify(summary));
  return { summary, generatedMs: summary.ms };
}

/** Articles drawn again from the generator: the same text as the files, without reading them. */
function sampleArticles(generator: CorpusGenerator, args: BenchArgs): GeneratedArticle[] {
  const rng = new Rng(mixSeed(args.seed, 0x51ce));
  const picked = new Set<number>();
  while (picked.size < Math.min(QUERY_ARTICLES, args.articles)) picked.add(rng.int(args.articles));
  return [...picked].map((i) => generator.article(i));
}

function countKinds(queries: readonly BenchQuery[]): Partial<Record<QueryKind, number>> {
  const counts: Partial<Record<QueryKind, number>> = {};
  for (const q of queries) counts[q.kind] = (counts[q.kind] ?? 0) + 1;
  return counts;
}

function print(r: BenchResult): void {
  const m = r.machine;
  console.log(
    `\nwhosaid bench: ${r.corpus.articles} articles (${r.corpus.source}, seed ${r.args.seed}), ` +
      `${m.cores} cores ${m.cpu}, ${formatBytes(m.memoryBytes)}, Node ${m.node}\n`,
  );
  for (const [label, part] of [
    ["build", r.build],
    ["serve", r.serve],
    ["baseline", r.baseline],
    ["user", r.user],
  ] as const) {
    if (part !== null && failed(part)) console.log(`${label} failed: ${part.error}`);
  }
  if (!failed(r.serve) && !r.serve.stats.loadedFromSaved) {
    console.log(
      "warning: the saved index was rebuilt instead of loaded, twice (the engine's source keeps " +
        "changing, or the saved index is unusable): the load time is a build time\n",
    );
  }
  const source = baselineSource(r);
  if (source) console.log(`${source}\n`);
  console.log(overviewTable(r));
  console.log(
    "\nLatency in ms by query kind (÷: ours as a ratio of plain MiniSearch, default / fuzzy 0.2 + prefix)\n",
  );
  console.log(`${budgetNote(r)}\n`);
  console.log(latencyTable(r));
  if (r.user !== null) {
    console.log("\nWhat the user waits for: whosaid started as a user starts it\n");
    console.log(userTable(r));
  }
  if (!failed(r.serve)) {
    console.log("\nOur latency in ms by command\n");
    console.log(commandTable(r.serve.latencies));
  }
}

function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs one part in a child process of its own and returns what it reports, noting its time. */
async function runPart<T>(task: PartTask): Promise<T | Failed> {
  const started = performance.now();
  const result = await forkPart<T>(task);
  note(`  ${task.part}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function forkPart<T>(task: PartTask): Promise<T | Failed> {
  // The plain baseline at 100k articles needs more heap than Node's default allows.
  const heap =
    task.part === "baseline"
      ? [`--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`]
      : [];
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, [PART_ENV]: JSON.stringify(task) },
      execArgv: [...process.execArgv, ...heap],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let message: PartMessage | null = null;
    child.on("message", (m) => {
      message = m as PartMessage;
    });
    child.on("exit", (code, signal) => {
      const m = message as PartMessage | null;
      if (m?.ok) resolve(m.result as T);
      else
        resolve({
          error: m ? m.error : `the ${task.part} process exited (${signal ?? `code ${code}`})`,
        });
    });
  });
}

async function childMain(task: PartTask): Promise<void> {
  const queries = JSON.parse(await readFile(task.queriesFile, "utf8")) as BenchQuery[];
  let message: PartMessage;
  try {
    const result =
      task.part === "build"
        ? await buildPart(task.paths)
        : task.part === "serve"
          ? await servePart(task.paths, queries, task.ourBudgetMs)
          : await baselinePart(task.paths.dataDir, queries, task.baseline);
    message = { ok: true, result };
  } catch (error) {
    message = {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  // Exit once sent: a watcher or timer left behind must not keep the part alive.
  process.send?.(message, () => process.exit(0));
}

const partTask = process.env[PART_ENV];
(partTask ? childMain(JSON.parse(partTask) as PartTask) : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
