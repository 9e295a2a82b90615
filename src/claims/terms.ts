import { stemmer } from "stemmer";
import { NOT_NAMES } from "../attribution/lexicon.ts";
import { memoize } from "../cache/memo.ts";
import { STOP_WORDS } from "../search/tokenize.ts";
import {
  AUXILIARIES,
  CLAUSE_BREAKS,
  CLAUSE_NEGATORS,
  CONTRASTS,
  IRREGULAR,
  MOODS,
  NEGATION_REACH,
  NEGATORS,
  OPPOSITE,
  OTHER_SIDE,
  SAME_SENSE,
  SAME_SENSE_PHRASES,
} from "./words.ts";

/** One word of a claim or a statement as the claim check compares them. */
export interface Term {
  /** Porter stem of the lower-cased word ("threatening" -> "threaten"). */
  stem: string;
  /** The word as written, for explaining what did not match. */
  word: string;
  /** A name, an acronym or a number: what the claim is about, so a statement must name it too. */
  entity: boolean;
  /** Whether a negation before it, in its clause, turns it around ("is not working"). */
  negated: boolean;
  /**
   * A negation stands in its clause but does not surely reach it: further on than it surely
   * reaches ("cannot be part of a network funded by ..."), or after it, where the negation may
   * be the clause's ("the courts have no business deciding" is "not the courts' job to
   * decide"). Its polarity is not clear, so it counts neither way.
   */
  hedged: boolean;
  /** Which negation of its text reaches it, counted from 1; 0 for none. */
  site: number;
  /** The modal its clause puts it under: "must open" (a demand) or "will open" (a forecast). */
  mood: "must" | "will" | null;
  /** Entities written together share a number ("Abby Martin"): one name, found by any word. */
  group: number;
  /** First word of a sentence, capitalised whether or not it is a name ("Look, ..."). */
  opener: boolean;
}

