import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/library/analyze.ts";
import { type AnalyzedArticle, LibraryIndex } from "../../src/library/engine.ts";
import { settleOnWorker } from "../../src/library/settle-speakers.ts";
import { makeArticle } from "./fixtures.ts";

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
  [...library.toParts()].filter(([name]) => name === "derived" || name.startsWith("catalog."));

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

  it("saves in steps the parts it saves at once, pausing between them", async () => {
    const library = edited();
    let pauses = 0;
    const stepped = await library.basePartsInSteps(async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect([...stepped.parts]).toEqual([...library.toParts()]);
  });

  it("gets nothing back from a worker that fails, for this thread to decide", async () => {
    const failing = new URL(`data:text/javascript,${encodeURIComponent("throw new Error('no');")}`);
    expect(await settleOnWorker(new Map(), [], failing)).toBeNull();
  });
});
