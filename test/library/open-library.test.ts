import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { article as articleCommand } from "../../commands/article.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { summarize } from "../../src/library/summary.ts";
import { decodeManifest, encodeManifest, MANIFEST_FILE } from "../../src/store/format.ts";
import { gold } from "../helpers/gold.ts";
import { postingsFilesOpen } from "../helpers/open-files.ts";

const seeds = fileURLToPath(new URL("../../data/articles/", import.meta.url));
const TASS = "000_0d28011d82771a06";
const PRESS_TV = "004_455c79d58281e11a";

const dirs: string[] = [];
const handles: LibraryHandle[] = [];

/** A data folder holding a copy of the seed articles. */
function seedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-library-"));
  dirs.push(dir);
  mkdirSync(join(dir, "articles"));
  for (const name of readdirSync(seeds).filter((n) => n.endsWith(".txt"))) {
    copyFileSync(join(seeds, name), join(dir, "articles", name));
  }
  return dir;
}

async function open(
  dataDir: string,
  options: {
    watch?: boolean;
    rebuild?: boolean;
    indexDir?: string;
    batchFiles?: number;
    answerBeforeScan?: boolean;
  } = {},
) {
  const logs: string[] = [];
  const handle = await openLibrary({ dataDir, log: (line) => logs.push(line), ...options });
  handles.push(handle);
  return { handle, library: handle.library, logs };
}

afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const indexDir = (dataDir: string) => join(dataDir, ".whosaid");

/** Waits until `check` holds, looking every 50 ms, for up to 10 s. */
async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
const part = (dataDir: string, name: string) => {
  const file = readdirSync(indexDir(dataDir)).find((f) => f.startsWith(`${name}.`));
  if (!file) throw new Error(`no ${name} part`);
  return join(indexDir(dataDir), file);
};

