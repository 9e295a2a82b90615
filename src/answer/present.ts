import type { AttributionHit, Library, PassageHit } from "../library/api.ts";
import type { Attribution } from "../types.ts";
import type { AnswerItem } from "./answer.ts";

/** How a quote reads in every answer: the content spans joined, gaps marked. */
export function quoteText(attribution: Attribution): string {
  return attribution.content.map((c) => c.text.trim()).join(" … ");
}

export function quoteItem(
  hit: AttributionHit,
  library: Library,
  role?: AnswerItem["role"],
): AnswerItem {
  const a = hit.attribution;
  return {
    kind: "quote",
    speaker: hit.speaker?.name ?? null,
    text: quoteText(a),
    evidence: a.evidence.text,
    mention: a.mention?.text ?? null,
    cue: a.cue?.text ?? null,
    type: a.type,
    stance: a.stance,
    reportedBy: a.reportedBy,
    ...(role ? { role } : {}),
    citation: library.citation(a.articleId, a.paragraph),
  };
}

export function passageItem(hit: PassageHit, library: Library): AnswerItem {
  const p = hit.passage;
  return {
    kind: "passage",
    speaker: null,
    text: p.text,
    citation: library.citation(p.articleId, p.paragraph),
  };
}

/** Longest query we search on; longer input is cut at a word boundary and the user told so. */
export const MAX_QUERY_CHARS = 500;

export interface CleanQuery {
  text: string;
  notice: string | null;
}

/** Folds white space and control characters and caps the length of what the user typed. */
export function cleanQuery(raw: unknown): CleanQuery {
  const text = String(raw ?? "")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= MAX_QUERY_CHARS) return { text, notice: null };
  const cut = text.slice(0, MAX_QUERY_CHARS).replace(/\s+\S*$/, "");
  return {
    text: cut,
    notice: `Your text was ${text.length.toLocaleString("en")} characters; I searched on the first ${cut.length}.`,
  };
}

/** Longest echo of the user's text in a heading; the search itself uses up to MAX_QUERY_CHARS. */
export const MAX_ECHO_CHARS = 80;

/**
 * The user's text as a heading repeats it, in quotation marks: cut at a word with "…" past
 * MAX_ECHO_CHARS, so a pasted page does not become the heading.
 */
export function echo(text: string): string {
  if (text.length <= MAX_ECHO_CHARS) return `“${text}”`;
  // One character more than fits, so a word ending exactly at the limit is kept whole.
  const atWord = text.slice(0, MAX_ECHO_CHARS + 1).replace(/\s+\S*$/, "");
  // A single word longer than the limit is cut where it stands.
  return `“${atWord.slice(0, MAX_ECHO_CHARS).trimEnd()}…”`;
}

/** True when the text has at least one letter or digit to search for. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * The words as an answer shows them: a direct quote in quotation marks; a paraphrase or a
 * partly quoted statement as written, so the reporter's words are never passed off as verbatim
 * (a mixed statement keeps the article's own marks around the quoted fragment).
 */
export function shownWords(item: Pick<AnswerItem, "kind" | "type" | "text">): string {
  return item.kind === "quote" && item.type !== "direct" ? item.text : `“${item.text}”`;
}

/** The labels a statement carries after its speaker: "denial · paraphrase". */
export function statementLabels(item: Pick<AnswerItem, "role" | "stance" | "type">): string[] {
  const labels: string[] = [];
  // In /who, a related statement is shown because nobody makes the claim: it must never read
  // as the answer.
  if (item.role === "related") labels.push("related, not the claim");
  if (item.role === "denial" || item.stance === "denial") labels.push("denial");
  else if (item.stance === "allegation") labels.push("allegation");
  if (item.type === "indirect") labels.push("paraphrase");
  if (item.type === "mixed") labels.push("partly quoted");
  return labels;
}
