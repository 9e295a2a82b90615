import { eachRun, SEEK_RATIO, seek } from "./postings-runs.ts";
import type { ResolvedGroup, ResolvedNode } from "./resolved-query.ts";
import type { TermList } from "./term-lists.ts";

/** Postings past this many in all of an OR query's words, it is narrowed to its rarer words. */
const OR_POSTINGS = 20_000;
/** An OR query narrowed takes the documents of its rarest words up to about this many. */
const OR_CANDIDATES = 2_000;

/**
 * The documents an OR query is scored on, each once, in no particular order: those holding any
 * word; but where the words are common enough that scoring them all would be slow, only the
 * documents of the rarest words, adding words from the rarest while the documents stay few. A
 * passage that shares only common words with a query does not answer it, while it costs as much
 * to score as all the others together.
 *
 * `mark` is a scratch array, one entry per document, all zero before and after.
 */
export function orCandidates(root: ResolvedGroup, mark: Uint8Array): number[] {
  if (root.size <= OR_POSTINGS) return docsOf(root, mark);
  let docs: number[] = [];
  for (const child of [...root.children].sort((a, b) => a.size - b.size)) {
    if (docs.length > 0 && docs.length + child.size > OR_CANDIDATES) break;
    docs = union([docs, docsOf(child, mark)], mark);
  }
  return docs;
}

/**
 * The documents a node matches, each once: for AND, the rarest part's documents filtered
 * through the others. Discarded documents may be among them; ranking drops them.
 */
export function docsOf(node: ResolvedNode, mark: Uint8Array): number[] {
  if (node.kind === "term") return holding(node.lists, mark);
  if (node.kind === "OR")
    return union(
      node.children.map((c) => docsOf(c, mark)),
      mark,
    );
  const [rarest, ...rest] = [...node.children].sort((a, b) => a.size - b.size);
  let docs = rarest ? docsOf(rarest, mark) : [];
  for (const child of rest) {
    if (docs.length === 0) break;
    docs = keep(child, docs, mark);
  }
  return docs;
}

/** The documents of `from` that the node matches. */
function keep(node: ResolvedNode, from: number[], mark: Uint8Array): number[] {
  if (node.kind === "term") return keepHolding(node.lists, from, mark);
  if (node.kind === "OR")
    return union(
      node.children.map((c) => keep(c, from, mark)),
      mark,
    );
  let docs = from;
  for (const child of [...node.children].sort((a, b) => a.size - b.size)) {
    if (docs.length === 0) break;
    docs = keep(child, docs, mark);
  }
  return docs;
}

/**
 * The documents of `from` in any of the lists: a list much longer than `from` is walked by
 * seeking each document in it, a shorter one is read through.
 */
function keepHolding(lists: TermList[], from: number[], mark: Uint8Array): number[] {
  for (const d of from) mark[d] = 1;
  const out: number[] = [];
  const found = (d: number) => {
    mark[d] = 2;
    out.push(d);
  };
  let sorted: Int32Array | null = null;
  for (const { list } of lists) {
    if (list.size > from.length * SEEK_RATIO) {
      sorted ??= Int32Array.from(from).sort();
      const wanted = sorted;
      eachRun(list, (ids, tfs, start, end) => {
        let j = start;
        for (let w = 0; w < wanted.length && j < end; w++) {
          const d = wanted[w] as number;
          j = seek(ids, j, end, d);
          if (j < end && ids[j] === d && tfs[j] !== 0 && mark[d] === 1) found(d);
        }
      });
    } else {
      eachRun(list, (ids, tfs, start, end) => {
        for (let j = start; j < end; j++) {
          const d = ids[j] as number;
          if (mark[d] === 1 && tfs[j] !== 0) found(d);
        }
      });
    }
  }
  for (const d of from) mark[d] = 0;
  return out;
}

/** The documents of all the sets, each once. */
function union(sets: number[][], mark: Uint8Array): number[] {
  const out: number[] = [];
  for (const set of sets) {
    for (const d of set) {
      if (mark[d] === 1) continue;
      mark[d] = 1;
      out.push(d);
    }
  }
  for (const d of out) mark[d] = 0;
  return out;
}

/** The documents of the lists, each once. */
function holding(lists: TermList[], mark: Uint8Array): number[] {
  const out: number[] = [];
  for (const { list } of lists) {
    eachRun(list, (ids, tfs, start, end) => {
      for (let j = start; j < end; j++) {
        const d = ids[j] as number;
        if (mark[d] === 1 || tfs[j] === 0) continue;
        mark[d] = 1;
        out.push(d);
      }
    });
  }
  for (const d of out) mark[d] = 0;
  return out;
}
