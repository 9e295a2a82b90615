import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitWords } from "../../src/text/split-words.ts";

/** The regular expression the hand-written split stands in for. */
const reference = (text: string) => text.split(/[^\p{L}\p{N}-]+/u);

describe("splitWords", () => {
  it("splits at runs of what is neither a letter, a digit nor a hyphen, keeping empty ends", () => {
    expect(splitWords("“These claims are false,” he said.")).toEqual([
      "",
      "These",
      "claims",
      "are",
      "false",
      "he",
      "said",
      "",
    ]);
    expect(splitWords("cherry-picked  the data")).toEqual(["cherry-picked", "the", "data"]);
    expect(splitWords("")).toEqual([""]);
    expect(splitWords("...")).toEqual(["", ""]);
  });

  it("reads letters and digits beyond ASCII, astral ones and lone surrogates as the regex does", () => {
    for (const text of [
      "Müller’s 2 ½ ١٢٣ naïve",
      "𝐀𝐁 x 😀 y",
      "a\ud800b",
      "日本語、中文",
      "é\u0301",
    ]) {
      expect(splitWords(text)).toEqual(reference(text));
    }
  });

  it("agrees with the regular expression on any text", () => {
    const chars = fc.constantFrom(..."aZ9-_ ,.’'\u00e9\u0301\u00bd\u0661\u2014\u00a0\n😀𝐀\ud800日");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(splitWords(text)).toEqual(reference(text));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(splitWords(text)).toEqual(reference(text));
      }),
    );
  });
});
