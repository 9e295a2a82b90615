import { describe, expect, it } from "vitest";
import { decodeIndex, encodeIndex, packIndex } from "../../src/search/packed-index.ts";
import { PackedPostings } from "../../src/search/packed-postings.ts";
import {
  createPassageIndex,
  passageDocuments,
  passageIndexOptions,
} from "../../src/search/passage-index.ts";
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
    expect([...postings.repacked()]).toEqual([...postings]);
  });
});

describe("packed index", () => {
  it("answers exactly as the index it was packed from", () => {
    const plain = built();
    const packed = built();
    packIndex(packed);
    expect(answers(packed)).toEqual(answers(plain));
  });

  it("round-trips through binary pieces, split however small", () => {
    const index = built();
    const pieces = encodeIndex(index, 7);
    expect(pieces.length).toBeGreaterThan(2);
    const loaded = decodeIndex(pieces, passageIndexOptions);
    expect(loaded.documentCount).toBe(index.documentCount);
    expect(answers(loaded)).toEqual(answers(index));
  });

  it("takes additions and removals after loading, and saves them", () => {
    const index = built();
    const loaded = decodeIndex(encodeIndex(index), passageIndexOptions);
    for (const target of [index, loaded]) {
      target.discard("a3#1");
      target.addAll(
        passageDocuments(makeArticle("new", "Kremlin news", ["Peskov denied the zeppelin."])),
      );
    }
    expect(answers(loaded)).toEqual(answers(index));
    const again = decodeIndex(encodeIndex(loaded), passageIndexOptions);
    expect(answers(again)).toEqual(answers(index));
  });

  it("rejects pieces that are not an index", () => {
    expect(() => decodeIndex([Buffer.from("not an index at all")], passageIndexOptions)).toThrow();
  });
});
