import { partitionPoint } from "../sorted/partition-point.ts";
import { trailingCueForms } from "./speech-verbs.ts";

/** A quotation inside one paragraph: [start, end) covers the marks; inner excludes them. */
export interface Quote {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** False when the paragraph ends before the quote closes (it runs on into the next one). */
  closed: boolean;
}

const MARKS = /[“„«”»"]|''|``/g;
const OPENING = new Set(["“", "„", "«"]);
const CLOSING = new Set(["”", "»"]);

function isSpaceOrOpen(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-/]/.test(ch);
}

/**
 * Finds the double-quoted passages of text[start, end). Straight marks are read by their
 * neighbours (a mark after a space opens, one before a space closes); curly marks by their
 * shape. An unclosed quote runs to the end of the range. Single quotes are left alone: they
 * are mostly apostrophes and scare quotes. The quotes come in order of their start.
 */
export function findQuotes(text: string, start: number, end: number): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let openWidth = 1;
  MARKS.lastIndex = start;
  for (let m = MARKS.exec(text); m && m.index < end; m = MARKS.exec(text)) {
    const ch = m[0];
    // `''... 'Kosovo is a special case,''' Mr. Putin said`: of three apostrophes closing a
    // quotation, the first closes the inner single quote and the last two the quotation.
    const i = m.index + (ch === "''" && open >= 0 && text[m.index + 2] === "'" ? 1 : 0);
    // Two apostrophes stand for a straight double mark in some archives (''like this'').
    const width = ch.length;
    const straight = ch === '"' || width === 2;
    const mark = ch[0] as string;
    let role: "open" | "close" | null = null;
    if (OPENING.has(mark)) role = open < 0 ? "open" : "close";
    else if (CLOSING.has(mark)) role = open >= 0 ? "close" : null;
    else if (straight) {
      const before = i > start ? text[i - 1] : undefined;
      if (open >= 0) role = "close";
      else role = isSpaceOrOpen(before) || i === start ? "open" : null;
    }
    // `"WALLACE: Let's start ...`: a transcript quoted whole opens with the speaker's label,
    // which must stay outside the quotation to be read as a speaker: the quote opens after it.
    const label =
      role === "open" ? TRANSCRIPT_LABEL.exec(text.slice(i + width, i + width + 40)) : null;
    if (label) {
      open = i + width + label[0].length;
      openWidth = 0;
    } else if (role === "open") {
      open = i;
      openWidth = width;
    } else if (role === "close" && open >= 0) {
      // `“It's unusual,“ said Noble`: an opening mark after the words' last comma or full stop,
      // before a space, is a closing mark typed the wrong way round.
      const turned = /[,.?!]/.test(text[i - 1] ?? "") && isSpaceOrOpen(text[i + width]);
      if (OPENING.has(mark) && !turned) {
        // A second opening mark before a close: the first quote never closed.
        quotes.push(make(text, open, openWidth, i, 0));
        open = i;
        openWidth = 1;
        continue;
      }
      quotes.push(make(text, open, openWidth, i + width, width));
      open = -1;
    }
    MARKS.lastIndex = i + width;
  }
  if (open >= 0) quotes.push(make(text, open, openWidth, end, 0));
  return quotes.map((q) => freeAttribution(text, q, end)).filter((q) => q.innerEnd > q.innerStart);
}

/**
 * The index of the first of `quotes` (in order of start, as findQuotes gives them) that starts
 * at or after `at`, or `quotes.length`: found by bisection, as a paragraph of thousands of
 * quotes asks it once a sentence.
 */
export function firstQuoteFrom(quotes: Quote[], at: number): number {
  return partitionPoint(0, quotes.length, (i) => (quotes[i] as Quote).start < at);
}

/** An upper-case speaker label and a colon: "WALLACE:", "SEN. MARK ELLIS:". */
const TRANSCRIPT_LABEL = /^\p{Lu}[\p{Lu}.'’ -]{1,30}:\s/u;

/** Cues that may end a paragraph inside a quotation whose closing mark went missing. */
const CUE = [...trailingCueForms(), "told reporters"].join("|");
/**
 * An attribution that ends a quotation where the mark should have closed before it:
 * `"This is a test, said German official Hans Meier."`, `"... today, Meier said.`. The cue
 * must follow a comma and name a speaker (capitalised, a determiner and role, or a pronoun).
 */
const TRAILING_CUE = new RegExp(
  `,\\s+(?:(?:${CUE})\\s+(?:(?:the|a|an)\\s+)?[\\p{L}.'’ -]{2,60}?|(?:(?:the|a|an)\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{L}[\\p{L}.'’-]*\\s+(?:${CUE})|(?:he|she)\\s+(?:${CUE}))[.!?]?["”»']*\\s*$`,
  "u",
);

/** The words after the comma open with a speaker or the cue: not "..., as one said". */
const SPEAKER_OR_CUE = new RegExp(`,\\s+(?:\\p{Lu}|he\\b|she\\b|the\\b|a\\b|an\\b|${CUE})`, "u");

/** Ends the quotation at the comma before such an attribution, so the cue reads as text. */
function freeAttribution(text: string, q: Quote, end: number): Quote {
  // Only a quotation that ends its paragraph is read.
  if (text.slice(q.end, end).trim().length > 0) return q;
  const inner = text.slice(q.innerStart, q.end);
  const hit = TRAILING_CUE.exec(inner);
  if (!hit) return q;
  const tail = hit[0];
  if (!SPEAKER_OR_CUE.test(tail)) return q;
  const comma = q.innerStart + hit.index;
  if (comma - q.innerStart < 12) return q;
  return { start: q.start, end: comma, innerStart: q.innerStart, innerEnd: comma, closed: true };
}

/** A quote from its opening mark to `end`; `closeWidth` 0 means it never closed. */
function make(
  text: string,
  start: number,
  openWidth: number,
  end: number,
  closeWidth: number,
): Quote {
  const closed = closeWidth > 0;
  let innerStart = start + openWidth;
  let innerEnd = end - closeWidth;
  while (innerStart < innerEnd && /\s/.test(text[innerStart] as string)) innerStart++;
  while (innerEnd > innerStart && /[\s,]/.test(text[innerEnd - 1] as string)) innerEnd--;
  let stop = end;
  while (!closed && stop > start && /\s/.test(text[stop - 1] as string)) stop--;
  return { start, end: stop, innerStart, innerEnd, closed };
}

/** Number of words in text[start, end). */
export function wordsIn(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    // ASCII letters and digits by their codes: a pattern test per character was most of it.
    const code = text.charCodeAt(i);
    const letter =
      code < 128
        ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
        : /[\p{L}\p{N}]/u.test(text[i] as string);
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}
