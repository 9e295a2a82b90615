import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { PackedPostings } from "../../src/search/packed-postings.ts";
import {
  type ByteSource,
  blockChecksums,
  bytesInMemory,
  PostingsBlocks,
  type Slice,
  SliceCache,
  sliceCache,
} from "../../src/search/paged-postings.ts";

/** Postings saved as a piece: ids 10, 20, 30, ... with frequencies 1, 2, 3, ... */
function saved(count: number, perBlock: number) {
  const ids = Int32Array.from({ length: count }, (_, i) => 10 * (i + 1));
  const tfs = Uint16Array.from({ length: count }, (_, i) => i + 1);
  const bytes = Buffer.concat([
    Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength),
    Buffer.from(tfs.buffer, tfs.byteOffset, tfs.byteLength),
  ]);
  return { bytes, checksums: blockChecksums(ids, tfs, perBlock) };
}

/** A byte source that counts the reads made of it. */
function counted(bytes: Uint8Array): ByteSource & { reads: number } {
  const inner = bytesInMemory(bytes, "passages.postings.1.test.bin");
  const source = {
    label: inner.label,
    reads: 0,
    readInto(into: Uint8Array, position: number) {
      source.reads++;
      inner.readInto(into, position);
    },
    close() {},
  };
  return source;
}

describe("PostingsBlocks", () => {
  it("reads a term's slice, checking the blocks it touches the first time only", () => {
    const { bytes, checksums } = saved(10, 4);
    const source = counted(bytes);
    const problems: string[] = [];
    const blocks = new PostingsBlocks(source, 10, 4, checksums, (p) => problems.push(p));
    const slice = blocks.read(3, 6);
    expect([...slice.ids]).toEqual([40, 50, 60]);
    expect([...slice.tfs]).toEqual([4, 5, 6]);
    // Blocks 0 and 1 checked (two reads each), then the slice (two reads).
    expect(source.reads).toBe(6);
    blocks.read(4, 5);
    expect(source.reads).toBe(8);
    expect(problems).toEqual([]);
  });

  it("reports a flipped byte once, with the part and block, and reads the block as empty", () => {
    const { bytes, checksums } = saved(10, 4);
    bytes[4 * 5] = (bytes[4 * 5] as number) ^ 0x01; // the id of posting 5, in block 1
    const problems: string[] = [];
    const blocks = new PostingsBlocks(bytesInMemory(bytes, "p.bin"), 10, 4, checksums, (p) =>
      problems.push(p),
    );
    expect([...blocks.read(0, 3).ids]).toEqual([10, 20, 30]);
    expect(blocks.read(4, 6).ids.length).toBe(0);
    expect(blocks.read(5, 6).ids.length).toBe(0);
    expect(problems).toEqual(["part p.bin is corrupt (checksum mismatch in postings block 1)"]);
    expect([...blocks.read(8, 10).tfs]).toEqual([9, 10]);
  });

  it("reports postings cut short as truncated", () => {
    const { bytes, checksums } = saved(10, 4);
    const problems: string[] = [];
    const blocks = new PostingsBlocks(
      bytesInMemory(bytes.subarray(0, bytes.length - 2), "p.bin"),
      10,
      4,
      checksums,
      (p) => problems.push(p),
    );
    expect(blocks.read(8, 10).ids.length).toBe(0);
    expect(problems).toEqual(["part p.bin is truncated"]);
  });

  it("refuses checksums that do not cover its postings", () => {
    const { bytes, checksums } = saved(10, 4);
    expect(
      () => new PostingsBlocks(bytesInMemory(bytes), 10, 2, checksums, () => undefined),
    ).toThrow(/checksums do not match/);
  });
});

describe("SliceCache", () => {
  const slice = (n: number): Slice => ({ ids: new Int32Array(n), tfs: new Uint16Array(n) });

  it("keeps the slices read lately within its budget, least recently used going first", () => {
    const cache = new SliceCache(60); // 10 postings of 6 bytes
    const [a, b, c] = [{}, {}, {}];
    let reads = 0;
    const read = (n: number) => () => {
      reads++;
      return slice(n);
    };
    cache.get(a, read(4));
    cache.get(b, read(4));
    cache.get(a, read(4)); // a is now the most recent
    expect(reads).toBe(2);
    cache.get(c, read(4)); // b goes
    cache.get(a, read(4));
    expect(reads).toBe(3);
    cache.get(b, read(4));
    expect(reads).toBe(4);
    // Larger than the budget: read each time, nothing dropped for it.
    cache.get({}, read(20));
    cache.get(b, read(4));
    expect(reads).toBe(5);
  });
});

