import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/library/analyze.ts";
import type { AnalyzedArticle } from "../../src/library/analyzed.ts";
import { LibraryIndex } from "../../src/library/engine.ts";
import {
  decodeSettled,
  packSettleRequest,
  settleOnWorker,
  shareFacts,
  unpackSettleRequest,
} from "../../src/library/settle-speakers.ts";
import { LibraryStore } from "../../src/store/library-store.ts";
import { makeArticle } from "./fixtures.ts";
import { toParts } from "./parts.ts";

// Articles the attribution engine reads itself, so the speakers are its own registry's.
const articles = Array.from({ length: 12 }, (_, i) =>
  makeArticle(`s${i}`, `Harbour talks, day ${i}`, [
    `"We will not sign on day ${i}," the harbour master, Ana Ruiz, told reporters.`,
    `Ruiz said the port would stay open. Mayor Tom Berg said ${i % 2 ? "he" : "the council"} disagreed.`,
  ]),
);
const analyzed = articles.map((a) => analyzeArticle(a).analyzed);
const late = analyzeArticle(
  makeArticle("s-late", "A late word", [`Berg said the harbour master, Ruiz, was right.`]),
).analyzed;

/** A library whose speakers an edit left undecided. */
function edited(extra: AnalyzedArticle[] = [late]): LibraryIndex {
  const library = LibraryIndex.build(analyzed);
  library.update({ remove: [], add: extra });
  return library;
}

const savedParts = (library: LibraryIndex) =>
  [...toParts(library)].filter(([name]) => name === "derived" || name.startsWith("catalog."));

