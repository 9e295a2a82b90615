import MiniSearch, { type Options } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { DocumentTable, IN_IDS } from "./document-table.ts";
import { type FieldPostings, type IndexCounts, IndexInternals } from "./minisearch-internals.ts";
import { PackedPostings } from "./packed-postings.ts";
import {
  type ByteSource,
  blockChecksums,
  bytesInMemory,
  PostingsBlocks,
} from "./paged-postings.ts";

/**
 * A MiniSearch index saved and loaded as binary pieces rather than one JSON text: JSON has a size
 * ceiling (a string of 2^29 characters) that a million passages pass, and parsing it builds a Map
 * a posting. The pieces hold the documents and the postings as typed arrays, which load as views
 * of the file's bytes: the documents into a DocumentTable. Each terms piece is two: the terms,
 * with their postings' places and block checksums, loaded whole; and the postings themselves,
 * left where they are saved and read a term at a time when a query needs it (PackedPostings on
 * PostingsBlocks). MiniSearch's own search, add and discard then run unchanged on the index.
 */

/** The postings an index holds: Maps where MiniSearch added them, packed where loaded or batched. */
type Postings = Map<number, number> | PackedPostings;

/** The term index with the postings types this module writes and reads. */
function heldTerms(ms: IndexInternals): SearchableMap<Map<number, Postings>> {
  return ms.terms as SearchableMap<Map<number, Postings>>;
}

const DOCS_MAGIC = 0x31445357; // "WSD1"
const TERMS_MAGIC = 0x32545357; // "WST2"
const HEADER_BYTES = 16;
/**
 * Postings a checksum covers (24 KB): the first read of a term checks the blocks it touches,
 * so a rare term costs at most two blocks' checks.
 */
const POSTINGS_PER_BLOCK = 4096;
/** Ranges longer than this are copied with `set`; shorter ones, one by one (no views to make). */
const BULK_COPY = 64;
/** Postings a terms piece holds at most, so that no piece nears a Buffer's size limit. */
export const POSTINGS_PER_PIECE = 16 * 2 ** 20;

/**
 * Moves the index's per-document Maps into a DocumentTable (see there), unless they are in one
 * already: a few bytes a document instead of three Map entries, a string and an array.
 */
export function useDocumentTable<T>(index: MiniSearch<T>): void {
  const ms = IndexInternals.of(index);
  if (!tableOf(ms)) installTable(ms, tableFromMaps(ms));
}

/**
 * Readies a loaded index for its first change ahead of it, `perStep` documents a step: the
 * generator pauses after each (see DocumentTable.prepareInSteps).
 */
export function* prepareForChanges<T>(index: MiniSearch<T>, perStep: number): Generator<void> {
  const table = tableOf(IndexInternals.of(index));
  if (table) yield* table.prepareInSteps(perStep);
}

function installTable(ms: IndexInternals, table: DocumentTable): void {
  ms.documents = {
    ids: table.ids as unknown as Map<number, string>,
    shortIds: table.shortIds as unknown as Map<string, number>,
    lengths: table.lengths as unknown as Map<number, number[]>,
  };
}

function tableOf(ms: IndexInternals): DocumentTable | null {
  return DocumentTable.of(ms.documents.ids);
}

function tableFromMaps(ms: IndexInternals): DocumentTable {
  const { ids, lengths } = ms.documents;
  return DocumentTable.fromMaps(ms.fieldCount, ids, lengths);
}

/**
 * The index as binary pieces: documents first, then each terms piece followed by its postings
 * piece, in term order. Each piece is made when the iteration reaches it, so a save can write
 * one and let it go before the next is made (at 100,000 articles the passages' pieces are
 * 0.5 GB together).
 */
export function* encodeIndex(
  index: MiniSearch,
  postingsPerPiece = POSTINGS_PER_PIECE,
): Generator<Buffer> {
  for (const { chunks } of encodeIndexInChunks(index, postingsPerPiece)) {
    yield Buffer.concat(chunks);
  }
}

/** What a piece of a saved index is: see `encodeIndex`. */
export type PieceKind = "documents" | "terms" | "postings";

/**
 * `encodeIndex`'s pieces, each as chunks to be written one after another. A postings piece's
 * chunks are views of the writer's scratch, good only until the next piece is asked for: a
 * save writes them straight from there, not from a copy (at 100,000 articles a piece is
 * 0.1 GB, and its copy was most of what writing the index added to a full save's memory).
 */
