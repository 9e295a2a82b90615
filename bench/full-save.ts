/**
 * The memory a full save takes (issue 17): `npx tsx bench/full-save.ts <index folder>`, on an
 * index a bench run left (such as `$TMPDIR/whosaid-bench/index-polnear-100000-s42-v4`). The
 * saved index is copied to a scratch folder first, so the bench's own is left as it was.
 *
 * It loads the copy as a start-up does, applies its delta, removes one article (so that the
 * speakers are undecided, as after edits), then saves in full the way `LibraryStore.save` does:
 * the speakers decided on the settle worker, then each part made and written in turn. The
 * kernel's high-water mark of this process (`VmHWM`, worker threads included) is reset before
 * each phase, so each phase's peak is its own.
 */
import { readdirSync, readlinkSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeManifest, MANIFEST_FILE } from "../src/store/format.ts";
import { LibraryStore } from "../src/store/library-store.ts";
import { formatBytes } from "./stats.ts";

const source = process.argv[2];
if (!source) {
  console.error("usage: npx tsx bench/full-save.ts <index folder>");
  process.exit(2);
}

async function status(field: "VmHWM" | "VmRSS"): Promise<number> {
  const text = await readFile("/proc/self/status", "utf8");
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0) * 1024;
}

/** Resets the high-water mark to the RSS now (Linux: `5` to clear_refs). */
async function resetPeak(): Promise<void> {
  await writeFile("/proc/self/clear_refs", "5");
}

async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  global.gc?.();
  await resetPeak();
  const before = await status("VmRSS");
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const peak = await status("VmHWM");
  const after = await status("VmRSS");
  console.log(
    `${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s   RSS before ${formatBytes(before).padStart(8)}   peak ${formatBytes(peak).padStart(8)} (${(peak / 1e9).toFixed(2)} GB)   after ${formatBytes(after).padStart(8)}`,
  );
  return result;
}

/** The postings files under `dir` this process holds open: named, and removed but held. */
function postingsFiles(dir: string): string {
  let named = 0;
  let removed = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    let target = "";
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {}
    if (!target.startsWith(dir) || !target.includes(".postings.")) continue;
    if (target.endsWith(" (deleted)")) removed++;
    else named++;
  }
  return `${named} named, ${removed} removed (held by a descriptor)`;
}

const scratch = await mkdtemp(join(process.env.TMPDIR ?? "/tmp", "whosaid-full-save-"));
try {
  await cp(source, scratch, { recursive: true });
  // The copy's own engine: the save is measured whichever code built the index.
  const manifest = decodeManifest(await readFile(join(scratch, MANIFEST_FILE)));
  if (!manifest.ok) throw new Error(`no usable saved index in ${source}: ${manifest.reason}`);
  const { engine } = manifest.manifest;
  const store = new LibraryStore({ indexDir: scratch, engine, log: console.log, where: scratch });
  const loaded = await phase("load (base, then the delta)", async () => {
    const saved = await store.load();
    if (!saved) throw new Error(`no usable saved index in ${source}`);
    if (saved.delta) store.apply(saved.index, saved.delta);
    return saved;
  });
  const { index, records } = loaded;
  const [first] = index.articles();
  if (!first) throw new Error("the saved index holds no article");
  store.apply(index, { remove: [first.id], add: [] });
  const where = await phase("full save: speakers decided", () => index.settle());
  console.log(`  (decided: ${where ?? "already"})`);
  // Queries open the postings files; after the save the library reads the new ones instead.
  const answers = () =>
    ["president said", "told reporters on Monday", "ministry statement"].map((q) =>
      index.searchPassages(q).map((h) => `${h.passage.id} ${h.score}`),
    );
  const before = answers();
  console.log(`  postings files open before: ${postingsFiles(scratch)}`);
  // As after more edits than a delta holds: the base is written again, in full.
  await phase("full save: parts written", () => store.save(index, records, { full: true }));
  console.log(`  postings files open after:  ${postingsFiles(scratch)}`);
  // The removed article's postings are not saved, so the terms' document counts, and with them
  // the scores, become those a restart finds: the hits are compared, then the scores.
  const after = answers();
  const hits = (all: string[][]) => JSON.stringify(all.map((q) => q.map((h) => h.split(" ")[0])));
  const same = JSON.stringify(after) === JSON.stringify(before);
  const sameHits = hits(after) === hits(before);
  console.log(`  hits after the save ${sameHits ? "equal" : "DIFFER FROM"} those before`);
  console.log(`  scores after the save ${same ? "equal" : "differ from"} those before`);
  console.log(`  postings files open after the queries: ${postingsFiles(scratch)}`);
  global.gc?.();
  const { arrayBuffers } = process.memoryUsage();
  console.log(
    `  after a collection: RSS ${formatBytes(await status("VmRSS"))}, array buffers ${formatBytes(arrayBuffers)}`,
  );
} finally {
  await rm(scratch, { recursive: true, force: true });
}
