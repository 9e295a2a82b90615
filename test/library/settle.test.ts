import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { buildSpeakerRegistry } from "../../src/attribution/speakers.ts";
import { analyzeArticle } from "../../src/library/analyze.ts";
import type { AnalyzedArticle } from "../../src/library/analyzed.ts";
import { LibraryIndex } from "../../src/library/engine.ts";
import {
  decodeSettled,
  packSettleRequest,
  requestSource,
  settleOnWorker,
  settleRequest,
  shareFacts,
  transferable,
} from "../../src/library/settle-speakers.ts";
import { SpeakerBook } from "../../src/library/speaker-book.ts";
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
    // The worker reads each article where the request holds it, as views, unpacked into nothing.
    const source = requestSource(request);
    expect(source.ids).toEqual(["a", "b", "c", "d"]);
    expect((source.facts(3) as Uint8Array).buffer).toBe(block);
    expect(Buffer.from(source.facts(3)).toString()).toBe(`[["Tom Berg"],[null],[]]`);
    ["a", "b", "c"].forEach((id, i) => {
      expect(Array.from(source.paragraphs(i))).toEqual(entries.get(id)?.paragraphs);
      expect(Buffer.from(source.facts(i)).toString("utf8")).toBe(facts);
    });
  });

  it("writes the speaker lists a chunk at a time, as their JSON would be whole", () => {
    const library = edited();
    library.refreshDerived();
    const derived = toParts(library).get("derived");
    expect(Buffer.from(derived ?? []).toString()).toBe(
      JSON.stringify(library.contents.lists.save()),
    );
  });

  it("decides in numbers on the worker's side, each speaker's quotes in corpus order", () => {
    const library = edited();
    library.refreshDerived();
    const { entries, lists } = library.contents;
    const ids = lists.articles.map((a) => a.id);
    const request = packSettleRequest(
      entries,
      ids.map((id) => ({ id })),
    );
    const decided = decodeSettled(transferable(settleRequest(request, buildSpeakerRegistry)));
    if (!decided) throw new Error("no decided book");
    const ruiz = decided.speakers.findIndex((s) => s.name === "Ana Ruiz");
    const from = decided.quoteEnds[ruiz - 1] ?? 0;
    const quotes = Array.from(decided.quoteArticles.subarray(from, decided.quoteEnds[ruiz]));
    expect(quotes.length).toBeGreaterThan(3);
    expect(quotes).toEqual([...quotes].sort((x, y) => x - y));
    // Named by this thread, they are the lists the catalog's own pass makes.
    const book = SpeakerBook.fromDecided(decided, ids, entries);
    expect(book.save()).toEqual(lists.book.save());
    expect(() => SpeakerBook.fromDecided(decided, ids.slice(1), entries)).toThrow(
      /another catalog/,
    );
  });

  it("decodes the worker's reply once the worker has ended, even one that would run on", async () => {
    const here = edited();
    here.refreshDerived();
    const { entries, lists } = here.contents;
    const settled = decodeSettled(
      transferable(settleRequest(packSettleRequest(entries, lists.articles), buildSpeakerRegistry)),
    );
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
