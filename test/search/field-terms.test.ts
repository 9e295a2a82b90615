import MiniSearch, { type Options } from "minisearch";
import { describe, expect, it } from "vitest";
import { documentTerms, packTerms, unpackTerms } from "../../src/search/field-terms.ts";
import { IndexBatch } from "../../src/search/index-batch.ts";
import { passageIndexOptions } from "../../src/search/passage-index.ts";

interface Doc {
  id: string;
  text: string;
  title: string | null;
}

const docs: Doc[] = [
  {
    id: "d1",
    text: "The U.S. envoy's cyber-attacks claim: Müller said it, and Muller said it again in 2014-2016.",
    title: "Envoy's claim",
  },
  { id: "d2", text: "It was, he said, what it was; the the THE.", title: "Envoy's claim" },
  { id: "d3", text: "", title: null },
  { id: "d4", text: "WHO and US officials -- not us -- said no.", title: "Another title" },
];

const options: Options<Doc> = {
  fields: ["text", "title"],
  tokenize: passageIndexOptions.tokenize as NonNullable<Options<Doc>["tokenize"]>,
  processTerm: passageIndexOptions.processTerm as NonNullable<Options<Doc>["processTerm"]>,
};

describe("document terms", () => {
  it("counts each distinct term once with its frequency, and words before processing", () => {
    const [first] = documentTerms(docs, options);
    const text = first?.[0];
    expect(text?.terms).toEqual(
      expect.arrayContaining(["us", "envoy", "cyber", "attacks", "cyberattacks", "muller"]),
    );
    expect(text?.counts[text.terms.indexOf("muller")]).toBe(2);
    expect(text?.counts[text.terms.indexOf("said")]).toBe(2);
    expect(text?.terms).toContain("2014-2016");
    // MiniSearch counts distinct words as written, stop words included.
    expect(text?.length).toBe(new Set(options.tokenize?.(docs[0]?.text ?? "", "text")).size);
  });

  it("shares the field of a document whose text is the previous one's", () => {
    const terms = documentTerms(docs, options);
    expect(terms[1]?.[1]).toBe(terms[0]?.[1]);
    expect(terms[2]?.[1]).toBeNull();
    expect(terms[2]?.[0]).toEqual({ length: 0, terms: [], counts: [] });
  });

  it("packs and unpacks to the same terms, shared fields still shared", () => {
    const terms = documentTerms(docs, options);
    const packed = packTerms(terms);
    expect(packed).not.toBeNull();
    const back = unpackTerms(packed as NonNullable<typeof packed>, 2);
    expect(back).toEqual(terms);
    expect(back[1]?.[1]).toBe(back[0]?.[1]);
  });

  it("does not pack a term it could not split back", () => {
    const spaced = { ...options, processTerm: (t: string) => `${t.toLowerCase()} x` };
    expect(packTerms(documentTerms(docs, spaced))).toBeNull();
    const empty = { ...options, processTerm: () => [""] };
    expect(packTerms(documentTerms(docs, empty))).toBeNull();
  });

  it("builds with terms made ahead the index MiniSearch's addAll builds", () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...(docs[i % docs.length] as Doc),
      id: `d${i}`,
    }));
    const plain = new MiniSearch<Doc>(options);
    plain.addAll(many);
    const ahead = new MiniSearch<Doc>(options);
    const batch = new IndexBatch(ahead, 50);
    const packed = packTerms(documentTerms(many, options));
    const terms = unpackTerms(packed as NonNullable<typeof packed>, batch.fieldCount);
    many.forEach((d, i) => {
      batch.add(d, terms[i]);
    });
    batch.flush();
    expect(ahead.termCount).toBe(plain.termCount);
    for (const q of ["muller", "cyber attacks", "us officials", "claim", "envoi"]) {
      expect(ahead.search(q, { fuzzy: 0.2, prefix: true })).toEqual(
        plain.search(q, { fuzzy: 0.2, prefix: true }),
      );
    }
  });
});
