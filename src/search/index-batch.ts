import type MiniSearch from "minisearch";
import { NO_FIELD, numberTerms, Vocabulary } from "./field-terms.ts";
import { IndexInternals } from "./minisearch-internals.ts";
import { useDocumentTable } from "./packed-index.ts";
import { MAX_TF, PackedPostings } from "./packed-postings.ts";

/** Postings collected before they go into the index as one range a term. */
export const POSTINGS_PER_SEGMENT = 8 * 2 ** 20;
const FIRST_CAPACITY = 64 * 1024;

/**
 * Adds many documents to a MiniSearch index in the time and memory of reading them once. Each
 * document is tokenized as MiniSearch would (here, or ahead on a worker thread: see
 * `addNumbered`) and its short id, field lengths and averages are set by MiniSearch's own
 * methods, so the index is the one `addAll` would build; but the postings go to flat arrays, and
 * every few million of them are sorted by term at once and appended to the term's packed
 * postings as a range of shared arrays (see PackedPostings.append). Nothing held is copied, and
 * no Map a term or a posting is made.
 *
 * Documents are searchable after `flush` (also run whenever a segment fills). Documents added
 * one by one with `index.add` still work on the result, as do `discard` and `search`.
 */
export class IndexBatch<T> {
  private readonly ms: IndexInternals;
  /** How many fields a document has, as its numbered terms list them. */
  readonly fieldCount: number;
  /** Terms met since the last flush, numbered in the order met; key = term * fields + field. */
  private termOf = new Map<string, number>();
  private terms: string[] = [];
  /** Per vocabulary whose numbers documents came in, its words' numbers in this segment. */
  private numberings = new Map<readonly string[], Int32Array>();
  /** The vocabulary of documents tokenized here. */
  private readonly own = new Vocabulary();
  /** Postings since the last flush, in document order. */
  private keys = new Int32Array(FIRST_CAPACITY);
  private docs = new Int32Array(FIRST_CAPACITY);
  private tfs = new Uint16Array(FIRST_CAPACITY);
  private count = 0;
  /** The current document's frequency per key, and the keys it has. */
  private tfOf = new Int32Array(1024);
  private touched: number[] = [];

  constructor(
    index: MiniSearch<T>,
    private readonly postingsPerSegment = POSTINGS_PER_SEGMENT,
  ) {
    this.ms = IndexInternals.of(index);
    this.fieldCount = this.ms.fieldCount;
    useDocumentTable(index);
  }

  /** Adds a document as MiniSearch's `add` would; throws on a missing or duplicate id. */
  add(document: T): void {
    this.addNumbered(document, this.own.words, numberTerms([document], this.ms.options, this.own));
  }

