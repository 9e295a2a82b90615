import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound, partitionPoint } from "../../src/sorted/partition-point.ts";

describe("partitionPoint and lowerBound", () => {
  it("finds where a key goes in a sorted list, as a walk from the start would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: -60, max: 60 }),
        (values, key) => {
          const sorted = [...values].sort((a, b) => a - b);
          let walked = 0;
          while (walked < sorted.length && (sorted[walked] as number) < key) walked++;
          expect(partitionPoint(0, sorted.length, (i) => (sorted[i] as number) < key)).toBe(walked);
          expect(lowerBound(sorted, key)).toBe(walked);
          expect(lowerBound(Int32Array.from(sorted), key)).toBe(walked);
        },
      ),
    );
  });

  it("searches only the range it is given", () => {
    const ids = [1, 3, 5, 7, 9, 11];
    const asked: number[] = [];
    const at = partitionPoint(2, 5, (i) => {
      asked.push(i);
      return (ids[i] as number) < 8;
    });
    expect(at).toBe(4);
    expect(asked.every((i) => i >= 2 && i < 5)).toBe(true);
    expect(partitionPoint(2, 5, () => true)).toBe(5);
    expect(partitionPoint(2, 5, () => false)).toBe(2);
    expect(partitionPoint(3, 3, () => true)).toBe(3);
    expect(lowerBound(ids, 8, 2, 5)).toBe(4);
    expect(lowerBound(ids, 100, 2, 5)).toBe(5);
    expect(lowerBound(ids, 0, 2, 5)).toBe(2);
  });
});
