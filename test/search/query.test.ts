import { describe, expect, it } from "vitest";
import { MAX_QUERY_WORDS, parseQuery } from "../../src/search/query.ts";
import { parseClaim } from "../../src/search/question.ts";
import { bestOf } from "../best-of.ts";

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
    const query = "Moscow rejects claims about cyber-attacks; ".repeat(250).slice(0, 10_000);
    const parsed = parseQuery(query);
    expect(bestOf(3, () => parseQuery(query))).toBeLessThan(100);
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
      speaker: null,
      verb: "accused",
      verbKind: "allege",
    });
    expect(parseClaim("who said such speculations were wrong")).toMatchObject({
      text: "such speculations were wrong",
      stance: null,
      verbKind: "say",
    });
    expect(
      parseClaim("Who reported that US secret services tried to recruit Deripaska?").text,
    ).toBe("US secret services tried to recruit Deripaska");
    expect(parseClaim("who has repeatedly dismissed the charges")).toMatchObject({
      text: "the charges",
      stance: "denial",
    });
    expect(parseClaim("Who ruled out any chance that she would quit?")).toMatchObject({
      text: "any chance that she would quit",
      verbKind: "deny",
    });
    // A verb the tables do not know still frames the claim.
    expect(parseClaim("Who urged the council to act?")).toMatchObject({
      text: "the council to act",
      verb: "urged",
    });
    expect(parseClaim('Who said of Trump "maybe he is not rich"?').text).toBe(
      'of Trump "maybe he is not rich"',
    );
  });

  it("finds the speaker a claim names, with titles and roles, and the verb's kind", () => {
    expect(parseClaim("Putin said Russia interfered in the US election")).toEqual({
      text: "Russia interfered in the US election",
      stance: null,
      speaker: "Putin",
      verb: "said",
      verbKind: "say",
    });
    expect(parseClaim("IMF chief economist Maury Obstfeld said tariffs hurt")).toMatchObject({
      speaker: "IMF chief economist Maury Obstfeld",
      text: "tariffs hurt",
    });
    expect(parseClaim("Peskov praised the FBI")).toMatchObject({
      speaker: "Peskov",
      verb: "praised",
      verbKind: "judge",
      text: "the FBI",
    });
    expect(parseClaim("Did Putin say that Russia interfered?")).toMatchObject({
      speaker: "Putin",
      text: "Russia interfered",
    });
    expect(parseClaim("Washington denied accusing Russia")).toMatchObject({
      speaker: "Washington",
      stance: "denial",
      text: "accusing Russia",
    });
  });

  it("leaves a claim without a frame as it is: a capitalised word is never a verb", () => {
    expect(parseClaim("Russia pushes its foreign policy")).toEqual({
      text: "Russia pushes its foreign policy",
      stance: null,
      speaker: null,
      verb: null,
      verbKind: null,
    });
    expect(parseClaim("The United States is Russia's best friend").speaker).toBeNull();
    expect(parseClaim("the defence budget rose in 2013").speaker).toBeNull();
  });
});