describe("PackedPostings on disk", () => {
  function onDisk(count: number) {
    const { bytes, checksums } = saved(count, 4);
    const source = counted(bytes);
    const blocks = new PostingsBlocks(source, count, 4, checksums, () => undefined);
    // Saved next id 1000: every saved id is below it.
    return { postings: PackedPostings.onDisk(blocks, 2, 8, 1000), source };
  }

  it("reads as the same postings held in memory", () => {
    const { postings } = onDisk(10);
    const held = PackedPostings.fromEntries([30, 40, 50, 60, 70, 80].map((id) => [id, id / 10]));
    expect(postings.size).toBe(6);
    expect([...postings.entries()]).toEqual([...held.entries()]);
    expect(postings.get(50)).toBe(5);
    expect(postings.get(55)).toBeUndefined();
    expect(postings.has(80)).toBe(true);
  });

  it("takes documents added after the load without reading the disk", () => {
    const { postings, source } = onDisk(10);
    postings.set(1000, 2);
    expect(postings.get(1000)).toBe(2);
    postings.append(Int32Array.from([1001, 1005]), Uint16Array.from([1, 3]), 0, 2);
    expect(source.reads).toBe(0);
    expect(postings.size).toBe(9);
    expect([...postings.keys()]).toEqual([30, 40, 50, 60, 70, 80, 1000, 1001, 1005]);
  });

  it("holds its postings once one is removed, and keeps the removal", () => {
    const { postings } = onDisk(10);
    expect(postings.delete(40)).toBe(true);
    expect(postings.delete(40)).toBe(false);
    postings.set(50, 9);
    expect(postings.size).toBe(5);
    expect([...postings.entries()]).toEqual([
      [30, 3],
      [50, 9],
      [60, 6],
      [70, 7],
      [80, 8],
    ]);
  });

  it("keeps the range on disk when appended ranges are packed together", () => {
    const { postings, source } = onDisk(10);
    for (let i = 0; i < 40; i++) {
      postings.append(Int32Array.from([2000 + i]), Uint16Array.from([1]), 0, 1);
    }
    expect(source.reads).toBe(0);
    expect(postings.rangeCount).toBeLessThanOrEqual(18);
    expect(postings.size).toBe(46);
    expect([...postings.keys()].slice(5, 8)).toEqual([80, 2000, 2001]);
  });

  it("keeps no slice the cache has dropped but the one read last, so memory stays within the cache's budget", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const { bytes, checksums } = saved(10, 4);
    // The arrays each read fills, seen weakly: alive only while something holds the slice.
    const filled: WeakRef<ArrayBufferLike>[] = [];
    const inner = bytesInMemory(bytes);
    const source: ByteSource = {
      label: inner.label,
      readInto(into, position) {
        // A slice's own arrays, not the blocks' checking scratch (a view into a larger buffer).
        if (into.byteLength === into.buffer.byteLength) filled.push(new WeakRef(into.buffer));
        inner.readInto(into, position);
      },
      close() {},
    };
    const blocks = new PostingsBlocks(source, 10, 4, checksums, () => undefined);
    const first = PackedPostings.onDisk(blocks, 2, 6, 1000);
    const second = PackedPostings.onDisk(blocks, 6, 9, 1000);
    expect(first.get(30)).toBe(3);
    expect(filled.length).toBe(2); // the slice's ids and frequencies
    expect(second.get(80)).toBe(8);
    expect(filled.length).toBe(4);
    sliceCache.clear();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    // The first list's slice is gone; the second's, read last, is still held by it.
    expect(filled.map((ref) => ref.deref() === undefined)).toEqual([true, true, false, false]);
    // Read again when asked for, with the same answers.
    expect(first.get(60)).toBe(6);
    expect(filled.length).toBe(6);
  });
});
