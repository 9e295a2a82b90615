import type { EntityRecord } from "./entities.ts";
import { FEMALE_NAMES, FEMALE_WORDS, MALE_NAMES, MALE_WORDS } from "./lexicon.ts";

export type Gender = "m" | "f" | null;

/**
 * A person's sex as the article shows it: the first name, a role ("spokeswoman"), or an
 * honorific before the surname ("Mrs. Clinton"). Null when nothing tells, or the signs disagree.
 */
export function genderOf(entity: EntityRecord, text: string): Gender {
  let m = 0;
  let f = 0;
  const words = entity.name.split(/\s+/);
  const first = (words[0] ?? "").toLowerCase().replace(/\.$/, "");
  if (words.length >= 2 && MALE_NAMES.has(first)) m += 2;
  if (words.length >= 2 && FEMALE_NAMES.has(first)) f += 2;
  for (const role of entity.roles) {
    for (const w of role.toLowerCase().split(/[\s,]+/)) {
      if (MALE_WORDS.has(w)) m++;
      if (FEMALE_WORDS.has(w)) f++;
    }
  }
  const surname = words[words.length - 1];
  if (surname && words.length >= 2 && /^\p{Lu}[\p{L}'’-]+$/u.test(surname)) {
    const honorific = new RegExp(`\\b(Mrs?|Ms|Miss)\\.? (?:\\p{Lu}\\S* ){0,2}${surname}\\b`, "gu");
    for (const hit of text.matchAll(honorific)) {
      if (hit[1] === "Mr") m++;
      else f++;
    }
  }
  if (m > f) return "m";
  if (f > m) return "f";
  return null;
}
