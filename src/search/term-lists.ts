import type { FieldPostings, IndexInternals, Postings } from "./minisearch-internals.ts";
import type { TermNode } from "./stage-query.ts";

/** One postings list a query term reaches, with what MiniSearch multiplies its scores by. */
export interface TermList {
  list: Postings;
  field: number;
  /** The match's weight (1 exact, less for a prefix or fuzzy match) times the field's boost. */
  factor: number;
}

/** The fields searched, as ids, with their boosts, in the order MiniSearch scores them. */
export interface SearchFields {
  ids: number[];
  boosts: number[];
}

/** MiniSearch's default weights of prefix and fuzzy matches, and its cap on fuzzy distance. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

export function searchFields(
  ms: IndexInternals,
  fields: string[] | undefined,
  boost: Record<string, number> | undefined,
): SearchFields {
  const names = [...new Set(fields ?? ms.options.fields)];
  return {
    ids: names.map((f) => ms.fieldId(f) as number),
    // As MiniSearch: a missing or zero boost counts as 1.
    boosts: names.map((f) => (boost && Object.hasOwn(boost, f) ? boost[f] : 0) || 1),
  };
}

/**
 * The postings lists a term reaches in MiniSearch's order: the term itself, the words it starts,
 * then its near spellings, each in every searched field.
 */
export function termLists(ms: IndexInternals, node: TermNode, fields: SearchFields): TermList[] {
  const lists: TermList[] = [];
  const add = (data: FieldPostings, weight: number) => {
    fields.ids.forEach((field, f) => {
      const list = data.get(field);
      if (list) lists.push({ list, field, factor: weight * (fields.boosts[f] as number) });
    });
  };
  const { term } = node;
  const exact = ms.terms.get(term);
  if (exact) add(exact, 1);
  if (node.prefix) {
    for (const [t, data] of ms.terms.atPrefix(term)) {
      const distance = t.length - term.length;
      if (distance > 0) add(data, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance));
    }
  }
  const distance = node.fuzzy ? Math.min(MAX_FUZZY, Math.round(term.length * node.fuzzy)) : 0;
  if (distance > 0) {
    for (const [t, [data, d]] of ms.terms.fuzzyGet(term, distance)) {
      // The exact term is scored once, and words it starts as prefix matches.
      if (d === 0 || (node.prefix && t.startsWith(term))) continue;
      add(data, (FUZZY_WEIGHT * t.length) / (t.length + d));
    }
  }
  return lists;
}