describe("deciding the speakers over the whole archive", () => {
  it("on a worker thread, decides as on this one", async () => {
    const here = edited();
    here.refreshDerived();
    const there = edited();
    expect(await there.settle({ onWorker: true })).toBe("worker");
    expect(await there.settle({ onWorker: true })).toBeNull();
    expect(savedParts(there)).toEqual(savedParts(here));
    expect(there.findSpeakers("Ruiz")[0]?.name).toBe(here.findSpeakers("Ruiz")[0]?.name);
    expect(there.quotesBy(there.findSpeakers("Ruiz")[0]?.id ?? "").length).toBeGreaterThan(3);
  });

  it("decides again on this thread when the library changed while the worker ran", async () => {
    const changed = edited();
    const settling = changed.settle({ onWorker: true });
    const another = analyzeArticle(
      makeArticle("s-later", "Later", ["Ruiz said the talks were over."]),
    ).analyzed;
    changed.update({ remove: [], add: [another] });
    expect(await settling).toBe("here");
    const expected = edited([late, another]);
    expected.refreshDerived();
    expect(savedParts(changed)).toEqual(savedParts(expected));
  });

  it("saves part by part, answering between the parts, and loads what it saved", async () => {
    const library = edited();
    const partCount = toParts(edited()).size;
    const dir = await mkdtemp(join(tmpdir(), "whosaid-store-"));
    try {
      const store = new LibraryStore({ indexDir: dir, engine: "test", log: () => {}, where: dir });
      let turns = 0;
      let saving = true;
      const count = () => {
        turns++;
        if (saving) setImmediate(count);
      };
      setImmediate(count);
      await store.save(library, []);
      saving = false;
      // Each part is written through the event loop: commands get turns between the parts.
      expect(turns).toBeGreaterThanOrEqual(partCount);
      const loaded = await new LibraryStore({
        indexDir: dir,
        engine: "test",
        log: () => {},
        where: dir,
      }).load();
      expect(loaded?.index.articleCount).toBe(library.articleCount);
      expect(loaded?.index.speakers()).toEqual(library.speakers());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("sends the worker only what the registry reads, facts saved as text, bytes or shared", () => {
    const facts = '[["Ana Ruiz"],[null],[["Ana Ruiz","person",[]]]]';
    const summary = (id: string) => ({ id, title: id, date: null });
    const entries = new Map([
      ["b", { summary: { id: "b", title: "B", date: null }, paragraphs: [2], speakerFacts: facts }],
      [
        "a",
        {
          summary: { id: "a", title: null, date: "2020-01-02" },
          paragraphs: [1, 3],
          speakerFacts: Buffer.from(facts) as string | Uint8Array,
        },
      ],
      ["c", { summary: summary("c"), paragraphs: [], speakerFacts: facts as string | Uint8Array }],
      ["d", { summary: summary("d"), paragraphs: [4], speakerFacts: `[["Tom Berg"],[null],[]]` }],
    ]);
    // As a loaded catalog keeps them: c's and d's facts in one block of shared memory.
    const loaded = [entries.get("c"), entries.get("d")].filter((e) => e !== undefined);
    shareFacts(loaded);
    const block = (loaded[0]?.speakerFacts as Uint8Array | undefined)?.buffer;
    expect(block).toBeInstanceOf(SharedArrayBuffer);
    const request = packSettleRequest(
      entries,
      ["a", "b", "c", "d"].map((id) => ({ id })),
    );
    // Only a's and b's facts are copied; c's and d's are sent as where they are in the block.
    expect(request.facts.length).toBe(2 * Buffer.byteLength(facts));
    expect(request.shared).toEqual([block]);
    const { entries: unpacked, ordered } = unpackSettleRequest(request);
    expect((unpacked.get("d")?.speakerFacts as Uint8Array | undefined)?.buffer).toBe(block);
    expect(Buffer.from(unpacked.get("d")?.speakerFacts ?? "").toString()).toBe(
      `[["Tom Berg"],[null],[]]`,
    );
    entries.delete("d"); // checked above; the others hold the same facts
    expect(ordered.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
    for (const [id, entry] of entries) {
      const got = unpacked.get(id);
      expect(got?.summary).toEqual(entry.summary);
      expect(got?.paragraphs).toEqual(entry.paragraphs);
      expect(Buffer.from(got?.speakerFacts ?? "").toString("utf8")).toBe(facts);
    }
  });

  it("writes the speaker lists a chunk at a time, as their JSON would be whole", () => {
    const library = edited();
    library.refreshDerived();
    const derived = toParts(library).get("derived");
    expect(Buffer.from(derived ?? []).toString()).toBe(
      JSON.stringify(library.contents.lists.save()),
    );
  });

  it("lets the request go as it is unpacked, and the book's lists as they are saved", () => {
    const library = edited();
    const { entries } = library.contents;
    const ordered = [...entries.keys()].sort().map((id) => ({ id }));
    const request = packSettleRequest(entries, ordered);
    unpackSettleRequest(request);
    // Only the entries made of them hold the request's arrays now.
    expect(request.facts.length + request.paragraphs.length + request.articles.length).toBe(0);
    const book = library.contents.lists.book;
    const speaker = library.findSpeakers("Ruiz")[0]?.id ?? "";
    expect(book.quotesOf(speaker).length).toBeGreaterThan(3);
    const kept = book.save();
    expect(book.save({ release: true })).toEqual(kept);
    expect(book.quotesOf(speaker)).toEqual([]);
  });

  it("decodes the worker's reply once the worker has ended, even one that would run on", async () => {
    const here = edited();
    here.refreshDerived();
    const { book } = here.contents.lists;
    const settled = { book: book.save(), assigned: [...book.assigned] };
    const lingering = `import { parentPort } from "node:worker_threads";
      import { deserialize, serialize } from "node:v8";
      parentPort.once("message", () => {
        const bytes = serialize(deserialize(Buffer.from(${JSON.stringify(serialize(settled).toString("base64"))}, "base64")));
        parentPort.postMessage(bytes.buffer, [bytes.buffer]);
        setInterval(() => undefined, 1000);
      });`;
    const url = new URL(`data:text/javascript,${encodeURIComponent(lingering)}`);
    expect(await settleOnWorker(new Map(), [], url)).toEqual(settled);
    expect(decodeSettled(new Uint8Array([1, 2, 3]).buffer)).toBeNull();
  });

  it("gets nothing back from a worker that fails, for this thread to decide", async () => {
    const failing = new URL(`data:text/javascript,${encodeURIComponent("throw new Error('no');")}`);
    expect(await settleOnWorker(new Map(), [], failing)).toBeNull();
  });

  it("gets nothing back from a worker that runs past its heap, and this process goes on", async () => {
    const hoarding = new URL(
      `data:text/javascript,${encodeURIComponent("const kept = []; for (;;) kept.push({ n: kept.length, s: String(kept.length) });")}`,
    );
    expect(await settleOnWorker(new Map(), [], hoarding, 16)).toBeNull();
    // The settle worker given too small a heap: the speakers are decided on this thread, the same.
    const here = edited();
    here.refreshDerived();
    const fallen = edited();
    expect(await fallen.settle({ onWorker: true, heapMb: 1 })).toBe("here");
    expect(savedParts(fallen)).toEqual(savedParts(here));
  });
});
