import { fileURLToPath } from "node:url";
import type MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AttributionDocument,
  createAttributionIndex,
} from "../../src/search/attribution-index.ts";
import { decodeIndex, encodeIndex } from "../../src/search/packed-index.ts";
import {
  createPassageIndex,
  type PassageDocument,
  passageDocuments,
  passageIndexOptions,
} from "../../src/search/passage-index.ts";
import { type PlanOptions, searchInStages } from "../../src/search/plan.ts";
import { parseQuery } from "../../src/search/query.ts";
import type { Article } from "../../src/types.ts";
import { addBatch } from "../helpers/add-batch.ts";
import { readFolder } from "../helpers/read-folder.ts";
import { makeArticle } from "../library/fixtures.ts";

const DATA = fileURLToPath(new URL("../../data", import.meta.url));
const LIMIT = 10;

/**
 * A small corpus with a large one's shape: the seeds, and articles recombined from their
 * paragraphs, so that words are common or rare and passages repeat (ties in score).
 */
async function corpus(): Promise<Article[]> {
  const seeds = (await readFolder(DATA)).articles;
  const paragraphs = seeds.flatMap((a) => a.paragraphs.map((p) => p.text));
  const made: Article[] = [];
  for (let i = 0; i < 60; i++) {
    const picked = [0, 1, 2, 3].map((k) => paragraphs[(i * 7 + k * 5) % paragraphs.length] ?? "");
    const edited = picked.map((p, k) => (k === i % 4 ? p.replace(/\b(\w{6,})\b/, "$1s") : p));
    made.push(makeArticle(`made-${i}`, `Report ${i} on ${picked[0]?.slice(0, 30)}`, edited));
  }
  return [...seeds, ...made];
}

/** Queries as users type them: words, common words, misspellings, prefixes, pasted passages. */
function queries(articles: Article[]): string[] {
  const out = [
    "crude intelligence methods",
    "cyber-attacks",
    "pro-Kremlin Kremlin officials",
    "anti-doping agency",
    "Kremlin",
    "said",
    "the Russian",
    "Kremlni spokesmn",
    "intelligense methds",
    "Russia 2016",
    "US",
  ];
  for (const [i, article] of articles.slice(0, 20).entries()) {
    const text = article.paragraphs[i % article.paragraphs.length]?.text ?? "";
    const words = text.split(/\s+/).filter((w) => w.length > 3);
    out.push(words.slice(0, 2).join(" "));
    out.push(words.slice(2, 5).join(" "));
    out.push(`${words[0]?.slice(0, 4) ?? ""}`);
    out.push(
      words
        .slice(0, 2)
        .map((w) => `${w.slice(0, -2)}${w.at(-1)}${w.at(-2)}`)
        .join(" "),
    );
    out.push(text);
    out.push(`${text.slice(0, 120)} and something it never said`);
  }
  return out.filter((q) => q.trim() !== "");
}

/** Top results of the scaled plan and of the plain one, for every query. */
function compare(index: MiniSearch, asked: string[], options: Omit<PlanOptions, "plain">) {
  const run = (q: string, plain: boolean) =>
    searchInStages(index, parseQuery(q).words, { ...options, plain });
  for (const q of asked) expect(run(q, false), q).toEqual(run(q, true));
}

const PASSAGES = { enough: 3, limit: LIMIT, boost: { title: 2 }, prefer: "text" };

describe("the scaled query plan", () => {
  let articles: Article[];
  let index: MiniSearch<PassageDocument>;
  let asked: string[];

  beforeAll(async () => {
    articles = await corpus();
    index = createPassageIndex();
    for (const a of articles) index.addAll(passageDocuments(a));
    asked = queries(articles);
  });

  it("answers as the plain plan does: the same passages, scores and order", () => {
    expect(asked.length).toBeGreaterThan(100);
    compare(index, asked, PASSAGES);
  });

  it("finds something for most queries, so that the comparison means something", () => {
    const answered = asked.filter(
      (q) => searchInStages(index, parseQuery(q).words, PASSAGES).length > 0,
    );
    expect(answered.length).toBeGreaterThan(asked.length * 0.9);
  });

  it("answers as the plain plan does with more results, a filter, or no preferred field", () => {
    compare(index, asked, { ...PASSAGES, limit: 50 });
    compare(index, asked, { ...PASSAGES, limit: 1, enough: 1 });
    compare(index, asked, { ...PASSAGES, filter: (id) => !id.startsWith("made-1") });
    compare(index, asked, { ...PASSAGES, filter: (id) => id.startsWith("made-33#") });
    compare(index, asked, { enough: 3, limit: LIMIT });
  });

  it("answers as the plain plan does on a packed index loaded from its saved pieces", () => {
    const packed = createPassageIndex();
    addBatch(
      packed,
      articles.flatMap((a) => passageDocuments(a)),
    );
    const loaded = decodeIndex([...encodeIndex(packed)], passageIndexOptions);
    compare(loaded, asked, PASSAGES);
    for (const q of asked.slice(0, 30)) {
      const words = parseQuery(q).words;
      expect(searchInStages(loaded, words, PASSAGES), q).toEqual(
        searchInStages(index, words, PASSAGES),
      );
    }
  });

  it("answers as the plain plan does over chosen fields with their boosts", () => {
    const attributions = createAttributionIndex();
    attributions.addAll(attributionDocuments(articles));
    const fields = { content: 2, evidence: 1, cue: 0.5 };
    compare(attributions, asked, {
      enough: 3,
      limit: 30,
      fields: Object.keys(fields),
      boost: fields,
    });
    compare(attributions, asked, { enough: 3, limit: LIMIT, boost: { speaker: 0, cue: 3 } });
  });

  it("answers as the plain plan does after passages are added to a searched index", () => {
    const growing = createPassageIndex();
    const [first, ...rest] = articles;
    addBatch(growing, passageDocuments(first as Article));
    compare(growing, asked.slice(0, 10), PASSAGES);
    for (const a of rest) growing.addAll(passageDocuments(a));
    compare(growing, asked, PASSAGES);
  });

  it("never returns a discarded passage, and finds one added since", () => {
    const changed = createPassageIndex();
    addBatch(
      changed,
      articles.flatMap((a) => passageDocuments(a)),
    );
    const search = (q: string) =>
      searchInStages(changed, parseQuery(q).words, PASSAGES).map((r) => r.id);
    const [first] = search("crude intelligence methods");
    expect(first).toBeDefined();
    changed.discard(first as string);
    expect(search("crude intelligence methods")).not.toContain(first);
    const added = makeArticle("added", "Added", ["Crude intelligence methods, said nobody."]);
    changed.addAll(passageDocuments(added));
    expect(search("crude intelligence methods")).toContain("added#1");
    expect(search("crude intelligence methods")).not.toContain(first);
  });
});

