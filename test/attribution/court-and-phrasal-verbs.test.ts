import { describe, expect, it } from "vitest";
import { speechVerb, trailingCueForms } from "../../src/attribution/speech-verbs.ts";
import { attributions, contentOf, find } from "./helpers.ts";

// Short articles written for these tests in court, business and wire styles: a court's ruling
// and a phrasal verb ("pointed out") report speech; their other uses must stay out.

describe("a court rules that ...", () => {
  const story = [
    "CINCINNATI, Sept. 23 (Reuters) - A federal appeals court ruled on Friday that Ohio's purge of inactive voters broke federal law.",
    "",
    "The three-judge panel ruled that the state could not remove voters only because they had skipped two elections. The state will remain bound by the order until March, the panel ruled.",
    "",
    "Judge Karen Moore ruled out a stay of the order. State officials have effectively ruled that out. The judge ruled in favor of the plaintiffs last year.",
    "",
    "A new federal rule that lifts the limit took effect in May, and a landmark ruling that in essence ended the practice still stands. The party rules bind every delegate.",
  ].join("\n");
  const list = attributions(story);

  it("reads 'ruled that ...' and a ruling that closes what it reports (court style)", () => {
    expect(find(list, "Ohio's purge of inactive voters broke federal law").mention?.text).toBe(
      "A federal appeals court",
    );
    expect(find(list, "the state could not remove voters").cue?.text).toBe("ruled");
    expect(find(list, "remain bound by the order").mention?.text).toBe("the panel");
  });

  it("leaves out 'ruled out', 'ruled that out', 'ruled in favor of' and the noun", () => {
    const words = list.map(contentOf).join(" | ");
    expect(words).not.toContain("stay of the order");
    expect(words).not.toContain("plaintiffs");
    expect(words).not.toContain("lifts the limit");
    expect(words).not.toContain("ended the practice");
    expect(words).not.toContain("bind every delegate");
    expect(list).toHaveLength(3);
  });
});

describe("a phrasal verb: 'pointed out that ...'", () => {
  it("reads the clause after the particle, with or without 'that' (business style)", () => {
    const list = attributions(
      "Harbor Bank's chief executive, Dana Reyes, pointed out that the bank had not cut its dividend in 20 years. Analysts have pointed out the bank's margins are thinner than its rivals'.",
    );
    const dividend = find(list, "the bank had not cut its dividend");
    expect(dividend.speaker).toBe("Dana Reyes");
    expect(dividend.cue?.text).toBe("pointed out");
    expect(find(list, "margins are thinner").cue?.text).toBe("have pointed out");
  });

  it("reads a participle after a comma (wire style)", () => {
    const list = attributions(
      "The ministry defended the tariff on Monday, pointing out that imports had doubled since 2019.",
    );
    expect(find(list, "imports had doubled since 2019").mention?.text).toBe("The ministry");
  });

  it("leaves out pointing at things and the verb without its particle", () => {
    const list = attributions(
      "Reyes pointed out the window at the harbor. Analysts pointed out the weak loan growth. She pointed to the chart. The figures were pointed out in the report.",
    );
    expect(list).toEqual([]);
  });

  it("is one entry of the speech-verb list, kept from the quote repair's closing verbs", () => {
    expect(speechVerb("pointed")?.particle).toBe("out");
    expect(speechVerb("ruled")?.complement).toBe("strict");
    expect(trailingCueForms()).not.toContain("pointed");
  });
});

describe("a verb that calls its object something with 'as'", () => {
  it("reads 'attacked X as Y' as an allegation and 'cast X as Y' (wire style)", () => {
    const list = attributions(
      "Senator Ruth Alder attacked her opponent as a fraud and a tax cheat during Monday's debate. Her rival, Tom Hale, cast himself as the only outsider in the race.",
    );
    const attack = find(list, "her opponent as a fraud");
    expect(attack.speaker).toBe("Ruth Alder");
    expect(attack.stance).toBe("allegation");
    expect(find(list, "himself as the only outsider").speaker).toBe("Tom Hale");
  });

  it("leaves out the same verbs without 'as', and a passive's agent (business style)", () => {
    const list = attributions(
      "Rebels attacked the village on Monday. The union cast its votes for the plan. The firm was portrayed by its rivals as reckless. Workers painted the fence white.",
    );
    expect(list).toEqual([]);
  });

  it("never takes a people named before as the 'he' who speaks next", () => {
    const list = attributions(
      "The Europeans, who had been left out of the talks, derided the deal as toothless, but Prime Minister Jonas Berg learned from it. A trade accord could not exclude the poorer states, he said.",
    );
    expect(find(list, "could not exclude the poorer states").speaker).toBe("Jonas Berg");
  });
});

describe("'referenced' names what was said of", () => {
  it("reads a quoted phrase or a topic after it (business style)", () => {
    const list = attributions(
      'WASHINGTON, Oct. 4 (Reuters) - Although the fund did not single out any country, it referenced "political tensions" in advanced economies. The fund\'s chief economist, Maria Lund, referenced the reality of slowing trade growth across Asia.',
    );
    expect(find(list, "political tensions").cue?.text).toBe("referenced");
    expect(find(list, "slowing trade growth").speaker).toBe("Maria Lund");
  });

  it("leaves out a passive with no speaker and a bare object", () => {
    const list = attributions(
      "The figures were referenced in the report. Lund referenced the chart.",
    );
    expect(list).toEqual([]);
  });
});

describe("a verb before an -ing cue that leaves the speaking to its subject", () => {
  it("reads 'kept insisting' and 'could not resist pointing out' (wire style)", () => {
    const list = attributions(
      "The fact-checking site found the claim true, but in its report they could not resist pointing out that most shootings were not fatal. Senator Ruth Alder kept insisting that the plan would work.",
    );
    const resisted = find(list, "most shootings were not fatal");
    expect(resisted.mention?.text).toBe("they");
    expect(resisted.cue?.text).toBe("could not resist pointing out");
    expect(find(list, "the plan would work").speaker).toBe("Ruth Alder");
  });

  it("still drops a negated report that no catenative turns around", () => {
    const list = attributions("Senator Ruth Alder did not keep saying that the plan would work.");
    expect(list.map(contentOf).join(" | ")).not.toContain("the plan would work");
  });
});
