import { memoize } from "../cache/memo.ts";
import type { EntityRecord } from "./entities.ts";
import { FEMALE_WORDS, MALE_WORDS } from "./lexicon.ts";
import { firstNameSex } from "./names.ts";

export type Gender = "m" | "f" | null;

/**
 * A person's sex as the article shows it: the first name, a role ("spokeswoman"), or an
 * honorific before the surname ("Mrs. Clinton"). Null when nothing tells, or the signs disagree.
 */
export function genderOf(entity: EntityRecord, text: string): Gender {
  let m = 0;
  let f = 0;
  const words = entity.name.split(/\s+/);
  const byName = words.length >= 2 ? firstNameSex(entity.name) : null;
  if (byName === "m") m += 2;
  if (byName === "f") f += 2;
  for (const role of entity.roles) {
    for (const w of role.toLowerCase().split(/[\s,]+/)) {
      if (MALE_WORDS.has(w)) m++;
      if (FEMALE_WORDS.has(w)) f++;
    }
  }
  // "9/11 widow Terry Strada", "actress Ann Cole": a word of sex written before the name.
  if (words.length >= 2) {
    for (let at = text.indexOf(entity.name); at >= 0; at = text.indexOf(entity.name, at + 1)) {
      const before = /(\p{L}+)\s$/u.exec(text.slice(Math.max(0, at - 16), at))?.[1]?.toLowerCase();
      // Honorifics are counted below, before the surname as well.
      // A role the article gave ("Trump spokesman") is counted once, with the roles.
      if (!before || HONORIFIC_WORDS.has(before) || inRoles(entity, before)) continue;
      // "widow Terry Strada" outweighs a first name the lists call a man's; "spokesman Hope
      // Hicks", a post some articles write in the man's form, does not.
      const weight = /^(spokes|chair|congress|business|council)/.test(before) ? 1 : 3;
      if (FEMALE_WORDS.has(before)) f += weight;
      if (MALE_WORDS.has(before)) m += weight;
    }
  }
  const surname = words[words.length - 1];
  if (surname && words.length >= 2 && /^\p{Lu}[\p{L}'’-]+$/u.test(surname)) {
    for (const title of honorificsBefore(surname, text)) {
      if (title === "Mr") m++;
      else f++;
    }
  }
  if (m > f) return "m";
  if (f > m) return "f";
  return null;
}

const HONORIFIC_WORDS = new Set(["mr", "mrs", "ms", "miss"]);

function inRoles(entity: EntityRecord, word: string): boolean {
  return [...entity.roles].some((role) =>
    role
      .toLowerCase()
      .split(/[\s,]+/)
      .includes(word),
  );
}

/** Where "Mr", "Mrs", "Ms" or "Miss" starts a word: the only places an honorific match can. */
const HONORIFIC = /\b(?:Mrs?|Ms|Miss)/g;
let startsOf: { text: string; starts: number[] } = { text: "", starts: [] };
/** A surname's honorific pattern, compiled once a surname; sticky, placed before each use. */
const surnamePattern = memoize(
  (surname: string) => new RegExp(`\\b(Mrs?|Ms|Miss)\\.? (?:\\p{Lu}\\S* ){0,2}${surname}\\b`, "uy"),
  10_000,
);

/**
 * The honorifics before the surname in the text ("Mrs. Hillary Clinton"), as a global search
 * would find them. An article's people are asked about one after another, so the places an
 * honorific starts are found once a text, and a surname's pattern once: compiling it and
 * scanning the whole text for every person was 5% of a build.
 */
function honorificsBefore(surname: string, text: string): string[] {
  if (startsOf.text !== text) {
    startsOf = { text, starts: [...text.matchAll(HONORIFIC)].map((hit) => hit.index) };
  }
  // Made only once a place within reach is found: most surnames stand near no honorific.
  let pattern: RegExp | null = null;
  const titles: string[] = [];
  let from = 0;
  // The surname's next place in the text: a hit needs it within reach of the honorific.
  let next = text.indexOf(surname);
  for (const start of startsOf.starts) {
    if (start < from) continue;
    while (next >= 0 && next < start) next = text.indexOf(surname, next + 1);
    if (next < 0) break;
    if (!withinReach(text, start, next)) continue;
    pattern ??= surnamePattern(surname);
    pattern.lastIndex = start;
    const hit = pattern.exec(text);
    if (!hit) continue;
    titles.push(hit[1] as string);
    from = pattern.lastIndex;
  }
  return titles;
}

/**
 * Whether text[start, at) may be what the pattern reads before the surname: the honorific, a
 * dot, and at most two more words, each followed by one space. More spaces, or other white
 * space, and no match at `start` can reach this place of the surname or any later one; the
 * pattern need not be tried there (it was tried at every honorific, for every person).
 */
function withinReach(text: string, start: number, at: number): boolean {
  let spaces = 0;
  for (let k = start; k < at; k++) {
    const code = text.charCodeAt(k);
    if (code === 32) {
      if (++spaces > 3) return false;
    } else if ((code < 33 || code > 127) && /\s/.test(text[k] as string)) return false;
  }
  return true;
}
