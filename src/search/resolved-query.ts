import type { IndexInternals } from "./minisearch-internals.ts";
import type { QueryNode } from "./stage-query.ts";
import { type SearchFields, type TermList, termLists } from "./term-lists.ts";

/** A query term with the postings lists it reaches. */
export interface ResolvedTerm {
  kind: "term";
  lists: TermList[];
  /** The term's number among the query's distinct terms: a result's quality counts them. */
  source: number;
  /** An upper bound of how many documents the term matches. */
  size: number;
}

export interface ResolvedGroup {
  kind: "AND" | "OR";
  children: ResolvedNode[];
  size: number;
}

/** A stage's query tree with its terms looked up in the index. */
export type ResolvedNode = ResolvedTerm | ResolvedGroup;

export interface ResolvedQuery {
  root: ResolvedNode;
  /** How many distinct terms the query has. */
  sources: number;
}

export function resolveQuery(
  ms: IndexInternals,
  root: QueryNode,
  fields: SearchFields,
): ResolvedQuery {
  const sources = new Map<string, number>();
  const resolve = (node: QueryNode): ResolvedNode => {
    if (node.kind === "term") {
      let source = sources.get(node.term);
      if (source === undefined) {
        source = sources.size;
        sources.set(node.term, source);
      }
      const lists = termLists(ms, node, fields);
      return { kind: "term", lists, source, size: lists.reduce((sum, l) => sum + l.list.size, 0) };
    }
    // A word nothing holds adds nothing to any: leaving it out changes no score and no order.
    const all = node.children.map(resolve);
    const children = node.kind === "OR" ? all.filter((c) => c.size > 0) : all;
    const sizes = children.map((c) => c.size);
    const size = node.kind === "AND" ? Math.min(...sizes) : sizes.reduce((sum, s) => sum + s, 0);
    return { kind: node.kind, children, size };
  };
  const resolved = resolve(root);
  return { root: resolved, sources: sources.size };
}
