/** The benchmark's results as one JSON-able record, and the tables printed from it. */

import type { BaselineResult } from "./baseline-part.ts";
import type { Machine } from "./machine.ts";
import { DEFAULT_MIN_PER_KIND, type Latencies } from "./measure.ts";
import type { BuildResult, ServeResult } from "./parts.ts";
import type { CommandName, QueryKind } from "./queries.ts";
import { COMMAND_OF } from "./queries.ts";
import type { Shape } from "./shape.ts";
import { type BenchArgs, formatBytes, formatMs, formatRatio, summarize, table } from "./stats.ts";
import type { UserResult } from "./user-start.ts";

export interface Failed {
  error: string;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  args: BenchArgs;
  corpus: {
    dir: string;
    source: "polnear" | "fallback";
    articles: number;
    bytes: number;
    shape: Shape;
    /** Generation time; null when a cached corpus was used. */
    generatedMs: number | null;
  };
  queries: Partial<Record<QueryKind, number>>;
  build: BuildResult | Failed;
  serve: ServeResult | Failed;
  baseline: BaselineResult | Failed | null;
  /** whosaid started as a user starts it; null with --no-user. */
  user: UserResult | Failed | null;
}

/** p99 targets of issue 5, per command. */
export const TARGET_P99_MS: Record<CommandName, number> = {
  search: 100,
  "find-source": 100,
  quote: 100,
  who: 100,
  autocomplete: 10,
};

export function failed<T extends object>(part: T | Failed | null): part is Failed {
  return part !== null && "error" in part;
}

export function overviewTable(r: BenchResult): string {
  const build = failed(r.build) ? null : r.build;
  const serve = failed(r.serve) ? null : r.serve;
  const base = r.baseline === null || failed(r.baseline) ? null : r.baseline;
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? "-" : formatMs(v));
  const bytes = (v: number | null | undefined) =>
    v === null || v === undefined ? "-" : formatBytes(v);
  const rows: string[][] = [
    ["passages", String(build?.stats.passages ?? "-"), String(base?.passages ?? "-")],
    ["attributions", String(build?.stats.attributions ?? "-"), "-"],
    ["speakers", String(build?.stats.speakers ?? "-"), "-"],
    ["build time, ms", ms(build?.ms), ms(base?.buildMs)],
    ["saved size", bytes(build?.indexBytes), base?.saveError ? "fails" : bytes(base?.savedBytes)],
    ["save time, ms", "(in build)", ms(base?.saveMs)],
    ["load time, ms", ms(serve?.loadMs), ms(base?.loadMs)],
    ["first answer after start, ms", ms(serve?.firstAnswerMs), "-"],
    ["RSS when ready", bytes(serve?.afterLoad.rss), bytes(base?.afterBuild.rss)],
    ["heap when ready", bytes(serve?.afterLoad.heapUsed), bytes(base?.afterBuild.heapUsed)],
    ["peak RSS building", bytes(build?.peakRss), bytes(base?.peakRss)],
    ["peak RSS serving", bytes(serve?.peakRss), bytes(base?.peakRssServing)],
    ["one article edited: searchable, ms", ms(serve?.edit?.searchableMs), "-"],
    ["one article edited: saved, ms", ms(serve?.edit?.savedMs), "-"],
  ];
  const baseHeader = base?.cached ? "plain MiniSearch (kept)" : "plain MiniSearch";
  return table(["", "whosaid", baseHeader], rows, ["left", "right", "right"]);
}

/** Targets of issue 17 for what the user waits for. */
export const USER_TARGETS = { firstAnswerMs: 10_000, rssBytes: 2 * 2 ** 30 };

/**
 * What the user waits for, beside what the library takes inside a warm process: `npm start` to
 * its first answer and `npx whosaid ask` end to end (medians of the runs, page cache warm and
 * cold), and the RSS of the shell's whole process tree while it answers the query set.
 */
export function userTable(r: BenchResult): string {
  const serve = failed(r.serve) ? null : r.serve;
  const user = r.user === null || failed(r.user) ? null : r.user;
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? "-" : formatMs(v));
  const bytes = (v: number | null | undefined) =>
    v === undefined || v === null ? "-" : formatBytes(v);
  const rows: string[][] = [
    [
      "first answer after start, ms",
      ms(serve?.firstAnswerMs),
      ms(user?.warm.firstAnswerMs),
      ms(user?.cold?.firstAnswerMs),
      `< ${formatMs(USER_TARGETS.firstAnswerMs)}`,
    ],
    ["npx whosaid ask, start to exit, ms", "-", ms(user?.warm.askMs), ms(user?.cold?.askMs), "-"],
    [
      "RSS when ready",
      bytes(serve?.afterLoad.rss),
      bytes(user?.rssReady),
      "-",
      `< ${formatBytes(USER_TARGETS.rssBytes)}`,
    ],
    [
      `peak RSS serving (${user?.answered ?? 0} shell answers)`,
      bytes(serve?.peakRss),
      bytes(user?.rssPeak),
      "-",
      `< ${formatBytes(USER_TARGETS.rssBytes)}`,
    ],
  ];
  const runs = user ? ` (median of ${user.warm.runs} starts; ${user.cacheNote})` : "";
  return `${table(["", "in-process", "npm start, warm", "cold", "target"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
  ])}\n${runs}`;
}

