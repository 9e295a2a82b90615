import type { AttributionType, Citation, Stance } from "../types.ts";

/**
 * What a command computes. Every surface (shell, CLI, JSON, Discord) renders the same Answer,
 * so the wording of evidence and citations cannot drift between them.
 */
export interface Answer {
  /** The command that answered, without the slash ("search"). */
  command: string;
  /** One line that says what this answer is ("3 passages match “crude methods”"). */
  heading: string;
  /** Results in rank order. */
  items: AnswerItem[];
  /** Something the user must know: an unclear speaker, an ambiguous name, a rejected query. */
  notice: string | null;
  status: AnswerStatus;
}

/**
 * ok: results found; empty: the corpus has nothing for this; ambiguous: the user must choose
 * (items list the choices); invalid: the request itself was wrong (notice says why).
 */
export type AnswerStatus = "ok" | "empty" | "ambiguous" | "invalid";

export type AnswerItemKind = "passage" | "quote" | "speaker" | "article" | "command" | "feed";

/** One result. Flat on purpose: scripts read `--json` output without knowing every kind. */
export interface AnswerItem {
  kind: AnswerItemKind;
  /** Canonical speaker name where the item is someone's statement or is a speaker; else null. */
  speaker: string | null;
  /** The quote, the passage, the article title or the speaker's summary line. */
  text: string;
  /** For a quote: the whole sentence(s) it stands in. */
  evidence?: string;
  /** How the article names the speaker here ("the senior Russian official"). */
  mention?: string | null;
  /** The reporting words ("told reporters"). */
  cue?: string | null;
  type?: AttributionType;
  stance?: Stance | null;
  reportedBy?: string | null;
  /**
   * In `/who`: "claim" makes the claim, "denial" denies it, "related" is a near statement shown
   * because nobody makes it. An answer with no "claim" item found nobody making the claim.
   */
  role?: "claim" | "denial" | "related";
  /** Extra lines: aliases, counts, paragraph list. */
  details?: string[];
  /** Where the evidence stands; absent only for speaker items. */
  citation?: Citation;
  /**
   * The other appearances of this statement or passage: copies of one story in other outlets,
   * or an earlier version the one shown replaces (src/story/copies.ts).
   */
  alsoIn?: Citation[];
}

export function answer(
  command: string,
  heading: string,
  items: AnswerItem[],
  notice: string | null = null,
): Answer {
  return { command, heading, items, notice, status: items.length > 0 ? "ok" : "empty" };
}

/** An answer that says why the request cannot be answered: the notice says what to do instead. */
export function invalid(command: string, notice: string): Answer {
  const heading = command ? `Can't answer /${command}` : "Can't answer that";
  return { command, heading, items: [], notice, status: "invalid" };
}