describe("openLibrary over the seeds", () => {
  it("builds the index and finds the TASS paragraph first", async () => {
    const { handle, library, logs } = await open(seedFolder());
    expect(handle.stats).toMatchObject({ articles: 2, loadedFromSaved: false, reread: 2 });
    expect(handle.stats.passages).toBeGreaterThan(10);
    const hits = library.searchPassages("crude intelligence methods");
    expect(hits[0]?.passage).toMatchObject({ articleId: TASS, paragraph: 1 });
    expect(hits[0]?.passage.text).toContain("crude intelligence methods");
    expect(library.citation(TASS, 1)).toMatchObject({ outlet: "TASS", paragraph: 1 });
    expect(logs).toEqual([]);
    expect(summarize(handle)[0]).toMatch(/^2 articles, \d+ passages/);
  });

  it("finds the passage a long pasted quote comes from, even with a slip in it", async () => {
    const { library } = await open(seedFolder());
    const quote =
      "Bearing in mind the fact that such businessmen as Oleg Deripaska are major shareholders " +
      "and heads of large business structures and industrial processes involving tens of " +
      "thousands and sometimes hundreds of thousands of people, including those employed in " +
      "rather sensitive branches of the Russian economy, such incidents clearly testify";
    expect(library.searchPassages(quote)[0]?.passage).toMatchObject({
      articleId: TASS,
      paragraph: 4,
    });
    const slipped = quote.replace("shareholders", "sharehodlers").replace("Russian", "Rusian");
    expect(library.searchPassages(slipped)[0]?.passage).toMatchObject({
      articleId: TASS,
      paragraph: 4,
    });
  });

  it("answers the seed questions from the attributions, also after a reload", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    const { library, handle } = await open(dir);
    expect(handle.stats.loadedFromSaved).toBe(true);
    for (const q of gold.questions) {
      const [, command, text] = q.ask.match(/^\/(\w+) \w+:(.*)$/) ?? [];
      if (command === "quote") {
        const speaker = library.findSpeakers(text ?? "")[0];
        expect(speaker?.name, q.ask).toBe(q.speaker);
        const quotes = library.quotesBy(speaker?.id ?? "");
        const said = quotes
          .map((h) => h.attribution.content.map((c) => c.text).join(" "))
          .join("\n");
        for (const words of q.must_include ?? []) expect(said, q.ask).toContain(words);
        for (const other of q.must_not_include_speakers ?? []) {
          expect(quotes.map((h) => h.speaker?.name)).not.toContain(other);
        }
      } else {
        expect(library.searchAttributions(text ?? "")[0]?.speaker?.name, q.ask).toBe(q.speaker);
      }
    }
    expect(library.findSpeakers("kreml").map((s) => s.name)).toContain("Dmitry Peskov");
    expect(library.findSpeakers("pes")[0]?.name).toBe("Dmitry Peskov");
  });

  it("loads the saved index without reading any article", async () => {
    const dir = seedFolder();
    const first = await open(dir);
    const before = first.library.searchPassages("cyber-attacks");
    await first.handle.close();
    const { handle, library, logs } = await open(dir);
    expect(handle.stats).toMatchObject({ articles: 2, loadedFromSaved: true, reread: 0 });
    expect(library.searchPassages("cyber-attacks")).toEqual(before);
    expect(logs).toEqual([]);
  });

  it("re-reads only the edited file", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    appendFileSync(
      join(dir, "articles", `${PRESS_TV}.txt`),
      "\n\nA fresh paragraph about zeppelins.\n",
    );
    const { handle, library } = await open(dir);
    expect(handle.stats).toMatchObject({ loadedFromSaved: true, reread: 1, articles: 2 });
    expect(library.searchPassages("zeppelins")[0]?.passage.articleId).toBe(PRESS_TV);
    expect(library.searchPassages("crude intelligence methods")[0]?.passage.articleId).toBe(TASS);
  });

  it("keeps the index of a file touched but not changed, and stops re-reading it", async () => {
    const dir = seedFolder();
    const before = (await open(dir)).library.searchPassages("Peskov");
    const file = join(dir, "articles", `${TASS}.txt`);
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    const second = await open(dir);
    expect(second.handle.stats.reread).toBe(1);
    expect(second.library.searchPassages("Peskov")).toEqual(before);
    const third = await open(dir);
    expect(third.handle.stats.reread).toBe(0);
  });

  it("adds new files and drops removed ones", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    writeFileSync(
      join(dir, "articles", "extra.md"),
      "---\ntitle: Zeppelin news\noutlet: Test Times\n---\n\nThe zeppelin landed safely.\n",
    );
    rmSync(join(dir, "articles", `${TASS}.txt`));
    const { handle, library } = await open(dir);
    expect(handle.stats).toMatchObject({ articles: 2, reread: 1, loadedFromSaved: true });
    expect(library.article(TASS)).toBeUndefined();
    expect(
      library.searchPassages("crude intelligence").map((h) => h.passage.articleId),
    ).not.toContain(TASS);
    expect(library.searchPassages("zeppelin")[0]?.passage.articleId).toBe("extra");
    expect(library.citation("extra", 1).outlet).toBe("Test Times");
  });

  it("answers from the saved index at once when asked, and takes in the folder after", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    writeFileSync(
      join(dir, "articles", "extra.md"),
      "---\ntitle: Zeppelin news\noutlet: Test Times\n---\n\nThe zeppelin landed safely.\n",
    );
    rmSync(join(dir, "articles", `${TASS}.txt`));
    const { handle, library } = await open(dir, { answerBeforeScan: true });
    // What was saved answers before the folder is looked at...
    expect(handle.stats).toMatchObject({ articles: 2, reread: 0, loadedFromSaved: true });
    expect(library.searchPassages("crude intelligence")[0]?.passage.articleId).toBe(TASS);
    // ...and the folder's changes follow, into the same library.
    const caught = await handle.caughtUp;
    expect(caught).toMatchObject({
      added: ["articles/extra.md"],
      removed: [`articles/${TASS}.txt`],
    });
    expect(library.article(TASS)).toBeUndefined();
    expect(library.searchPassages("zeppelin")[0]?.passage.articleId).toBe("extra");
    await handle.close();
    const reopened = await open(dir);
    expect(reopened.handle.stats).toMatchObject({ articles: 2, reread: 0, loadedFromSaved: true });
  });

  it("answers from the saved base while the id hashes its delta needs are built", async () => {
    const dir = seedFolder();
    const first = await open(dir);
    appendFileSync(join(dir, "articles", `${TASS}.txt`), "\nThe zeppelin landed safely.\n");
    expect((await first.handle.refresh()).changed).toEqual([`articles/${TASS}.txt`]);
    await first.handle.close();
    expect(readdirSync(indexDir(dir)).some((f) => f.startsWith("delta."))).toBe(true);
    const { handle, library } = await open(dir, { answerBeforeScan: true });
    // The first command is answered from the base: the delta waits for the hashes, built a
    // step at a time between commands...
    expect(library.searchPassages("zeppelin")).toEqual([]);
    expect(library.searchPassages("crude intelligence")[0]?.passage.articleId).toBe(TASS);
    // ...and then goes in, before the folder's own changes (none here).
    expect(await handle.caughtUp).toMatchObject({ added: [], changed: [], removed: [] });
    expect(library.searchPassages("zeppelin")[0]?.passage.articleId).toBe(TASS);
  });

  it("names each skipped file once per open, without reading it again", async () => {
    const dir = seedFolder();
    const binary = join(dir, "articles", "x.txt");
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 0, 9]));
    const first = await open(dir);
    expect(first.logs).toEqual([`skipped ${binary}: binary file`]);
    expect(first.handle.skipped).toEqual([{ file: binary, reason: "binary file" }]);
    expect(summarize(first.handle)).toContain(`  ${binary}: binary file`);
    await first.handle.close();
    const second = await open(dir);
    expect(second.handle.stats.reread).toBe(0);
    expect(second.logs).toEqual([`skipped ${binary}: binary file`]);
  });

  it("answers even where it cannot save the index", async () => {
    const dir = seedFolder();
    const blocked = join(dir, "articles", `${TASS}.txt`, "index");
    const { handle, library, logs } = await open(dir, { indexDir: blocked });
    expect(logs).toEqual([expect.stringMatching(/^warning: cannot save the index in .*index: /)]);
    expect(handle.stats.articles).toBe(2);
    expect(library.searchPassages("crude intelligence methods")[0]?.passage.articleId).toBe(TASS);
    await expect(handle.save()).rejects.toThrow();
  });

  it("does not read its own files as articles when the index folder is in the data folder", async () => {
    const dir = seedFolder();
    const inside = join(dir, "articles", "index");
    await (await open(dir, { indexDir: inside })).handle.close();
    const { handle, logs } = await open(dir, { indexDir: inside });
    expect(handle.stats).toMatchObject({ articles: 2, reread: 0, loadedFromSaved: true });
    expect(handle.skipped).toEqual([]);
    expect(logs).toEqual([]);
  });

  it("rebuilds on request", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    const { handle } = await open(dir, { rebuild: true });
    expect(handle.stats).toMatchObject({ loadedFromSaved: false, reread: 2 });
  });
});