/**
 * One row per query kind: our percentiles, the baseline's with default search options and with
 * fuzzy 0.2 + prefix, and ours as a ratio of theirs. Each n is the queries timed, so a thin
 * baseline sample shows.
 */
export function latencyTable(r: BenchResult): string {
  const ours = failed(r.serve) ? {} : r.serve.latencies;
  const base = r.baseline === null || failed(r.baseline) ? null : r.baseline.latencies;
  const kinds = Object.keys(r.queries) as QueryKind[];
  const rows = kinds.map((kind) => {
    const o = ours[kind];
    const p = base?.plain[kind];
    const f = base?.fuzzy[kind];
    return [
      kind,
      COMMAND_OF[kind],
      String(o?.n ?? 0),
      formatMs(o?.p50 ?? Number.NaN),
      formatMs(o?.p95 ?? Number.NaN),
      formatMs(o?.p99 ?? Number.NaN),
      base ? String(p?.n ?? 0) : "-",
      formatMs(p?.p50 ?? Number.NaN),
      formatMs(p?.p99 ?? Number.NaN),
      base ? String(f?.n ?? 0) : "-",
      formatMs(f?.p50 ?? Number.NaN),
      formatMs(f?.p99 ?? Number.NaN),
      formatRatio((o?.p50 ?? Number.NaN) / (p?.p50 ?? Number.NaN)),
      formatRatio((o?.p50 ?? Number.NaN) / (f?.p50 ?? Number.NaN)),
      formatRatio((o?.p99 ?? Number.NaN) / (f?.p99 ?? Number.NaN)),
    ];
  });
  return table(
    [
      "kind",
      "command",
      "n",
      "p50",
      "p95",
      "p99",
      "plain n",
      "plain p50",
      "plain p99",
      "fuzzy n",
      "fuzzy p50",
      "fuzzy p99",
      "÷plain p50",
      "÷fuzzy p50",
      "÷fuzzy p99",
    ],
    rows,
    ["left", "left", ...Array<"right">(13).fill("right")],
  );
}

/** Where the baseline's figures come from: measured now, or kept from an identical earlier run. */
export function baselineSource(r: BenchResult): string | null {
  if (r.baseline === null || failed(r.baseline)) return null;
  const b = r.baseline;
  const when = b.measuredAt.slice(0, 16).replace("T", " ");
  return b.cached
    ? `plain MiniSearch ${b.minisearch}: figures kept from a run on ${when} UTC with the same ` +
        "passages, queries, MiniSearch, Node, machine and bench code (--fresh-baseline measures " +
        "them again)"
    : `plain MiniSearch ${b.minisearch}: measured in this run; later runs with the same ` +
        "passages, queries and machine reuse these figures";
}

/** How many queries of a kind each side times: said above the latency table. */
export function budgetNote(r: BenchResult): string {
  const ours = `ours ${r.args.ourBudgetMs} ms (at least ${DEFAULT_MIN_PER_KIND} queries)`;
  const base = `plain MiniSearch ${r.args.budgetMs} ms per search mode (at least ${r.args.minPerKind})`;
  return (
    "n: queries timed. Each side stops timing a kind once the kind has taken its budget: " +
    (r.baseline === null || failed(r.baseline) ? `${ours}.` : `${ours}, ${base}.`)
  );
}

/** Our latency per command over all its query kinds, against the issue's p99 targets. */
export function commandTable(latencies: Latencies): string {
  const byCommand = new Map<CommandName, number[]>();
  for (const [kind, l] of Object.entries(latencies) as [QueryKind, Latencies[QueryKind]][]) {
    if (!l) continue;
    const command = COMMAND_OF[kind];
    byCommand.set(command, [...(byCommand.get(command) ?? []), ...l.samples]);
  }
  const rows = [...byCommand].map(([command, samples]) => {
    const s = summarize(samples);
    const target = TARGET_P99_MS[command];
    return [
      command,
      String(s.n),
      formatMs(s.p50),
      formatMs(s.p95),
      formatMs(s.p99),
      formatMs(s.max),
      `< ${target}`,
      s.p99 < target ? "yes" : "NO",
    ];
  });
  return table(["command", "n", "p50", "p95", "p99", "max", "p99 target", "met"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
    "right",
    "left",
  ]);
}

/** The result as JSON; sample times rounded to a microsecond to keep the file small. */
export function toJson(r: BenchResult): string {
  const round = (key: string, value: unknown) =>
    key === "samples" && Array.isArray(value)
      ? value.map((v: number) => Math.round(v * 1000) / 1000)
      : value;
  return `${JSON.stringify(r, round, 2)}\n`;
}

/**
 * Issue 17's targets by scale: a figure is judged against the largest scale's target that the
 * run reaches (100k and 1M differ; below 100k the 100k target applies).
 */
