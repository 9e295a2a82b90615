import { docsOf, orCandidates } from "./candidates.ts";
import type { Dense } from "./dense-arrays.ts";
import type { IndexInternals, Postings } from "./minisearch-internals.ts";
import { eachRun, SEEK_RATIO, seek } from "./postings-runs.ts";
import type { ResolvedGroup, ResolvedNode, ResolvedQuery, ResolvedTerm } from "./resolved-query.ts";

/**
 * A stage's results as MiniSearch's search would give them, to the last bit, computed over typed
 * arrays with no object per document. The documents scored are numbered by their place ("slot").
 * MiniSearch sums each document's BM25+ terms in a set order (the lists of a term in order, then
 * terms and words as its query tree combines them) and ranks equal scores in the order its
 * result Maps met the documents; both are followed here, so that the ranking is the same, ties
 * included.
 */
export interface Scores {
  /** The document of each slot. */
  docs: Int32Array;
  /** Whether the slot's document matches the query. */
  has: Uint8Array;
  /** The document's score, times its quality (how many of the query's terms it matched). */
  score: Float64Array;
  /** Where MiniSearch's results meet the document: among equal scores, lower comes first. */
  key: Float64Array;
  /** The fields the document matched in, a bit per field id. */
  fields: Uint32Array;
}

/** MiniSearch's BM25+ parameters (its defaults). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/**
 * Which documents are scored: for all of the words, those of the rarest word, each other word
 * then scored only on the documents still holding all before it (rarest first), and the scores
 * added in the words' order; for any of the words, the candidates `orCandidates` picks.
 */
export function scoreStage(ms: IndexInternals, dense: Dense, query: ResolvedQuery): Scores {
  dense.generation++;
  const scorer = new Scorer(ms, dense, Math.ceil(query.sources / 32));
  const node = unwrap(query.root);
  const scored =
    node.kind === "OR"
      ? scorer.any(node, node === query.root)
      : scorer.all(node.kind === "AND" ? node.children : [node]);
  const { n } = scorer;
  const { has, score, terms, words } = scored;
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    let quality = 0;
    for (let w = 0; w < words; w++) quality += bitCount(terms[i * words + w] as number);
    score[i] = (score[i] as number) * (quality || 1);
  }
  return {
    docs: scorer.docs.subarray(0, n),
    has: has.subarray(0, n),
    score: score.subarray(0, n),
    key: scored.key.subarray(0, n),
    fields: scored.fields.subarray(0, n),
  };
}

/** A group of one is its member: MiniSearch combines nothing. */
function unwrap(node: ResolvedNode): ResolvedNode {
  if (node.kind === "term") return node;
  const [child, ...rest] = node.children;
  return child && rest.length === 0 ? unwrap(child) : node;
}

/** One node's results over the slots, as MiniSearch's result Map for that node holds them. */
interface NodeScores {
  has: Uint8Array;
  score: Float64Array;
  key: Float64Array;
  /** The query's distinct terms matched, `words` 32-bit words per slot. */
  terms: Int32Array;
  words: number;
  fields: Uint32Array;
  /** Every key of the node is below this. */
  bound: number;
}

class Scorer {
  docs = new Int32Array(0);
  n = 0;
  /** Whether each slot may still match: null while all may. */
  private live: Uint8Array | null = null;
  private liveCount = 0;
  /** The live slots' documents, ascending, when made. */
  private liveDocs: Int32Array | null = null;

  constructor(
    private readonly ms: IndexInternals,
    private readonly dense: Dense,
    private readonly words: number,
  ) {}

  /** All of the parts: the rarest gathers the slots, the others are scored on those left. */
  all(parts: ResolvedNode[]): NodeScores {
    const order = parts.map((_, i) => i).sort((a, b) => sizeOf(parts, a) - sizeOf(parts, b));
    const results: NodeScores[] = [];
    for (const [rank, i] of order.entries()) {
      const part = parts[i] as ResolvedNode;
      let scored: NodeScores;
      if (rank > 0) scored = this.node(part);
      else if (part.kind === "term") scored = this.open(part);
      else {
        this.place(docsOf(part, this.dense.mark));
        scored = this.node(part);
      }
      results[i] = scored;
      const last = rank === order.length - 1;
      if (!last && this.keepOnly(scored.has) === 0) return this.empty(0);
    }
    const [first, ...rest] = results as [NodeScores, ...NodeScores[]];
    return rest.reduce((a, b) => and(a, b, this.n), first);
  }

