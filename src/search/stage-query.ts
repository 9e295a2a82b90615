import type { Query } from "minisearch";
import type { QueryWord } from "./tokenize.ts";

/** One query term, and how far it is widened: to the words it starts, to near spellings. */
export interface TermNode {
  kind: "term";
  term: string;
  prefix: boolean;
  /** The share of the term's length that may be misspelt, or false. */
  fuzzy: number | false;
}

export interface GroupNode {
  kind: "AND" | "OR";
  children: QueryNode[];
}

/**
 * A stage's query as MiniSearch evaluates it. The scaled plan scores the same tree itself, so
 * that both give the same scores in the same order.
 */
export type QueryNode = TermNode | GroupNode;

/** How far a stage widens: "last" widens only the last word, which may be unfinished. */
export type Widening = "last" | "all";

const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 3;
const LETTER = /\p{L}/u;

/** All or any of the words. */
export function stageQuery(
  words: QueryWord[],
  combineWith: "AND" | "OR",
  widen: Widening,
): GroupNode {
  return {
    kind: combineWith,
    children: words.map((word, i) =>
      wordNode(word, widen === "all" ? "close" : i === words.length - 1 ? "prefix" : "exact"),
    ),
  };
}

/** The same tree as MiniSearch's query expression. */
export function miniSearchQuery(node: QueryNode): Query {
  if (node.kind === "term") return { queries: [node.term], prefix: node.prefix, fuzzy: node.fuzzy };
  return { combineWith: node.kind, queries: node.children.map(miniSearchQuery) };
}

/** Whether widening can change what some word matches. */
export function widens(words: QueryWord[]): boolean {
  return words.some((w) => wordTerms(w).some(widenable));
}

type Widen = "exact" | "prefix" | "close";

/** A hyphenated word matches its joined form or all of its parts (cyberattacks | cyber attacks). */
function wordNode(word: QueryWord, widen: Widen): QueryNode {
  const parts: QueryNode =
    word.parts.length === 1
      ? termNode(word.parts[0] as string, widen)
      : { kind: "AND", children: word.parts.map((t) => termNode(t, widen)) };
  if (!word.joined) return parts;
  return { kind: "OR", children: [termNode(word.joined, widen), parts] };
}

function termNode(term: string, widen: Widen): TermNode {
  const letters = LETTER.test(term);
  return {
    kind: "term",
    term,
    prefix: widen !== "exact" && letters && term.length >= MIN_PREFIX_LENGTH,
    fuzzy: widen === "close" && letters && term.length >= MIN_FUZZY_LENGTH ? FUZZY : false,
  };
}

function widenable(term: string): boolean {
  return LETTER.test(term) && term.length >= MIN_PREFIX_LENGTH;
}

function wordTerms(word: QueryWord): string[] {
  return word.joined ? [word.joined, ...word.parts] : word.parts;
}
