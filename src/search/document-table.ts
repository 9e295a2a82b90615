/**
 * MiniSearch's three per-document Maps (`_documentIds`: short id -> id, `_idToShortId`: id ->
 * short id, `_fieldLength`: short id -> field lengths) over typed arrays indexed by short id.
 * For a million documents the Maps cost hundreds of megabytes (an entry each, a string and an
 * array a document) and seconds to build on loading; the table takes the ids' UTF-8 bytes, a
 * few bytes a document more, and loads from a saved index without an object per document.
 *
 * Each view offers the part of the Map interface MiniSearch and the query plan use (get, set,
 * has, delete, size, iteration). MiniSearch hands out short ids in ascending order and never
 * reuses one, so a new document is always appended.
 */
export class DocumentTable {
  /** Short id -> id. */
  readonly ids: IdsView;
  /** Id -> short id. */
  readonly shortIds: ShortIdsView;
  /** Short id -> unique terms per field, as MiniSearch keeps them. */
  readonly lengths: LengthsView;

  /** Per short id: which views hold it (bits IN_*). */
  flags: Uint8Array;
  /** Per short id: where its id's bytes are in `names`. */
  nameStart: Uint32Array;
  nameEnd: Uint32Array;
  names: Buffer;
  nameBytes: number;
  /** Per short id, `fields` lengths (kept at 65,535). */
  fieldLengths: Uint16Array;
  /** Short ids below this have their place in the arrays. */
  high: number;
  counts = { ids: 0, shortIds: 0, lengths: 0 };
  /**
   * MiniSearch sets a document's length array and then fills it in, so the array last set is
   * kept as given until the next document is set, when it is written to the table.
   */
  pending: { shortId: number; lengths: number[] } | null = null;
  /** Open addressing over the ids' bytes: short id + 1, 0 empty, -1 removed. */
  private slots: Int32Array | null = null;
  private slotsUsed = 0;
  private scratch = Buffer.alloc(256);
  /** The id placed last, which MiniSearch sets in the next view right after. */
  private placed: { shortId: number; id: string } = { shortId: -1, id: "" };

  private constructor(
    readonly fields: number,
    capacity: number,
    names: Buffer,
  ) {
    this.flags = new Uint8Array(capacity);
    this.nameStart = new Uint32Array(capacity);
    this.nameEnd = new Uint32Array(capacity);
    this.fieldLengths = new Uint16Array(capacity * fields);
    this.names = names;
    this.nameBytes = names.length;
    this.high = 0;
    this.ids = new IdsView(this);
    this.shortIds = new ShortIdsView(this);
    this.lengths = new LengthsView(this);
  }

  /** The table a view belongs to, or null for anything else (such as a Map). */
  static of(map: unknown): DocumentTable | null {
    return map instanceof View ? map.table : null;
  }

  static empty(fields: number): DocumentTable {
    return new DocumentTable(fields, 1024, Buffer.alloc(64 * 1024));
  }

  /**
   * A table over saved documents: ascending short ids, their lengths (`fields` each) and their
   * ids' UTF-8 bytes, each followed by a NUL byte but the last. The names are not copied.
   */
  static saved(
    fields: number,
    nextId: number,
    shortIds: Int32Array,
    lengths: Uint16Array,
    names: Buffer,
  ): DocumentTable {
    const table = new DocumentTable(fields, Math.max(nextId, 1), names);
    let at = 0;
    let previous = -1;
    for (let i = 0; i < shortIds.length; i++) {
      const s = shortIds[i] as number;
      if (s <= previous || s >= nextId) throw new Error("the index's documents are malformed");
      previous = s;
      if (at > names.length) throw new Error("the index's documents are malformed");
      let end = names.indexOf(0, at);
      if (end < 0) end = names.length;
      table.nameStart[s] = at;
      table.nameEnd[s] = end;
      table.flags[s] = IN_ALL;
      at = end + 1;
    }
    if (at < names.length) throw new Error("the index's documents are malformed");
    for (let i = 0; i < shortIds.length; i++) {
      const at = (shortIds[i] as number) * fields;
      for (let f = 0; f < fields; f++) {
        table.fieldLengths[at + f] = lengths[i * fields + f] as number;
      }
    }
    table.high = nextId;
    const count = shortIds.length;
    table.counts = { ids: count, shortIds: count, lengths: count };
    return table;
  }