  /** Any of the parts, on their documents, or on the candidates of a query's words. */
  any(group: ResolvedGroup, narrow: boolean): NodeScores {
    const { mark } = this.dense;
    this.place(narrow ? orCandidates(group, mark) : docsOf(group, mark));
    return this.node(group);
  }

  private node(node: ResolvedNode): NodeScores {
    if (node.kind === "term") return this.term(node);
    const [first, ...rest] = node.children.map((c) => this.node(c));
    if (!first) return this.empty(0);
    if (node.kind === "AND") return rest.reduce((a, b) => and(a, b, this.n), first);
    return or(first, rest, this.n);
  }

  /** Slots for these documents, in ascending order. */
  private place(candidates: number[]): void {
    const { stamp, slot, generation } = this.dense;
    this.docs = Int32Array.from(candidates).sort();
    this.n = this.docs.length;
    this.docs.forEach((d, i) => {
      stamp[d] = generation;
      slot[d] = i;
    });
    this.live = null;
    this.liveCount = this.n;
    this.liveDocs = this.docs;
  }

  /** Rules out the slots the results do not hold; how many are left. */
  private keepOnly(has: Uint8Array): number {
    const live = this.live ?? new Uint8Array(this.n).fill(1);
    let count = 0;
    for (let i = 0; i < this.n; i++) {
      if (live[i] === 1 && has[i] === 0) live[i] = 0;
      count += live[i] as number;
    }
    this.live = live;
    this.liveCount = count;
    this.liveDocs = null;
    return count;
  }

  /** The live slots' documents, ascending. */
  private sortedLive(): Int32Array {
    if (this.liveDocs) return this.liveDocs;
    const { live, docs } = this;
    const out = new Int32Array(this.liveCount);
    let k = 0;
    for (let i = 0; i < this.n; i++)
      if (live === null || live[i] === 1) out[k++] = docs[i] as number;
    this.liveDocs = out.sort();
    return this.liveDocs;
  }

  private empty(bound: number, n = this.n): NodeScores {
    return {
      has: new Uint8Array(n),
      score: new Float64Array(n),
      key: new Float64Array(n),
      terms: new Int32Array(n * this.words),
      words: this.words,
      fields: new Uint32Array(n),
      bound,
    };
  }

  /**
   * A term with no slots yet: every document its lists hold gets one as they are read. The
   * documents of the rarest part of a query, or all the results of a query of one term.
   */
  private open(node: ResolvedTerm): NodeScores {
    const { ms } = this;
    const { lengths, width, stamp, slot, generation } = this.dense;
    const out = this.empty(node.lists.length * ms.nextId, node.size);
    const { score, key, fields } = out;
    const docs = new Int32Array(node.size);
    let n = 0;
    node.lists.forEach(({ list, field, factor }, index) => {
      const { idf, avg, base } = listConstants(ms, list, field, index);
      const fieldBit = 1 << field;
      eachRun(list, (ids, tfs, start, end) => {
        for (let j = start; j < end; j++) {
          const tf = tfs[j] as number;
          if (tf === 0) continue;
          const d = ids[j] as number;
          const weighted = bm25(factor, idf, tf, lengths[d * width + field] as number, avg);
          if (stamp[d] !== generation) {
            stamp[d] = generation;
            slot[d] = n;
            docs[n] = d;
            score[n] = weighted;
            key[n] = base + d;
            fields[n] = fieldBit;
            n++;
          } else {
            const i = slot[d] as number;
            score[i] = (score[i] as number) + weighted;
            fields[i] = (fields[i] as number) | fieldBit;
          }
        }
      });
    });
    this.docs = docs;
    this.n = n;
    this.live = null;
    this.liveCount = n;
    this.liveDocs = null;
    out.has.fill(1, 0, n);
    const word = node.source >>> 5;
    const bit = 1 << (node.source & 31);
    for (let i = 0; i < n; i++) out.terms[i * this.words + word] = bit;
    return out;
  }

