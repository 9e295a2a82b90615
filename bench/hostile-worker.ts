import { parentPort, workerData } from "node:worker_threads";
import { extractAttributions } from "../src/attribution/extract.ts";
import { parseArticleFile } from "../src/corpus/parse-article.ts";
import { HOSTILE_SHAPES } from "./hostile-shapes.ts";

// Times one shape at one size, as the library's worker would take it: parse, then analyse each
// article. Posts the median of `runs`: wall time and the CPU time the process spent, in
// milliseconds. On a shared machine the wall time carries the wait for a core; the CPU time
// (this worker's, and the garbage collector's helper threads') does not.
const { shape, bytes, runs } = workerData as { shape: string; bytes: number; runs: number };
const found = HOSTILE_SHAPES.find((s) => s.name === shape);
if (!found) throw new Error(`no shape ${shape}`);
const data = new TextEncoder().encode(found.make(bytes));
const analyse = (bytes: Uint8Array) => {
  const outcome = parseArticleFile(found.file, bytes);
  if (outcome.ok) for (const article of outcome.articles) extractAttributions(article);
};
// Warmed up first, as a running worker would be: compiled on a small file of the shape, then
// one untimed run at the size, so that no timed run pays for compiling or growing the heap.
analyse(new TextEncoder().encode(found.make(2000)));
analyse(data);
const samples: { ms: number; cpuMs: number }[] = [];
for (let run = 0; run < runs; run++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  analyse(data);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  samples.push({ ms, cpuMs: (used.user + used.system) / 1000 });
}
const median = (values: number[]) =>
  values.sort((a, b) => a - b)[(values.length - 1) >> 1] as number;
parentPort?.postMessage({
  ms: median(samples.map((s) => s.ms)),
  cpuMs: median(samples.map((s) => s.cpuMs)),
});
