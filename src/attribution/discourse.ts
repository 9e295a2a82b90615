import type { Span } from "../types.ts";
import {
  DETERMINERS,
  NP_STOP,
  PLACES,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  TIME_WORDS,
  TITLES,
} from "./lexicon.ts";
import type { Sentence, Token } from "./sentences.ts";

/**
 * What a reader keeps of each sentence to settle a later "he" or "the minister": where it
 * stands, its quotations (names inside are what someone said, never antecedents) and its
 * subject, the most salient thing it names.
 */
export interface Place extends Span {
  paragraph: number;
  quotes: Span[];
  /** The words of the main clause's subject, past any opening phrase ("Speaking in Ohio, ..."). */
  subject: Token[];
  /** The subject when it is not a name: a pronoun or a description ("The aide"). */
  lead: "he" | "she" | "description" | null;
}

export function placeOf(sentence: Sentence, paragraph: number): Place {
  const quotes = sentence.tokens
    .filter((t) => t.kind === "q")
    .map((t) => ({ start: t.start, end: t.end }));
  const subject = subjectOf(sentence.tokens);
  return {
    start: sentence.start,
    end: sentence.end,
    paragraph,
    quotes,
    subject,
    lead: leadOf(subject),
  };
}

/**
 * Whether a name at text offset `at` heads the place's subject: it is the last run of
 * capitalised words of the subject, or of one of its conjuncts ("Clinton and husband Bill"). In
 * "Clinton spokeswoman Jennifer Palmieri" that is Palmieri, never Clinton, who only says whose
 * spokeswoman.
 */
