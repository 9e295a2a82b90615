import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeRegExp } from "../../src/text/escape-regexp.ts";
import { hasWholeWord } from "../../src/text/whole-word.ts";

/** The pattern the scan stands in for. */
const reference = (text: string, word: string) =>
  new RegExp(`\\b${escapeRegExp(word)}\\b`, "u").test(text);

describe("hasWholeWord", () => {
  it("finds a word only between boundaries", () => {
    expect(hasWholeWord("Officials said the deal was off.", "said")).toBe(true);
    expect(hasWholeWord("Officials saidthe deal", "said")).toBe(false);
    expect(hasWholeWord("the bill passed; Bill Clinton said", "bill")).toBe(true);
    expect(hasWholeWord("Bill Clinton said", "bill")).toBe(false);
    expect(hasWholeWord("a will_be b", "will")).toBe(false);
    expect(hasWholeWord("Müller and müller", "müller")).toBe(true);
  });

  it("answers as the regular expression does, non-ASCII edges and empty words included", () => {
    const chars = fc.constantFrom(..."ab_1 .-’é\u00fc😀\n");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 30 }),
        fc.array(chars, { maxLength: 4 }),
        (text, word) => {
          expect(hasWholeWord(text.join(""), word.join(""))).toBe(
            reference(text.join(""), word.join("")),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
