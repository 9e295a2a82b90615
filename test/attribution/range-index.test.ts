import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RangeIndex } from "../../src/attribution/range-index.ts";
import type { Range } from "../../src/attribution/sentence-parts.ts";

const SIZE = 40;
const range = fc
  .tuple(fc.integer({ min: -1, max: SIZE }), fc.integer({ min: 0, max: 8 }))
  .map(([from, length]): Range => ({ from, to: from + length }));

/** The keys a query offers that really match, against a scan of every range stored. */
function check(stored: Range[], query: Range): void {
  const index = new RangeIndex(SIZE);
  for (const [key, r] of stored.entries()) index.add(key, r);
  const keys = (offered: number[], test: (r: Range) => boolean) =>
    [...new Set(offered)].filter((k) => test(stored[k] as Range)).sort((a, b) => a - b);
  const scan = (test: (r: Range) => boolean) => stored.flatMap((r, k) => (test(r) ? [k] : []));
  const contains = (r: Range) => r.from <= query.from && query.to <= r.to;
  const inside = (r: Range) => query.from <= r.from && r.to <= query.to;
  const overlaps = (r: Range) => r.from < query.to && query.from < r.to;
  expect(keys(index.containing(query), contains)).toEqual(scan(contains));
  expect(keys(index.within(query), inside)).toEqual(scan(inside));
  expect(keys(index.overlapping(query), overlaps)).toEqual(scan(overlaps));
}

describe("RangeIndex", () => {
  it("offers every stored range that contains, lies within or overlaps a query", () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), range, (stored, query) =>
        check(stored, query),
      ),
      { numRuns: 500 },
    );
  });

  it("still offers a key stored again under a new range", () => {
    const index = new RangeIndex(20);
    index.add(0, { from: 2, to: 4 });
    index.add(0, { from: 10, to: 15 });
    expect(index.containing({ from: 11, to: 12 })).toEqual([0]);
    expect(index.within({ from: 1, to: 5 })).toEqual([0]);
  });

  it("offers only ranges near the query when none nest", () => {
    const index = new RangeIndex(10_000);
    for (let at = 0; at < 10_000; at += 2) index.add(at, { from: at, to: at + 1 });
    expect(index.overlapping({ from: 5000, to: 5003 })).toEqual([5000, 5002]);
    expect(index.containing({ from: 4000, to: 4001 })).toEqual([4000]);
  });
});
