/** Numbers for the benchmark: percentiles, memory samples, an aligned table, the command line. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of values sorted ascending; NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(values: ArrayLike<number>): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
  };
}

export interface Memory {
  rss: number;
  heapUsed: number;
}

export function memoryNow(): Memory {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

export interface MemoryPeak {
  rss: number;
  heapUsed: number;
}

/**
 * Samples RSS and heap on a timer. A timer cannot fire inside a long synchronous build, so
 * `peakRssSoFar` (the kernel's high-water mark) is the figure to trust for builds.
 */
export class MemorySampler {
  private peakRss = 0;
  private peakHeap = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 100): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  sample(): void {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
  }

  stop(): MemoryPeak {
    clearInterval(this.timer);
    this.sample();
    return { rss: this.peakRss, heapUsed: this.peakHeap };
  }
}

/**
 * Runs a full garbage collection, so a memory figure taken next is what is live, not what is
 * waiting to be collected. Works without `--expose-gc` on the command line.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
}

/** The highest RSS this process has reached since it started, in bytes. */
export function peakRssSoFar(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export type Align = "left" | "right";

/** Renders rows as aligned columns; numeric-looking columns align right unless told otherwise. */
export function table(headers: string[], rows: string[][], align?: Align[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const sides = headers.map(
    (_, i) =>
      align?.[i] ?? (rows.every((r) => /^[-\d.,×x%~\s]*[\d-]/.test(r[i] ?? "")) ? "right" : "left"),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (sides[i] === "right" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Milliseconds, with fewer decimals as they grow: 0.042, 1.35, 27.4, 1234. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "-";
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "-";
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(0)}x` : "-";
}

export interface BenchArgs {
  articles: number;
  seed: number;
  /** How many queries to draw. */
  queries: number;
  /** Regenerate the corpus even when a cached one exists. */
  fresh: boolean;
  /** Run the plain MiniSearch baseline beside our engine. */
  baseline: boolean;
  /** Start whosaid as a user does and time its first answer. */
  user: boolean;
  /** Measure the baseline again even when figures from an identical earlier run are kept. */
  freshBaseline: boolean;
  /** Use the built-in fallback text even when PolNeAR is there. */
  fallback: boolean;
  /** Stop timing one query kind on the baseline after this long (ms)... */
  budgetMs: number;
  /** ...once at least this many of the kind have run (one pasted quote can take 15 s). */
  minPerKind: number;
  /** The budget per kind for our engine: larger, as the targets are about all of its queries. */
  ourBudgetMs: number;
}

export const DEFAULT_ARGS: BenchArgs = {
  articles: 10_000,
  seed: 42,
  queries: 1_400,
  fresh: false,
  baseline: true,
  user: true,
  freshBaseline: false,
  fallback: false,
  budgetMs: 1_000,
  minPerKind: 1,
  ourBudgetMs: 20_000,
};

/** Parses `--articles 10000` (also `10k`, `100_000`), the other numbers and the flags. */
export function parseBenchArgs(argv: readonly string[], defaults = DEFAULT_ARGS): BenchArgs {
  const args = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] as string).split("=", 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--articles":
        args.articles = count(flag, value());
        break;
      case "--seed":
        args.seed = count(flag, value(), 0);
        break;
      case "--queries":
        args.queries = count(flag, value());
        break;
      case "--budget-ms":
        args.budgetMs = count(flag, value());
        break;
      case "--min-per-kind":
        args.minPerKind = count(flag, value());
        break;
      case "--our-budget-ms":
        args.ourBudgetMs = count(flag, value());
        break;
      case "--fresh":
        args.fresh = true;
        break;
      case "--no-baseline":
        args.baseline = false;
        break;
      case "--no-user":
        args.user = false;
        break;
      case "--fresh-baseline":
        args.freshBaseline = true;
        break;
      case "--fallback":
        args.fallback = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

/** A whole number from "10000", "10_000", "10,000" or "10k"/"1m". */
export function count(flag: string, text: string, min = 1): number {
  const m = /^(\d[\d_,]*)([km]?)$/i.exec(text.trim());
  const scale = m?.[2]?.toLowerCase() === "k" ? 1e3 : m?.[2]?.toLowerCase() === "m" ? 1e6 : 1;
  const n = m ? Number((m[1] as string).replace(/[_,]/g, "")) * scale : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new Error(`${flag} wants a whole number of at least ${min}, not "${text}"`);
  }
  return n;
}
