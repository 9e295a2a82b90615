import { describe, expect, it } from "vitest";
import { align, words } from "../../src/search/align.ts";

const PASSAGE = "We reject these baseless claims entirely, and we will publish every figure.";

describe("words", () => {
  it("gives each word's place and the folded form words are compared in", () => {
    expect(words("O’Brien’s café, well‐known")).toEqual([
      { raw: "O’Brien’s", norm: "o'brien's", start: 0, end: 9 },
      { raw: "café", norm: "cafe", start: 10, end: 14 },
      { raw: "well‐known", norm: "well-known", start: 16, end: 26 },
    ]);
    expect(words("*** -- !!")).toEqual([]);
  });
});

describe("align", () => {
  it("finds the stretch a short text repeats, anywhere in the long one", () => {
    const found = align(words("baseless claims entirely"), words(PASSAGE));
    expect(found).toEqual({
      matches: 3,
      window: 3,
      start: 16,
      end: 40,
      diff: "baseless claims entirely",
      negationChanged: false,
    });
    expect(PASSAGE.slice(found?.start, found?.end)).toBe("baseless claims entirely");
  });

  it("shows the difference word by word, long → short, cutting long same stretches", () => {
    const found = align(
      words("We reject these baseless allegations entirely and will publish every single figure"),
      words(PASSAGE),
    );
    expect(found?.matches).toBe(10);
    expect(found?.window).toBe(12);
    expect(found?.diff).toBe(
      "We reject these baseless [-claims-] {+allegations+} entirely and [-we-] will publish every {+single+} figure",
    );
    const far = align(words("claims entirely and we will publish every number"), words(PASSAGE));
    expect(far?.diff).toBe("… will publish every {+number+}");
  });

  it("says when a negation is added, dropped or swapped", () => {
    const added = align(words("we will not publish every figure"), words(PASSAGE));
    expect(added?.negationChanged).toBe(true);
    const swapped = align(words("we can't take it"), words("we cannot take it"));
    expect(swapped?.negationChanged).toBe(false);
    expect(swapped?.diff).toBe("we [-cannot-] {+can't+} take it");
    const reworded = align(words("we will publish each figure"), words(PASSAGE));
    expect(reworded?.negationChanged).toBe(false);
  });

  it("has nothing to align when either side has no words", () => {
    expect(align([], words(PASSAGE))).toBeNull();
    expect(align(words("some words"), [])).toBeNull();
  });
});
