import { describe, expect, it } from "vitest";
import { IndexBatch } from "../../src/search/index-batch.ts";
import { IndexInternals } from "../../src/search/minisearch-internals.ts";
import { decodeIndex, encodeIndex } from "../../src/search/packed-index.ts";
import { PackedPostings } from "../../src/search/packed-postings.ts";
import {
  createPassageIndex,
  passageDocuments,
  passageIndexOptions,
} from "../../src/search/passage-index.ts";
import { addBatch } from "../helpers/add-batch.ts";
import { makeArticle } from "../library/fixtures.ts";

const WORDS = "kremlin talks harbour zeppelin minister sanctions officials peskov lavrov said deny";
const words = WORDS.split(" ");

const articles = Array.from({ length: 60 }, (_, i) =>
  makeArticle(`a${i}`, `Title ${words[i % words.length]} ${i}`, [
    `Officials said the talks number ${i} would go on, ${i % 2 ? "Peskov" : "Lavrov"} said.`,
    `A zeppelin was seen over the ${words[(i * 7) % words.length]} on day ${i}; ${words[(i * 3) % words.length]} ${words[(i * 5) % words.length]}.`,
    i % 5 === 0 ? "" : `Sanctions, sanctions and more sanctions-related talk (${i}).`,
  ]),
);
const documents = articles.flatMap(passageDocuments);

const QUERIES = [
  "kremlin",
  "peskov talks",
  "harbour zeppelin",
  "title",
  "sanctions",
  "zepelin",
  "min",
];
const answers = (index: ReturnType<typeof createPassageIndex>) =>
  QUERIES.flatMap((q) => [
    index.search(q, { prefix: true, fuzzy: 0.2 }),
    index.search(q, { combineWith: "AND", boost: { title: 2 } }),
  ]);

function plain() {
  const index = createPassageIndex();
  index.addAll(documents);
  return index;
}

describe("index batch", () => {
  it("builds the index addAll builds, however small its segments", () => {
    const expected = answers(plain());
    for (const segment of [1e9, 200, 7]) {
      const index = createPassageIndex();
      const batch = new IndexBatch(index, segment);
      batch.addAll(documents);
      batch.flush();
      expect(index.documentCount).toBe(documents.length);
      expect(index.termCount).toBe(plain().termCount);
      expect(answers(index)).toEqual(expected);
    }
  });

  it("holds postings as packed ranges, never more than a few a term", () => {
    const index = createPassageIndex();
    const batch = new IndexBatch(index, 7);
    batch.addAll(documents);
    batch.flush();
    const fields = IndexInternals.of(index).terms;
    for (const [, byField] of fields) {
      for (const postings of byField.values()) {
        expect(postings).toBeInstanceOf(PackedPostings);
        expect((postings as PackedPostings).rangeCount).toBeLessThanOrEqual(16);
      }
    }
  });

  it("adds to an index that has documents, packed or not, and to a loaded one", () => {
    const [first, second, third] = [
      documents.slice(0, 50),
      documents.slice(50, 120),
      documents.slice(120),
    ];
    const index = createPassageIndex();
    addBatch(index, first);
    index.addAll(second);
    addBatch(index, third);
    expect(answers(index)).toEqual(answers(plain()));

    const loaded = decodeIndex([...encodeIndex(index)], passageIndexOptions);
    const extra = passageDocuments(
      makeArticle("new", "Kremlin news", ["Peskov denied the zeppelin."]),
    );
    const reference = plain();
    for (const target of [loaded, reference]) {
      target.discard("a3#1");
      target.discard("a40#2");
    }
    addBatch(loaded, extra);
    reference.addAll(extra);
    expect(answers(loaded)).toEqual(answers(reference));
    expect(answers(decodeIndex([...encodeIndex(loaded)], passageIndexOptions))).toEqual(
      answers(reference),
    );
  });

  it("rejects a duplicate id as MiniSearch does, keeping what was added", () => {
    const index = createPassageIndex();
    const batch = new IndexBatch(index);
    const firsts = documents.filter((d) => d.paragraph === 1).slice(0, 3);
    batch.addAll(firsts);
    expect(() => batch.add(firsts[1] as (typeof documents)[number])).toThrow(/duplicate ID/);
    batch.flush();
    expect(index.documentCount).toBe(3);
    expect(index.search("officials").length).toBe(3);
  });
});
