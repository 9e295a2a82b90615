import { describe, expect, it } from "vitest";
import {
  count,
  formatBytes,
  formatMs,
  MemorySampler,
  median,
  parseBenchArgs,
  percentile,
  summarize,
  table,
} from "../../bench/stats.ts";

describe("percentiles", () => {
  it("takes the nearest rank", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("sorts before it ranks", () => {
    expect(median([9, 1, 5, 3, 7])).toBe(5);
    const s = summarize([4, 1, 3, 2, 100]);
    expect(s).toMatchObject({ n: 5, p50: 3, p95: 100, p99: 100, max: 100 });
    expect(s.mean).toBeCloseTo(22);
  });
});

describe("memory sampling", () => {
  it("keeps the highest RSS and heap it saw", () => {
    const sampler = new MemorySampler().start(1000);
    const before = process.memoryUsage();
    const peak = sampler.stop();
    expect(peak.rss).toBeGreaterThan(0);
    expect(peak.rss).toBeGreaterThanOrEqual(before.rss * 0.5);
    expect(peak.heapUsed).toBeGreaterThan(0);
  });
});

describe("table", () => {
  it("aligns columns, numbers to the right", () => {
    const out = table(
      ["kind", "p50"],
      [
        ["words", "1.25"],
        ["pasted", "312"],
      ],
    );
    expect(out.split("\n")).toEqual([
      "kind     p50",
      "------  ----",
      "words   1.25",
      "pasted   312",
    ]);
  });
});

describe("formatting", () => {
  it("prints milliseconds and bytes readably", () => {
    expect(formatMs(0.0421)).toBe("0.042");
    expect(formatMs(1.349)).toBe("1.35");
    expect(formatMs(27.44)).toBe("27.4");
    expect(formatMs(1234.4)).toBe("1234");
    expect(formatMs(Number.NaN)).toBe("-");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(31.3 * 2 ** 20)).toBe("31.3 MB");
  });
});

describe("bench arguments", () => {
  it("defaults to 10,000 articles and reads --articles in any common spelling", () => {
    expect(parseBenchArgs([]).articles).toBe(10_000);
    expect(parseBenchArgs(["--articles", "100000"]).articles).toBe(100_000);
    expect(parseBenchArgs(["--articles=100_000"]).articles).toBe(100_000);
    expect(parseBenchArgs(["--articles", "10k"]).articles).toBe(10_000);
    expect(count("--articles", "1,000")).toBe(1000);
  });

  it("reads the other options", () => {
    const args = parseBenchArgs([
      "--seed",
      "7",
      "--queries",
      "2000",
      "--no-baseline",
      "--fresh",
      "--fallback",
      "--budget-ms",
      "900",
      "--our-budget-ms",
      "9000",
      "--min-per-kind=3",
      "--fresh-baseline",
      "--no-user",
    ]);
    expect(args).toEqual({
      articles: 10_000,
      seed: 7,
      queries: 2000,
      fresh: true,
      baseline: false,
      user: false,
      freshBaseline: true,
      fallback: true,
      budgetMs: 900,
      minPerKind: 3,
      ourBudgetMs: 9000,
    });
  });

  it("by default keeps the baseline short and reuses its kept figures", () => {
    expect(parseBenchArgs([])).toMatchObject({
      queries: 1_400,
      baseline: true,
      freshBaseline: false,
      budgetMs: 1_000,
      minPerKind: 1,
    });
    expect(() => parseBenchArgs(["--min-per-kind", "0"])).toThrow(/--min-per-kind/);
  });

  it("refuses what it cannot use, naming the option", () => {
    expect(() => parseBenchArgs(["--articles", "lots"])).toThrow(/--articles/);
    expect(() => parseBenchArgs(["--articles", "0"])).toThrow(/at least 1/);
    expect(() => parseBenchArgs(["--articles"])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(["--turbo"])).toThrow(/unknown option --turbo/);
  });
});
