import { describe, expect, it } from "vitest";
import { align } from "../../src/claims/align.ts";
import { readTerms, sameWord } from "../../src/claims/terms.ts";

const words = (text: string) => readTerms(text).map((t) => `${t.negated ? "!" : ""}${t.stem}`);

describe("readTerms", () => {
  it("marks the words a negation reaches, within its clause", () => {
    expect(words("the sanctions are not working")).toEqual(["sanction", "!work"]);
    expect(words("he refused to answer, and left")).toEqual(["!answer", "left"]);
    expect(words("it won't eliminate gun violence")).toEqual(["!elimin", "!gun", "!violenc"]);
  });

  it("carries a negation past an aside, and reads “rather than” and “instead of” as negations", () => {
    expect(words("the bank does not, and never will, accept the offer")).toEqual([
      "bank",
      "!will",
      "!accept",
      "offer",
    ]);
    expect(words("a campaign ad rather than a legislative purpose")).toEqual([
      "campaign",
      "ad",
      "!legisl",
      "!purpos",
    ]);
    expect(words("she resigned instead of being fired")).toEqual(["resign", "!fire"]);
    // An aside after a plain negation ends it: "did not, but she accepted".
    expect(words("he did not, but she accepted")).toEqual(["accept"]);
  });

  it("marks the words past a negation's sure reach, in its clause, as hedged", () => {
    const terms = readTerms("I cannot be part of a network funded by the government");
    expect(terms.map((t) => [t.word, t.negated, t.hedged])).toEqual([
      ["part", true, false],
      ["network", false, true],
      ["funded", false, true],
      ["government", false, true],
    ]);
  });

  it("hedges the words before a negation in its clause, which may be the clause's", () => {
    const terms = readTerms("the courts have no business deciding, and voters know it");
    expect(terms.map((t) => [t.word, t.negated, t.hedged])).toEqual([
      ["courts", false, true],
      ["business", true, false],
      ["deciding", true, false],
      ["voters", false, false],
      ["know", false, false],
    ]);
    // So "not the courts' job" does not clash with it; a plain "the courts decide" does.
    const job = readTerms("it is not the courts' job to decide");
    expect(align(job, terms, []).opposite).toBe(false);
    expect(align(readTerms("the courts decide"), terms, []).opposite).toBe(true);
  });

  it("hedges every word of a negation's clause past its sure reach, however long the clause", () => {
    const said = readTerms(
      "our goal is not to suddenly in the trade arena repeat a cycle of escalation we saw before",
    );
    expect(said.filter((t) => t.hedged).map((t) => t.word)).toEqual([
      "goal",
      "trade",
      "arena",
      "repeat",
      "cycle",
      "escalation",
      "saw",
    ]);
    const claim = readTerms("the aim was not to copy the escalation of trade wars");
    expect(align(claim, said, []).opposite).toBe(false);
    expect(align(claim, said, []).unsure).toBe(false);
    // A claim without the negation finds its words only where the negation may reach.
    expect(align(readTerms("the goal is to repeat a cycle of escalation"), said, []).unsure).toBe(
      true,
    );
    // A negation of a phrase leaves what comes before it plain.
    const delay = readTerms("the ministry must open an inquiry without delay");
    expect(delay.filter((t) => t.hedged)).toEqual([]);
    expect(align(readTerms("the ministry must open an inquiry"), delay, []).unsure).toBe(false);
  });

  it("groups names written together and tells a sentence opener from a name", () => {
    const terms = readTerms("Look, Abby Martin met Saudi Arabia's envoy in 2,016 cases.");
    expect(terms.filter((t) => t.entity).map((t) => [t.word, t.group])).toEqual([
      ["look", 1],
      ["abby", 2],
      ["martin", 2],
      ["saudi", 3],
      ["arabia", 3],
      ["2,016", 4],
    ]);
    expect(terms.find((t) => t.word === "look")?.opener).toBe(true);
    expect(terms.find((t) => t.word === "abby")?.opener).toBe(false);
  });

  it("reads words and phrases of one sense as one word, a negation kept", () => {
    expect(words("the charges were unsubstantiated")).toEqual(words("the charges were baseless"));
    expect(words("accounts made up by staff")).toEqual(words("accounts fabricated by staff"));
    expect(words("she would drop out of the race")).toEqual(
      words("she would withdraw from the race"),
    );
    expect(words("it played no part in the 9/11 attacks")).toEqual([
      "!involv",
      "septemb",
      "11",
      "attack",
    ]);
    expect(words("the goal is to set norms")).toEqual(words("the aim is to set norms"));
    expect(words("mere sideshows")).toEqual(words("mere distractions"));
    expect(words("not every shooting ended in a death")).toEqual(
      words("not every shooting resulted in a death"),
    );
    // "ended in 2015" is not "resulted in 2015".
    expect(words("the program ended in 2015")).toEqual(["program", "end", "2015"]);
    // "part" alone keeps its own sense.
    expect(words("part of the plan")).toEqual(["part", "plan"]);
  });

  it("joins a noun and its verb the stemmer keeps apart, but not short stems", () => {
    expect(sameWord("threat", "threaten")).toBe(true);
    expect(sameWord("art", "artist")).toBe(false);
  });
});

