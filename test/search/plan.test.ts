import { fileURLToPath } from "node:url";
import type MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load-corpus.ts";
import {
  createPassageIndex,
  type PassageDocument,
  passageDocuments,
} from "../../src/search/passage-index.ts";
import { type PlanOptions, searchInStages } from "../../src/search/plan.ts";
import { parseQuery } from "../../src/search/query.ts";
import type { Article } from "../../src/types.ts";
import { makeArticle } from "../library/fixtures.ts";

const DATA = fileURLToPath(new URL("../../data", import.meta.url));
const LIMIT = 10;

/**
 * A small corpus with a large one's shape: the seeds, and articles recombined from their
 * paragraphs, so that words are common or rare and passages repeat (ties in score).
 */
async function corpus(): Promise<Article[]> {
  const seeds = (await loadCorpus(DATA)).articles;
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
  const out = ["crude intelligence methods", "cyber-attacks", "Kremlin", "said", "the Russian"];
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

describe("the scaled query plan", () => {
  let index: MiniSearch<PassageDocument>;
  let asked: string[];
  const run = (q: string, options: Partial<PlanOptions>) =>
    searchInStages(index, parseQuery(q).words, {
      enough: 3,
      limit: LIMIT,
      boost: { title: 2 },
      ...options,
    })
      .slice(0, LIMIT)
      .map((r) => ({ id: r.id, score: r.score }));

  beforeAll(async () => {
    const articles = await corpus();
    index = createPassageIndex();
    for (const a of articles) index.addAll(passageDocuments(a));
    asked = queries(articles);
  });

  it("answers as the plain plan does: the same passages, scores and order", () => {
    expect(asked.length).toBeGreaterThan(100);
    for (const q of asked) expect(run(q, {}), q).toEqual(run(q, { plain: true }));
  });

  it("keeps the same top answers when pre-scoring keeps only as many as are read", () => {
    for (const q of asked) {
      expect(run(q, { prescore: { over: 0, keep: LIMIT } }), q).toEqual(run(q, { plain: true }));
    }
  });

  it("still finds and ranks the seed's TASS paragraph first", () => {
    expect(run("crude intelligence methods", { prescore: { over: 0, keep: 1 } })[0]?.id).toBe(
      run("crude intelligence methods", { plain: true })[0]?.id,
    );
  });
});
