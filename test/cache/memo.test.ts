import { describe, expect, it } from "vitest";
import { memoize } from "../../src/cache/memo.ts";

describe("memoize", () => {
  it("computes a value once per argument", () => {
    const calls: string[] = [];
    const upper = memoize((s: string) => {
      calls.push(s);
      return s.toUpperCase();
    }, 10);
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
  });

  it("forgets everything once full, and stays correct after", () => {
    const calls: string[] = [];
    const length = memoize((s: string) => {
      calls.push(s);
      return s.length;
    }, 2);
    expect([length("a"), length("bb"), length("ccc"), length("a")]).toEqual([1, 2, 3, 1]);
    expect(calls).toEqual(["a", "bb", "ccc", "a"]);
  });
});