export const SCALE_TARGETS = [
  {
    from: 0,
    buildMs: 5 * 60_000,
    firstAnswerMs: 10_000,
    rssBytes: 2 * 2 ** 30,
    p99Ms: 100,
    autocompleteP99Ms: 10,
  },
  {
    from: 1_000_000,
    buildMs: 60 * 60_000,
    firstAnswerMs: 30_000,
    rssBytes: 12 * 2 ** 30,
    p99Ms: 200,
    autocompleteP99Ms: 20,
  },
] as const;

type ScaleTarget = (typeof SCALE_TARGETS)[number];

function targetFor(articles: number): ScaleTarget {
  return SCALE_TARGETS.findLast((t) => articles >= t.from) ?? SCALE_TARGETS[0];
}

/**
 * One Markdown table for the README with a column per run (10k, 100k, 1M, ...): each figure a
 * user waits for or pays in memory, marked where it misses its scale's target. Runs are shown
 * in the order given; a part that failed or was not run shows "-".
 */
export function scaleTable(results: readonly BenchResult[]): string {
  const cell = (
    value: number | null | undefined,
    format: (v: number) => string,
    limit?: number,
  ) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return "-";
    return limit !== undefined && value >= limit ? `**${format(value)}** (missed)` : format(value);
  };
  const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = (ms: number) => (ms < 60_000 ? seconds(ms) : `${(ms / 60_000).toFixed(1)} min`);
  const count = (n: number) => n.toLocaleString("en-US");
  const target = (i: number) => targetFor(results[i]?.corpus.articles ?? 0);
  const builds = results.map((r) => (failed(r.build) ? null : r.build));
  const serves = results.map((r) => (failed(r.serve) ? null : r.serve));
  const users = results.map((r) => (r.user === null || failed(r.user) ? null : r.user));
  const p99 = (i: number, command: CommandName) => {
    const serve = serves[i];
    if (!serve) return null;
    const samples = (Object.entries(serve.latencies) as [QueryKind, Latencies[QueryKind]][])
      .filter(([kind, l]) => l && COMMAND_OF[kind] === command)
      .flatMap(([, l]) => l?.samples ?? []);
    return samples.length ? summarize(samples).p99 : null;
  };
  const row = (label: string, target: string, value: (i: number) => string): string[] => [
    label,
    ...results.map((_, i) => value(i)),
    target,
  ];
  const rows: string[][] = [
    row("passages / attributions / speakers", "", (i) => {
      const s = builds[i]?.stats ?? serves[i]?.stats;
      return s ? `${count(s.passages)} / ${count(s.attributions)} / ${count(s.speakers)}` : "-";
    }),
    row("build from scratch", "< 5 min at 100k, < 60 min at 1M", (i) =>
      cell(builds[i]?.ms, minutes, target(i).buildMs),
    ),
    row("peak RSS building", "bounded", (i) => cell(builds[i]?.peakRss, formatBytes)),
    row("saved size", "", (i) => cell(builds[i]?.indexBytes, formatBytes)),
    row(
      "`npm start` to its first answer, warm / cold cache",
      "< 10 s at 100k, < 30 s at 1M",
      (i) => {
        const limit = target(i).firstAnswerMs;
        const warm = cell(users[i]?.warm.firstAnswerMs, seconds, limit);
        const cold = cell(users[i]?.cold?.firstAnswerMs, seconds, limit);
        return `${warm} / ${cold}`;
      },
    ),
    row("`npx whosaid ask`, start to exit (warm)", "", (i) => cell(users[i]?.warm.askMs, seconds)),
    row("in-process load, to the first answer", "", (i) => cell(serves[i]?.firstAnswerMs, seconds)),
    row("RSS of `npm start` when ready / peak serving", "< 2 GB at 100k, < 12 GB at 1M", (i) => {
      const limit = target(i).rssBytes;
      return `${cell(users[i]?.rssReady, formatBytes, limit)} / ${cell(users[i]?.rssPeak, formatBytes, limit)}`;
    }),
    row("one article edited: searchable / saved", "< 1 s", (i) => {
      const edit = serves[i]?.edit;
      const ms = (v: number) => `${formatMs(v)} ms`;
      return `${cell(edit?.searchableMs, ms, 1000)} / ${cell(edit?.savedMs, ms, 1000)}`;
    }),
    ...(["search", "find-source", "quote", "who"] as const).map((command) =>
      row(
        `p99 ${command === "find-source" ? "Find source" : `/${command}`}`,
        "< 100 ms (1M: < 200 ms)",
        (i) => cell(p99(i, command), (v) => `${formatMs(v)} ms`, target(i).p99Ms),
      ),
    ),
    row("p99 autocomplete", "< 10 ms (1M: < 20 ms)", (i) =>
      cell(p99(i, "autocomplete"), (v) => `${formatMs(v)} ms`, target(i).autocompleteP99Ms),
    ),
  ];
  const headers = ["", ...results.map((r) => `${count(r.corpus.articles)} articles`), "target"];
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
