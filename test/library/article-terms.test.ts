import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/library/analyze.ts";
import { articleTerms } from "../../src/library/article-terms.ts";
import { type AnalyzedArticle, LibraryIndex } from "../../src/library/engine.ts";
import { makeArticle, simpleRegistry } from "./fixtures.ts";

const PLACES = ["the port", "Kyiv", "the U.S. embassy", "Zürich", "the co-op"];

// Enough articles that the engine indexes them in a batch, where terms made ahead are used.
const articles = Array.from({ length: 240 }, (_, i) =>
  makeArticle(`n${i}`, `Talks on ${PLACES[i % PLACES.length]}'s future`, [
    `"We will not sign a deal on day ${i}," the harbour master, Ana Ruiz, told reporters.`,
    `Officials in ${PLACES[(i * 3) % PLACES.length]} said the cyber-attacks of 2014-2016 were not theirs; ${i % 2 ? "she" : "he"} denied it.`,
    i % 4 === 0 ? "" : `The mayor's office said nothing, and nothing again (${i}).`,
  ]),
);
const here = articles.map((a) => analyzeArticle(a).analyzed);
const ahead = here.map((a) => ({ ...a, terms: articleTerms(a) }));

const indexParts = (analyzed: AnalyzedArticle[]) => {
  const parts = LibraryIndex.build(analyzed, simpleRegistry).toParts();
  return [...parts].filter(([name]) => !name.startsWith("docs."));
};

describe("index terms made ahead", () => {
  it("are made for every article", () => {
    expect(ahead.every((a) => a.terms !== null)).toBe(true);
  });

  it("build, byte for byte, the index built without them", () => {
    expect(indexParts(ahead)).toEqual(indexParts(here));
  });

  it("are what the index is built from when given", () => {
    // Another article's terms in place of the first one's change the index: they are read.
    const swapped = ahead.map((a, i) => (i === 0 ? { ...a, terms: ahead[1]?.terms } : a));
    expect(indexParts(swapped)).not.toEqual(indexParts(here));
  });
});
