/**
 * Extraction throughput: articles per second over the PolNeAR train and dev texts (parsed once,
 * then extracted in several runs; the median run counts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractAttributions } from "../src/attribution/extract.ts";
import { parseText } from "../src/corpus/parse-text.ts";
import type { Article } from "../src/types.ts";

const RUNS = 5;
const base = fileURLToPath(new URL("../../shared/corpora/polnear", import.meta.url));
if (!existsSync(base)) {
  console.log(`bench/extract: skipped (${base} not found)`);
  process.exit(0);
}

const articles: Article[] = [];
for (const split of ["train", "dev"]) {
  const dir = `${base}/${split}/text`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(`${dir}/${file}`, "utf8");
    articles.push({ ...parseText(text), id: file, file, format: "text" });
  }
}

let attributions = 0;
const times: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let n = 0;
  for (const article of articles) n += extractAttributions(article).attributions.length;
  const used = process.cpuUsage(cpuStarted);
  cpu.push((used.user + used.system) / 1000);
  times.push(performance.now() - started);
  attributions = n;
}
// CPU time is reported beside wall time: on a shared machine the wall clock counts others' work.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const wall = median(times);
const busy = median(cpu);
const rate = (ms: number) => Math.round((articles.length / ms) * 1000);
const chars = articles.reduce((n, a) => n + a.text.length, 0);
console.log(
  `extract: ${articles.length} articles (${(chars / 1e6).toFixed(1)} M chars), ${attributions} attributions; ` +
    `median of ${RUNS} runs: ${wall.toFixed(0)} ms wall = ${rate(wall)} articles/s, ` +
    `${busy.toFixed(0)} ms CPU = ${rate(busy)} articles/s per core`,
);
