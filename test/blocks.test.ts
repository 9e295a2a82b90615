import { describe, expect, it } from "vitest";
import { splitBlocks } from "../src/corpus/blocks.ts";

describe("splitBlocks", () => {
  it("keeps offsets into the original text across line-ending styles", () => {
    const text = "  Title\r\n\r\nFirst para\nstill first.\n \n\n\u00a0Second\u00a0\r\rThird";
    const blocks = splitBlocks(text);
    expect(blocks.map((b) => b.text)).toEqual([
      "Title",
      "First para\nstill first.",
      "Second",
      "Third",
    ]);
    for (const b of blocks) expect(text.slice(b.start, b.end)).toBe(b.text);
  });

  it("returns nothing for blank text", () => {
    expect(splitBlocks(" \n\n\t ")).toEqual([]);
  });
});