  /** A table holding what MiniSearch's own Maps hold. */
  static fromMaps(
    fields: number,
    ids: Map<number, string>,
    lengths: Map<number, number[]>,
  ): DocumentTable {
    const table = DocumentTable.empty(fields);
    const sorted = [...ids].sort((a, b) => a[0] - b[0]);
    for (const [shortId, id] of sorted) {
      table.ids.set(shortId, id);
      table.shortIds.set(id, shortId);
      const own = lengths.get(shortId);
      if (own) table.lengths.set(shortId, own);
    }
    table.settle();
    return table;
  }

  /**
   * Builds the hash that finds a document by its id, which the first change needs: a second at
   * 3 M documents, so a start-up builds it `perStep` documents at a time (the generator pauses
   * after each), between commands. Should the table change between steps, they stop, and the
   * hash is built whole when a change first needs it.
   */
  *prepareInSteps(perStep: number): Generator<void, void, undefined> {
    if (this.slots) return;
    const { high } = this;
    const count = this.counts.shortIds;
    let size = 1024;
    while (size < count * 2 + 2) size *= 2;
    const slots = new Int32Array(size);
    for (let from = 0; from < high; from += perStep) {
      if (from > 0) {
        yield;
        if (this.slots || this.high !== high || this.counts.shortIds !== count) return;
      }
      const to = Math.min(high, from + perStep);
      for (let s = from; s < to; s++) {
        if (((this.flags[s] as number) & IN_SHORT_IDS) !== 0) this.put(slots, s);
      }
    }
    this.slots = slots;
    this.slotsUsed = count;
  }

  /** The id of a short id whose place is laid out. */
  nameOf(shortId: number): string {
    return this.names.toString("utf8", this.nameStart[shortId], this.nameEnd[shortId]);
  }

  /** Writes the length array last set, if any, into the table. */
  settle(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const at = pending.shortId * this.fields;
    for (let f = 0; f < this.fields; f++) {
      this.fieldLengths[at + f] = Math.min(pending.lengths[f] ?? 0, 0xffff);
    }
  }

  /** Gives the short id its id, unless a view holds it already with that id. */
  place(shortId: number, id: string): void {
    if (typeof id !== "string") throw new Error("a packed index's document ids must be strings");
    // Saved ids are NUL-separated.
    if (id.includes("\0")) throw new Error(`a document id holds a NUL character: ${id}`);
    if (shortId < this.high && (this.flags[shortId] as number) !== 0) {
      if (this.placed.shortId === shortId && this.placed.id === id) return;
      if (!this.sameName(shortId, this.encode(id))) {
        throw new Error(`short id ${shortId} is taken by another document`);
      }
      return;
    }
    this.reserve(shortId + 1);
    const bytes = Buffer.byteLength(id);
    if (this.nameBytes + bytes > this.names.length) {
      const size = Math.max(Math.ceil(this.names.length * 1.5), this.nameBytes + bytes);
      const names = Buffer.alloc(size);
      this.names.copy(names, 0, 0, this.nameBytes);
      this.names = names;
    }
    this.nameStart[shortId] = this.nameBytes;
    this.nameBytes += this.names.write(id, this.nameBytes, "utf8");
    this.nameEnd[shortId] = this.nameBytes;
    this.high = Math.max(this.high, shortId + 1);
    this.placed = { shortId, id };
  }

  /** The short id of an id in the lookup slots, or -1. */
  lookup(id: string): number {
    const slots = this.hashSlots();
    const at = this.slotOf(slots, id);
    return at < 0 ? -1 : (slots[at] as number) - 1;
  }

