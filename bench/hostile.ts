/**
 * The hostile benchmark (issue 14): `npm run bench:hostile`. Times every hostile shape
 * (bench/hostile-shapes.ts) at 10 KB, 100 KB and 1 MB, parsed and analysed as the library's
 * worker does it, and prints the growth from 100 KB to 1 MB as a multiple of linear growth
 * (1.0× is linear; the target is within 1.3×, and any shape at 1 MB under 2 s). Each size runs
 * on a worker thread of its own, ended past `--limit-s` (30 s): a shape that misses shows how.
 * Options: --runs N (best of N, 3), --only NAME, --limit-s N.
 */
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
const limitMs = Number(option("limit-s", "30")) * 1000;
const only = option("only", "");

/** The best time of the shape at the size, or null past the limit. */
function time(shape: string, bytes: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL("./hostile-worker.ts", import.meta.url), {
      workerData: { shape, bytes, runs: bytes >= 1_000_000 ? 1 : runs },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, limitMs);
    worker.once("message", (ms: number) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ms);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const ms = (t: number | null) => (t === null ? `> ${limitMs / 1000} s` : `${t.toFixed(1)} ms`);
const rows: string[] = [
  "| shape | 10 KB | 100 KB | 1 MB | growth 100 KB → 1 MB (× linear) | target met |",
  "| --- | --- | --- | --- | --- | --- |",
];
let missed = 0;
for (const shape of HOSTILE_SHAPES) {
  if (only && !shape.name.includes(only)) continue;
  const times: (number | null)[] = [];
  for (const bytes of SIZES) times.push(await time(shape.name, bytes));
  const [, mid, big] = times;
  const growth = mid != null && big != null ? big / Math.max(mid, 1) / 10 : null;
  const met =
    big != null &&
    big < TARGET_MS &&
    (growth === null || growth <= TARGET_GROWTH || big < NOISE_MS);
  if (!met) missed++;
  const row = `| ${shape.name} | ${times.map(ms).join(" | ")} | ${growth === null ? "–" : `${growth.toFixed(2)}×`} | ${met ? "yes" : "**no**"} |`;
  rows.push(row);
  process.stderr.write(`${row}\n`);
}
console.log(rows.join("\n"));
console.log(
  missed === 0
    ? `Every shape within ${TARGET_GROWTH}× of linear growth, and under ${TARGET_MS / 1000} s at 1 MB.`
    : `${missed} shape${missed === 1 ? "" : "s"} miss the target (growth within ${TARGET_GROWTH}× of linear, under ${TARGET_MS / 1000} s at 1 MB).`,
);
