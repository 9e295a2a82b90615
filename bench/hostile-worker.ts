import { parentPort, workerData } from "node:worker_threads";
import { extractAttributions } from "../src/attribution/extract.ts";
import { parseArticleFile } from "../src/corpus/parse-article.ts";
import { HOSTILE_SHAPES } from "./hostile-shapes.ts";

// Times one shape at one size, as the library's worker would take it: parse, then analyse each
// article. Posts the best of `runs`: its wall time and the CPU time the process spent in it, in
// milliseconds. On a shared machine the wall time carries the wait for a core; the CPU time
// (this worker's, and the garbage collector's helper threads') does not.
const { shape, bytes, runs } = workerData as { shape: string; bytes: number; runs: number };
const found = HOSTILE_SHAPES.find((s) => s.name === shape);
if (!found) throw new Error(`no shape ${shape}`);
const data = new TextEncoder().encode(found.make(bytes));
// Compiled and warmed up first, on a small file of the same shape, as a running worker would be.
const warm = parseArticleFile(found.file, new TextEncoder().encode(found.make(2000)));
if (warm.ok) for (const article of warm.articles) extractAttributions(article);
let best = { ms: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY };
for (let run = 0; run < runs; run++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = parseArticleFile(found.file, data);
  if (outcome.ok) for (const article of outcome.articles) extractAttributions(article);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (ms < best.ms) best = { ms, cpuMs: (used.user + used.system) / 1000 };
}
parentPort?.postMessage(best);
