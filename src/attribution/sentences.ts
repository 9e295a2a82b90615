import { DETERMINERS } from "./lexicon.ts";
import { firstQuoteFrom, type Quote } from "./quotes.ts";
import { isSpeechForm } from "./speech-verbs.ts";

/** A word, a punctuation mark, or a whole quotation (kind "q"), with offsets into the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: "w" | "p" | "q";
  /** First letter is upper case. */
  cap: boolean;
  quote?: Quote;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj st jr sr inc corp co ltd no " +
    "vs etc jan feb mar apr aug sept sep oct nov dec rev hon pres ft mt u.s u.k d.c a.m p.m " +
    "e.g i.e ph.d fla calif ariz ind mass mich minn tenn wash wis okla conn colo ore va"
  ).split(" "),
);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Splits a paragraph into sentences, never inside a quotation, and tokenises each. */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  quotes: Quote[],
): Sentence[] {
  const sentences: Sentence[] = [];
  let from = start;
  let qi = 0;
  for (let i = start; i < end; i++) {
    const q = quotes[qi];
    if (q && i === q.start) {
      i = q.end - 1;
      qi++;
      // A quote ending in sentence punctuation ends the sentence when a new one starts after it.
      const split = q.closed && endsInStop(text, q) && startsSentence(text, q.end, end);
      // `“Why?” Obama asked.`: a quote that opens its sentence takes the cue after it as its
      // frame. One framed already (`Lund was asked, “Why?” He answered, ...`) ends there.
      // Read only where the quote may end the sentence: `from` stays put over a run of quotes
      // that do not, and reading back to it at each of them was quadratic.
      if (split && (framed(text, from, q.start) || !cueFollows(text, q.end, end))) {
        sentences.push(sentenceAt(text, from, q.end, quotes));
        from = q.end;
      }
      continue;
    }
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63) continue;
    const ch = text[i];
    let j = i + 1;
    while (j < end && /[)\]’'”"]/.test(text[j] as string) && !isQuoteStart(quotes, j)) j++;
    if (!startsSentence(text, j, end)) continue;
    if (ch === "." && isAbbreviation(text, start, i)) continue;
    sentences.push(sentenceAt(text, from, j, quotes));
    from = j;
  }
  if (from < end) sentences.push(sentenceAt(text, from, end, quotes));
  return sentences.filter((s) => s.tokens.length > 0);
}

/** Whether text[from, to) holds a letter: the words before a quote that frame it. */
function framed(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isWordChar(text.charCodeAt(k))) return true;
  return false;
}

/** `“Why?” Obama asked Republicans.`: the words after a quote are its frame, not a new sentence. */
function cueFollows(text: string, at: number, end: number): boolean {
  const words = text.slice(at, Math.min(end, at + 80)).split(/[\s,]+/, 6);
  for (let k = 1; k < words.length; k++) {
    const w = (words[k] as string).toLowerCase().replace(/[.;:]$/, "");
    // "The remarks seemed ...": a cue word after a determiner is a noun opening a new sentence.
    if (isSpeechForm(w)) return !DETERMINERS.has((words[k - 1] as string).toLowerCase());
    if (k > 1 && !/^\p{Lu}/u.test(words[k - 1] as string) && words[k - 1] !== "the") return false;
  }
  return false;
}

