import { describe, expect, it } from "vitest";
import { MAX_QUERY_WORDS, parseQuery } from "../../src/search/query.ts";
import { parseClaim } from "../../src/search/question.ts";

describe("parseQuery", () => {
  it("explains why there is nothing to search", () => {
    expect(parseQuery("")).toEqual({ words: [], notice: "The query is empty." });
    expect(parseQuery("   \n\t")).toEqual({ words: [], notice: "The query is empty." });
    expect(parseQuery("!!! ??? … —").notice).toMatch(/no words/);
    expect(parseQuery("(.*)+[]{}$^\\|?").notice).toMatch(/no words/);
    expect(parseQuery("the of and to").notice).toMatch(/very common words/);
  });

  it("searches a plain query as typed", () => {
    expect(parseQuery("crude intelligence methods")).toEqual({
      words: [
        { parts: ["crude"], joined: null },
        { parts: ["intelligence"], joined: null },
        { parts: ["methods"], joined: null },
      ],
      notice: null,
    });
  });

  it("drops repeated words", () => {
    expect(parseQuery("Peskov peskov PESKOV").words).toHaveLength(1);
  });

  it("keeps the most distinctive words of a long query, in the order written", () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${String(i).padStart(2, "0")}`);
    const common = new Set(words.slice(0, 8));
    const parsed = parseQuery(words.join(" "), (t) => (common.has(t) ? 1000 : 1));
    expect(parsed.words).toHaveLength(MAX_QUERY_WORDS);
    expect(parsed.words.map((w) => w.parts[0])).toEqual(words.slice(8));
    expect(parsed.notice).toMatch(/32 most distinctive words/);
  });

  it("handles a 10,000-character query quickly", () => {
    const started = performance.now();
    const parsed = parseQuery(
      "Moscow rejects claims about cyber-attacks; ".repeat(250).slice(0, 10_000),
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(parsed.words.length).toBeGreaterThan(0);
    expect(parsed.notice).toMatch(/first 2,000 characters/);
    const noisy = parseQuery(Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" "));
    expect(noisy.words).toHaveLength(MAX_QUERY_WORDS);
  });
});

describe("parseClaim", () => {
  it("strips the question frame and keeps the verb's stance", () => {
    expect(
      parseClaim("Who accused Russia of trying to interfere in the US presidential election?"),
    ).toEqual({
      text: "Russia of trying to interfere in the US presidential election",
      stance: "allegation",
    });
    expect(parseClaim("who said such speculations were wrong")).toEqual({
      text: "such speculations were wrong",
      stance: null,
    });
    expect(
      parseClaim("Who reported that US secret services tried to recruit Deripaska?").text,
    ).toBe("US secret services tried to recruit Deripaska");
    expect(parseClaim("who has repeatedly dismissed the charges")).toEqual({
      text: "the charges",
      stance: "denial",
    });
  });

  it("leaves a claim without a question frame as it is", () => {
    expect(parseClaim("Russia pushes its foreign policy")).toEqual({
      text: "Russia pushes its foreign policy",
      stance: null,
    });
    expect(parseClaim("who wants peace")).toEqual({ text: "wants peace", stance: null });
  });
});
