/** Dates as articles print them, to ISO (YYYY-MM-DD) where the day can be known. */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A month name or abbreviation as a regex fragment ("September", "Sept.", "Sep"). */
export const MONTH_PATTERN =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

const MONTH_DAY_YEAR = new RegExp(
  `^(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  "i",
);
const DAY_MONTH_YEAR = new RegExp(
  `^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN}),?\\s+(\\d{4})\\b`,
  "i",
);
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;

/** Month number (1-12) of a month name or abbreviation, or null. */
export function monthNumber(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

/** The ISO date of a value, or null when it is not a date with a known day. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return null;
  const s = value.trim();
  const iso = ISO.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy) return isoOf(Number(mdy[3]), monthNumber(mdy[1] as string), Number(mdy[2]));
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) return isoOf(Number(dmy[3]), monthNumber(dmy[2] as string), Number(dmy[1]));
  // RFC 2822 and the like ("Tue, 03 Sep 2018 10:00:00 GMT"): only with an explicit year.
  if (/\b\d{4}\b/.test(s) && /[a-z]/i.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  }
  return null;
}

export function isoOf(year: number, month: number | null, day: number): string | null {
  if (month === null || year < 1000 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
