import { describe, expect, it } from "vitest";
import { PackedPostings } from "../../src/search/packed-postings.ts";
import { eachRun, seek } from "../../src/search/postings-runs.ts";

/** The postings `eachRun` hands over, removed ones left out, in the order handed. */
function read(list: PackedPostings | Map<number, number>): [number, number][] {
  const out: [number, number][] = [];
  eachRun(list, (ids, tfs, start, end) => {
    for (let j = start; j < end; j++)
      if (tfs[j] !== 0) out.push([ids[j] as number, tfs[j] as number]);
  });
  return out;
}

describe("eachRun", () => {
  it("hands over a packed list's ranges, all of them, in id order", () => {
    const list = PackedPostings.fromEntries([
      [3, 1],
      [9, 2],
    ]);
    list.append(Int32Array.of(0, 12, 20), Uint16Array.of(0, 4, 5), 1, 3);
    expect(read(list)).toEqual([
      [3, 1],
      [9, 2],
      [12, 4],
      [20, 5],
    ]);
  });

  it("leaves out removed postings and keeps those added one by one", () => {
    const list = PackedPostings.fromEntries([
      [3, 1],
      [9, 2],
    ]);
    list.delete(3);
    list.set(15, 7);
    expect(read(list)).toEqual([
      [9, 2],
      [15, 7],
    ]);
  });

  it("reads a Map in id order, whatever order it was filled in", () => {
    expect(
      read(
        new Map([
          [8, 1],
          [2, 3],
          [5, 2],
        ]),
      ),
    ).toEqual([
      [2, 3],
      [5, 2],
      [8, 1],
    ]);
  });
});

describe("seek", () => {
  const ids = Int32Array.of(1, 4, 6, 9, 15, 22, 30, 31, 40);

  it("finds the first id not below the one sought, from where it is told to start", () => {
    expect(seek(ids, 0, ids.length, 1)).toBe(0);
    expect(seek(ids, 0, ids.length, 5)).toBe(2);
    expect(seek(ids, 0, ids.length, 31)).toBe(7);
    expect(seek(ids, 3, ids.length, 4)).toBe(3);
    expect(seek(ids, 2, 5, 30)).toBe(5);
    expect(seek(ids, 0, ids.length, 41)).toBe(ids.length);
  });

  it("agrees with a plain scan for every id and start", () => {
    for (let from = 0; from <= ids.length; from++) {
      for (let id = 0; id <= 42; id++) {
        let expected = from;
        while (expected < ids.length && (ids[expected] as number) < id) expected++;
        expect(seek(ids, from, ids.length, id), `${from} ${id}`).toBe(expected);
      }
    }
  });
});
