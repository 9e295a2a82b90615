import { parentPort, workerData } from "node:worker_threads";
import { extractAttributions } from "../src/attribution/extract.ts";
import { parseArticleFile } from "../src/corpus/parse-article.ts";
import { HOSTILE_SHAPES } from "./hostile-shapes.ts";

// Times one shape at one size, as the library's worker would take it: parse, then analyse each
// article. Posts the best of `runs` in milliseconds.
const { shape, bytes, runs } = workerData as { shape: string; bytes: number; runs: number };
const found = HOSTILE_SHAPES.find((s) => s.name === shape);
if (!found) throw new Error(`no shape ${shape}`);
const data = new TextEncoder().encode(found.make(bytes));
// Compiled and warmed up first, on a small file of the same shape, as a running worker would be.
const warm = parseArticleFile(found.file, new TextEncoder().encode(found.make(2000)));
if (warm.ok) for (const article of warm.articles) extractAttributions(article);
let best = Number.POSITIVE_INFINITY;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const outcome = parseArticleFile(found.file, data);
  if (outcome.ok) for (const article of outcome.articles) extractAttributions(article);
  best = Math.min(best, performance.now() - started);
}
parentPort?.postMessage(best);
