import { describe, expect, it } from "vitest";
import { DocumentTable } from "../../src/search/document-table.ts";
import { decodeIndex, encodeIndex, useDocumentTable } from "../../src/search/packed-index.ts";
import {
  createPassageIndex,
  passageDocuments,
  passageIndexOptions,
} from "../../src/search/passage-index.ts";
import { makeArticle } from "../library/fixtures.ts";

interface Maps {
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
}

const maps = (index: unknown) => {
  const { _documentIds, _idToShortId, _fieldLength } = index as Maps;
  return {
    ids: [..._documentIds],
    shortIds: [..._documentIds.values()].map((id) => [id, _idToShortId.get(id)]),
    lengths: [..._fieldLength],
    sizes: [_documentIds.size, _idToShortId.size, _fieldLength.size],
  };
};

/** A search's answer once the search has dropped the postings of discarded documents it met. */
const settled = (index: ReturnType<typeof createPassageIndex>, query: string) => {
  index.search(query);
  return index.search(query);
};

const articles = Array.from({ length: 12 }, (_, i) =>
  makeArticle(`dir/é${i}`, `Title ${i}`, [`Officials said talks ${i} go on.`, "Peskov denied it."]),
);

describe("document table", () => {
  it("holds what MiniSearch's Maps hold through adds, discards and re-adds", () => {
    const plain = createPassageIndex();
    const packed = createPassageIndex();
    useDocumentTable(packed);
    for (const index of [plain, packed]) {
      index.addAll(articles.slice(0, 8).flatMap(passageDocuments));
      index.discard("dir/é2#1");
      index.discard("dir/é7#2");
      index.addAll(articles.slice(8).flatMap(passageDocuments));
      index.replace(passageDocuments(articles[3] as (typeof articles)[number])[0] as never);
    }
    expect(maps(packed)).toEqual(maps(plain));
    expect(packed.has("dir/é2#1")).toBe(false);
    expect(packed.has("dir/é2#2")).toBe(true);
    expect(packed.search("peskov")).toEqual(plain.search("peskov"));
    expect(settled(packed, "talks officials")).toEqual(settled(plain, "talks officials"));
    const loaded = decodeIndex([...encodeIndex(packed)], passageIndexOptions);
    expect(maps(loaded)).toEqual(maps(plain));
    expect(settled(loaded, "talks officials")).toEqual(settled(plain, "talks officials"));
  });

  it("answers as a Map for ids and short ids it does not hold", () => {
    const table = DocumentTable.empty(2);
    table.shortIds.set("a", 0);
    table.ids.set(0, "a");
    expect(table.ids.get(1)).toBeUndefined();
    expect(table.ids.has(-1)).toBe(false);
    expect(table.ids.has(0.5)).toBe(false);
    expect(table.shortIds.get("b")).toBeUndefined();
    expect(table.shortIds.delete("b")).toBe(false);
    expect(table.lengths.get(0)).toBeUndefined();
    expect(() => table.ids.set(0, "b")).toThrow(/taken/);
    expect(() => table.shortIds.set("x\u0000y", 1)).toThrow(/NUL/);
  });

  it("builds its id hash a step at a time, and leaves it to the next change if changed meanwhile", () => {
    // As a saved index loads: no hash until a change or a lookup needs one.
    const filled = (n: number) => {
      const shortIds = Int32Array.from({ length: n }, (_, s) => s);
      const names = Buffer.from(Array.from({ length: n }, (_, s) => `article-${s}`).join("\0"));
      return DocumentTable.saved(1, n, shortIds, new Uint16Array(n).fill(1), names);
    };
    const table = filled(2500);
    const steps = table.prepareInSteps(1000);
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(pauses).toBe(2);
    expect(table.shortIds.get("article-2499")).toBe(2499);
    expect(table.shortIds.get("article-0")).toBe(0);

    // A document added between steps: the steps stop, and the hash is made whole when asked.
    const changed = filled(2500);
    const halfway = changed.prepareInSteps(1000);
    halfway.next();
    changed.ids.set(2500, "article-2500");
    expect(halfway.next().done).toBe(true);
    changed.shortIds.set("article-2500", 2500);
    expect(changed.shortIds.get("article-2500")).toBe(2500);
    expect(changed.shortIds.get("article-1999")).toBe(1999);
  });

  it("grows past its first capacity and finds every id again", () => {
    const table = DocumentTable.empty(1);
    const n = 5000;
    for (let s = 0; s < n; s++) {
      const id = `article-${s}#${s % 7}`;
      table.shortIds.set(id, s);
      table.ids.set(s, id);
      table.lengths.set(s, [s % 100]);
    }
    table.shortIds.delete("article-10#3");
    expect(table.shortIds.size).toBe(n - 1);
    expect(table.shortIds.get("article-10#3")).toBeUndefined();
    expect(table.shortIds.get("article-4999#1")).toBe(4999);
    expect(table.ids.get(1234)).toBe("article-1234#2");
    expect(table.lengths.get(1234)).toEqual([34]);
  });
});
