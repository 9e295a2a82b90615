import { closeSync, openSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";

/**
 * The postings of one terms piece kept where they are saved, read a term's slice at a time when
 * a query needs it: at 100,000 articles the postings are 0.8 GB, which a start-up spent ~3.5 s
 * of CPU reading and touching, and which would not fit at a million. What is read stays in a
 * small cache of recently used slices (`SliceCache`), so memory does not grow with the postings.
 *
 * Saved form: the ids (Int32, little-endian) of all postings, then their frequencies (Uint16).
 * Every block of `blockSize` postings has a CRC-32 over its ids' bytes then its frequencies'
 * bytes, kept in the terms piece beside (see packed-index.ts). A block is checked the first time
 * a slice in it is read; a block that fails is reported once through `damaged`, and slices in it
 * read as empty, so that a query answers what the rest of the index holds.
 */
export class PostingsBlocks {
  /** Whether each block has been checked: 0 not yet, 1 good, 2 damaged. */
  private readonly state: Uint8Array;
  private scratch: Buffer | null = null;

  constructor(
    private readonly bytes: ByteSource,
    /** Postings the piece holds. */
    readonly count: number,
    private readonly blockSize: number,
    private readonly checksums: Uint32Array,
    private readonly damaged: (reason: string) => void,
  ) {
    if (checksums.length !== Math.ceil(count / blockSize)) {
      throw new Error("an index terms piece's checksums do not match its postings");
    }
    this.state = new Uint8Array(checksums.length);
  }

  /** The postings [start, end) as arrays of their own; empty where a block they touch is damaged. */
  read(start: number, end: number): Slice {
    const first = Math.floor(start / this.blockSize);
    const last = Math.floor((end - 1) / this.blockSize);
    for (let b = first; b <= last; b++) {
      if (this.state[b] === 0) this.check(b);
      if (this.state[b] === 2) return { ids: new Int32Array(0), tfs: new Uint16Array(0) };
    }
    const n = end - start;
    const ids = new Int32Array(n);
    const tfs = new Uint16Array(n);
    this.bytes.readInto(asBytes(ids), 4 * start);
    this.bytes.readInto(asBytes(tfs), 4 * this.count + 2 * start);
    return { ids, tfs };
  }

  /** Lets go of the file, if one is open; a later read opens it again. */
  close(): void {
    this.bytes.close();
  }

  private check(block: number): void {
    const start = block * this.blockSize;
    const n = Math.min(this.count, start + this.blockSize) - start;
    this.scratch ??= Buffer.allocUnsafe(6 * this.blockSize);
    const ids = this.scratch.subarray(0, 4 * n);
    const tfs = this.scratch.subarray(4 * n, 6 * n);
    let problem: string | null = null;
    try {
      this.bytes.readInto(ids, 4 * start);
      this.bytes.readInto(tfs, 4 * this.count + 2 * start);
      if (crc32(tfs, crc32(ids)) !== this.checksums[block]) {
        problem = `part ${this.bytes.label} is corrupt (checksum mismatch in postings block ${block})`;
      }
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    this.state[block] = problem ? 2 : 1;
    if (problem) this.damaged(problem);
  }
}

/** One term's postings in one field, as read: ids ascending, with their frequencies. */
export interface Slice {
  ids: Int32Array;
  tfs: Uint16Array;
}

/** The CRC-32 of each block of `blockSize` postings of `ids` and `tfs` (see PostingsBlocks). */
export function blockChecksums(ids: Int32Array, tfs: Uint16Array, blockSize: number): Uint32Array {
  const out = new Uint32Array(Math.ceil(ids.length / blockSize));
  for (let b = 0; b < out.length; b++) {
    const start = b * blockSize;
    const end = Math.min(ids.length, start + blockSize);
    out[b] = crc32(asBytes(tfs.subarray(start, end)), crc32(asBytes(ids.subarray(start, end))));
  }
  return out;
}

/** Where the saved postings' bytes are read from: their file, or bytes already in memory. */
export interface ByteSource {
  /** What the bytes are, for messages: the part's file. */
  readonly label: string;
  /** Fills `into` from `position`; throws when the bytes are not all there. */
  readInto(into: Uint8Array, position: number): void;
  close(): void;
}

export function bytesInMemory(bytes: Uint8Array, label = "postings"): ByteSource {
  return {
    label,
    readInto(into, position) {
      if (position + into.length > bytes.length) throw new Error(`part ${label} is truncated`);
      into.set(bytes.subarray(position, position + into.length));
    },
    close() {},
  };
}

/**
 * A postings part's file, read with positioned reads. It stays open while the library reads it:
 * a full save removes its name, not the bytes a query may still read, and the library store
 * closes it once the library reads the postings that save wrote (freeing the file's space).
 */
export function bytesInFile(path: string, label: string): ByteSource {
  let fd: number | null = null;
  return {
    label,
    readInto(into, position) {
      fd ??= openSync(path, "r");
      for (let at = 0; at < into.length; ) {
        const read = readSync(fd, into, at, into.length - at, position + at);
        if (read === 0) throw new Error(`part ${label} is truncated`);
        at += read;
      }
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

function asBytes(array: Int32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The slices read lately, kept while they fit in a budget of bytes and dropped least recently
 * used first: a query's terms are read once for its several stages, and common terms stay for
 * the next queries. A slice larger than the whole budget is read each time.
 */
export class SliceCache {
  private readonly held = new Map<object, Slice>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  get(key: object, read: () => Slice): Slice {
    const found = this.held.get(key);
    if (found) {
      this.held.delete(key);
      this.held.set(key, found);
      return found;
    }
    const slice = read();
    const size = sizeOf(slice);
    if (size > this.budget) return slice;
    for (const [old, s] of this.held) {
      if (this.bytes + size <= this.budget) break;
      this.held.delete(old);
      this.bytes -= sizeOf(s);
    }
    this.held.set(key, slice);
    this.bytes += size;
    return slice;
  }

  /**
   * Drops every slice: after a full save the indexes read the postings just written, and the
   * slices held were read from files no index reads any more.
   */
  clear(): void {
    this.held.clear();
    this.bytes = 0;
  }

  /** Hands the slice over to its list, which changes it from now on: the cache no longer holds it. */
  take(key: object): void {
    const found = this.held.get(key);
    if (!found) return;
    this.held.delete(key);
    this.bytes -= sizeOf(found);
  }
}

function sizeOf(slice: Slice): number {
  return slice.ids.byteLength + slice.tfs.byteLength;
}

/** Bytes of postings slices kept in memory at once, over all indexes of the process. */
export const SLICE_CACHE_BYTES = 256 * 2 ** 20;

export const sliceCache = new SliceCache(SLICE_CACHE_BYTES);
