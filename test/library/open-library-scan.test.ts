import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ArticleScan, scanArticleFiles } from "../../src/corpus/load-corpus.ts";
import { BackgroundScan, packScan, unpackScan } from "../../src/library/background-scan.ts";
import {
  type LibraryHandle,
  type OpenLibraryOptions,
  openLibrary,
} from "../../src/library/open-library.ts";
import { scanFolder } from "../corpus/scan-folder.ts";

const seeds = fileURLToPath(new URL("../../data/articles/", import.meta.url));
const moduleUrl = (path: string) => new URL(`../../src/${path}`, import.meta.url).href;
const TASS = "000_0d28011d82771a06";
const PRESS_TV = "004_455c79d58281e11a";

/** A worker module doing as told, as a data: URL; it is sent the scan's port in workerData. */
function workerModule(body: string): URL {
  const code = `import { workerData } from "node:worker_threads";\n${body}`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

const failures: [string, URL][] = [
  ["throws", workerModule('throw new Error("no scan here");')],
  ["ends without a word", workerModule("")],
  ["answers garbage", workerModule('workerData.port.postMessage({ count: 3, files: "x" });')],
  ["cannot load its module", new URL("file:///nowhere/scan-worker.ts")],
];

const cleanups: (() => void)[] = [];
const handles: LibraryHandle[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const h of handles.splice(0)) await h.close();
  for (const clean of cleanups.splice(0)) clean();
});

function folderToScan(): string {
  const folder = scanFolder();
  cleanups.push(folder.remove);
  return folder.dir;
}

describe("packScan", () => {
  it("packs a scan so that it unpacks exactly, sidecars and all", async () => {
    const scan = await scanArticleFiles(folderToScan());
    expect(scan.files.some((f) => f.metaFile)).toBe(true);
    expect(unpackScan(packScan(scan))).toStrictEqual(scan);
    const empty: ArticleScan = { files: [], skipped: [] };
    expect(unpackScan(packScan(empty))).toStrictEqual(empty);
  });

  it("refuses a packed scan whose parts do not add up", async () => {
    const packed = packScan(await scanArticleFiles(folderToScan()));
    expect(unpackScan({ ...packed, count: packed.count + 1 })).toBeNull();
    expect(unpackScan({ ...packed, metaAt: new Int32Array([0]) })).toBeNull();
    expect(unpackScan({ ...packed, metaAt: packed.metaAt.map(() => 999) })).toBeNull();
  });
});

/** Blocks this thread, as a long synchronous load does, until the file appears. */
function blockUntil(file: string): void {
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !existsSync(file) && waited < 60_000; waited += 20) {
    Atomics.wait(sleep, 0, 0, 20);
  }
}

/** A low-priority worker on a machine busy with other tests may take a while to answer. */
const patient = { timeout: 60_000 };

describe("BackgroundScan", patient, () => {
  it("gives on a worker thread exactly what a scan on this thread gives", async () => {
    const dir = folderToScan();
    const background = BackgroundScan.start(dir);
    await background.finished;
    expect(await background.result()).toStrictEqual(await scanArticleFiles(dir));
    expect(background.ranOn).toBe("worker");
  });

  it("takes the worker's scan though this thread was too busy to receive it", async () => {
    const dir = folderToScan();
    const posted = join(dir, "posted");
    // The real worker's work, then a sign on disk that the reply is on its way.
    const worker = workerModule(
      `import { writeFileSync } from "node:fs";
       import { scanArticleFiles } from ${JSON.stringify(moduleUrl("corpus/load-corpus.ts"))};
       import { packScan } from ${JSON.stringify(moduleUrl("library/background-scan.ts"))};
       workerData.port.postMessage(packScan(await scanArticleFiles(workerData.dataDir)));
       writeFileSync(${JSON.stringify(posted)}, "");`,
    );
    const background = BackgroundScan.start(dir, { workerUrl: worker });
    blockUntil(posted);
    expect(await background.result()).toStrictEqual(await scanArticleFiles(dir));
    expect(background.ranOn).toBe("worker");
  });

  it("does not wait for a worker that has not answered: it scans here", async () => {
    const dir = folderToScan();
    const background = BackgroundScan.start(dir);
    expect(await background.result()).toStrictEqual(await scanArticleFiles(dir));
    expect(background.ranOn).toBe("here");
    await background.finished;
  });

  it.each(failures)("scans on this thread when the worker %s", async (_, workerUrl) => {
    const dir = folderToScan();
    const background = BackgroundScan.start(dir, { workerUrl });
    await background.finished;
    expect(await background.result()).toStrictEqual(await scanArticleFiles(dir));
    expect(background.ranOn).toBe("here");
  });

  it("meets a missing data folder as a scan here does", async () => {
    const missing = join(folderToScan(), "missing");
    const background = BackgroundScan.start(missing);
    await background.finished;
    await expect(background.result()).rejects.toThrow(`data folder not found: ${missing}`);
    expect(background.ranOn).toBe("here");
  });

  it("ends the worker when cancelled, and still gives the scan when asked", async () => {
    const dir = folderToScan();
    const background = BackgroundScan.start(dir);
    await background.cancel();
    await background.finished;
    expect(await background.result()).toStrictEqual(await scanArticleFiles(dir));
    expect(background.ranOn).toBe("here");
  });
});

