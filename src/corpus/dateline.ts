import { isoOf, MONTH_PATTERN, monthNumber } from "./dates.ts";

/** A dateline opening a news paragraph: "MOSCOW, September 3. /TASS/. " or "LONDON (Reuters) - ". */
export interface Dateline {
  /** The dateline as printed, without the outlet: "MOSCOW, September 3". */
  dateline: string;
  outlet: string | null;
  /** ISO date when the dateline carries a year. */
  date: string | null;
  /** Length of the whole prefix, marker and following space included: the body starts here. */
  length: number;
}

const PLACE = "[A-Z][A-Z'’.\\-]*[A-Z.](?:\\s[A-Z][A-Z'’.\\-]*[A-Z.]){0,3}";
const DATE = `(${MONTH_PATTERN})\\s(\\d{1,2})(?:,?\\s(\\d{4}))?|(\\d{1,2})\\s(${MONTH_PATTERN})(?:,?\\s(\\d{4}))?`;
const HEAD = new RegExp(`^(${PLACE})(?:,\\s(?:${DATE}))?`);
const SLASH_OUTLET = /^\s*\.?\s*\/([^/\n]{2,40})\/\s*\.?\s*[-–—]*\s*/;
// An outlet in brackets must be followed by a dash, or "NATO (the alliance) is" would match.
const PAREN_OUTLET = /^\s*\(([^()\n]{2,40})\)\s*[-–—:]+\s*/;
const DASH = /^\s*[-–—]+\s*/;
const STOP = /^\.\s+/;
/** Capitalised kickers that open headlines, not datelines: "EXCLUSIVE – ...". */
const NOT_PLACES =
  /^(?:EXCLUSIVE|BREAKING|UPDATE|UPDATED|WATCH|VIDEO|LIVE|OPINION|ANALYSIS|EDITORIAL|REVIEW|PHOTOS?|AUDIO|FACT CHECK)\b/;

/** Reads a dateline at the very start of a paragraph; null when it does not open with one. */
export function findDateline(paragraph: string): Dateline | null {
  const head = HEAD.exec(paragraph);
  if (!head) return null;
  const place = head[1] as string;
  if (place.replace(/[^A-Z]/g, "").length < 3) return null;
  if (NOT_PLACES.test(place)) return null;
  const rest = paragraph.slice(head[0].length);
  const hasDate = head[2] !== undefined || head[5] !== undefined;
  let outlet: string | null = null;
  let marker = SLASH_OUTLET.exec(rest) ?? PAREN_OUTLET.exec(rest);
  if (marker) outlet = (marker[1] as string).trim();
  else marker = DASH.exec(rest) ?? (hasDate ? STOP.exec(rest) : null);
  if (!marker) return null;
  const length = head[0].length + marker[0].length;
  // A dateline opens a paragraph; it is not the whole of it.
  if (!/^["“‘'(\p{L}\p{N}]/u.test(paragraph.slice(length))) return null;
  return { dateline: head[0].trim(), outlet, date: datelineDate(head), length };
}

function datelineDate(m: RegExpExecArray): string | null {
  if (m[4]) return isoOf(Number(m[4]), monthNumber(m[2] as string), Number(m[3]));
  if (m[7]) return isoOf(Number(m[7]), monthNumber(m[6] as string), Number(m[5]));
  return null;
}
