import { describe, expect, it } from "vitest";
import { decodeIndex, encodeIndex } from "../../src/search/packed-index.ts";
import { PackedPostings } from "../../src/search/packed-postings.ts";
import {
  createPassageIndex,
  passageDocuments,
  passageIndexOptions,
} from "../../src/search/passage-index.ts";
import { addBatch } from "../helpers/add-batch.ts";
import { makeArticle } from "../library/fixtures.ts";

const articles = Array.from({ length: 30 }, (_, i) =>
  makeArticle(`a${i}`, `Title ${i % 3 === 0 ? "Kremlin" : "harbour"} ${i}`, [
    `Officials said the talks number ${i} would go on, ${i % 2 ? "Peskov" : "Lavrov"} said.`,
    `A zeppelin was seen over the harbour on day ${i}.`,
  ]),
);

function built() {
  const index = createPassageIndex();
  for (const a of articles) index.addAll(passageDocuments(a));
  return index;
}

const QUERIES = ["kremlin", "peskov talks", "harbour zeppelin", "title", "officials"];
const answers = (index: ReturnType<typeof built>) =>
  QUERIES.map((q) => index.search(q, { prefix: true, fuzzy: 0.2 }));

describe("packed postings", () => {
  it("behaves as the Map it replaces", () => {
    const postings = PackedPostings.fromEntries([
      [5, 2],
      [1, 1],
      [9, 3],
    ]);
    expect([...postings.keys()]).toEqual([1, 5, 9]);
    expect(postings.get(5)).toBe(2);
    expect(postings.get(4)).toBeUndefined();
    postings.set(12, 1);
    postings.set(5, 4);
    expect(postings.delete(1)).toBe(true);
    expect(postings.delete(1)).toBe(false);
    expect(postings.size).toBe(3);
    expect([...postings]).toEqual([
      [5, 4],
      [9, 3],
      [12, 1],
    ]);
  });

  it("appends batches as ranges of shared arrays, in id order", () => {
    const shared = {
      ids: Int32Array.from([3, 7, 20, 21, 30, 44]),
      tfs: Uint16Array.from([1, 2, 3, 4, 5, 6]),
    };
    const postings = new PackedPostings(shared.ids, shared.tfs, 0, 2);
    postings.set(12, 9);
    postings.append(shared.ids, shared.tfs, 2, 4);
    postings.append(shared.ids, shared.tfs, 5, 6);
    expect(postings.rangeCount).toBe(4);
    expect([...postings]).toEqual([
      [3, 1],
      [7, 2],
      [12, 9],
      [20, 3],
      [21, 4],
      [44, 6],
    ]);
    expect(postings.get(21)).toBe(4);
    expect(postings.get(30)).toBeUndefined();
    expect(postings.delete(20)).toBe(true);
    expect(postings.size).toBe(5);
    expect(postings.has(20)).toBe(false);
    expect(() => postings.append(shared.ids, shared.tfs, 0, 1)).toThrow(/last/);
  });

  it("keeps id order when a posting added one by one is below the packed ones", () => {
    const postings = PackedPostings.fromEntries([
      [10, 1],
      [20, 2],
    ]);
    postings.set(5, 3);
    postings.append(Int32Array.from([30]), Uint16Array.from([4]), 0, 1);
    expect([...postings]).toEqual([
      [5, 3],
      [10, 1],
      [20, 2],
      [30, 4],
    ]);
  });

  it("copies its ranges into one past a few", () => {
    const postings = PackedPostings.fromEntries([[0, 1]]);
    for (let id = 1; id <= 40; id++) {
      postings.append(Int32Array.from([id]), Uint16Array.from([id]), 0, 1);
    }
    expect(postings.rangeCount).toBeLessThanOrEqual(16);
    expect([...postings.keys()]).toEqual(Array.from({ length: 41 }, (_, id) => id));
    expect(postings.get(33)).toBe(33);
  });
});

describe("packed index", () => {
  it("answers exactly as the index MiniSearch builds itself, when built in a batch", () => {
    const plain = built();
    const packed = createPassageIndex();
    addBatch(
      packed,
      articles.flatMap((a) => passageDocuments(a)),
    );
    expect(answers(packed)).toEqual(answers(plain));
  });

  it("round-trips through binary pieces, split however small", () => {
    const index = built();
    const pieces = [...encodeIndex(index, 7)];
    expect(pieces.length).toBeGreaterThan(2);
    const loaded = decodeIndex(pieces, passageIndexOptions);
    expect(loaded.documentCount).toBe(index.documentCount);
    expect(answers(loaded)).toEqual(answers(index));
  });

  it("takes additions and removals after loading, and saves them", () => {
    const index = built();
    const loaded = decodeIndex([...encodeIndex(index)], passageIndexOptions);
    for (const target of [index, loaded]) {
      target.discard("a3#1");
      target.addAll(
        passageDocuments(makeArticle("new", "Kremlin news", ["Peskov denied the zeppelin."])),
      );
    }
    expect(answers(loaded)).toEqual(answers(index));
    const again = decodeIndex([...encodeIndex(loaded)], passageIndexOptions);
    expect(answers(again)).toEqual(answers(index));
  });

  it("rejects pieces that are not an index", () => {
    expect(() => decodeIndex([Buffer.from("not an index at all")], passageIndexOptions)).toThrow();
  });
});