/** A data folder holding a copy of the seed articles, with its index inside. */
function seedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-library-scan-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "articles"));
  for (const name of readdirSync(seeds).filter((n) => n.endsWith(".txt"))) {
    copyFileSync(join(seeds, name), join(dir, "articles", name));
  }
  return dir;
}

async function open(dataDir: string, options: Partial<OpenLibraryOptions> = {}) {
  const logs: string[] = [];
  const handle = await openLibrary({ dataDir, log: (line) => logs.push(line), ...options });
  handles.push(handle);
  // Paths in the logs name the folder, which differs between twins.
  return { handle, logs: logs.map((line) => line.split(dataDir).join("<data>")) };
}

/** Edits a closed library's data folder: one file added, one edited, one removed, one skipped. */
function editWhileClosed(dir: string): void {
  writeFileSync(
    join(dir, "articles", "extra.md"),
    "---\ntitle: Zeppelin news\noutlet: Test Times\n---\n\nThe zeppelin landed safely.\n",
  );
  appendFileSync(join(dir, "articles", `${PRESS_TV}.txt`), "\n\nA paragraph about airships.\n");
  rmSync(join(dir, "articles", `${TASS}.txt`));
  writeFileSync(join(dir, "articles", "scan.pdf"), "%PDF-1.4\n");
}

/** What an open found and what the library answers, to compare two opens by. */
function outcome({ handle, logs }: Awaited<ReturnType<typeof open>>) {
  const { ms: _, ...stats } = handle.stats;
  const search = (text: string) =>
    handle.library.searchPassages(text).map((h) => [h.passage.articleId, h.passage.paragraph]);
  return {
    stats,
    logs,
    skipped: handle.skipped.map((s) => s.reason),
    zeppelin: search("zeppelin"),
    airships: search("airships"),
    crude: search("crude intelligence"),
  };
}

/** Has open wait for the worker's scan, as a load longer than the scan would. */
function loadOutlastsTheScan() {
  const result = BackgroundScan.prototype.result;
  vi.spyOn(BackgroundScan.prototype, "result").mockImplementation(async function (
    this: BackgroundScan,
  ) {
    await this.finished;
    return result.call(this);
  });
}

describe("openLibrary with the folder scanned on a worker", patient, () => {
  it("picks up files added, edited and removed while closed, as a scan here does", async () => {
    const here = seedFolder();
    await (await open(here)).handle.close();
    const there = mkdtempSync(join(tmpdir(), "whosaid-library-scan-"));
    cleanups.push(() => rmSync(there, { recursive: true, force: true }));
    cpSync(here, there, { recursive: true, preserveTimestamps: true });
    editWhileClosed(here);
    editWhileClosed(there);

    loadOutlastsTheScan();
    const start = vi.spyOn(BackgroundScan, "start");
    const onWorker = outcome(await open(there, { scanInBackground: true }));
    expect(start).toHaveBeenCalledTimes(1);
    expect(start.mock.results[0]?.value.ranOn).toBe("worker");
    const onThisThread = outcome(await open(here, { scanInBackground: false }));
    expect(start).toHaveBeenCalledTimes(1);

    expect(onWorker).toEqual(onThisThread);
    expect(onWorker.stats).toMatchObject({ articles: 2, reread: 2, loadedFromSaved: true });
    expect(onWorker.zeppelin[0]).toEqual(["extra", 1]);
    expect(onWorker.airships[0]?.[0]).toBe(PRESS_TV);
    expect(onWorker.crude.map(([id]) => id)).not.toContain(TASS);
    expect(onWorker.logs).toEqual([`skipped <data>/articles/scan.pdf: unsupported file type .pdf`]);
  });

  it("scans here when the load ends before the worker answers", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    editWhileClosed(dir);
    const start = vi.spyOn(BackgroundScan, "start");
    const opened = outcome(await open(dir, { scanInBackground: true }));
    expect(start.mock.results[0]?.value.ranOn).toBe("here");
    expect(opened.stats).toMatchObject({ articles: 2, reread: 2, loadedFromSaved: true });
    expect(opened.zeppelin[0]).toEqual(["extra", 1]);
  });

  it.each(failures)("falls back to a scan here when the worker %s", async (_, workerUrl) => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    editWhileClosed(dir);
    loadOutlastsTheScan();
    const original = BackgroundScan.start.bind(BackgroundScan);
    const start = vi
      .spyOn(BackgroundScan, "start")
      .mockImplementation((dataDir) => original(dataDir, { workerUrl }));
    const opened = outcome(await open(dir, { scanInBackground: true }));
    expect(start.mock.results[0]?.value.ranOn).toBe("here");
    expect(opened.stats).toMatchObject({ articles: 2, reread: 2, loadedFromSaved: true });
    expect(opened.zeppelin[0]).toEqual(["extra", 1]);
    expect(opened.logs).toEqual([`skipped <data>/articles/scan.pdf: unsupported file type .pdf`]);
  });

  it("starts no worker for a small library, nor for a rebuild", async () => {
    const dir = seedFolder();
    const start = vi.spyOn(BackgroundScan, "start");
    await (await open(dir)).handle.close();
    await (await open(dir)).handle.close();
    const rebuilt = await open(dir, { rebuild: true, scanInBackground: true });
    expect(rebuilt.handle.stats).toMatchObject({ loadedFromSaved: false, reread: 2 });
    expect(start).not.toHaveBeenCalled();
  });
});