export function* encodeIndexInChunks(
  index: MiniSearch,
  postingsPerPiece = POSTINGS_PER_PIECE,
): Generator<{ kind: PieceKind; chunks: Uint8Array[] }> {
  const ms = IndexInternals.of(index);
  if (ms.hasStoredFields) throw new Error("a packed index cannot hold stored fields");
  yield { kind: "documents", chunks: [encodeDocuments(ms)] };
  const live = liveDocuments(ms);
  // One scratch sized for the largest piece: large allocations make V8 collect its whole heap.
  let total = 0;
  let largest = 0;
  // A search between two pieces may drop a discarded document's postings, and with them a
  // term from the tree, which would upset an iteration over it: the terms are listed first.
  // What a search drops is what `live` leaves out, so the pieces hold the same either way.
  const terms = [...heldTerms(ms)];
  for (const [, fields] of terms) {
    let own = 0;
    for (const postings of fields.values()) own += postings.size;
    total += own;
    largest = Math.max(largest, own);
  }
  const writer = new TermsWriter(postingsPerPiece, Math.min(total, postingsPerPiece + largest));
  for (const [term, fields] of terms) {
    writer.add(term, fields, live);
    if (writer.full) yield* writer.finish();
  }
  if (!writer.empty) yield* writer.finish();
}

/**
 * Which short ids are documents of the index (1) rather than discarded ones whose postings a
 * search has not met yet; null when none was ever discarded, so that postings copy in bulk.
 */
function liveDocuments(ms: IndexInternals): Uint8Array | null {
  const { ids } = ms.documents;
  if (ids.size === ms.nextId) return null;
  const live = new Uint8Array(ms.nextId);
  const table = tableOf(ms);
  if (table) {
    for (let s = 0; s < table.high; s++) live[s] = (table.flags[s] as number) & IN_IDS;
  } else {
    for (const shortId of ids.keys()) live[shortId] = 1;
  }
  return live;
}

/**
 * A saved index's pieces as `encodeIndex` gave them; a postings piece may be given as where to
 * read its bytes (its file) rather than the bytes.
 */
export type SavedPieces = readonly (Uint8Array | ByteSource)[];

/**
 * Restores an index from `encodeIndex`'s pieces, with the options it was built with. Its
 * postings are read when a query needs them; a block of them found damaged then is reported
 * through `damaged`, once, and reads as no postings.
 */
export function decodeIndex<T>(
  pieces: SavedPieces,
  options: Options<T>,
  damaged: (reason: string) => void = () => undefined,
): MiniSearch<T> {
  const [docs, ...termPieces] = pieces;
  if (!(docs instanceof Uint8Array)) throw new Error("the index has no documents piece");
  const index = new MiniSearch<T>(options);
  const ms = IndexInternals.of(index);
  decodeDocuments(ms, docs);
  ms.terms = decodeTermPieces(termPieces, ms.nextId, damaged);
  return index;
}

/**
 * Points each index at the terms pieces just saved from it (its pieces after the documents),
 * in place of the postings it holds: after a full save the library reads the new postings files
 * as a loaded one does, so the files it read before can be closed and their space freed, and
 * postings it built in memory go to disk. The pieces must hold the index as it is now (nothing
 * changed it since they were made). All are decoded before any index changes, so a piece that
 * fails to decode leaves every index as it was.
 */
export function useSavedTerms(
  saved: readonly { index: MiniSearch; termPieces: SavedPieces }[],
  damaged: (reason: string) => void,
): void {
  const decoded = saved.map(({ index, termPieces }) => {
    const ms = IndexInternals.of(index);
    return { ms, terms: decodeTermPieces(termPieces, ms.nextId, damaged) };
  });
  for (const { ms, terms } of decoded) ms.terms = terms;
}

/** The term index of terms pieces each followed by its postings; every id is below `bound`. */
function decodeTermPieces(
  termPieces: SavedPieces,
  bound: number,
  damaged: (reason: string) => void,
): SearchableMap<FieldPostings> {
  if (termPieces.length % 2 !== 0) throw new Error("an index terms piece has no postings");
  const map = new SearchableMap<Map<number, Postings>>();
  for (let i = 0; i < termPieces.length; i += 2) {
    const terms = termPieces[i];
    const postings = termPieces[i + 1] as Uint8Array | ByteSource;
    if (!(terms instanceof Uint8Array)) throw new Error("an index terms piece is missing");
    const bytes = postings instanceof Uint8Array ? bytesInMemory(postings) : postings;
    decodeTerms(map, terms, bytes, bound, damaged);
  }
  return map as SearchableMap<FieldPostings>;
}

/** The documents piece's JSON header. */
type DocumentsHeader = IndexCounts;

