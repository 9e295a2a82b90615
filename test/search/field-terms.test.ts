import MiniSearch, { type Options } from "minisearch";
import { describe, expect, it } from "vitest";
import { NO_FIELD, numberTerms, Vocabulary } from "../../src/search/field-terms.ts";
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

type Spelled = { length: number; terms: [string, number][] } | null;

/** numberTerms' output read back into words, per document and field. */
function spell(numbers: Int32Array, words: readonly string[], fields: number): Spelled[][] {
  const out: Spelled[][] = [];
  let i = 0;
  while (i < numbers.length) {
    const doc: Spelled[] = [];
    for (let f = 0; f < fields; f++) {
      const length = numbers[i++] as number;
      if (length === NO_FIELD) {
        doc.push(null);
        continue;
      }
      const distinct = numbers[i++] as number;
      const terms: [string, number][] = [];
      for (let k = 0; k < distinct; k++, i += 2) {
        terms.push([words[numbers[i] as number] as string, numbers[i + 1] as number]);
      }
      doc.push({ length, terms });
    }
    out.push(doc);
  }
  return out;
}

describe("numbered terms", () => {
  it("count each distinct term once with its frequency, and words before processing", () => {
    const vocabulary = new Vocabulary();
    const [first, second, third] = spell(
      numberTerms(docs, options, vocabulary),
      vocabulary.words,
      2,
    );
    const text = new Map(first?.[0]?.terms);
    for (const term of ["us", "envoy", "cyber", "attacks", "cyberattacks", "2014-2016"]) {
      expect(text.get(term)).toBe(1);
    }
    expect(text.get("muller")).toBe(2);
    expect(text.get("said")).toBe(2);
    // MiniSearch counts distinct words as written, stop words included.
    expect(first?.[0]?.length).toBe(new Set(options.tokenize?.(docs[0]?.text ?? "", "text")).size);
    expect(second?.[1]).toEqual(first?.[1]);
    expect(third).toEqual([{ length: 0, terms: [] }, null]);
  });

  it("number a term once however many documents have it", () => {
    const vocabulary = new Vocabulary();
    numberTerms(docs, options, vocabulary);
    const size = vocabulary.words.length;
    expect(new Set(vocabulary.words).size).toBe(size);
    numberTerms(docs, options, vocabulary);
    expect(vocabulary.words.length).toBe(size);
  });

  it("number documents one call at a time as in one call, past a vocabulary of thousands", () => {
    // Enough distinct words that the counter's arrays, kept between calls, must grow.
    const wide = Array.from({ length: 60 }, (_, i) => ({
      id: `w${i}`,
      text: `${Array.from({ length: 60 }, (_, k) => `word${i * 60 + k}`).join(" ")} said said ${i % 2 ? "Müller" : "envoy"}`,
      title: i % 3 ? "Envoy's claim" : null,
    }));
    const all = [...docs, ...wide, ...docs];
    const together = new Vocabulary();
    const once = spell(numberTerms(all, options, together), together.words, 2);
    const apart = new Vocabulary();
    const oneByOne = all.flatMap((d) => spell(numberTerms([d], options, apart), apart.words, 2));
    expect(apart.words.length).toBeGreaterThan(3600);
    expect(oneByOne).toEqual(once);
    expect(new Map(once[4]?.[0]?.terms).get("said")).toBe(2);
  });

  it("build the index MiniSearch's addAll builds, from one vocabulary or several", () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...(docs[i % docs.length] as Doc),
      id: `d${i}`,
    }));
    const plain = new MiniSearch<Doc>(options);
    plain.addAll(many);
    // Two workers' vocabularies, documents alternating between them, segments of 50 postings.
    const vocabularies = [new Vocabulary(), new Vocabulary()];
    const made = many.map((d, i) => {
      const vocabulary = vocabularies[i % 2] as Vocabulary;
      return { words: vocabulary.words, numbers: numberTerms([d], options, vocabulary) };
    });
    const ahead = new MiniSearch<Doc>(options);
    const batch = new IndexBatch(ahead, 50);
    many.forEach((d, i) => {
      const { words, numbers } = made[i] as (typeof made)[number];
      expect(batch.addNumbered(d, words, numbers)).toBe(numbers.length);
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
