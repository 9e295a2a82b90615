import MiniSearch, { type Options } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { PackedPostings } from "./packed-postings.ts";

/**
 * A MiniSearch index saved and loaded as binary pieces rather than one JSON text: JSON has a size
 * ceiling (a string of 2^29 characters) that a million passages pass, and parsing it builds a Map
 * a posting. The pieces hold the documents and the postings as typed arrays, which load as views
 * of the file's bytes into PackedPostings. MiniSearch's own search, add and discard then run
 * unchanged on the loaded index.
 *
 * This reads and sets MiniSearch's private fields (7.2); a MiniSearch upgrade must keep them.
 */

type Postings = Map<number, number> | PackedPostings;

interface Internals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: SearchableMap<Map<number, Postings>>;
}

const DOCS_MAGIC = 0x31445357; // "WSD1"
const TERMS_MAGIC = 0x31545357; // "WST1"
const HEADER_BYTES = 16;
/** Postings a terms piece holds at most, so that no piece nears a Buffer's size limit. */
export const POSTINGS_PER_PIECE = 16 * 2 ** 20;
const SEPARATOR = "\u0000";

function internals(index: MiniSearch): Internals {
  return index as unknown as Internals;
}

/**
 * Packs every postings Map of the index into typed arrays, and repacks postings that changed.
 * Saves most of the index's memory; run after building or updating a batch of documents.
 */
export function packIndex(index: MiniSearch): void {
  for (const [, fields] of internals(index)._index) {
    for (const [fieldId, postings] of fields) {
      if (postings instanceof PackedPostings) {
        if (postings.changed) fields.set(fieldId, postings.repacked());
      } else {
        fields.set(fieldId, PackedPostings.fromEntries(postings.entries()));
      }
    }
  }
}

/** The index as binary pieces: documents first, then the postings in term order. */
export function encodeIndex(index: MiniSearch, postingsPerPiece = POSTINGS_PER_PIECE): Buffer[] {
  const ms = internals(index);
  if (ms._storedFields.size > 0) throw new Error("a packed index cannot hold stored fields");
  const pieces = [encodeDocuments(ms)];
  let writer = new TermsWriter(postingsPerPiece);
  for (const [term, fields] of ms._index) {
    writer.add(term, fields, ms._documentIds);
    if (writer.full) {
      pieces.push(writer.finish());
      writer = new TermsWriter(postingsPerPiece);
    }
  }
  if (!writer.empty) pieces.push(writer.finish());
  return pieces;
}

/** Restores an index from `encodeIndex`'s pieces, with the options it was built with. */
export function decodeIndex<T>(pieces: readonly Uint8Array[], options: Options<T>): MiniSearch<T> {
  const [docs, ...termPieces] = pieces;
  if (!docs) throw new Error("the index has no documents piece");
  const index = new MiniSearch<T>(options);
  const ms = internals(index);
  decodeDocuments(ms, docs);
  const map = new SearchableMap<Map<number, Postings>>();
  for (const piece of termPieces) decodeTerms(map, piece);
  ms._index = map;
  return index;
}

interface DocumentsHeader {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
}

function encodeDocuments(ms: Internals): Buffer {
  const fields = Object.keys(ms._fieldIds).length;
  const header: DocumentsHeader = {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    dirtCount: 0,
  };
  const json = Buffer.from(JSON.stringify(header));
  const count = ms._documentIds.size;
  const ids: string[] = [];
  for (const id of ms._documentIds.values()) {
    if (id.includes(SEPARATOR)) throw new Error(`a document id holds a NUL character: ${id}`);
    ids.push(id);
  }
  const names = Buffer.from(ids.join(SEPARATOR));
  const shortAt = align4(HEADER_BYTES + json.length);
  const lengthsAt = shortAt + 4 * count;
  const namesAt = align4(lengthsAt + 2 * count * fields);
  const out = Buffer.alloc(namesAt + names.length);
  out.writeUInt32LE(DOCS_MAGIC, 0);
  out.writeUInt32LE(count, 4);
  out.writeUInt32LE(fields, 8);
  out.writeUInt32LE(json.length, 12);
  json.copy(out, HEADER_BYTES);
  const shortIds = new Int32Array(out.buffer, out.byteOffset + shortAt, count);
  const lengths = new Uint16Array(out.buffer, out.byteOffset + lengthsAt, count * fields);
  let i = 0;
  for (const shortId of ms._documentIds.keys()) {
    shortIds[i] = shortId;
    const own = ms._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fields; f++) lengths[i * fields + f] = Math.min(own[f] ?? 0, 0xffff);
    i++;
  }
  names.copy(out, namesAt);
  return out;
}

