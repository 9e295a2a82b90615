import { describe, expect, it } from "vitest";
import { readTerms } from "../../src/claims/terms.ts";

const words = (text: string, denied?: boolean) =>
  readTerms(text, denied).map((t) => `${t.negated ? "!" : ""}${t.stem}`);

describe("readTerms remembered", () => {
  it("keeps a text read as denied apart from the same text after a '!'", () => {
    // Remembered under one key, "!" + text once meant "denied": a pasted "!accept the offer"
    // then came back negated.
    expect(words("accept the offer", true)).toEqual(["!accept", "!offer"]);
    expect(words("!accept the offer")).toEqual(["accept", "offer"]);
    expect(words("!reject the deal")).toEqual(["reject", "deal"]);
    expect(words("reject the deal", true)).toEqual(["!reject", "!deal"]);
  });
});