/** Documents piece: header, JSON header, short ids (Int32), lengths (Uint16), NUL-joined ids. */
function encodeDocuments(ms: IndexInternals): Buffer {
  const fields = ms.fieldCount;
  const header: DocumentsHeader = { ...ms.counts, dirtCount: 0 };
  const json = Buffer.from(JSON.stringify(header));
  const table = tableOf(ms) ?? tableFromMaps(ms);
  table.settle();
  const count = table.counts.ids;
  const { flags, nameStart, nameEnd, names, fieldLengths } = table;
  let nameBytes = 0;
  for (let s = 0; s < table.high; s++) {
    if (((flags[s] as number) & IN_IDS) !== 0)
      nameBytes += (nameEnd[s] as number) - (nameStart[s] as number);
  }
  const shortAt = align4(HEADER_BYTES + json.length);
  const lengthsAt = shortAt + 4 * count;
  const namesAt = align4(lengthsAt + 2 * count * fields);
  const out = Buffer.alloc(namesAt + nameBytes + Math.max(count - 1, 0));
  out.writeUInt32LE(DOCS_MAGIC, 0);
  out.writeUInt32LE(count, 4);
  out.writeUInt32LE(fields, 8);
  out.writeUInt32LE(json.length, 12);
  json.copy(out, HEADER_BYTES);
  const shortIds = new Int32Array(out.buffer, out.byteOffset + shortAt, count);
  const lengths = new Uint16Array(out.buffer, out.byteOffset + lengthsAt, count * fields);
  let i = 0;
  let at = namesAt;
  for (let s = 0; s < table.high; s++) {
    if (((flags[s] as number) & IN_IDS) === 0) continue;
    shortIds[i] = s;
    for (let f = 0; f < fields; f++)
      lengths[i * fields + f] = fieldLengths[s * fields + f] as number;
    if (i > 0) at++; // the NUL separator, already zero
    at += names.copy(out, at, nameStart[s] as number, nameEnd[s] as number);
    i++;
  }
  return out;
}

/** A saved piece, aligned for typed arrays, once its magic number says what it is. */
function pieceView(piece: Uint8Array, magic: number, name: string): Buffer {
  const bytes = aligned(piece);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < HEADER_BYTES || view.readUInt32LE(0) !== magic) {
    throw new Error(`${name} is malformed`);
  }
  return view;
}

function decodeDocuments(ms: IndexInternals, piece: Uint8Array): void {
  const view = pieceView(piece, DOCS_MAGIC, "the index's documents piece");
  const count = view.readUInt32LE(4);
  const fields = view.readUInt32LE(8);
  const jsonLength = view.readUInt32LE(12);
  const header = JSON.parse(
    view.toString("utf8", HEADER_BYTES, HEADER_BYTES + jsonLength),
  ) as DocumentsHeader;
  const shortAt = align4(HEADER_BYTES + jsonLength);
  const lengthsAt = shortAt + 4 * count;
  const namesAt = align4(lengthsAt + 2 * count * fields);
  if (namesAt > view.length) throw new Error("the index's documents piece is truncated");
  if (count === 0 && namesAt < view.length)
    throw new Error("the index's documents piece is malformed");
  const shortIds = new Int32Array(view.buffer, view.byteOffset + shortAt, count);
  const lengths = new Uint16Array(view.buffer, view.byteOffset + lengthsAt, count * fields);
  const names = view.subarray(namesAt);
  const table = DocumentTable.saved(fields, header.nextId, shortIds, lengths, names);
  ms.counts = header;
  installTable(ms, table);
}

/**
 * Writes terms pieces one after the other, each with its postings piece after it. Terms piece:
 * header (magic, postings, JSON length, postings a block), a CRC-32 for each block of
 * postings (Uint32), then JSON `[term, field, n, ...][]`. Postings piece: ids (Int32), then
 * frequencies (Uint16).
 */
class TermsWriter {
  private ids: Int32Array;
  private tfs: Uint16Array;
  private count = 0;
  private meta: (string | number)[][] = [];

  constructor(
    private readonly limit: number,
    capacity: number,
  ) {
    this.ids = new Int32Array(Math.max(capacity, 1));
    this.tfs = new Uint16Array(Math.max(capacity, 1));
  }

  get full(): boolean {
    return this.count >= this.limit;
  }

  get empty(): boolean {
    return this.meta.length === 0;
  }

  /** Adds a term's postings; those of discarded documents (`live` 0), which a search has not met yet, go. */
  add(term: string, fields: Map<number, Postings>, live: Uint8Array | null): void {
    const row: (string | number)[] = [term];
    for (const [fieldId, postings] of fields) {
      const from = this.count;
      this.reserve(postings.size);
      if (postings instanceof PackedPostings && !postings.changed) {
        postings.forEachRange((ids, tfs, start, end) => this.copyRange(ids, tfs, start, end, live));
      } else if (!this.copyInOrder(postings, live)) {
        // Postings out of id order (none that MiniSearch adds are): sorted first.
        this.count = from;
        this.copyInOrder(PackedPostings.fromEntries(postings.entries()), live);
      }
      if (this.count > from) row.push(fieldId, this.count - from);
    }
    if (row.length > 1) this.meta.push(row);
  }

