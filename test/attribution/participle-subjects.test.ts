import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a participle set off by a comma, with no mention read", () => {
  it("speaks for the subject named before a parenthesis (wire style)", () => {
    const list = attributions(
      "WASHINGTON (Reuters) - The Senate took up the farm bill on Monday.\n\n" +
        "But Sen. Ray Tallis (R-Ohio) refused to back the plan, responding that it was far too " +
        "costly for the state.",
    );
    expect(find(list, "far too costly").speaker).toBe("Ray Tallis");
  });

  it("speaks for the subject named before an aside in dashes (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods rose on Tuesday.\n\n" +
        "Ms. Lena Marsh -- whose company sold its stake in Corvel last year -- has criticized " +
        "the merger, suggesting that the price was too low.",
    );
    expect(find(list, "the price was too low").speaker).toBe("Lena Marsh");
  });

  it("does not speak for the subject after a preposition (court style)", () => {
    const list = attributions(
      "The hearing resumed in London on Friday.\n\n" +
        "Ms. Rachel Holt rebuked Mr. Ray Tallis for suggesting that she had hidden the letters.",
    );
    expect(find(list, "she had hidden the letters").speaker).not.toBe("Rachel Holt");
  });
});
