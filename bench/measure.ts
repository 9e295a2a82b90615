/** Times each query of a set, kind by kind, within a time budget per kind. */
import type { BenchQuery, QueryKind } from "./queries.ts";
import { type MemorySampler, type Summary, summarize } from "./stats.ts";

export interface KindLatency extends Summary {
  /** Queries of this kind not run because the kind's budget was spent. */
  skipped: number;
  /** Every time measured, in ms, in query order. */
  samples: number[];
}

export type Latencies = Partial<Record<QueryKind, KindLatency>>;

export interface TimingOptions {
  /** Once a kind has taken this long in total, its remaining queries are skipped... */
  budgetMs: number;
  /** ...but not before this many have run (a slow kind gets a rough median, not a p99). */
  minPerKind?: number;
  /** Queries of each kind run first and not counted, so the JIT and caches are warm. */
  warmupPerKind?: number;
  /**
   * A warm-up query at least this slow counts as that query's sample and ends its kind's warm-up,
   * rather than running twice (plain MiniSearch takes seconds over a pasted quote). Only for an
   * index that is all in memory and just built, where nothing is cold but the JIT, whose few ms
   * are lost in such a time; off by default, as our engine's first query of a kind may be slow
   * for a reason that is its own (something built or read on first use).
   */
  slowMs?: number;
  /** Sampled between queries (a timer cannot fire in a synchronous loop). */
  memory?: MemorySampler;
}

export type Runner = (query: BenchQuery) => unknown;

export const DEFAULT_MIN_PER_KIND = 5;

export async function timeQueries(
  queries: readonly BenchQuery[],
  run: Runner,
  options: TimingOptions,
): Promise<Latencies> {
  const minPerKind = options.minPerKind ?? DEFAULT_MIN_PER_KIND;
  const timedInWarmup = await warmUp(
    queries,
    run,
    options.warmupPerKind ?? 2,
    options.slowMs ?? Number.POSITIVE_INFINITY,
  );
  const samples = new Map<QueryKind, number[]>();
  const spent = new Map<QueryKind, number>();
  const skipped = new Map<QueryKind, number>();
  for (const [i, q] of queries.entries()) {
    if (i % 10 === 0) options.memory?.sample();
    const times = samples.get(q.kind) ?? [];
    samples.set(q.kind, times);
    if ((spent.get(q.kind) ?? 0) > options.budgetMs && times.length >= minPerKind) {
      skipped.set(q.kind, (skipped.get(q.kind) ?? 0) + 1);
      continue;
    }
    const ms = timedInWarmup.get(i) ?? (await timeOne(run, q));
    times.push(ms);
    spent.set(q.kind, (spent.get(q.kind) ?? 0) + ms);
  }
  const out: Latencies = {};
  for (const [kind, times] of samples)
    out[kind] = { ...summarize(times), skipped: skipped.get(kind) ?? 0, samples: times };
  return out;
}

/**
 * Runs the first few queries of each kind, in query order. Returns the times of the slow ones,
 * by query index: those are not run again.
 */
async function warmUp(
  queries: readonly BenchQuery[],
  run: Runner,
  perKind: number,
  slowMs: number,
): Promise<Map<number, number>> {
  const ran = new Map<QueryKind, number>();
  const slow = new Map<number, number>();
  for (const [i, q] of queries.entries()) {
    const n = ran.get(q.kind) ?? 0;
    if (n >= perKind) continue;
    const ms = await timeOne(run, q);
    ran.set(q.kind, ms >= slowMs ? perKind : n + 1);
    if (ms >= slowMs) slow.set(i, ms);
  }
  return slow;
}

async function timeOne(run: Runner, q: BenchQuery): Promise<number> {
  const started = performance.now();
  const result = run(q);
  if (result instanceof Promise) await result;
  return performance.now() - started;
}