  /**
   * A term on the live slots, its lists in order, each document's score summed in that order;
   * its key is the first list holding it, then its id, as MiniSearch's Map for the term meets
   * documents (a list holds ids in the ascending order they were handed out). A list much longer than the live documents is walked by seeking each of them in
   * it; a shorter one is read through.
   */
  private term(node: ResolvedTerm): NodeScores {
    const { ms, words, live, liveCount } = this;
    const { lengths, width, stamp, slot, generation } = this.dense;
    const out = this.empty(node.lists.length * ms.nextId);
    const { has, score, key, terms, fields } = out;
    const word = node.source >>> 5;
    const bit = 1 << (node.source & 31);
    node.lists.forEach(({ list, field, factor }, index) => {
      const { idf, avg, base } = listConstants(ms, list, field, index);
      const fieldBit = 1 << field;
      const add = (tf: number, d: number) => {
        const i = slot[d] as number;
        const weighted = bm25(factor, idf, tf, lengths[d * width + field] as number, avg);
        if (has[i] === 0) {
          has[i] = 1;
          score[i] = weighted;
          key[i] = base + d;
          terms[i * words + word] = (terms[i * words + word] as number) | bit;
        } else {
          score[i] = (score[i] as number) + weighted;
        }
        fields[i] = (fields[i] as number) | fieldBit;
      };
      if (list.size > liveCount * SEEK_RATIO) {
        const wanted = this.sortedLive();
        eachRun(list, (ids, tfs, start, end) => {
          let j = start;
          for (let w = 0; w < wanted.length && j < end; w++) {
            const d = wanted[w] as number;
            j = seek(ids, j, end, d);
            if (j < end && ids[j] === d && tfs[j] !== 0) add(tfs[j] as number, d);
          }
        });
      } else {
        eachRun(list, (ids, tfs, start, end) => {
          for (let j = start; j < end; j++) {
            const d = ids[j] as number;
            if (stamp[d] !== generation || tfs[j] === 0) continue;
            if (live === null || live[slot[d] as number] === 1) add(tfs[j] as number, d);
          }
        });
      }
    });
    return out;
  }
}

function sizeOf(parts: ResolvedNode[], i: number): number {
  return (parts[i] as ResolvedNode).size;
}

/** What a list's postings share in MiniSearch's score, and where its keys start. */
function listConstants(ms: IndexInternals, list: Postings, field: number, index: number) {
  const df = list.size;
  return {
    idf: Math.log(1 + (ms.documentCount - df + 0.5) / (df + 0.5)),
    avg: ms.averageFieldLength(field),
    base: index * ms.nextId,
  };
}

/** MiniSearch's calcBM25Score times the weight, operation for operation: the sums are identical. */
function bm25(factor: number, idf: number, tf: number, length: number, avg: number): number {
  return factor * (idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg))));
}

/** MiniSearch's AND: documents in both, scores added, in the order of the second. */
function and(a: NodeScores, b: NodeScores, n: number): NodeScores {
  const { words } = a;
  for (let i = 0; i < n; i++) {
    if (a.has[i] === 0) continue;
    if (b.has[i] === 0) {
      a.has[i] = 0;
      continue;
    }
    a.score[i] = (a.score[i] as number) + (b.score[i] as number);
    a.key[i] = b.key[i] as number;
    a.fields[i] = (a.fields[i] as number) | (b.fields[i] as number);
    for (let w = i * words; w < (i + 1) * words; w++) {
      a.terms[w] = (a.terms[w] as number) | (b.terms[w] as number);
    }
  }
  a.bound = b.bound;
  return a;
}

/**
 * MiniSearch's OR: documents in any, scores added in order; documents in the order of the first,
 * then those new in the second in its order, and so on.
 */
function or(first: NodeScores, rest: NodeScores[], n: number): NodeScores {
  const { words } = first;
  // Keys stay exact integers: at most 32 words of 2 branches, of lists times ids below 2^47.
  const branch = Math.max(first.bound, ...rest.map((r) => r.bound));
  const out = first;
  rest.forEach((b, j) => {
    const offset = (j + 1) * branch;
    for (let i = 0; i < n; i++) {
      if (b.has[i] === 0) continue;
      if (out.has[i] === 0) {
        out.has[i] = 1;
        out.score[i] = b.score[i] as number;
        out.key[i] = offset + (b.key[i] as number);
        out.fields[i] = b.fields[i] as number;
        for (let w = i * words; w < (i + 1) * words; w++) out.terms[w] = b.terms[w] as number;
      } else {
        out.score[i] = (out.score[i] as number) + (b.score[i] as number);
        out.fields[i] = (out.fields[i] as number) | (b.fields[i] as number);
        for (let w = i * words; w < (i + 1) * words; w++) {
          out.terms[w] = (out.terms[w] as number) | (b.terms[w] as number);
        }
      }
    }
  });
  out.bound = (rest.length + 1) * branch;
  return out;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
