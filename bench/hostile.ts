/**
 * The hostile benchmark (issue 14): `npm run bench:hostile`. Times every hostile shape
 * (bench/hostile-shapes.ts) at 10 KB, 100 KB and 1 MB, parsed and analysed as the library's
 * worker does it, and prints the growth from 100 KB to 1 MB as a multiple of linear growth
 * (1.0× is linear; the target is within 1.3×, and any shape at 1 MB under 2 s). Each size runs
 * on a worker thread of its own, ended past `--limit-s` (30 s): a shape that misses shows how.
 * Beside the wall time it prints the CPU time at 1 MB and its growth, which a shared machine's
 * load does not inflate, and the load average before and after.
 * Options: --runs N (best of N in one worker, 3; 1 at 1 MB), --repeat N (the median of N
 * workers, 1), --only NAME, --limit-s N.
 */
import { loadavg } from "node:os";
import { startTsWorker } from "../src/library/ts-worker.ts";
import { HOSTILE_SHAPES } from "./hostile-shapes.ts";

const SIZES = [10_000, 100_000, 1_000_000];
const TARGET_GROWTH = 1.3;
const TARGET_MS = 2000;
/** Below this at 1 MB, a growth ratio measures start-up and noise more than the shape. */
const NOISE_MS = 250;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const runs = Number(option("runs", "3"));
const repeat = Number(option("repeat", "1"));
const limitMs = Number(option("limit-s", "30")) * 1000;
const only = option("only", "");

interface Timing {
  ms: number;
  cpuMs: number;
}

/** The best time of the shape at the size in one worker, or null past the limit. */
function time(shape: string, bytes: number): Promise<Timing | null> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL("./hostile-worker.ts", import.meta.url), {
      workerData: { shape, bytes, runs: bytes >= 1_000_000 ? 1 : runs },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, limitMs);
    worker.once("message", (timing: Timing) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(timing);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The median timing of `repeat` workers (wall and CPU time each); null if any ran past the limit. */
async function measure(shape: string, bytes: number): Promise<Timing | null> {
  const samples: Timing[] = [];
  for (let i = 0; i < repeat; i++) {
    const sample = await time(shape, bytes);
    if (!sample) return null;
    samples.push(sample);
  }
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[(values.length - 1) >> 1] as number;
  return { ms: median(samples.map((t) => t.ms)), cpuMs: median(samples.map((t) => t.cpuMs)) };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
const ms = (t: number | undefined) =>
  t === undefined ? `> ${limitMs / 1000} s` : `${t.toFixed(1)} ms`;
const growthOf = (mid: number | undefined, big: number | undefined) =>
  mid !== undefined && big !== undefined ? big / Math.max(mid, 1) / 10 : null;
const times = (g: number | null) => (g === null ? "–" : `${g.toFixed(2)}×`);
const loadBefore = load();
const rows: string[] = [
  "| shape | 10 KB | 100 KB | 1 MB | growth 100 KB → 1 MB (× linear) | 1 MB CPU | CPU growth | target met |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
];
let missed = 0;
for (const shape of HOSTILE_SHAPES) {
  if (only && !shape.name.includes(only)) continue;
  const timings: (Timing | null)[] = [];
  for (const bytes of SIZES) timings.push(await measure(shape.name, bytes));
  const [, mid, big] = timings;
  const growth = growthOf(mid?.ms, big?.ms);
  const met =
    big != null &&
    big.ms < TARGET_MS &&
    (growth === null || growth <= TARGET_GROWTH || big.ms < NOISE_MS);
  if (!met) missed++;
  const cells = [
    shape.name,
    ...timings.map((t) => ms(t?.ms)),
    times(growth),
    big ? ms(big.cpuMs) : "–",
    times(growthOf(mid?.cpuMs, big?.cpuMs)),
    met ? "yes" : "**no**",
  ];
  const row = `| ${cells.join(" | ")} |`;
  rows.push(row);
  process.stderr.write(`${row}\n`);
}
console.log(rows.join("\n"));
console.log(
  missed === 0
    ? `Every shape within ${TARGET_GROWTH}× of linear growth, and under ${TARGET_MS / 1000} s at 1 MB.`
    : `${missed} shape${missed === 1 ? "" : "s"} miss the target (growth within ${TARGET_GROWTH}× of linear, under ${TARGET_MS / 1000} s at 1 MB).`,
);
console.log(
  `Median of ${repeat} worker${repeat === 1 ? "" : "s"} a size; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`,
);
