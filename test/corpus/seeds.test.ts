import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";
import type { Article } from "../../src/types.ts";
import { gold } from "../helpers/gold.ts";

const seeds = fileURLToPath(new URL("../../data/articles/", import.meta.url));
const fold = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

function load(file: string): Article {
  const outcome = parseArticleFile(file, readFileSync(seeds + file));
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  expect(outcome.articles).toHaveLength(1);
  return outcome.articles[0] as Article;
}

describe("the seed articles against the gold articles[]", () => {
  for (const expected of gold.articles) {
    describe(expected.file, () => {
      const article = load(expected.file);

      it("has the gold title, outlet and dateline", () => {
        expect(article.title).toBe(expected.title);
        expect(article.outlet).toBe(expected.outlet);
        expect(article.dateline).toBe(expected.dateline);
        expect(article.format).toBe("text");
        expect(article.id).toBe(expected.file.replace(/\.txt$/, ""));
      });

      it("drops every boilerplate line from the body", () => {
        const body = article.paragraphs.map((p) => fold(p.text));
        for (const line of expected.boilerplate) {
          for (const p of body) expect(p).not.toContain(fold(line));
        }
        expect(fold(article.title ?? "")).not.toBe("");
      });

      it("keeps the gold captions apart from the body", () => {
        const captions = article.captions.map((c) => fold(c.text));
        expect(captions).toEqual((expected.captions ?? []).map(fold));
        const body = article.paragraphs.map((p) => fold(p.text));
        for (const c of captions) expect(body).not.toContain(c);
      });

      it("numbers paragraphs from 1 and their spans slice back out of the text", () => {
        expect(article.paragraphs.length).toBeGreaterThan(5);
        article.paragraphs.forEach((p, i) => {
          expect(p.n).toBe(i + 1);
          expect(article.text.slice(p.start, p.end)).toBe(p.text);
        });
        for (const c of article.captions) expect(article.text.slice(c.start, c.end)).toBe(c.text);
      });
    });
  }

  it("reads the TASS dateline and starts ¶1 after it, with the lead kept apart", () => {
    const tass = load("000_0d28011d82771a06.txt");
    expect(tass.dateline).toBe("MOSCOW, September 3");
    expect(tass.date).toBeNull();
    const first = tass.paragraphs[0];
    expect(first?.text.startsWith("The United States in recent years")).toBe(true);
    expect(tass.lead).toBe(
      "Earlier, The New York Times said US secret services had tried but failed to persuade Deripaska to become their informer",
    );
    expect(tass.captions).toEqual([]);
    expect(tass.paragraphs).toHaveLength(7);
  });

  it("finds the Press TV outlet in its footer and keeps every real paragraph", () => {
    const press = load("004_455c79d58281e11a.txt");
    expect(press.paragraphs).toHaveLength(11);
    expect(press.paragraphs[0]?.text.startsWith("Moscow has strongly rejected")).toBe(true);
    expect(press.paragraphs.at(-1)?.text).toMatch(/domestic problems\.$/);
    expect(press.lead).toBeNull();
  });
});
