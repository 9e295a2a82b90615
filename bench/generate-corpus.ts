/**
 * Writes N realistic plain-text articles for the benchmark:
 *   npx tsx bench/generate-corpus.ts --articles 10000 --out /tmp/whosaid-10k [--seed 42]
 * Real English recombined from PolNeAR train when ../shared is there, templated news otherwise
 * (or with --fallback). Same seed, same files. 1,000 articles per subfolder.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ARTICLES_PER_FOLDER, CorpusGenerator, speakerPool } from "./corpus.ts";
import { fallbackSource } from "./fallback-source.ts";
import { loadPolnearTexts, polnearSource } from "./polnear-source.ts";
import { type Shape, ShapeCounter, shapeOf } from "./shape.ts";
import { count, formatBytes, table } from "./stats.ts";

/** PolNeAR train texts, found from the repository: /work/main -> /work/shared. */
export const POLNEAR_TRAIN = resolve(
  fileURLToPath(new URL("..", import.meta.url)),
  "../shared/corpora/polnear/train/text",
);

export interface GeneratorOptions {
  seed: number;
  /** Use the templated fallback even when PolNeAR is there. */
  fallback?: boolean;
  polnearDir?: string;
}

export interface LoadedGenerator {
  generator: CorpusGenerator;
  /** PolNeAR's own shape, when it was the source. */
  polnearShape: Shape | null;
}

export async function openGenerator(options: GeneratorOptions): Promise<LoadedGenerator> {
  const pool = speakerPool(options.seed);
  const texts = options.fallback
    ? null
    : await loadPolnearTexts(options.polnearDir ?? POLNEAR_TRAIN);
  if (texts && texts.length >= 2) {
    return {
      generator: new CorpusGenerator(polnearSource(texts), pool, options.seed),
      polnearShape: shapeOf(texts),
    };
  }
  return {
    generator: new CorpusGenerator(fallbackSource(pool), pool, options.seed),
    polnearShape: null,
  };
}

export interface WriteOptions {
  out: string;
  articles: number;
  /** Files written at once. */
  concurrency?: number;
  onProgress?: (written: number) => void;
}

export interface WriteSummary {
  articles: number;
  bytes: number;
  ms: number;
  shape: Shape;
}

/** Writes articles 0..N-1 into `out`, which must not hold a corpus already. */
export async function writeCorpus(
  generator: CorpusGenerator,
  options: WriteOptions,
): Promise<WriteSummary> {
  const started = performance.now();
  const folders = Math.ceil(options.articles / ARTICLES_PER_FOLDER);
  for (let f = 0; f < folders; f++) {
    await mkdir(join(options.out, String(f).padStart(3, "0")), { recursive: true });
  }
  const counter = new ShapeCounter();
  let next = 0;
  let written = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < options.articles) {
      const article = generator.article(next++);
      counter.add(article.text);
      const data = Buffer.from(article.text, "utf8");
      bytes += data.length;
      await writeFile(join(options.out, article.file), data);
      written++;
      if (written % 1000 === 0) options.onProgress?.(written);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  return {
    articles: options.articles,
    bytes,
    ms: performance.now() - started,
    shape: counter.shape(),
  };
}

/** Removes the numbered subfolders a previous run wrote, and nothing else. */
export async function clearCorpus(out: string): Promise<void> {
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.isDirectory() && /^\d{3,}$/.test(e.name))
      await rm(join(out, e.name), { recursive: true });
  }
}

export function shapeTable(generated: Shape, polnear: Shape | null): string {
  const row = (label: string, pick: (s: Shape) => number, digits = 1) => [
    label,
    pick(generated).toFixed(digits),
    polnear ? pick(polnear).toFixed(digits) : "-",
  ];
  return table(
    ["", "generated", "PolNeAR train"],
    [
      row("articles", (s) => s.articles, 0),
      row("paragraphs", (s) => s.paragraphs, 0),
      row("paragraphs/article mean", (s) => s.paragraphsPerArticle.mean),
      row("paragraphs/article median", (s) => s.paragraphsPerArticle.median, 0),
      row("words/paragraph mean", (s) => s.wordsPerParagraph.mean),
      row("words/paragraph median", (s) => s.wordsPerParagraph.median, 0),
      row("chars/article", (s) => s.charsPerArticle, 0),
      row("paragraphs with quote marks %", (s) => s.quoted * 100),
      row("paragraphs with reporting verb %", (s) => s.reported * 100),
    ],
  );
}

async function main(argv: string[]): Promise<void> {
  let articles = 1000;
  let out: string | null = null;
  let seed = 42;
  let fallback = false;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = () => argv[++i] ?? "";
    if (flag === "--articles") articles = count(flag, value());
    else if (flag === "--out") out = resolve(value());
    else if (flag === "--seed") seed = count(flag, value(), 0);
    else if (flag === "--fallback") fallback = true;
    else if (flag === "--force") force = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!out)
    throw new Error(
      "usage: generate-corpus --articles N --out DIR [--seed 42] [--fallback] [--force]",
    );
  const existing = await readdir(out).catch(() => []);
  if (existing.length > 0 && !force)
    throw new Error(`${out} is not empty; --force replaces a corpus there`);
  if (force) await clearCorpus(out);

  const loaded = await openGenerator({ seed, fallback });
  console.log(
    `source: ${loaded.generator.source.kind}, seed ${seed}, ${articles} articles -> ${out}`,
  );
  const summary = await writeCorpus(loaded.generator, {
    out,
    articles,
    onProgress: (n) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${n}/${articles}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  const seconds = summary.ms / 1000;
  console.log(
    `wrote ${summary.articles} articles, ${formatBytes(summary.bytes)} in ${seconds.toFixed(2)} s ` +
      `(${Math.round(summary.articles / seconds)} articles/s)`,
  );
  console.log(shapeTable(summary.shape, loaded.polnearShape));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
