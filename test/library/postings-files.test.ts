import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/library/analyze.ts";
import { LibraryIndex } from "../../src/library/engine.ts";
import { isTermsPart } from "../../src/store/library-parts.ts";
import { LibraryStore } from "../../src/store/library-store.ts";
import { postingsFilesOpen } from "../helpers/open-files.ts";
import { makeArticle } from "./fixtures.ts";

// Wire, business and court styles, so that both indexes hold postings of several terms.
const articles = [
  makeArticle("wire-1", "Harbour strike", [
    `"We will not sign this week," the harbour master, Ana Ruiz, told reporters on Monday.`,
    "Mayor Tom Berg said the council would meet the unions again.",
  ]),
  makeArticle("biz-1", "Shipping profits fall", [
    "Quarterly profit at Northline Shipping fell 12 percent, the company said in a statement.",
    `"Freight rates have not recovered," chief executive Lena Ortiz said.`,
  ]),
  makeArticle("court-1", "Judge delays ruling", [
    "Judge Miriam Hale delayed her ruling on the harbour contract until next month.",
    `Defence lawyer Paul Grant argued that "the tender was rigged from the start."`,
  ]),
  makeArticle("wire-2", "Talks resume", [
    "Ruiz said talks with the port authority would resume on Thursday.",
    "Berg declined to comment.",
  ]),
].map((a) => analyzeArticle(a).analyzed);

const later = analyzeArticle(
  makeArticle("biz-2", "Port authority bonds", [
    `"The bonds were oversubscribed," the port authority's finance director, Sam Okafor, said.`,
  ]),
).analyzed;

const queries = ["harbour master", "profit fell", "tender rigged", "port authority bonds"];

/** What the library answers to passage queries and claims, with scores. */
function answers(library: LibraryIndex) {
  return queries.map((q) => [
    library.searchPassages(q).map((h) => [h.passage.id, h.score]),
    library
      .searchAttributions(q)
      .map((h) => [`${h.attribution.articleId}#${h.attribution.paragraph}`, h.score]),
  ]);
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder with the articles saved in full, and that saved index loaded by a store of its own. */
async function loadedFromDisk() {
  const dir = await mkdtemp(join(tmpdir(), "whosaid-postings-"));
  dirs.push(dir);
  const options = { indexDir: dir, engine: "test", log: () => {}, where: dir };
  await new LibraryStore(options).save(LibraryIndex.build(articles), []);
  const logs: string[] = [];
  const store = new LibraryStore({ ...options, log: (line) => logs.push(line) });
  const loaded = await store.load();
  if (!loaded) throw new Error("the saved index did not load");
  return { dir, store, index: loaded.index, logs, options };
}

describe("the postings files a library reads", () => {
  it("after a full save, are the new ones: answers unchanged, the old files closed", async () => {
    const { dir, store, index, logs, options } = await loadedFromDisk();
    store.apply(index, { remove: [], add: [later] });
    const before = answers(index);
    expect(before[0]?.[0]?.length).toBeGreaterThan(0);
    expect(before[1]?.[1]?.length).toBeGreaterThan(0);
    expect(before[3]?.[0]?.[0]?.[0]).toBe("biz-2#1");
    // The queries read both indexes' postings: their files are open.
    const loadedFiles = postingsFilesOpen(dir);
    expect(loadedFiles.live.length).toBe(2);
    await store.save(index, [], { full: true });
    // The save removed the loaded files' names; none is held open any more.
    expect(postingsFilesOpen(dir)).toEqual({ live: [], deleted: [] });
    expect(answers(index)).toEqual(before);
    const savedFiles = postingsFilesOpen(dir);
    expect(savedFiles.deleted).toEqual([]);
    expect(savedFiles.live).toHaveLength(2);
    expect(savedFiles.live).not.toEqual(loadedFiles.live);
    // Saved again and again, as the bot does every 1,000 changes: never more files open.
    for (let i = 0; i < 3; i++) {
      await store.save(index, [], { full: true });
      expect(answers(index)).toEqual(before);
      expect(postingsFilesOpen(dir).live).toHaveLength(2);
      expect(postingsFilesOpen(dir).deleted).toEqual([]);
    }
    // What is read now is what a start-up reads.
    const restart = new LibraryStore(options);
    const reloaded = await restart.load();
    expect(reloaded && answers(reloaded.index)).toEqual(before);
    restart.close();
    expect(logs).toEqual([]);
    store.close();
    expect(postingsFilesOpen(dir)).toEqual({ live: [], deleted: [] });
  });

  it("after a full save that drops a removed story's postings, answer as after a restart", async () => {
    const { store, index, logs, options } = await loadedFromDisk();
    const ids = (all: ReturnType<typeof answers>) =>
      all.map((q) => q.map((hits) => hits.map(([id]) => id)));
    answers(index);
    store.apply(index, { remove: ["court-1"], add: [] });
    const before = answers(index);
    // The removed court story answers no more.
    expect(before[2]?.[0]?.map(([id]) => id)).not.toContain("court-1#2");
    await store.save(index, [], { full: true });
    // Its postings, left in place by the removal until a search met them, are not saved: the
    // terms' document counts, and so the scores, are now those a restart finds; the hits the same.
    const after = answers(index);
    expect(ids(after)).toEqual(ids(before));
    const restart = new LibraryStore(options);
    const restarted = await restart.load();
    expect(restarted && answers(restarted.index)).toEqual(after);
    restart.close();
    expect(logs).toEqual([]);
    store.close();
  });

  it("after a delta save, are still the base's, which the save kept", async () => {
    const { dir, store, index, logs } = await loadedFromDisk();
    answers(index);
    const base = postingsFilesOpen(dir).live;
    expect(base).toHaveLength(2);
    store.apply(index, { remove: [], add: [later] });
    await store.save(index, []);
    const after = answers(index);
    expect(after[3]?.[0]?.[0]?.[0]).toBe("biz-2#1");
    expect(postingsFilesOpen(dir)).toEqual({ live: base, deleted: [] });
    expect(logs).toEqual([]);
    store.close();
  });

  it("of a library built in memory, are those of its first save, its postings then on disk", async () => {
    const dir = await mkdtemp(join(tmpdir(), "whosaid-postings-"));
    dirs.push(dir);
    const store = new LibraryStore({ indexDir: dir, engine: "test", log: () => {}, where: dir });
    const index = LibraryIndex.build(articles);
    const before = answers(index);
    await store.save(index, []);
    expect(postingsFilesOpen(dir).live).toEqual([]);
    expect(answers(index)).toEqual(before);
    expect(postingsFilesOpen(dir).live).toHaveLength(2);
    // Added after the save: appended in memory beside the postings on disk.
    store.apply(index, { remove: [], add: [later] });
    expect(answers(index)[3]?.[0]?.[0]?.[0]).toBe("biz-2#1");
    store.close();
  });
});

describe("the parts a full save reads back", () => {
  it("are the indexes' terms pieces only, never the catalog, docs, documents or postings", () => {
    expect(["passages.1", "attributions.2", "passages.12"].filter(isTermsPart)).toHaveLength(3);
    const others = ["catalog.1", "docs.3", "passages.0", "passages.postings.1", "derived", "delta"];
    expect(others.filter(isTermsPart)).toEqual([]);
  });
});
