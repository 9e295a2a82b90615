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
