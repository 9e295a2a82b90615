import { describe, expect, it } from "vitest";
import type { BaselineResult } from "../../bench/baseline-part.ts";
import { thisMachine } from "../../bench/machine.ts";
import type { KindLatency } from "../../bench/measure.ts";
import {
  type BenchResult,
  baselineSource,
  budgetNote,
  latencyTable,
  overviewTable,
  scaleTable,
} from "../../bench/report.ts";
import { DEFAULT_ARGS, summarize } from "../../bench/stats.ts";

function latency(samples: number[]): KindLatency {
  return { ...summarize(samples), skipped: 0, samples };
}

function result(baseline: Partial<BaselineResult> | null): BenchResult {
  return {
    date: "2026-11-22T03:00:00.000Z",
    machine: thisMachine(),
    args: DEFAULT_ARGS,
    corpus: {
      dir: "/tmp/x",
      source: "fallback",
      articles: 10,
      bytes: 1,
      shape: {} as BenchResult["corpus"]["shape"],
      generatedMs: null,
    },
    queries: { pasted: 3, prefix: 3 },
    build: { error: "not run" },
    serve: { error: "not run" },
    baseline:
      baseline === null
        ? null
        : {
            minisearch: "7.2.0",
            measuredAt: "2026-11-22T02:51:22.838Z",
            cached: false,
            passages: 5,
            buildMs: 10,
            afterBuild: { rss: 1, heapUsed: 1 },
            peakRss: 1,
            peakRssServing: 2,
            savedBytes: null,
            saveMs: null,
            loadMs: null,
            saveError: null,
            latencies: {
              plain: { pasted: latency([2500]), prefix: latency([0.1, 0.2, 0.1]) },
              fuzzy: { pasted: latency([9000]) },
            },
            ...baseline,
          },
    user: null,
  };
}

describe("the report", () => {
  it("shows how many queries each side timed per kind", () => {
    const lines = latencyTable(result({})).split("\n");
    expect(lines[0]).toMatch(/plain n\s+plain p50.*fuzzy n\s+fuzzy p50/);
    const pasted = lines.find((l) => l.startsWith("pasted"))?.split(/\s+/);
    // kind, command, n, p50, p95, p99, plain n, plain p50, plain p99, fuzzy n, ...
    expect(pasted?.slice(6, 10)).toEqual(["1", "2500", "2500", "1"]);
    const prefix = lines.find((l) => l.startsWith("prefix"))?.split(/\s+/);
    expect(prefix?.[6]).toBe("3");
    expect(prefix?.[9]).toBe("0");
  });

  it("says whether the baseline was measured now or kept, and when", () => {
    expect(baselineSource(result({}))).toMatch(/7\.2\.0: measured in this run/);
    expect(overviewTable(result({}))).not.toMatch(/kept/);
    const kept = result({ cached: true });
    expect(baselineSource(kept)).toMatch(/kept from a run on 2026-11-22 02:51 UTC/);
    expect(baselineSource(kept)).toMatch(/--fresh-baseline/);
    expect(overviewTable(kept).split("\n")[0]).toMatch(/plain MiniSearch \(kept\)/);
    expect(baselineSource(result(null))).toBeNull();
  });

  it("states each side's budget, the baseline's only when it ran", () => {
    expect(budgetNote(result({}))).toMatch(/ours 20000 ms .*plain MiniSearch 1000 ms .*at least 1/);
    expect(budgetNote(result(null))).not.toMatch(/plain MiniSearch/);
  });
});

/** A run that built, served and started as a user would, at the given size. */
function run(articles: number, firstAnswerMs: number, rssPeak: number, p99Ms: number): BenchResult {
  const base = result(null);
  const stats = {
    articles,
    passages: articles * 19,
    attributions: articles * 13,
    speakers: 40,
    loadedFromSaved: false,
    reread: articles,
    ms: 1,
  };
  return {
    ...base,
    corpus: { ...base.corpus, articles },
    build: { ms: 240_000, stats, skipped: 0, indexBytes: 2 ** 30, peakRss: 3 * 2 ** 30 },
    serve: {
      loadMs: 900,
      firstAnswerMs: 1000,
      stats,
      afterLoad: { rss: 2 ** 30, heapUsed: 1 },
      peakRss: 2 ** 30,
      peakHeapUsed: 1,
      latencies: { source: latency([p99Ms, p99Ms, p99Ms]), prefix: latency([0.5, 0.2]) },
      edit: { searchableMs: 100, savedMs: 400 },
    },
    user: {
      warm: { firstAnswerMs, askMs: firstAnswerMs + 500, runs: 3 },
      cold: null,
      cacheNote: "the page cache could not be dropped",
      rssReady: rssPeak / 2,
      rssPeak,
      answered: 10,
    },
  };
}

describe("the README's table across scales", () => {
  const table = scaleTable([
    run(100_000, 12_000, 1.5 * 2 ** 30, 150),
    run(1_000_000, 12_000, 1.5 * 2 ** 30, 150),
  ]);
  const rowOf = (label: string) =>
    table
      .split("\n")
      .find((line) => line.startsWith(`| ${label}`))
      ?.split(" | ");

  it("has a column per run and one for the targets", () => {
    expect(table.split("\n")[0]).toBe("|  | 100,000 articles | 1,000,000 articles | target |");
    expect(rowOf("passages")?.[1]).toBe("1,900,000 / 1,300,000 / 40");
  });

  it("judges each figure against its own scale's target", () => {
    // 12 s to the first answer misses 100k's 10 s and meets 1M's 30 s.
    expect(rowOf("`npm start`")?.slice(1, 3)).toEqual(["**12.0 s** (missed) / -", "12.0 s / -"]);
    // A 150 ms p99 misses 100 ms at 100k and meets 200 ms at 1M.
    expect(rowOf("p99 Find source")?.slice(1, 3)).toEqual(["**150 ms** (missed)", "150 ms"]);
    expect(rowOf("build from scratch")?.slice(1, 3)).toEqual(["4.0 min", "4.0 min"]);
    expect(rowOf("RSS of `npm start`")?.[1]).toBe("768.0 MB / 1.5 GB");
  });
});