/** Words, and the punctuation that ends a clause. */
const TOKEN =
  /\p{N}+(?:[,.]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['\u2019\u2018.\-\u2010\u2011][\p{L}\p{N}\p{M}]+)*|[,;:!?()\u2014\u2013"\u201c\u201d]|\.(?=\s|$)/gu;
const POSSESSIVE = /['\u2019\u2018]s$/i;
const APOSTROPHE = /['\u2019\u2018]/g;
const NEGATED_AUX = /n['\u2019]t$/i;
const PART_SPLIT = /[-\u2010\u2011]/;
const CAPITAL = /^\p{Lu}/u;
const DIGIT = /\p{N}/u;
const QUOTE_MARKS = /^["\u201c\u201d]$/u;
/** Marks after which a sentence, or a quotation, begins. */
const SENTENCE_OPENS = /^[.!?:;"\u201c\u2014]$/u;

/**
 * The terms of a text in order: stop words dropped, each content word stemmed, marked as an
 * entity (capitalised other than as a common sentence opener, or holding a digit) and as
 * negated when a negator stands within NEGATION_REACH words before it in the same clause.
 * `negated` turns every term around, for text a speaker is reported to deny.
 */
export function readTerms(text: string, negated = false): Term[] {
  return negated ? readDenied(text) : readSaid(text);
}

/**
 * Texts read, remembered: one answer weighs the same statements against each other often. Read
 * as said and read as denied are remembered apart, so no text's key can be another's.
 */
const READ_CACHE_SIZE = 5_000;
const readSaid = memoize((text: string) => readFresh(text, false), READ_CACHE_SIZE);
const readDenied = memoize((text: string) => readFresh(text, true), READ_CACHE_SIZE);

function readFresh(text: string, negated: boolean): Term[] {
  const terms: Term[] = [];
  let reach = 0;
  /** A negation stands earlier in the current clause: what it does not surely reach is unclear. */
  let negatedClause = false;
  /** Auxiliaries read since the last negator, and nothing else: "never will, accept". */
  let auxiliaries = -1;
  let previous = "";
  let sites = 0;
  let mood: "must" | "will" | null = null;
  let group = 0;
  let inName = false;
  let opener = true;
  /** Where the terms of the current clause begin, for a negation to hedge those before it. */
  let clauseStart = 0;
  let plain = text;
  for (const [phrase, sense] of SAME_SENSE_PHRASES) plain = plain.replace(phrase, sense);
  for (const token of plain.match(TOKEN) ?? []) {
    const lower = token.toLowerCase().replace(POSSESSIVE, "");
    const before = previous;
    previous = lower;
    // "nothing that would harm": a relative clause right after a negation stays in its reach.
    if (CLAUSE_BREAKS.has(lower) && reach === NEGATION_REACH) continue;
    // A quotation mark opens or closes a quote, not a clause: "has not become a “dumping ground”".
    if (QUOTE_MARKS.test(token)) {
      opener = true;
      continue;
    }
    // "does not, and never will, accept": the verb after the aside is still negated.
    if (lower === "," && auxiliaries > 0) continue;
    if (!/[\p{L}\p{N}]/u.test(lower) || CLAUSE_BREAKS.has(lower)) {
      clauseStart = terms.length;
      reach = 0;
      negatedClause = false;
      auxiliaries = -1;
      mood = null;
      inName = false;
      if (SENTENCE_OPENS.test(token)) opener = true;
      continue;
    }
    const first = opener;
    opener = false;
    mood = MOODS.get(lower.replace(APOSTROPHE, "'")) ?? mood;
    if (
      NEGATORS.has(lower.replace(APOSTROPHE, "'")) ||
      NEGATED_AUX.test(lower) ||
      CONTRASTS.get(before) === lower
    ) {
      reach = NEGATION_REACH;
      negatedClause = true;
      auxiliaries = 0;
      sites++;
      // A negation of the clause ("the courts have no business deciding") may take in what
      // stands before it; one of a phrase ("without delay", "refused to") does not.
      const word = lower.replace(APOSTROPHE, "'");
      if (CLAUSE_NEGATORS.has(word) || NEGATED_AUX.test(lower)) {
        for (const earlier of terms.slice(clauseStart))
          if (earlier.site === 0) earlier.hedged = true;
      }
      inName = false;
      continue;
    }
    auxiliaries = auxiliaries >= 0 && AUXILIARIES.has(lower) ? auxiliaries + 1 : -1;
    const inScope = reach > 0;
    const hedged = !inScope && negatedClause;
    // "refused to answer any questions" reaches as far as "won't answer any questions".
    if (reach > 0 && !(reach === NEGATION_REACH && lower === "to")) reach--;
    const entity =
      DIGIT.test(token) || (CAPITAL.test(token) && !NOT_NAMES.has(lower.replace(/\.$/, "")));
    if (entity && !inName) group++;
    inName = entity && !POSSESSIVE.test(token);
    for (const part of lower.split(PART_SPLIT)) {
      const word = part.replace(APOSTROPHE, "").replace(/\.$/, "");
      if ((word.length < 2 && !DIGIT.test(word)) || STOP_WORDS.has(word)) continue;
      terms.push({
        stem: stemOf(word),
        word: part,
        entity,
        negated: inScope !== negated,
        hedged,
        site: inScope ? sites : 0,
        mood,
        group: entity ? group : 0,
        opener: first,
      });
    }
  }
  return terms;
}

/** The Porter stem of a lower-case word, remembered: statements repeat their words. */
export const stemOf: (word: string) => string = memoize(
  (word: string) => stemmer(IRREGULAR.get(word) ?? SAME_SENSE.get(word) ?? word),
  50_000,
);

/**
 * Whether two stems are one word: equal, or one the start of the other when the shorter has at
 * least five letters, which joins a noun and its verb the stemmer keeps apart
 * ("threat"/"threaten", "interf"/"interfer").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

const oppositeStems = new Map<string, string[]>();
for (const [word, opposites] of OPPOSITE) {
  const stem = stemOf(word);
  oppositeStems.set(stem, [...(oppositeStems.get(stem) ?? []), ...opposites.map(stemOf)]);
}

const otherSideStems = new Map<string, string[]>();
for (const [word, others] of OTHER_SIDE) {
  const stem = stemOf(word);
  otherSideStems.set(stem, [...(otherSideStems.get(stem) ?? []), ...others.map(stemOf)]);
}

/** Stems of the other side of this one's pair ("import" -> "export"), which never stand for it. */
export function otherSidesOf(stem: string): readonly string[] {
  return otherSideStems.get(stem) ?? [];
}

/** Stems that mean the opposite of this one ("accept" -> "reject", "deni", "dismiss"). */
export function oppositesOf(stem: string): readonly string[] {
  return oppositeStems.get(stem) ?? [];
}
