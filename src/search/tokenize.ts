/**
 * Tokenizing and term processing for news text, shared by indexing and querying so that a query
 * term and an indexed term meet in the same form.
 */

import { memoize } from "../cache/memo.ts";
import { fold } from "../text/fold.ts";

/**
 * A word: letters, digits and marks, joined by apostrophes, hyphens or dots. Every repetition
 * must consume a joiner that cannot be a word character, so matching stays linear on any input.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011'\u2019\u2018\u02bc.][\p{L}\p{N}\p{M}]+)*/gu;
const HYPHENS = /[-\u2010\u2011]/;
const APOSTROPHES = /['\u2019\u2018\u02bc]/g;
const POSSESSIVE = /['\u2019\u2018\u02bc]s$/i;
const HAS_APOSTROPHE = /['\u2019\u2018\u02bc]/;
const DIGITS = /^\p{N}+$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]*$/u;

/** Terms longer than this are noise (hashes, run-together junk) and are not indexed. */
export const MAX_TERM_LENGTH = 48;
const MAX_PIECES = 8;

/**
 * Words too common to say anything. Kept out on purpose: not, no, nor, never, against, without
 * (they carry the stance of a statement); may, will, can, must (Theresa May, Will Hurd); and
 * "us", handled apart because "US" is a country.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but if then than so as of to in on at by for from with into onto upon " +
    "about over under between through during before after above below up down out off " +
    "is am are was were be been being has have had having do does did doing " +
    "would should could " +
    "i me my we our ours you your yours he him his she her hers it its they them their " +
    "theirs this that these those there here who whom whose which what when where why how " +
    "also just very too such each other own same some any all both few more most only"
  ).split(" "),
);

/** Raw words of a text, case and punctuation inside words kept, in order. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

export type TermMode = "index" | "query";

/**
 * The index terms of one raw word: case folded, diacritics and apostrophes removed, possessive
 * 's dropped, stop words dropped. A hyphenated word yields its parts and the joined form
 * (cyber-attacks: cyber, attacks, cyberattacks); a number range keeps its own form too.
 * An acronym is never a stop word ("US", "WHO"); lower-case "us" is a stop word in text but
 * not in a query, where nobody searches for the pronoun.
 */
export function processTerm(raw: string, mode: TermMode = "index"): string[] {
  const out = new Set<string>();
  for (const part of splitDots(raw)) for (const term of processWord(part, mode)) out.add(term);
  return [...out];
}

/** Distinct raw words remembered at most; news text repeats most of its words. */
const TERM_CACHE_SIZE = 200_000;

/**
 * `processTerm` in index mode, remembered per raw word: indexing a large corpus meets the same
 * words millions of times. The array returned is shared and must not be changed.
 */
export const indexTerms: (raw: string) => readonly string[] = memoize(
  (raw) => processTerm(raw),
  TERM_CACHE_SIZE,
);

/**
 * A query word as a unit: the terms that must all match (the parts of a hyphenated word) and,
 * for a hyphenated word, the joined form that may match instead.
 */
export interface QueryWord {
  parts: string[];
  joined: string | null;
}

/** The words of a query, processed as the index processed them; stop words dropped. */
export function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const raw of tokenize(text)) {
    for (const piece of splitDots(raw)) {
      const word = queryWord(piece);
      if (word) words.push(word);
    }
  }
  return words;
}

function queryWord(raw: string): QueryWord | null {
  const base = stripApostrophes(raw);
  if (!HYPHENS.test(base)) {
    const term = single(base, "query");
    return term ? { parts: [term], joined: null } : null;
  }
  const pieces = hyphenPieces(base);
  const parts = pieces.map((p) => single(p, "query")).filter((t): t is string => t !== null);
  const joined = joinedForm(pieces);
  if (parts.length === 0) return joined ? { parts: [joined], joined: null } : null;
  return { parts, joined: joined && !parts.includes(joined) ? joined : null };
}

function processWord(raw: string, mode: TermMode): string[] {
  const base = stripApostrophes(raw);
  if (!HYPHENS.test(base)) {
    const term = single(base, mode);
    return term ? [term] : [];
  }
  const pieces = hyphenPieces(base);
  const terms = pieces.map((p) => single(p, mode)).filter((t): t is string => t !== null);
  const joined = joinedForm(pieces);
  if (joined) terms.push(joined);
  return terms;
}

/** The parts of a hyphenated word; past a few, the rest is junk, not words. */
function hyphenPieces(word: string): string[] {
  return word.split(HYPHENS, MAX_PIECES).filter(Boolean);
}

/** cyber-attacks -> cyberattacks; a number range keeps its hyphen (2014-2016). */
function joinedForm(pieces: string[]): string | null {
  const folded = pieces.map(fold);
  const joined = folded.every((p) => DIGITS.test(p)) ? folded.join("-") : folded.join("");
  return joined.length > 0 && joined.length <= MAX_TERM_LENGTH ? joined : null;
}

/** U.S. -> US, 3.5 stays, anything else with dots (end.Next, www.site.com) splits at them. */
function splitDots(raw: string): string[] {
  if (!raw.includes(".")) return [raw];
  const pieces = raw.split(".");
  if (pieces.every((p) => p.length === 1 && !DIGITS.test(p))) return [pieces.join("")];
  if (pieces.every((p) => DIGITS.test(p))) return [raw];
  return pieces.filter(Boolean);
}

function stripApostrophes(raw: string): string {
  if (!HAS_APOSTROPHE.test(raw)) return raw;
  return raw.replace(POSSESSIVE, "").replace(APOSTROPHES, "");
}

function single(raw: string, mode: TermMode): string | null {
  const term = fold(raw);
  if (term === "" || term.length > MAX_TERM_LENGTH) return null;
  // An acronym is never a stop word: US, WHO, IT.
  if (raw.length > 1 && ACRONYM.test(raw)) return term;
  if (term === "us") return mode === "query" ? term : null;
  return STOP_WORDS.has(term) ? null : term;
}
