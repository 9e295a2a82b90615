import { describe, expect, it } from "vitest";
import { readPlainQuestion } from "../../src/surfaces/plain-question.ts";

describe("readPlainQuestion", () => {
  it("reads 'what did X say' as /quote, with a topic when one is given", () => {
    expect(readPlainQuestion("what did Peskov say?")).toEqual({
      kind: "run",
      line: "/quote speaker:Peskov",
    });
    expect(readPlainQuestion("What has the MI5 chief said about Russia?")).toEqual({
      kind: "run",
      line: "/quote speaker:MI5 chief about:Russia",
    });
  });

  it("reads 'who …' as /who with the whole question, and a quotation as /find-source", () => {
    expect(readPlainQuestion("who denied the hacking claims?")).toEqual({
      kind: "run",
      line: "/who claim:who denied the hacking claims?",
    });
    expect(readPlainQuestion("“We cannot take any of these allegations into account”")).toEqual({
      kind: "run",
      line: "/find-source text:“We cannot take any of these allegations into account”",
    });
  });

  it("only suggests when the intent is unclear", () => {
    const r = readPlainQuestion("Andrew Parker");
    expect(r.kind).toBe("suggest");
    expect(r.kind === "suggest" && r.text).toContain("/quote speaker:Andrew Parker");
    const words = readPlainQuestion("cyber warfare against military secrets");
    expect(words.kind === "suggest" && words.text).toContain(
      "/search cyber warfare against military secrets",
    );
  });
});