export function headsSubject(place: Place, at: number, possessive = true): boolean {
  const words = place.subject;
  for (let end = 0; end <= words.length; end++) {
    const next = words[end];
    if (next && next.lower !== "and" && next.text !== "&") continue;
    let k = end - 1;
    // "Trump's money makes up ...": for a description, a possessive is not what the sentence
    // is about (for a pronoun it may be: "Sanders's role is unclear, but he ...").
    if (!words[k]?.cap || (!possessive && /['’]s?$/u.test(words[k]?.text ?? ""))) continue;
    while (k > 0 && words[k - 1]?.cap) k--;
    if ((words[k] as Token).start <= at && at < (words[end - 1] as Token).end) return true;
  }
  return false;
}

/** Words that carry no weight at the head of a sentence. */
const LEAD_SKIP = new Set(["but", "and", "yet", "still", "also", "then", "so", "now", "meanwhile"]);

/**
 * Words that open a phrase or clause before the subject: "Speaking at a rally, Trump ...",
 * "After the vote, she ...", "In a statement on Monday, the ministry ...".
 */
const OPENERS = new Set(
  (
    "in at on after before during when while as although though because since if despite " +
    "following with without for under from by unlike like asked earlier later last this " +
    "once upon until unless whether amid among throughout over across according addressing " +
    "responding writing speaking appearing visiting answering referring"
  ).split(" "),
);

/** Whether a word opens a phrase or clause set before or beside the subject: "after", "despite". */
export function opensPhrase(word: string): boolean {
  return OPENERS.has(word);
}

/** Words that open a clause inside an opening phrase, whose verbs are the clause's. */
const CLAUSE_OPENERS = new Set(
  "when while after before because since if although though until unless once as that who which whether moment time".split(
    " ",
  ),
);

/** Verbs of a main clause: a phrase holding one is not an opening phrase. */
const FINITE = new Set("is was are were has have had will would can could does did".split(" "));

/** How far an opening phrase may run before its comma. */
const MAX_OPENING = 25;
/** Words a subject may hold before the name it ends in ("The former Arizona senator John"). */
const MAX_SUBJECT = 8;

/**
 * The subject of the sentence's main clause: after an opening phrase that ends in a comma, the
 * first noun phrase; its words up to the first that cannot stand in a name or a description.
 * Empty when the sentence opens with a quotation (its subject is whoever the cue names).
 */
export function subjectOf(tokens: Token[]): Token[] {
  let i = datelineEnd(tokens);
  while (i < tokens.length && (tokens[i]?.kind === "p" || LEAD_SKIP.has(tokens[i]?.lower ?? ""))) {
    i++;
  }
  i = pastTimeWithoutComma(tokens, i);
  const first = tokens[i];
  if (first?.kind !== "w") return [];
  if (OPENERS.has(first.lower) || participle(tokens, i) || spanOfTime(tokens, i)) {
    // A quotation that ends in its comma ends the phrase too: 'When Maddow said it was
    // "Medicare for all," Clinton ...'.
    const comma = tokens.findIndex((t, k) => k > i && (t.text === "," || quotedComma(t)));
    // "Choosing between Clinton and Sanders is a false choice, ...": no opening phrase. A verb
    // after a word that opens a clause is that clause's ("When the vote was counted, ...", "At
    // the moment Christie learned he had lost, ...").
    const phrase = tokens.slice(i, comma);
    const clause = phrase.findIndex((t) => CLAUSE_OPENERS.has(t.lower));
    const finite = phrase.some((t, k) => FINITE.has(t.lower) && (clause < 0 || k < clause));
    if (comma < 0 || comma - i > MAX_OPENING || finite) return [];
    i = comma + 1;
    // "In Washington, Iowa, he ...": a place's state is still the opening phrase.
    if (PLACES.has(tokens[i]?.lower ?? "") && tokens[i + 1]?.text === ",") i += 2;
    while (i < tokens.length && LEAD_SKIP.has(tokens[i]?.lower ?? "")) i++;
  }
  const out: Token[] = [];
  // The bound is per person of a joint subject: "Brightline Chief Executive Tom Reyes and Corvel
  // Chief Executive Sam Whitaker" names both, each after his title.
  let conjunct = 0;
  for (
    let k = i;
    k < tokens.length && conjunct < MAX_SUBJECT && out.length < 3 * MAX_SUBJECT;
    k++
  ) {
    const t = tokens[k] as Token;
    if (t.kind !== "w") break;
    const pronoun = out.length === 0 && (t.lower === "he" || t.lower === "she");
    // "Mark Ellison and Paul Moreau": a subject of several people.
    const joint =
      (t.lower === "and" || t.text === "&") && out.length > 0 && tokens[k + 1]?.kind === "w";
    if (joint) {
      out.push(t);
      conjunct = 0;
      continue;
    }
    conjunct++;
    // "Trump called the president": after a name, a lower-case word is its verb.
    const described = out.length === 0 || DETERMINERS.has(out[0]?.lower ?? "") || !out.at(-1)?.cap;
    const fits = t.cap || pronoun || inDescription(t.lower) || (described && roleAhead(tokens, k));
    // "Republican contender Donald Trump": an agent noun before a name, not a verb before one.
    // (A word of 40 letters or more is no job: the bound keeps the test linear on a giant token.)
    // The pattern is tried last, on the few words that pass the cheaper tests.
    const agent =
      !fits &&
      out.length > 0 &&
      tokens[k + 1]?.cap === true &&
      t.lower.length < 40 &&
      /\p{L}{3,}(er|or|ist|ian|ant|ent)$/u.test(t.lower);
    if (!(fits || agent)) break;
    out.push(t);
    if (pronoun) break;
  }
  const after = i + out.length;
  // "A potential vice president pick, Haley is ...": the name set off after a description.
  if (
    DETERMINERS.has(out[0]?.lower ?? "") &&
    tokens[after]?.text === "," &&
    tokens[after + 1]?.cap
  ) {
    let k = after + 1;
    while (tokens[k]?.cap) k++;
    return tokens.slice(after + 1, k);
  }
  // "The negative press coverage": the role noun was a modifier of the word after it.
  const next = tokens[after];
  if (next?.kind === "w" && !next.cap && ROLE_MODIFIERS.has(out.at(-1)?.lower ?? "")) {
    if (!NP_STOP.has(next.lower) && !/(ed|s)$/.test(next.lower)) return out.slice(0, -1);
  }
  return out;
}

/** A quotation whose last mark follows a comma: '"Medicare for all,"'. */
function quotedComma(t: Token): boolean {
  return t.kind === "q" && /,\s*["”'’]$/u.test(t.text);
}

/**
 * Where the words start after a wire dateline: "ANKARA (Reuters) -", "BEIJING, Dec. 4 (Xinhua)
 * --", "MOSCOW, December 4. /TASS/.". 0 when there is none.
 */
function datelineEnd(tokens: Token[]): number {
  const first = tokens[0];
  if (first?.kind !== "w" || first.text !== first.text.toUpperCase() || first.text.length < 3) {
    return 0;
  }
  for (let k = 1; k < Math.min(tokens.length, 14); k++) {
    const t = tokens[k] as Token;
    if (DASHES.has(t.text) && tokens[k + 1]?.text !== t.text) return k + 1;
    if (t.kind === "w" && !t.cap && !/^\d/.test(t.text)) return 0;
  }
  return 0;
}

const DASHES = new Set(["-", "--", "—", "–", "/"]);

/** "The finance minister", "the 58-year-old deputy speaker": a role noun closes the words. */
function roleAhead(tokens: Token[], k: number): boolean {
  for (let j = k; j < Math.min(tokens.length, k + 4); j++) {
    const t = tokens[j] as Token;
    if (t.kind !== "w" || t.cap || NP_STOP.has(t.lower) || DETERMINERS.has(t.lower)) return false;
    if (ROLE_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/** "Speaking at", "Asked whether", "Pressed on": a participle and its complement, not a name. */
function participle(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.lower ?? "";
  return (
    /^\p{L}{3,}(ing|ed)$/u.test(tokens[i]?.lower ?? "") &&
    (OPENERS.has(next) || DETERMINERS.has(next) || COMPLEMENTS.has(next))
  );
}

/**
 * "On Thursday evening Hillary Clinton delivered ...", "On Monday the ministry said ...": a
 * time after a preposition, set off by no comma, ends where the subject begins. The index of
 * that subject, or `i` when the sentence does not open so.
 */
function pastTimeWithoutComma(tokens: Token[], i: number): number {
  if (!TIME_PREPOSITIONS.has(tokens[i]?.lower ?? "")) return i;
  let k = i + 1;
  while (
    k < tokens.length &&
    k - i <= 4 &&
    (TIME_WORDS.has(tokens[k]?.lower ?? "") ||
      /^\d{1,4}(?:st|nd|rd|th)?$/u.test(tokens[k]?.text ?? ""))
  ) {
    k++;
  }
  const next = tokens[k];
  if (k === i + 1 || next?.kind !== "w" || !(next.cap || next.lower === "the")) return i;
  return k;
}

const TIME_PREPOSITIONS = new Set([
  "on",
  "in",
  "at",
  "during",
  "by",
  "since",
  "until",
  "last",
  "this",
]);

/** "One month after ...", "Two days later, ...", "Hours before the vote, ...": a time, no subject. */
function spanOfTime(tokens: Token[], i: number): boolean {
  const first = tokens[i]?.lower ?? "";
  const unit = TIME_UNITS.has(first) ? first : (tokens[i + 1]?.lower ?? "");
  return (TIME_UNITS.has(first) || COUNTS.test(first)) && TIME_UNITS.has(unit);
}

const TIME_UNITS = new Set(
  "minute minutes hour hours day days week weeks month months year years decade decades".split(" "),
);
const COUNTS =
  /^(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)$/u;

const COMPLEMENTS = new Set("to about whether why how what into of".split(" "));

/** Lower-case words that stand in a description or before a name: "the former state senator". */
function inDescription(word: string): boolean {
  return (
    DETERMINERS.has(word) ||
    ROLE_NOUNS.has(word) ||
    ROLE_MODIFIERS.has(word) ||
    TITLES.has(word) ||
    /^\d+-year-old$/.test(word) ||
    /['’]s$/u.test(word)
  );
}

function leadOf(subject: Token[]): Place["lead"] {
  const first = subject[0];
  if (!first) return null;
  if (first.lower === "he" || first.lower === "she") return first.lower;
  if (!["the", "a", "an", "this", "that"].includes(first.lower)) return null;
  // "The former ambassador" is a description; "The former ambassador John Bolton" a name.
  const last = subject[subject.length - 1] as Token;
  // "The woman's enthusiasm for Trump ...": whose it is, someone unnamed, is on stage too.
  const owner = last.lower.replace(/['’]s$/u, "");
  const person = ROLE_NOUNS.has(owner) || owner === "woman" || owner === "man";
  return !last.cap && person ? "description" : null;
}