  /** Puts the short id in the lookup slots (its id must not be there). */
  insert(shortId: number): void {
    const slots = this.slots;
    if (!slots) return;
    if ((this.slotsUsed + 1) * 2 > slots.length) {
      this.slots = null;
      this.hashSlots();
      return;
    }
    this.slotsUsed++;
    this.put(slots, shortId);
  }

  /** Takes the id out of the lookup slots. */
  remove(id: string): void {
    const slots = this.hashSlots();
    const at = this.slotOf(slots, id);
    if (at >= 0) slots[at] = -1;
  }

  /** Where the id stands in the lookup slots, or -1 (open addressing; -1 marks a removed id). */
  private slotOf(slots: Int32Array, id: string): number {
    const length = this.encode(id);
    const mask = slots.length - 1;
    for (let h = hashBytes(this.scratch, 0, length) & mask; ; h = (h + 1) & mask) {
      const v = slots[h] as number;
      if (v === 0) return -1;
      if (v > 0 && this.sameName(v - 1, length)) return h;
    }
  }

  private put(slots: Int32Array, shortId: number): void {
    const mask = slots.length - 1;
    const start = this.nameStart[shortId] as number;
    let h = hashBytes(this.names, start, this.nameEnd[shortId] as number) & mask;
    while ((slots[h] as number) > 0) h = (h + 1) & mask;
    slots[h] = shortId + 1;
  }

  private hashSlots(): Int32Array {
    if (!this.slots) this.prepareInSteps(Number.POSITIVE_INFINITY).next();
    return this.slots as Int32Array;
  }

  /** Writes the id's UTF-8 bytes into `scratch`; returns their length. */
  private encode(id: string): number {
    const bytes = Buffer.byteLength(id);
    if (bytes > this.scratch.length) this.scratch = Buffer.alloc(bytes * 2);
    return this.scratch.write(id, 0, "utf8");
  }

  private sameName(shortId: number, length: number): boolean {
    const start = this.nameStart[shortId] as number;
    if ((this.nameEnd[shortId] as number) - start !== length) return false;
    const { names, scratch } = this;
    for (let i = 0; i < length; i++) if (names[start + i] !== scratch[i]) return false;
    return true;
  }

  private reserve(size: number): void {
    if (size <= this.flags.length) return;
    const capacity = Math.max(size, Math.ceil(this.flags.length * 1.5));
    this.flags = grown(this.flags, capacity);
    this.nameStart = grown(this.nameStart, capacity);
    this.nameEnd = grown(this.nameEnd, capacity);
    this.fieldLengths = grown(this.fieldLengths, capacity * this.fields);
  }
}

export const IN_IDS = 1;
const IN_SHORT_IDS = 2;
const IN_LENGTHS = 4;
const IN_ALL = IN_IDS | IN_SHORT_IDS | IN_LENGTHS;

function grown<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}

/** A 32-bit hash of bytes [start, end), four at a time (FNV-like, with a final mix). */
function hashBytes(bytes: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    h = Math.imul(h ^ word, 0x01000193);
    h ^= h >>> 15;
  }
  for (; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return (h ^ (h >>> 13)) >>> 0;
}

type Counter = keyof DocumentTable["counts"];

abstract class View<K, V> {
  constructor(readonly table: DocumentTable) {}