describe("a damaged saved index", () => {
  async function damagedThenReopened(damage: (dataDir: string) => void) {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    damage(dir);
    const reopened = await open(dir);
    expect(reopened.handle.stats).toMatchObject({ loadedFromSaved: false, reread: 2, articles: 2 });
    expect(
      reopened.library.searchPassages("crude intelligence methods")[0]?.passage.articleId,
    ).toBe(TASS);
    await reopened.handle.close();
    const healed = await open(dir);
    expect(healed.handle.stats).toMatchObject({ loadedFromSaved: true, reread: 0 });
    expect(healed.logs).toEqual([]);
    return reopened.logs;
  }

  it("is rebuilt when the manifest holds garbage bytes", async () => {
    const logs = await damagedThenReopened((dir) =>
      writeFileSync(
        join(indexDir(dir), MANIFEST_FILE),
        Buffer.from([0x89, 0x50, 0x00, 0xff, 0x13]),
      ),
    );
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^warning: the saved index in .* is unusable \(not a whosaid index.*\); rebuilding$/,
    );
  });

  it("is rebuilt when a part is cut in half", async () => {
    const logs = await damagedThenReopened((dir) => {
      const file = part(dir, "passages");
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/unusable \(part passages\.\S+ is truncated\); rebuilding/);
  });

  it("is rebuilt when a part holds garbage of the same size", async () => {
    const logs = await damagedThenReopened((dir) => {
      const file = part(dir, "catalog");
      writeFileSync(file, Buffer.alloc(statSync(file).size, 0x7b));
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/checksum mismatch/);
  });

  it("is rebuilt when one byte of the derived part, read into the load's scratch, is flipped", async () => {
    const logs = await damagedThenReopened((dir) => {
      const file = part(dir, "derived");
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] as number) ^ 0x20;
      writeFileSync(file, bytes);
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /unusable \(part derived\.\S+ is corrupt \(checksum mismatch\)\); rebuilding/,
    );
  });

  it("heals an article whose saved text is damaged: re-read from its file, saved, also for the next start", async () => {
    const dir = seedFolder();
    await (await open(dir)).handle.close();
    // Garbage over the first article's line; the piece keeps its size.
    const file = part(dir, "docs");
    const bytes = readFileSync(file);
    bytes.fill(0x20, 40, 90);
    writeFileSync(file, bytes);
    const { handle, library, logs } = await open(dir);
    expect(handle.stats).toMatchObject({ loadedFromSaved: true, reread: 0, articles: 2 });
    const ids = library.articles().map((a) => a.id);
    const damaged = ids.filter((id) => library.article(id) === undefined);
    expect(damaged).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^cannot read article \S+ from the saved index \(its text in docs\.0 is damaged\); reading it again from its source file$/,
    );
    // /article says it is being read again, never that it is missing.
    const said = await articleCommand.run({ id: damaged[0] }, { library });
    expect(said.notice ?? said.heading).toMatch(/damaged and is being read again/);
    await until(() => ids.every((id) => library.article(id) !== undefined));
    const text = library.article(damaged[0] as string)?.paragraphs[0]?.text ?? "";
    expect(library.searchPassages(text.split(" ").slice(0, 6).join(" ")).length).toBeGreaterThan(0);
    await handle.close();
    // Saved again by itself: the next start reads every article without a word.
    const again = await open(dir);
    expect(ids.every((id) => again.library.article(id) !== undefined)).toBe(true);
    expect(again.logs).toEqual([]);
    expect(again.handle.stats.reread).toBe(0);
  });

  it("refuses a postings part cut short at the load, and rebuilds", async () => {
    const logs = await damagedThenReopened((dir) => {
      const file = part(dir, "passages.postings");
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /unusable \(part passages\.postings\.1\.\S+ is truncated\); rebuilding$/,
    );
  });

  const queries = ["crude intelligence methods", "Peskov told reporters", "MI5 said"];
  const answers = (library: LibraryHandle["library"]) =>
    queries.map((q) => library.searchPassages(q).map((h) => [h.passage.id, h.score]));

  /** A data folder with its index built, and the answers of the library that built it. */
  async function builtFolder() {
    const dir = seedFolder();
    const built = await open(dir);
    const expected = answers(built.library);
    expect(expected.every((hits) => hits.length > 0)).toBe(true);
    await built.handle.close();
    return { dir, expected };
  }

  it("answers from postings read off disk a term at a time as from those built in memory", async () => {
    const { dir, expected } = await builtFolder();
    const paged = await open(dir);
    expect(paged.handle.stats.loadedFromSaved).toBe(true);
    expect(answers(paged.library)).toEqual(expected);
    expect(paged.logs).toEqual([]);
  });

  it("catches a flipped byte in the saved postings when a query reads it, answers what it can, and rebuilds", async () => {
    const { dir, expected } = await builtFolder();
    const file = part(dir, "passages.postings");
    const bytes = readFileSync(file);
    bytes[8] = (bytes[8] as number) ^ 0x01;
    writeFileSync(file, bytes);
    const { handle, logs } = await open(dir);
    expect(handle.stats.loadedFromSaved).toBe(true);
    expect(logs).toEqual([]);
    // The damaged block reads as no postings: an answer from the rest, never a crash.
    expect(Array.isArray(handle.library.searchPassages(queries[0] as string))).toBe(true);
    expect(logs[0]).toMatch(
      /^warning: the saved index in .* is damaged \(part passages\.postings\.1\.\S+ is corrupt \(checksum mismatch in postings block 0\)\); rebuilding$/,
    );
    await until(() => handle.stats.loadedFromSaved === false);
    expect(answers(handle.library)).toEqual(expected);
    expect(logs).toHaveLength(1);
    // The damaged files were closed once the new index replaced them; it reads the new ones
    // (the queries above read the passages' postings only).
    const files = postingsFilesOpen(indexDir(dir));
    expect(files.deleted).toEqual([]);
    expect(files.live).toEqual([expect.stringMatching(/\/passages\.postings\.1\.\S+\.bin$/)]);
    await handle.close();
    // Saved whole again: the next start loads it without a word.
    const healed = await open(dir);
    expect(healed.handle.stats).toMatchObject({ loadedFromSaved: true, reread: 0 });
    expect(answers(healed.library)).toEqual(expected);
    expect(healed.logs).toEqual([]);
    // Three opens and a rebuild: past the default timeout on a loaded machine.
  }, 60_000);

  it("is rebuilt when it has another format version", async () => {
    const logs = await damagedThenReopened((dir) => {
      const file = join(indexDir(dir), MANIFEST_FILE);
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(/^whosaid-index \d+/, "whosaid-index 999"),
      );
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/format version 999/);
  });

  it("is rebuilt when it was made by other code", async () => {
    const logs = await damagedThenReopened((dir) => {
      const file = join(indexDir(dir), MANIFEST_FILE);
      const decoded = decodeManifest(readFileSync(file, "utf8"));
      if (!decoded.ok) throw new Error(decoded.reason);
      writeFileSync(file, encodeManifest({ ...decoded.manifest, engine: "older" }));
    });
    expect(logs).toEqual([
      expect.stringMatching(/built by another version of whosaid; rebuilding$/),
    ]);
  });
});

