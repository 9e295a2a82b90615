import type { Options } from "minisearch";

/**
 * One field of a document tokenized and processed ahead, as IndexBatch would on adding it: what
 * lets a worker thread do that part of a build. Null for a field the document does not have.
 */
export interface FieldTerms {
  /** MiniSearch's field length: how many distinct words, before processing. */
  length: number;
  /** The distinct terms, in the order first met, and how often each occurs. */
  terms: string[];
  counts: number[];
}

type TermOptions<T> = Pick<
  Options<T>,
  "fields" | "tokenize" | "processTerm" | "extractField" | "stringifyField"
>;

/**
 * The fields of each document, in the order of `options.fields`, tokenized and processed with
 * the index's own functions, as MiniSearch's `add` does. A field whose text is the previous
 * document's (a passage's title) is the same object.
 */
export function documentTerms<T>(
  documents: readonly T[],
  options: TermOptions<T>,
): (FieldTerms | null)[][] {
  const { fields, tokenize, processTerm } = options;
  if (!tokenize || !processTerm) throw new Error("documentTerms needs the index's own functions");
  const extract = options.extractField ?? ((d: T, f: string) => (d as Record<string, unknown>)[f]);
  const stringify = options.stringifyField ?? ((value: unknown) => String(value));
  let previous: { text: string; terms: FieldTerms }[] = [];
  return documents.map((document) => {
    const current: { text: string; terms: FieldTerms }[] = [];
    const out = fields.map((field, f) => {
      const value = extract(document, field);
      if (value == null) return null;
      const text = stringify(value, field);
      const same = previous[f];
      const terms =
        same && same.text === text ? same.terms : fieldTerms(text, field, tokenize, processTerm);
      current[f] = { text, terms };
      return terms;
    });
    previous = current;
    return out;
  });
}

function fieldTerms(
  text: string,
  field: string,
  tokenize: NonNullable<Options["tokenize"]>,
  processTerm: NonNullable<Options["processTerm"]>,
): FieldTerms {
  const tokens = tokenize(text, field);
  const at = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  const count = (term: string) => {
    const i = at.get(term);
    if (i === undefined) {
      at.set(term, terms.length);
      terms.push(term);
      counts.push(1);
    } else {
      counts[i] = (counts[i] as number) + 1;
    }
  };
  for (const token of tokens) {
    const processed = processTerm(token, field);
    if (Array.isArray(processed)) for (const term of processed) count(term);
    else if (processed) count(processed);
  }
  return { length: new Set(tokens).size, terms, counts };
}

/**
 * Documents' terms in two flat values, cheap to send to another thread: the terms joined by
 * spaces, and per field its length, its count of terms and their frequencies (-1: the previous
 * document's field; -2: no field).
 */
export interface PackedTerms {
  words: string;
  numbers: Int32Array;
}

const SAME = -1;
const NONE = -2;
const SEPARATOR = " ";

/** The documents' terms packed; null when a term is empty or holds the separator. */
export function packTerms(documents: readonly (FieldTerms | null)[][]): PackedTerms | null {
  const words: string[] = [];
  const numbers: number[] = [];
  let previous: readonly (FieldTerms | null)[] = [];
  for (const fields of documents) {
    for (const [f, field] of fields.entries()) {
      if (field === null) numbers.push(NONE);
      else if (field === previous[f]) numbers.push(SAME);
      else {
        if (field.terms.some((term) => term === "" || term.includes(SEPARATOR))) return null;
        numbers.push(field.length, field.terms.length, ...field.counts);
        words.push(...field.terms);
      }
    }
    previous = fields;
  }
  return { words: words.join(SEPARATOR), numbers: Int32Array.from(numbers) };
}

/** The documents' terms as `documentTerms` gave them, `fieldCount` fields each. */
export function unpackTerms(packed: PackedTerms, fieldCount: number): (FieldTerms | null)[][] {
  const words = packed.words === "" ? [] : packed.words.split(SEPARATOR);
  const { numbers } = packed;
  const documents: (FieldTerms | null)[][] = [];
  let previous: (FieldTerms | null)[] = [];
  let n = 0;
  let w = 0;
  while (n < numbers.length) {
    const fields: (FieldTerms | null)[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const head = numbers[n++] as number;
      if (head === NONE) fields.push(null);
      else if (head === SAME) fields.push(previous[f] ?? null);
      else {
        const count = numbers[n++] as number;
        fields.push({
          length: head,
          terms: words.slice(w, w + count),
          counts: Array.from(numbers.subarray(n, n + count)),
        });
        w += count;
        n += count;
      }
    }
    documents.push(fields);
    previous = fields;
  }
  return documents;
}
