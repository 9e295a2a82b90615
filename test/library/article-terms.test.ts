import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/library/analyze.ts";
import type { AnalyzedArticle } from "../../src/library/analyzed.ts";
import { articleTerms } from "../../src/library/article-terms.ts";
import { LibraryIndex } from "../../src/library/engine.ts";
import { Vocabulary } from "../../src/search/field-terms.ts";
import { makeArticle, simpleRegistry } from "./fixtures.ts";
import { toParts } from "./parts.ts";

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

/** The articles with terms made as two workers would, taking articles in turn. */
function madeAhead(): AnalyzedArticle[] {
  const vocabularies = [new Vocabulary(), new Vocabulary()];
  return here.map((a, i) => {
    const vocabulary = vocabularies[i % 2] as Vocabulary;
    return { ...a, terms: { ...articleTerms(a, vocabulary), words: vocabulary.words } };
  });
}

const indexParts = (analyzed: AnalyzedArticle[]) => {
  const parts = toParts(LibraryIndex.build(analyzed, simpleRegistry));
  return [...parts].filter(([name]) => !name.startsWith("docs."));
};

describe("index terms made ahead", () => {
  it("build, byte for byte, the index built without them", () => {
    expect(indexParts(madeAhead())).toEqual(indexParts(here));
  });

  it("are what the index is built from when given", () => {
    // The second article's terms given as the first's (both have three passages): they are
    // read, so the index differs.
    const ahead = madeAhead();
    ahead[1] = { ...(ahead[1] as AnalyzedArticle), terms: ahead[2]?.terms };
    expect(indexParts(ahead)).not.toEqual(indexParts(here));
  });

  it("are refused when they do not match the documents", () => {
    const ahead = madeAhead();
    // Article 0 has two passages, article 1 three.
    ahead[0] = { ...(ahead[0] as AnalyzedArticle), terms: ahead[1]?.terms };
    expect(() => indexParts(ahead)).toThrow(/do not match/);
  });
});
