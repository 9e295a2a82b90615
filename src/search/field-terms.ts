import type { Options } from "minisearch";

/**
 * Terms numbered in the order first met. A worker thread tokenizing for a build sends each term
 * once and numbers after it, so the main thread, which numbers terms again for its index, reads
 * an array rather than hashing a string per term.
 */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(term, id);
      this.words.push(term);
    }
    return id;
  }
}

type TermOptions<T> = Pick<
  Options<T>,
  "fields" | "tokenize" | "processTerm" | "extractField" | "stringifyField"
>;

/** In `numberTerms`' output, a field the document does not have. */
export const NO_FIELD = -1;

/**
 * The documents tokenized and processed with the index's own functions, as MiniSearch's `add`
 * does, into one flat array: per document, per field of `options.fields`, NO_FIELD, or
 * MiniSearch's field length (distinct words before processing), the count of distinct terms,
 * then each term's number in the vocabulary and its frequency, in the order first met.
 */
export function numberTerms<T>(
  documents: readonly T[],
  options: TermOptions<T>,
  vocabulary: Vocabulary,
): Int32Array {
  const { fields, tokenize, processTerm } = options;
  if (!tokenize || !processTerm) throw new Error("numberTerms needs the index's own functions");
  const extract = options.extractField ?? ((d: T, f: string) => (d as Record<string, unknown>)[f]);
  const stringify = options.stringifyField ?? ((value: unknown) => String(value));
  const out: number[] = [];
  // A field whose text is the previous document's (a passage's title) is copied, not redone.
  const last: { text: string; start: number; end: number }[] = [];
  const counter = counterFor(vocabulary);
  for (const document of documents) {
    fields.forEach((field, f) => {
      const value = extract(document, field);
      if (value == null) {
        out.push(NO_FIELD);
        return;
      }
      const text = stringify(value, field);
      const same = last[f];
      const start = out.length;
      if (same && same.text === text) {
        for (let i = same.start; i < same.end; i++) out.push(out[i] as number);
      } else {
        const tokens = tokenize(text, field);
        counter.start();
        for (const token of tokens) {
          const processed = processTerm(token, field);
          if (Array.isArray(processed)) for (const term of processed) counter.add(vocabulary, term);
          else if (processed) counter.add(vocabulary, processed);
        }
        out.push(new Set(tokens).size);
        counter.writeTo(out);
      }
      last[f] = { text, start, end: out.length };
    });
  }
  return Int32Array.from(out);
}

/**
 * Each vocabulary's counter, kept from call to call: its arrays grow to the vocabulary's size,
 * and a counter made anew for each article (or each document an edit adds) grew them again
 * from 1,024 each time, a cost that rose with the vocabulary over a build.
 */
const COUNTERS = new WeakMap<Vocabulary, FieldCounter>();
function counterFor(vocabulary: Vocabulary): FieldCounter {
  let counter = COUNTERS.get(vocabulary);
  if (!counter) {
    counter = new FieldCounter();
    COUNTERS.set(vocabulary, counter);
  }
  return counter;
}

/** One field's distinct terms and their frequencies, in the order first met. */
class FieldCounter {
  private ids: number[] = [];
  private counts: number[] = [];
  /** Where each vocabulary number stands in `ids`, valid when its stamp is the current one. */
  private at = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private current = 0;

  start(): void {
    this.ids = [];
    this.counts = [];
    this.current++;
  }

  add(vocabulary: Vocabulary, term: string): void {
    const id = vocabulary.idOf(term);
    if (id >= this.at.length) this.grow(id + 1);
    if (this.stamp[id] === this.current) {
      const i = this.at[id] as number;
      this.counts[i] = (this.counts[i] as number) + 1;
      return;
    }
    this.stamp[id] = this.current;
    this.at[id] = this.ids.length;
    this.ids.push(id);
    this.counts.push(1);
  }

  writeTo(out: number[]): void {
    out.push(this.ids.length);
    this.ids.forEach((id, i) => {
      out.push(id, this.counts[i] as number);
    });
  }

  private grow(size: number): void {
    const length = Math.max(size, this.at.length * 2);
    const at = new Int32Array(length);
    const stamp = new Int32Array(length);
    at.set(this.at);
    stamp.set(this.stamp);
    this.at = at;
    this.stamp = stamp;
  }
}
