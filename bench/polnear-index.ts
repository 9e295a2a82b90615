/**
 * Index build and reload time over the 924 PolNeAR train+dev texts, read in place from
 * ../shared (linked into a temporary data folder, never copied into the project).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openLibrary } from "../src/library/open-library.ts";

const base = fileURLToPath(new URL("../../shared/corpora/polnear", import.meta.url));
if (!existsSync(base)) {
  console.log(`bench/polnear-index: skipped (${base} not found)`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), "whosaid-polnear-"));
const data = join(work, "data");
mkdirSync(join(data, "articles"), { recursive: true });
for (const split of ["train", "dev"]) {
  const dir = join(base, split, "text");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    symlinkSync(join(dir, file), join(data, "articles", `${split}-${file}`));
  }
}
const indexDir = join(work, "index");
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const savedBytes = () =>
  readdirSync(indexDir, { recursive: true, encoding: "utf8" })
    .map((f) => statSync(join(indexDir, f)))
    .reduce((n, s) => n + (s.isFile() ? s.size : 0), 0);

const built = await openLibrary({ dataDir: data, indexDir, log: () => {} });
const build = built.stats;
await built.close();
const saved = savedBytes();
const reloads: number[] = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const again = await openLibrary({ dataDir: data, indexDir, log: () => {} });
  reloads.push(performance.now() - started);
  if (!again.stats.loadedFromSaved || again.stats.reread !== 0)
    throw new Error("reload re-read files");
  await again.close();
}
reloads.sort((a, b) => a - b);
console.log(
  `polnear-index: ${build.articles} articles, ${build.passages} passages, ${build.attributions} attributions, ` +
    `${build.speakers} speakers; build ${(build.ms / 1000).toFixed(2)} s; saved ${mb(saved)}; ` +
    `reload median of 3 ${(reloads[1] ?? 0).toFixed(0)} ms; RSS ${mb(process.memoryUsage().rss)}`,
);
rmSync(work, { recursive: true, force: true });