describe("align", () => {
  const check = (claim: string, statement: string, context = "") =>
    align(readTerms(claim), readTerms(statement), readTerms(context));

  it("covers a paraphrase and agrees on its polarity", () => {
    const a = check(
      "the sanctions are not working",
      "sanctions, however tough, are simply not working",
    );
    expect(a.coverage).toBe(1);
    expect(a.opposite).toBe(false);
  });

  it("finds the opposite: a dropped negation, or a word of opposite meaning", () => {
    expect(check("the sanctions are working", "the sanctions are not working").opposite).toBe(true);
    const fell = check("exports fell by 4 percent", "exports rose by 4 percent");
    expect(fell.opposite).toBe(true);
    expect(fell.flipped).toEqual(["fell"]);
  });

  it("turns a statement around when it says plainly all that a negation of the claim denies", () => {
    // A long claim whose other negation the statement shares: two flipped words are few of
    // its shared words, but they are all of what its first "not" reaches.
    const tail =
      "donations from people who work for oil companies with support from the industry, which did not give money to any candidate in the primary race this year";
    const a = check(
      `the campaign was not conflating ${tail}`,
      `the campaign was conflating ${tail}`,
    );
    expect(a.flipped).toEqual(["conflating", "donations"]);
    expect(a.opposite).toBe(true);
  });

  it("turns nothing around on a word whose negation is only hedged", () => {
    const statement = "No matter what anyone says, that is not a legitimate legislative purpose";
    // "legislative" is past the sure reach of "rather than", within that of "not".
    const a = check("a campaign ad rather than serving a real legislative purpose", statement);
    expect(a.flipped).toEqual([]);
    expect(a.opposite).toBe(false);
    expect(check("that is a legislative purpose", statement).opposite).toBe(true);
  });

  it("tells a demand from a forecast: “must open” is not “will open”", () => {
    const asked = "the Interior Ministry will open an independent investigation";
    expect(check(asked, "the authorities must open an independent investigation").otherMood).toBe(
      "will",
    );
    expect(check(asked, "the ministry will open an independent investigation").otherMood).toBe(
      null,
    );
    expect(check("police must stop the raids", "police will stop the raids").otherMood).toBe(
      "must",
    );
    // A statement without a modal says neither.
    expect(check(asked, "it opened an independent investigation").otherMood).toBe(null);
  });

  it("wants the claim's numbers, and says which the statement gives instead", () => {
    const six = check("exports rose by 6 percent", "exports rose by 4 percent last year");
    expect(six.missingNumbers).toEqual(["6"]);
    expect(six.otherNumbers).toEqual(["4"]);
    expect(check("fired 4,000 workers", "it fired four thousand workers").missingNumbers).toEqual([
      "4000",
    ]);
    expect(check("rose by four percent", "rose by 4 percent").missingNumbers).toEqual([]);
    expect(check("cut 1,200 jobs", "cut 1200 jobs").missingNumbers).toEqual([]);
    // A year is framing unless another year stands in its place; "one" is as often a pronoun.
    expect(check("in 2016 the bank cut jobs", "the bank cut jobs").missingNumbers).toEqual([]);
    expect(check("in 2016 the bank cut jobs", "in 2015 the bank cut jobs").missingNumbers).toEqual([
      "2016",
    ]);
    expect(check("they helped one another", "they helped each other").missingNumbers).toEqual([]);
  });

  it("tells one side of a pair from the other: imports are not exports", () => {
    expect(check("imports rose", "exports rose").swapped).toEqual([
      { claim: "imports", statement: "exports" },
    ]);
    expect(check("the defendant lied", "the plaintiff lied").swapped).toHaveLength(1);
    expect(check("imports rose", "imports and exports rose").swapped).toEqual([]);
  });

  it("reads the United States, America and American as one name", () => {
    const a = check("meddling in U.S. politics", "meddling in American politics");
    expect(a.missingEntities).toEqual([]);
    expect(check("the United States", "America").coverage).toBe(1);
  });

  it("reads a few words of one sense as one: workers are employees, right away is immediately", () => {
    const a = check(
      "the party should pick a possible replacement right away",
      "the party should immediately pick a potential successor",
    );
    expect(a.coverage).toBe(1);
    expect(check("the bank fired 900 workers", "the bank fired 900 employees").coverage).toBe(1);
    // One sense, the other polarity: still the opposite.
    expect(
      check("the bank fired 900 workers", "the bank has not fired any of its 900 staff").opposite,
    ).toBe(true);
    // Not a word for everything: "at once" may mean "together", and stays itself.
    expect(check("they spoke immediately", "they spoke at once").missing).toEqual(["immediately"]);
  });

  it("lists the names it lacks and the names the statement has instead", () => {
    const a = check(
      "hackers broke into election offices in Ohio and Florida",
      "hackers broke into election offices in Arizona and Illinois",
    );
    expect(a.missingEntities).toEqual(["ohio", "florida"]);
    expect(a.otherEntities).toEqual(["arizona", "illinois"]);
  });

  it("gives half credit for a word found only in the sentence around the statement", () => {
    const a = check("Warren told Stumpf to resign", "you should resign", "Warren told Stumpf");
    expect(a.missingEntities).toEqual([]);
    expect(a.coverage).toBeCloseTo((1 + 0.5 * 3) / 4);
  });
});