  private copyRange(
    ids: Int32Array,
    tfs: Uint16Array,
    start: number,
    end: number,
    live: Uint8Array | null,
  ): void {
    const { ids: outIds, tfs: outTfs } = this;
    let at = this.count;
    if (live === null && end - start > BULK_COPY) {
      outIds.set(ids.subarray(start, end), at);
      outTfs.set(tfs.subarray(start, end), at);
      this.count = at + end - start;
      return;
    }
    for (let i = start; i < end; i++) {
      const id = ids[i] as number;
      if (live !== null && live[id] !== 1) continue;
      outIds[at] = id;
      outTfs[at++] = tfs[i] as number;
    }
    this.count = at;
  }

  /** Copies the postings kept, one by one; false when their ids do not ascend. */
  private copyInOrder(postings: Postings, live: Uint8Array | null): boolean {
    const { ids, tfs } = this;
    let at = this.count;
    let last = -1;
    let ordered = true;
    postings.forEach((tf, id) => {
      if (tf === 0 || (live !== null && live[id] !== 1)) return;
      if (id <= last) ordered = false;
      last = id;
      ids[at] = id;
      tfs[at++] = Math.min(tf, 0xffff);
    });
    this.count = at;
    return ordered;
  }

  /**
   * The terms piece written so far, then its postings piece, as chunks. The postings are views
   * of the scratch, which the next piece reuses. The writer starts the next one.
   */
  *finish(): Generator<{ kind: PieceKind; chunks: Uint8Array[] }> {
    const json = Buffer.from(JSON.stringify(this.meta));
    const postings = this.count;
    const ids = this.ids.subarray(0, postings);
    const tfs = this.tfs.subarray(0, postings);
    const checksums = blockChecksums(ids, tfs, POSTINGS_PER_BLOCK);
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(TERMS_MAGIC, 0);
    header.writeUInt32LE(postings, 4);
    header.writeUInt32LE(json.length, 8);
    header.writeUInt32LE(POSTINGS_PER_BLOCK, 12);
    this.count = 0;
    this.meta = [];
    yield { kind: "terms", chunks: [header, bytesOf(checksums), json] };
    yield { kind: "postings", chunks: [bytesOf(ids), bytesOf(tfs)] };
  }

  private reserve(more: number): void {
    if (this.count + more <= this.ids.length) return;
    const size = Math.max(this.ids.length * 2, this.count + more);
    const ids = new Int32Array(size);
    const tfs = new Uint16Array(size);
    ids.set(this.ids.subarray(0, this.count));
    tfs.set(this.tfs.subarray(0, this.count));
    this.ids = ids;
    this.tfs = tfs;
  }
}

function decodeTerms(
  map: SearchableMap<Map<number, Postings>>,
  piece: Uint8Array,
  bytes: ByteSource,
  bound: number,
  damaged: (reason: string) => void,
): void {
  const view = pieceView(piece, TERMS_MAGIC, "an index terms piece");
  const postings = view.readUInt32LE(4);
  const jsonLength = view.readUInt32LE(8);
  const perBlock = view.readUInt32LE(12);
  if (perBlock === 0) throw new Error("an index terms piece is malformed");
  const blocks = Math.ceil(postings / perBlock);
  const jsonAt = HEADER_BYTES + 4 * blocks;
  if (jsonAt + jsonLength > view.length) throw new Error("an index terms piece is truncated");
  const checksums = new Uint32Array(view.buffer, view.byteOffset + HEADER_BYTES, blocks);
  const source = new PostingsBlocks(bytes, postings, perBlock, checksums, damaged);
  const meta = JSON.parse(view.toString("utf8", jsonAt, jsonAt + jsonLength)) as (
    | string
    | number
  )[][];
  let at = 0;
  for (const row of meta) {
    const fields = new Map<number, Postings>();
    for (let k = 1; k < row.length; k += 2) {
      const n = row[k + 1] as number;
      fields.set(row[k] as number, PackedPostings.onDisk(source, at, at + n, bound));
      at += n;
    }
    map.set(row[0] as string, fields);
  }
  if (at !== postings) throw new Error("an index terms piece is malformed");
}

function bytesOf(array: Int32Array | Uint16Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** The bytes at a 4-byte aligned offset, copied when they are not, so typed views fit. */
function aligned(piece: Uint8Array): Uint8Array {
  if (piece.byteOffset % 4 === 0) return piece;
  return new Uint8Array(piece);
}