describe("a long quote of common words", () => {
  // Past 20,000 postings in all, a query of any of its words is scored only on the passages of
  // its rarest words: here those of the two rare ones.
  it("is scored on its rarest words' passages, and still finds its own passage first", () => {
    const common = Array.from({ length: 30 }, (_, i) => `common${String.fromCharCode(97 + i)}`);
    const texts = Array.from({ length: 8000 }, (_, i) =>
      Array.from({ length: 10 }, (_, k) => common[(i * 7 + k * k * 3 + k) % 30]).join(" "),
    );
    const quote = `zebra quagga ${common.slice(0, 12).join(" ")}`;
    const made = createPassageIndex();
    made.addAll(
      [...texts, quote].map((text, i) => ({
        id: `d${i}`,
        articleId: "a",
        paragraph: i,
        text,
        title: "",
      })),
    );
    // The word nobody wrote keeps all the words from matching together: any word will do.
    const words = parseQuery(`${quote} unicorn`).words;
    const run = (plain: boolean) => searchInStages(made, words, { ...PASSAGES, plain });
    expect(run(false)[0]).toEqual({ id: "d8000", score: expect.any(Number) });
    expect(run(false)[0]).toEqual(run(true)[0]);
  });
});

describe("the preferred field", () => {
  const made = createPassageIndex();
  made.addAll([
    { id: "a#1", articleId: "a", paragraph: 1, text: "Talks went on.", title: "Kremlin talks" },
    { id: "a#2", articleId: "a", paragraph: 2, text: "Nothing new.", title: "Kremlin talks" },
    { id: "b#1", articleId: "b", paragraph: 1, text: "The Kremlin said no.", title: "Elsewhere" },
  ]);
  const ids = (q: string) => searchInStages(made, parseQuery(q).words, PASSAGES).map((r) => r.id);

  it("leaves out passages matched by their title alone when others match in their text", () => {
    expect(ids("Kremlin")).toEqual(["b#1"]);
    expect(ids("talks")).toEqual(["a#1"]);
    expect(ids("Kremlin talks")).toEqual(["a#1", "b#1"]);
  });

  it("keeps passages matched by their title alone when none match in their text", () => {
    expect(ids("elsewhere")).toEqual(["b#1"]);
  });
});

describe("equal scores", () => {
  /** Documents in id order; each query's two results score the same. */
  const index = (texts: string[]) => {
    const made = createPassageIndex();
    made.addAll(
      texts.map((text, i) => ({ id: `d${i}`, articleId: "a", paragraph: i, text, title: "" })),
    );
    return made;
  };
  const both = (made: MiniSearch, q: string) => {
    const run = (plain: boolean) =>
      searchInStages(made, parseQuery(q).words, { ...PASSAGES, enough: 1, plain }).map((r) => r.id);
    const scores = searchInStages(made, parseQuery(q).words, PASSAGES).map((r) => r.score);
    expect(scores[0]).toBe(scores[1]);
    return { scaled: run(false), plain: run(true) };
  };

  it("come in the order MiniSearch meets them: by word, then by matched term", () => {
    // Any word: the first word's documents come first, whatever their ids.
    const anyWord = both(index(["beta one", "alpha one"]), "alpha beta");
    expect(anyWord.plain).toEqual(["d1", "d0"]);
    expect(anyWord.scaled).toEqual(anyWord.plain);
    // All words: the last word's order, which lists the words it starts in the index's order.
    const prefix = both(index(["beth beta", "alpha beth", "alpha beta"]), "alpha bet");
    expect(prefix.plain).toEqual(["d2", "d1"]);
    expect(prefix.scaled).toEqual(prefix.plain);
  });
});

/** Attribution-shaped documents over the corpus's paragraphs: four fields, some empty. */
function attributionDocuments(articles: Article[]): AttributionDocument[] {
  return articles.flatMap((a) =>
    a.paragraphs.map((p) => ({
      id: `${a.id}@${p.n}`,
      content: p.text,
      evidence: a.title ?? "",
      speaker: p.text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/)?.[0] ?? "",
      cue: p.n % 2 === 0 ? "said" : "",
    })),
  );
}