/** Whether the last character inside a closed quote ends a sentence ("... today."”). */
function endsInStop(text: string, q: Quote): boolean {
  let k = q.end - 1;
  while (k > q.start && /[”"'»`\s]/.test(text[k] as string)) k--;
  return /[.!?]/.test(text[k] as string);
}

function isQuoteStart(quotes: Quote[], at: number): boolean {
  return quotes[firstQuoteFrom(quotes, at)]?.start === at;
}

function startsSentence(text: string, at: number, end: number): boolean {
  if (at >= end) return false;
  if (!isSpace(text.charCodeAt(at))) return glued(text, at, end);
  let k = at;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (k >= end) return false;
  return /[\p{Lu}\p{N}“"‘'(\u2014\u2013]/u.test(text[k] as string);
}

/**
 * `... Trump said.Trump claimed ...`: a scraped page may lose the space between sentences. A
 * stop right after a lower-case word, then a capitalised word, starts a new sentence (not
 * "U.S.Army", "Breitbart.com" or "e.g.").
 */
function glued(text: string, at: number, end: number): boolean {
  if (at + 1 >= end || !/\p{Lu}\p{Ll}/u.test(text.slice(at, at + 2))) return false;
  let k = at - 1;
  while (k > 0 && /[)\]’'”"]/.test(text[k] as string)) k--;
  if (!/[.!?]/.test(text[k] as string)) return false;
  return /\p{Ll}{2}$/u.test(text.slice(Math.max(0, k - 2), k));
}

function isAbbreviation(text: string, start: number, dot: number): boolean {
  // The walk back stops past the longest abbreviation: a run like ".Berg.Berg…" would otherwise
  // be walked whole at each of its dots.
  const from = Math.max(start, dot - LONGEST_ABBREVIATION - 1);
  let k = dot;
  while (k > from && /[\p{L}.]/u.test(text[k - 1] as string)) k--;
  if (k === from && k > start && /[\p{L}.]/u.test(text[k - 1] as string)) return false;
  const word = text.slice(k, dot).toLowerCase();
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word);
}

function sentenceAt(text: string, start: number, end: number, quotes: Quote[]): Sentence {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e, tokens: tokenize(text, s, e, quotes) };
}

/** Tokens of text[start, end); quotations that start inside the range become single tokens. */
export function tokenize(text: string, start: number, end: number, quotes: Quote[]): Token[] {
  const tokens: Token[] = [];
  let qi = firstQuoteFrom(quotes, start);
  let i = start;
  while (i < end) {
    const q = quotes[qi];
    if (q && i >= q.start) {
      const e = Math.min(q.end, end);
      if (e > q.start) tokens.push(make(text, q.start, e, "q", q));
      i = Math.max(e, i);
      qi++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (isWordChar(code)) {
      let e = i + 1;
      while (e < end) {
        const c = text.charCodeAt(e);
        if (isWordChar(c)) e++;
        else if (isJoiner(c) && e + 1 < end && isWordChar(text.charCodeAt(e + 1))) e += 2;
        else break;
      }
      if (
        text.charCodeAt(e) === 46 &&
        e < end &&
        (isAbbreviation(text, start, e) || initialism(text, i, e))
      )
        e++;
      tokens.push(make(text, i, e, "w"));
      i = e;
      continue;
    }
    // One mark; a surrogate pair stays whole.
    const e = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? i + 2 : i + 1;
    tokens.push(make(text, i, e, "p"));
    i = e;
  }
  return tokens;
}

/**
 * "F.B.I.", "S.E.C.", "N.A.A.C.P.": single letters joined by dots keep their last dot, so "the
 * F.B.I. director" stays one phrase. Only the token takes it: a sentence may still end there.
 */
function initialism(text: string, from: number, dot: number): boolean {
  if (dot - from < 3) return false;
  for (let k = from; k < dot; k += 2) {
    if (!isCapital(text[k] as string) || (k + 1 < dot && text.charCodeAt(k + 1) !== 46))
      return false;
  }
  return (dot - from) % 2 === 1;
}

/** Characters that join two parts of one word: "Russia's", "cyber-attacks", "U.S", "AT&T". */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 46 || code === 38;
}

/**
 * Whether a UTF-16 code unit beyond ASCII is a letter, digit or mark, learnt once per unit: 1 for
 * yes, 2 for no, 0 not yet asked. A flat table, as every curly quote and dash of a text asks.
 */
const WORD_UNITS = new Uint8Array(0x10000);
function isWordUnit(code: number): boolean {
  let known = WORD_UNITS[code] as number;
  if (known === 0) {
    known = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_UNITS[code] = known;
  }
  return known === 1;
}

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return isWordUnit(code);
}

/** Upper-case first letter, without a regular expression for plain ASCII. */
function isCapital(t: string): boolean {
  const code = t.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(t);
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function make(text: string, start: number, end: number, kind: Token["kind"], quote?: Quote): Token {
  const t = text.slice(start, end);
  // Every token has the same fields (`quote` undefined but on a quotation): one object shape
  // keeps the code that reads tokens fast.
  return {
    start,
    end,
    text: t,
    lower: kind === "q" ? "" : lowerCased(t),
    kind,
    cap: kind === "w" && isCapital(t),
    quote,
  };
}

/**
 * The word lower-cased. Most words are plain ASCII in lower case already: a look at their
 * characters costs less than the new string toLowerCase made for every token of every text.
 */
function lowerCased(t: string): string {
  for (let k = 0; k < t.length; k++) {
    const code = t.charCodeAt(k);
    if (code >= 128 || (code >= 65 && code <= 90)) return t.toLowerCase();
  }
  return t;
}
