import { describe, expect, it } from "vitest";
import { quotedParts } from "../../src/text/quoted-parts.ts";

describe("quotedParts", () => {
  it("reads quoted parts, in order, else block quotes, else the whole message", () => {
    expect(quotedParts('He said "one two three" and «four five six seven»')).toEqual([
      "one two three",
      "four five six seven",
    ]);
    expect(quotedParts("> quoted line\nmy comment")).toEqual(["quoted line"]);
    expect(quotedParts("plain words here")).toEqual(["plain words here"]);
  });

  it("takes a single mark for a quote only around a long stretch, as it is also an apostrophe", () => {
    expect(quotedParts("the ‘short’ one")).toEqual(["the ‘short’ one"]);
    expect(quotedParts("he said ‘we will not stop here’ today")).toEqual(["we will not stop here"]);
    expect(quotedParts("„Wir schaffen das“ sagte sie")).toEqual(["Wir schaffen das"]);
  });
});
