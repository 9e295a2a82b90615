import { describe, expect, it } from "vitest";
import { buildEntityTable } from "../../src/attribution/entities.ts";
import { splitSentences } from "../../src/attribution/sentences.ts";
import { attributions, find } from "./helpers.ts";

/** The kind the article's entity table gives a name. */
function kindOf(text: string, name: string) {
  const sentences = splitSentences(text, 0, text.length, []).map((s) => s.tokens);
  return buildEntityTable(sentences).entities.find((e) => e.name === name)?.kind;
}

describe("a name that looks like a person's but the article shows is a body's", () => {
  it("reads a bank with a chief executive as a body, so 'the bank' finds it (business)", () => {
    const text =
      "NEW YORK (Reuters) - Harlow Finch was fined $90 million on Monday. Harlow Finch CEO " +
      "Dana Reyes apologised to lawmakers on Tuesday for the sales scandal.\n\n" +
      "The bank said it had fired 900 employees over the practice since 2014.\n\n" +
      "Reyes said the bonuses would end this month.";
    const list = attributions(text);
    expect(kindOf(text, "Harlow Finch")).toBe("organization");
    expect(find(list, "fired 900 employees").speaker).toBe("Harlow Finch");
    expect(find(list, "the bonuses would end").speaker).toBe("Dana Reyes");
  });

  it("takes a company form after an ampersand, or shareholders after a possessive", () => {
    const text =
      "Talbot Rusk & Co. reported a loss on Monday. Merrow Vance's shareholders voted " +
      "against the merger.";
    expect(kindOf(text, "Talbot Rusk")).toBe("organization");
    expect(kindOf(text, "Merrow Vance")).toBe("organization");
    const list = attributions(
      "Talbot Rusk & Co. reported a loss on Monday.\n\nThe firm said the loss was a one-off.",
    );
    expect(find(list, "a one-off").speaker).toBe("Talbot Rusk");
  });

  it("keeps a person a person: a known first name, or no body's parts after the name", () => {
    const text =
      "Daniel Ortega employees protested outside the plant.\n\n" +
      "Kessel Brandt said the appeal would be filed on Friday.\n\n" +
      "Brandt added that the ruling was wrong.";
    const list = attributions(text);
    expect(kindOf(text, "Daniel Ortega")).toBe("person");
    expect(kindOf(text, "Kessel Brandt")).toBe("person");
    expect(find(list, "the ruling was wrong").speaker).toBe("Kessel Brandt");
  });

  it("leaves 'the bank' unnamed when the article names no body (court)", () => {
    const list = attributions(
      "Judge Anna Kessler ruled on Monday that the lawsuit could go ahead.\n\n" +
        "The bank said it would appeal the ruling.",
    );
    expect(find(list, "it would appeal").speaker).toBeNull();
  });
});

describe("a named person's unnamed doctor", () => {
  it("is the post by whose it is, after the owner's title too, never the owner (wire)", () => {
    const list = attributions(
      "DENVER (AP) — Libertarian presidential candidate Gary Johnson held a rally on Friday.\n\n" +
        "Libertarian presidential candidate Gary Johnson’s doctor said the candidate was fit.\n\n" +
        "A physician said the heat had been dangerous.",
    );
    expect(find(list, "the candidate was fit").speaker).toBe("Johnson doctor");
    expect(find(list, "the heat had been dangerous").speaker).toBeNull();
    const titled = attributions("Doctor Jane Okafor said three people were treated.");
    expect(find(titled, "three people were treated").speaker).toBe("Jane Okafor");
  });
});

describe("a city's government", () => {
  it("speaks as 'the city of ...', under the city's name; a city of no name is no one", () => {
    const list = attributions(
      "PHOENIX (AP) — The city of Phoenix is demanding that the campaign stop using the " +
        "image of its officers.\n\n" +
        "The city of dreams, its mayor said, was built on water.",
    );
    expect(find(list, "stop using the image").speaker).toBe("City of Phoenix");
    expect(
      attributions("The city of dreams said it would rebuild.")[0]?.speaker ?? null,
    ).toBeNull();
  });
});