function decodeDocuments(ms: Internals, piece: Uint8Array): void {
  const bytes = aligned(piece);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < HEADER_BYTES || view.readUInt32LE(0) !== DOCS_MAGIC) {
    throw new Error("the index's documents piece is malformed");
  }
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
  const shortIds = new Int32Array(bytes.buffer, bytes.byteOffset + shortAt, count);
  const lengths = new Uint16Array(bytes.buffer, bytes.byteOffset + lengthsAt, count * fields);
  const names = count === 0 ? [] : view.toString("utf8", namesAt).split(SEPARATOR);
  if (names.length !== count) throw new Error("the index's documents piece is malformed");
  const documentIds = new Map<number, string>();
  const idToShortId = new Map<string, number>();
  const fieldLength = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const shortId = shortIds[i] as number;
    const id = names[i] as string;
    documentIds.set(shortId, id);
    idToShortId.set(id, shortId);
    fieldLength.set(shortId, Array.from(lengths.subarray(i * fields, (i + 1) * fields)));
  }
  ms._documentCount = header.documentCount;
  ms._nextId = header.nextId;
  ms._fieldIds = header.fieldIds;
  ms._avgFieldLength = header.averageFieldLength;
  ms._dirtCount = header.dirtCount;
  ms._documentIds = documentIds;
  ms._idToShortId = idToShortId;
  ms._fieldLength = fieldLength;
}

/** Terms piece: header, ids (Int32), frequencies (Uint16), then JSON `[term, field, n, ...][]`. */
class TermsWriter {
  private ids: Int32Array;
  private tfs: Uint16Array;
  private count = 0;
  private readonly meta: (string | number)[][] = [];

  constructor(private readonly limit: number) {
    this.ids = new Int32Array(1024);
    this.tfs = new Uint16Array(1024);
  }

  get full(): boolean {
    return this.count >= this.limit;
  }

  get empty(): boolean {
    return this.meta.length === 0;
  }

  /** Adds a term's postings; those of discarded documents, which a search has not met yet, go. */
  add(term: string, fields: Map<number, Postings>, live: Map<number, string>): void {
    const row: (string | number)[] = [term];
    for (const [fieldId, postings] of fields) {
      this.reserve(postings.size);
      const from = this.count;
      const sorted = postings instanceof PackedPostings && !postings.changed;
      const packed = sorted ? postings : PackedPostings.fromEntries(postings.entries());
      packed.forEach((tf, id) => {
        if (!live.has(id)) return;
        this.ids[this.count] = id;
        this.tfs[this.count] = Math.min(tf, 0xffff);
        this.count++;
      });
      if (this.count > from) row.push(fieldId, this.count - from);
    }
    if (row.length > 1) this.meta.push(row);
  }

  finish(): Buffer {
    const json = Buffer.from(JSON.stringify(this.meta));
    const postings = this.count;
    const tfsAt = HEADER_BYTES + 4 * postings;
    const jsonAt = align4(tfsAt + 2 * postings);
    const out = Buffer.alloc(jsonAt + json.length);
    out.writeUInt32LE(TERMS_MAGIC, 0);
    out.writeUInt32LE(postings, 4);
    out.writeUInt32LE(json.length, 8);
    new Int32Array(out.buffer, out.byteOffset + HEADER_BYTES, postings).set(
      this.ids.subarray(0, postings),
    );
    new Uint16Array(out.buffer, out.byteOffset + tfsAt, postings).set(
      this.tfs.subarray(0, postings),
    );
    json.copy(out, jsonAt);
    return out;
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

function decodeTerms(map: SearchableMap<Map<number, Postings>>, piece: Uint8Array): void {
  const bytes = aligned(piece);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < HEADER_BYTES || view.readUInt32LE(0) !== TERMS_MAGIC) {
    throw new Error("an index terms piece is malformed");
  }
  const postings = view.readUInt32LE(4);
  const jsonLength = view.readUInt32LE(8);
  const tfsAt = HEADER_BYTES + 4 * postings;
  const jsonAt = align4(tfsAt + 2 * postings);
  if (jsonAt + jsonLength > view.length) throw new Error("an index terms piece is truncated");
  const ids = new Int32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, postings);
  const tfs = new Uint16Array(bytes.buffer, bytes.byteOffset + tfsAt, postings);
  const meta = JSON.parse(view.toString("utf8", jsonAt, jsonAt + jsonLength)) as (
    | string
    | number
  )[][];
  let at = 0;
  for (const row of meta) {
    const fields = new Map<number, Postings>();
    for (let k = 1; k < row.length; k += 2) {
      const n = row[k + 1] as number;
      fields.set(row[k] as number, new PackedPostings(ids, tfs, at, at + n));
      at += n;
    }
    map.set(row[0] as string, fields);
  }
  if (at !== postings) throw new Error("an index terms piece is malformed");
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** The bytes at a 4-byte aligned offset, copied when they are not, so typed views fit. */
function aligned(piece: Uint8Array): Uint8Array {
  if (piece.byteOffset % 4 === 0) return piece;
  return new Uint8Array(piece);
}
