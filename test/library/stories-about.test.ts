import { describe, expect, it } from "vitest";
import { storiesFirst } from "../../src/library/stories-about.ts";
import type { Speaker } from "../../src/types.ts";

const speaker = (name: string, aliases: string[] = [], kind: Speaker["kind"] = "person") =>
  ({ id: name, name, kind, aliases, quotes: 0, articles: 0 }) as Speaker;

/** Statements as [article, text]; titles by article. */
const order = (who: Speaker, titles: Record<string, string>, statements: [string, string][]) =>
  storiesFirst(
    statements,
    who,
    ([article]) => article,
    (article) => titles[article] ?? null,
  ).map(([, text]) => text);

describe("a speaker's statements, stories first", () => {
  it("puts the articles whose title names the person, by surname or in the possessive, first", () => {
    const titles = {
      a: "Senate passes farm bill",
      b: "Whitcombe's tax plan draws fire",
      c: "Governor Dana Whitcombe tours flood zone",
      d: "Whitcomber Ltd posts record profit",
    };
    const said = order(speaker("Dana Whitcombe"), titles, [
      ["a", "farm"],
      ["d", "profit"],
      ["b", "tax"],
      ["c", "flood"],
      ["a", "farm again"],
    ]);
    // The governor's tour opens with her name: her story, before the one about her plan.
    expect(said).toEqual(["flood", "tax", "farm", "profit", "farm again"]);
  });

  it("puts the stories whose title opens with the speaker before those naming them later", () => {
    const titles = {
      a: "Unions rip Mayor Okafor over transit cuts",
      b: "The Latest: Okafor's budget passes council",
      c: "Okafor questions the fairness of the audit; Talk of a recount",
      d: "Sen. Okafor vows to fight on",
      e: "Okafor: 'We will not close the depot'",
      f: "Metro Wire: Mayor Okafor defends fare rise",
      g: "Council approves depot sale",
    };
    const said = order(speaker("David Okafor"), titles, [
      ["g", "sale"],
      ["a", "cuts"],
      ["b", "budget"],
      ["c", "audit"],
      ["d", "fight"],
      ["e", "depot"],
      ["f", "fares"],
    ]);
    expect(said).toEqual(["audit", "fight", "depot", "fares", "cuts", "budget", "sale"]);
  });

  it("reads a role among the aliases as no name: the title must name the speaker", () => {
    const titles = { a: "Kremlin spokesman says talks are off", b: "Peskov denies report" };
    const said = order(speaker("Dmitry Peskov", ["Kremlin spokesman"]), titles, [
      ["a", "talks"],
      ["b", "report"],
    ]);
    expect(said).toEqual(["report", "talks"]);
  });

  it("names a body by its whole name only", () => {
    const titles = { a: "Bank of England holds rates", b: "England beat Wales" };
    const said = order(speaker("Bank of England", [], "organization"), titles, [
      ["b", "match"],
      ["a", "rates"],
    ]);
    expect(said).toEqual(["rates", "match"]);
  });
});
