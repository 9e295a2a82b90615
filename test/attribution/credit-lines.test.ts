import { describe, expect, it } from "vitest";
import { attributions, contentOf, find } from "./helpers.ts";

describe("a quotation credited by a dash and a name is that person's", () => {
  it("reads a gallery of reader quotes, one a line, the pasted ones opening with a closing mark", () => {
    const list = attributions(
      "Shoppers in Leeds told us what they think of the new rates.\n\n" +
        "”The bank has let savers down again. He said it over and over, and nothing changed.” ― Sonya Herridge\n" +
        "“Rates were cut three times this year.”― Edwin G. Monroy.",
    );
    const first = find(list, "let savers down again");
    expect(first.speaker).toBe("Sonya Herridge");
    expect(first.cue?.text).toBe("―");
    expect(first.type).toBe("direct");
    // The words inside the quotation are hers: "He said it" is not a statement of its own.
    expect(list.filter((a) => contentOf(a).includes("over and over"))).toHaveLength(1);
    expect(find(list, "cut three times").speaker).toBe("Edwin G. Monroy");
  });

  it("credits an epigraph with an em dash, the name's title and description left out", () => {
    const list = attributions(
      "The court ruled against the mill on Friday.\n\n" +
        '"We will appeal this ruling to the Supreme Court." — Sen. Ray Tallis, D-Ohio',
    );
    const hit = find(list, "appeal this ruling");
    expect(hit.speaker).toBe("Ray Tallis");
    expect(hit.mention?.text).toBe("Sen. Ray Tallis");
  });

  it("credits no one where the dash is followed by no name or the line is prose", () => {
    const list = attributions(
      "The court ruled against the mill on Friday.\n\n" +
        "“The ruling stands for now.” ― a reader in Leeds\n\n" +
        "The mill closed ― Dana Holt reopened it.",
    );
    expect(list.some((a) => a.cue?.text === "―")).toBe(false);
    expect(list.some((a) => a.speaker === "Dana Holt")).toBe(false);
  });
});