  /**
   * Adds a document whose terms were made ahead by `numberTerms` with the index's options (on a
   * worker thread, say) in a vocabulary whose words are `words`; they start at `at` in
   * `numbers`. Returns where the next document's start.
   */
  addNumbered(document: T, words: readonly string[], numbers: Int32Array, at = 0): number {
    const ms = this.ms;
    const { extractField, fields, idField } = ms.options;
    const id = extractField(document, idField);
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (ms.hasId(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    const shortId = ms.addDocument(id, document);
    const numbering = this.numberingOf(words);
    let i = at;
    for (const field of fields) {
      const length = numbers[i++] as number;
      if (length === NO_FIELD) continue;
      const fieldId = ms.fieldId(field) as number;
      ms.addFieldLength(shortId, fieldId, length);
      const distinct = numbers[i++] as number;
      for (let k = 0; k < distinct; k++, i += 2) {
        const word = numbers[i] as number;
        let t = numbering[word] as number;
        if (t < 0) {
          t = this.termNumber(words[word] as string);
          numbering[word] = t;
        }
        this.countTerm(t * this.fieldCount + fieldId, numbers[i + 1] as number);
      }
    }
    this.emit(shortId);
    if (this.count >= this.postingsPerSegment) this.install();
    return i;
  }

  addAll(documents: Iterable<T>): this {
    for (const document of documents) this.add(document);
    return this;
  }

  /** Puts the postings collected into the index: its term index is complete again. */
  flush(): void {
    this.install();
  }

  /** Sorts the postings collected by term and appends them to the index; starts a new segment. */
  private install(): void {
    if (this.count > 0) this.appendSegment();
    this.termOf = new Map();
    this.terms = [];
    this.numberings = new Map();
    this.tfOf = new Int32Array(1024);
    this.count = 0;
    if (this.keys.length > FIRST_CAPACITY) {
      this.keys = new Int32Array(FIRST_CAPACITY);
      this.docs = new Int32Array(FIRST_CAPACITY);
      this.tfs = new Uint16Array(FIRST_CAPACITY);
    }
  }

  /** The term's number in this segment, numbering it if it is new. */
  private termNumber(term: string): number {
    let t = this.termOf.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.termOf.set(term, t);
      this.terms.push(term);
      const keys = this.terms.length * this.fieldCount;
      if (keys > this.tfOf.length) this.tfOf = grownInt32(this.tfOf, keys);
    }
    return t;
  }

  /** This segment's number of each word of a vocabulary, -1 until met in the segment. */
  private numberingOf(words: readonly string[]): Int32Array {
    const known = this.numberings.get(words);
    if (known && known.length >= words.length) return known;
    const made = new Int32Array(Math.max(words.length, (known?.length ?? 0) * 2, 1024)).fill(-1);
    if (known) made.set(known);
    this.numberings.set(words, made);
    return made;
  }

  private countTerm(key: number, times: number): void {
    const tf = this.tfOf[key] as number;
    if (tf === 0) this.touched.push(key);
    this.tfOf[key] = tf + times;
  }

  /** Moves the current document's frequencies into the postings. */
  private emit(shortId: number): void {
    const { touched, tfOf } = this;
    this.reserve(touched.length);
    let at = this.count;
    for (const key of touched) {
      this.keys[at] = key;
      this.docs[at] = shortId;
      this.tfs[at] = Math.min(tfOf[key] as number, MAX_TF);
      tfOf[key] = 0;
      at++;
    }
    this.count = at;
    touched.length = 0;
  }

  private reserve(more: number): void {
    if (this.count + more <= this.keys.length) return;
    const size = Math.max(this.keys.length * 2, this.count + more);
    const keys = new Int32Array(size);
    const docs = new Int32Array(size);
    const tfs = new Uint16Array(size);
    keys.set(this.keys.subarray(0, this.count));
    docs.set(this.docs.subarray(0, this.count));
    tfs.set(this.tfs.subarray(0, this.count));
    this.keys = keys;
    this.docs = docs;
    this.tfs = tfs;
  }

  /**
   * Sorts the postings by key (a counting sort: document order stays within a key) into arrays
   * of their own, and appends each key's run to its term's postings.
   */
  private appendSegment(): void {
    const { count, keys, fieldCount } = this;
    const keyCount = this.terms.length * fieldCount;
    const starts = new Int32Array(keyCount + 1);
    for (let i = 0; i < count; i++) {
      const key = (keys[i] as number) + 1;
      starts[key] = (starts[key] as number) + 1;
    }
    for (let k = 0; k < keyCount; k++) {
      starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
    }
    const ids = new Int32Array(count);
    const tfs = new Uint16Array(count);
    const next = starts.slice(0, keyCount);
    for (let i = 0; i < count; i++) {
      const key = keys[i] as number;
      const at = next[key] as number;
      next[key] = at + 1;
      ids[at] = this.docs[i] as number;
      tfs[at] = this.tfs[i] as number;
    }
    const index = this.ms.terms;
    this.terms.forEach((term, t) => {
      let fields = index.get(term);
      for (let f = 0; f < fieldCount; f++) {
        const key = t * fieldCount + f;
        const start = starts[key] as number;
        const end = starts[key + 1] as number;
        if (end === start) continue;
        if (!fields) {
          fields = new Map();
          index.set(term, fields);
        }
        const held = fields.get(f);
        if (held instanceof PackedPostings) {
          held.append(ids, tfs, start, end);
        } else if (held && held.size > 0) {
          const packed = PackedPostings.fromEntries((held as Map<number, number>).entries());
          packed.append(ids, tfs, start, end);
          fields.set(f, packed);
        } else {
          fields.set(f, new PackedPostings(ids, tfs, start, end));
        }
      }
    });
  }
}

function grownInt32(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(size, array.length * 2));
  out.set(array);
  return out;
}