describe("changes while open", () => {
  const article =
    "Zeppelin report\n\nA zeppelin was seen over the harbour on Tuesday, officials said.\n";

  it("picks up an added file on refresh and saves it", async () => {
    const dir = seedFolder();
    const { handle, library } = await open(dir);
    writeFileSync(join(dir, "articles", "zeppelin.txt"), article);
    const summary = await handle.refresh();
    expect(summary).toMatchObject({
      added: ["articles/zeppelin.txt"],
      changed: [],
      removed: [],
      reread: 1,
    });
    expect(library.searchPassages("zeppelin harbour")[0]?.passage.articleId).toBe("zeppelin");
    expect(handle.stats.articles).toBe(3);
    rmSync(join(dir, "articles", "zeppelin.txt"));
    expect(await handle.refresh()).toMatchObject({ removed: ["articles/zeppelin.txt"], reread: 0 });
    expect(library.article("zeppelin")).toBeUndefined();
    await handle.close();
    expect((await open(dir)).handle.stats).toMatchObject({ articles: 2, reread: 0 });
  });

  it("saves a change as a delta beside the base it leaves in place", async () => {
    const dir = seedFolder();
    const { handle } = await open(dir);
    const base = readdirSync(indexDir(dir)).filter((f) => !f.startsWith("delta."));
    writeFileSync(join(dir, "articles", "zeppelin.txt"), article);
    await handle.refresh();
    await handle.close();
    const after = readdirSync(indexDir(dir));
    const kept = base.filter((f) => f !== MANIFEST_FILE);
    expect(after.filter((f) => kept.includes(f))).toEqual(kept);
    expect(after.filter((f) => f.startsWith("delta."))).toHaveLength(1);
    const reopened = await open(dir);
    expect(reopened.handle.stats).toMatchObject({ articles: 3, reread: 0 });
    expect(reopened.library.searchPassages("zeppelin harbour")[0]?.passage.articleId).toBe(
      "zeppelin",
    );
    await reopened.handle.close();
  });

  it("builds a large pass in batches, writing the articles' text as it goes", async () => {
    const dir = seedFolder();
    for (let i = 0; i < 5; i++) {
      writeFileSync(
        join(dir, "articles", `note-${i}.txt`),
        `Note ${i}\n\nThe minister said the bridge number ${i} would reopen in spring.\n`,
      );
    }
    const first = await open(dir, { batchFiles: 2 });
    expect(first.handle.stats.articles).toBe(7);
    // Batches of two: the text of the first six articles went to disk before the last was read.
    const docs = readdirSync(indexDir(dir)).filter((f) => f.startsWith("docs."));
    expect(docs.length).toBeGreaterThanOrEqual(3);
    expect(first.library.article("note-3")?.paragraphs[0]?.text).toContain("bridge number 3");
    await first.handle.close();
    const again = await open(dir);
    expect(again.handle.stats).toMatchObject({ articles: 7, reread: 0 });
    expect(again.library.searchPassages("bridge number reopen")).toHaveLength(5);
    expect(again.library.article(TASS)?.paragraphs.length).toBeGreaterThan(0);
    // A base saved again keeps only the docs pieces that still hold an article.
    rmSync(join(dir, "articles", "note-0.txt"));
    await again.handle.refresh();
    await again.handle.close();
    const third = await open(dir, { rebuild: true });
    expect(third.handle.stats.articles).toBe(6);
    expect(readdirSync(indexDir(dir)).filter((f) => f.startsWith("docs."))).toHaveLength(1);
  });

  it("takes an edit the watcher names without scanning the folder, and scans when unsure", async () => {
    const dir = seedFolder();
    const { handle, library } = await open(dir);
    const file = `articles/${PRESS_TV}.txt`;
    appendFileSync(join(dir, file), "\n\nA fresh paragraph about zeppelins.\n");
    // A file added at the same time but not named: the scan-free pass does not see it...
    writeFileSync(join(dir, "articles", "zeppelin.txt"), article);
    expect(await handle.refresh(new Set([file]))).toMatchObject({
      changed: [file],
      added: [],
      reread: 1,
    });
    expect(library.searchPassages("zeppelins")[0]?.passage.articleId).toBe(PRESS_TV);
    expect(library.article("zeppelin")).toBeUndefined();
    // ...and a path it does not know sends it back to a full scan, which does.
    expect(await handle.refresh(new Set(["articles/zeppelin.txt"]))).toMatchObject({
      added: ["articles/zeppelin.txt"],
    });
    expect(library.article("zeppelin")?.title).toBe("Zeppelin report");
  });

  it("catches an edit made while it opened, before the watcher was up", async () => {
    const dir = seedFolder();
    writeFileSync(join(dir, "articles", "empty.txt"), "");
    const seed = readdirSync(join(dir, "articles")).find((n) => n.startsWith(TASS)) as string;
    // The empty file is named once the folder is scanned and read: the edit comes after that.
    let edited = false;
    const handle = await openLibrary({
      dataDir: dir,
      watch: true,
      log: (line) => {
        if (edited || !line.startsWith("skipped")) return;
        edited = true;
        appendFileSync(join(dir, "articles", seed), "\n\nThe zqxlate council said it was late.\n");
      },
    });
    handles.push(handle);
    expect(edited).toBe(true);
    const deadline = Date.now() + 8000;
    while (handle.library.searchPassages("zqxlate").length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(handle.library.searchPassages("zqxlate")[0]?.passage.articleId).toBe(TASS);
  });

  it("watches the data folder and indexes a new article without a restart", async () => {
    const dir = seedFolder();
    const { handle, library } = await open(dir, { watch: true });
    // The file appears once the watcher is up, so only the watcher can find it.
    await handle.watching;
    writeFileSync(join(dir, "articles", "zeppelin.txt"), article);
    const deadline = Date.now() + 8000;
    while (!library.article("zeppelin") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(library.searchPassages("zeppelin")[0]?.passage.articleId).toBe("zeppelin");
  });
});