  abstract get(key: K): V | undefined;
  abstract set(key: K, value: V): this;
  abstract delete(key: K): boolean;
  abstract get size(): number;
  abstract entries(): IterableIterator<[K, V]>;

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(fn: (value: V, key: K) => void): void {
    for (const [key, value] of this.entries()) fn(value, key);
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  protected holds(shortId: number, bit: number): boolean {
    return (
      Number.isInteger(shortId) &&
      shortId >= 0 &&
      shortId < this.table.high &&
      ((this.table.flags[shortId] as number) & bit) !== 0
    );
  }

  protected *shortIdsWith(bit: number): IterableIterator<number> {
    const table = this.table;
    for (let s = 0; s < table.high; s++) if (((table.flags[s] as number) & bit) !== 0) yield s;
  }

  /** Sets or clears the view's bit of the short id; returns whether it changed. */
  protected mark(shortId: number, bit: number, on: boolean, counter: Counter): boolean {
    const table = this.table;
    const was = ((table.flags[shortId] as number) & bit) !== 0;
    if (was === on) return false;
    table.flags[shortId] = on
      ? (table.flags[shortId] as number) | bit
      : (table.flags[shortId] as number) & ~bit;
    table.counts[counter] += on ? 1 : -1;
    return true;
  }
}

class IdsView extends View<number, string> {
  get size(): number {
    return this.table.counts.ids;
  }

  override has(shortId: number): boolean {
    return this.holds(shortId, IN_IDS);
  }

  get(shortId: number): string | undefined {
    return this.holds(shortId, IN_IDS) ? this.table.nameOf(shortId) : undefined;
  }

  set(shortId: number, id: string): this {
    this.table.place(shortId, id);
    this.mark(shortId, IN_IDS, true, "ids");
    return this;
  }

  delete(shortId: number): boolean {
    return this.holds(shortId, IN_IDS) && this.mark(shortId, IN_IDS, false, "ids");
  }

  *entries(): IterableIterator<[number, string]> {
    for (const s of this.shortIdsWith(IN_IDS)) yield [s, this.table.nameOf(s)];
  }

  override *keys(): IterableIterator<number> {
    yield* this.shortIdsWith(IN_IDS);
  }
}

class ShortIdsView extends View<string, number> {
  get size(): number {
    return this.table.counts.shortIds;
  }

  get(id: string): number | undefined {
    const s = this.table.lookup(id);
    return s < 0 ? undefined : s;
  }

  set(id: string, shortId: number): this {
    const table = this.table;
    const current = table.lookup(id);
    if (current === shortId) return this;
    if (current >= 0) this.delete(id);
    table.place(shortId, id);
    if (this.holds(shortId, IN_SHORT_IDS)) throw new Error(`short id ${shortId} is taken`);
    this.mark(shortId, IN_SHORT_IDS, true, "shortIds");
    table.insert(shortId);
    return this;
  }

  delete(id: string): boolean {
    const s = this.table.lookup(id);
    if (s < 0) return false;
    this.table.remove(id);
    return this.mark(s, IN_SHORT_IDS, false, "shortIds");
  }

  *entries(): IterableIterator<[string, number]> {
    for (const s of this.shortIdsWith(IN_SHORT_IDS)) yield [this.table.nameOf(s), s];
  }
}

class LengthsView extends View<number, number[]> {
  get size(): number {
    return this.table.counts.lengths;
  }

  override has(shortId: number): boolean {
    return this.holds(shortId, IN_LENGTHS);
  }

  get(shortId: number): number[] | undefined {
    if (!this.holds(shortId, IN_LENGTHS)) return undefined;
    const { pending, fields, fieldLengths } = this.table;
    if (pending?.shortId === shortId) return pending.lengths;
    const at = shortId * fields;
    const out = new Array<number>(fields);
    for (let f = 0; f < fields; f++) out[f] = fieldLengths[at + f] as number;
    return out;
  }

  set(shortId: number, lengths: number[]): this {
    const table = this.table;
    if (shortId >= table.high) throw new Error(`short id ${shortId} has no document`);
    table.settle();
    table.pending = { shortId, lengths };
    this.mark(shortId, IN_LENGTHS, true, "lengths");
    return this;
  }

  delete(shortId: number): boolean {
    if (!this.holds(shortId, IN_LENGTHS)) return false;
    if (this.table.pending?.shortId === shortId) this.table.settle();
    return this.mark(shortId, IN_LENGTHS, false, "lengths");
  }

  *entries(): IterableIterator<[number, number[]]> {
    for (const s of this.shortIdsWith(IN_LENGTHS)) yield [s, this.get(s) as number[]];
  }
}
