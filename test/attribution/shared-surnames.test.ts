import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a surname two people of the article share", () => {
  const story =
    "FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton spoke at a rally on Monday " +
    "for his wife Hillary Clinton.\n\n" +
    "During the rally, the former president said premiums were rising.\n\n";

  it("goes to the one who spoke since either was last named (wire)", () => {
    const list = attributions(`${story}“The insurance model doesn't work,” Clinton said.`);
    expect(find(list, "premiums were rising").speaker).toBe("Bill Clinton");
    expect(find(list, "The insurance model").speaker).toBe("Bill Clinton");
  });

  it("follows a title on the name over who spoke", () => {
    const list = attributions(`${story}“The insurance model doesn't work,” Mrs. Clinton said.`);
    expect(find(list, "The insurance model").speaker).toBe("Hillary Clinton");
  });

  it("goes to the one named since the other spoke (court)", () => {
    const list = attributions(
      "Defence lawyer Mark Okafor said the evidence was thin.\n\n" +
        "His sister, Judge Ruth Okafor, was not involved in the case. Okafor said on Friday " +
        "that she had stepped aside.",
    );
    expect(find(list, "the evidence was thin").speaker).toBe("Mark Okafor");
    expect(find(list, "she had stepped aside").speaker).toBe("Ruth Okafor");
  });

  it("reads the second of two possessive names without its joining word", () => {
    const list = attributions(
      "Campaign aide Rick Gates worked with Paul Manafort for a decade.\n\n" +
        "Former staff described Manafort's and Gates's work for the group.\n\n" +
        "Gates told the AP that the work was lawful.",
    );
    expect(find(list, "the work was lawful").speaker).toBe("Rick Gates");
  });
});
