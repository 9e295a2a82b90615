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
  /** Sampled between queries (a timer cannot fire in a synchronous loop). */
  memory?: MemorySampler;
}

export type Runner = (query: BenchQuery) => unknown;

export async function timeQueries(
  queries: readonly BenchQuery[],
  run: Runner,
  options: TimingOptions,
): Promise<Latencies> {
  const minPerKind = options.minPerKind ?? 5;
  for (const q of warmupSet(queries, options.warmupPerKind ?? 2)) await run(q);
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
    const started = performance.now();
    const result = run(q);
    if (result instanceof Promise) await result;
    const ms = performance.now() - started;
    times.push(ms);
    spent.set(q.kind, (spent.get(q.kind) ?? 0) + ms);
  }
  const out: Latencies = {};
  for (const [kind, times] of samples)
    out[kind] = { ...summarize(times), skipped: skipped.get(kind) ?? 0, samples: times };
  return out;
}

/** The first few queries of each kind, in query order. */
function warmupSet(queries: readonly BenchQuery[], perKind: number): BenchQuery[] {
  const taken = new Map<QueryKind, number>();
  return queries.filter((q) => {
    const n = taken.get(q.kind) ?? 0;
    taken.set(q.kind, n + 1);
    return n < perKind;
  });
}
