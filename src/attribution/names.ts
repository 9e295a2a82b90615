import { foldName } from "../text/fold.ts";
import { FEMALE_NAMES, MALE_NAMES } from "./lexicon.ts";

/**
 * How spellings of one person's name relate: "Donald J. Trump" is "Donald Trump", "Dr. Ben
 * Carson" is "Ben Carson", and a lone "Obama" is one of several people.
 */

/** Honorifics that stand before a name in some articles and not in others. */
const HONORIFICS = new Set(
  (
    "mr mrs ms miss dr sen rep gov rev prof representative senator rabbi reverend pastor " +
    "father sister gen lt col capt sgt adm maj president pres"
  ).split(" "),
);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

export interface PersonName {
  /** Lower-case first and last name, with any suffix ("donald trump jr"). */
  base: string;
  /** Lower-case middle names and initials, without dots ("j", "rodham"). */
  middle: string[];
  /** Lower-case surname. */
  surname: string;
  /** Only a surname: "Obama", "Mr. Trump". */
  surnameOnly: boolean;
}

/** One word of a name as compared: "Trump’s" is "trump", "J." is "j". */
const fold = (w: string) => foldName(w).replace(/'s?$/, "").replace(/\./g, "");

/** A person's name read into its parts; null for a group ("Clinton and Sanders"). */
export function personName(name: string): PersonName | null {
  const words = name.split(/\s+/).filter(Boolean).map(fold);
  if (words.some((w) => w === "and" || w === "&")) return null;
  while (words.length > 1 && HONORIFICS.has(words[0] as string)) words.shift();
  const suffix = words.length > 2 && SUFFIXES.has(words[words.length - 1] as string);
  const tail = suffix ? (words.pop() as string) : null;
  const surname = words[words.length - 1] ?? "";
  if (words.length === 1) return { base: surname, middle: [], surname, surnameOnly: true };
  const first = words[0] as string;
  return {
    base: [first, surname, tail].filter(Boolean).join(" "),
    middle: words.slice(1, -1),
    surname,
    surnameOnly: false,
  };
}

/** "j" fits "john"; "rodham" fits "rodham"; "w" does not fit "h w". */
function fits(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a.length !== b.length) return false;
  return a.every((w, i) => {
    const v = b[i] as string;
    return w === v || (w.length === 1 && v.startsWith(w)) || (v.length === 1 && w.startsWith(v));
  });
}

/**
 * Keys that put spellings of one person together: the first and last name, unless two
 * spellings carry middle names that cannot be one person's ("George W. Bush", "George H. W.
 * Bush"); then each keeps its middle and the bare "George Bush" stays apart, as it may be either.
 */
export function variantKeys(names: ReadonlyMap<string, PersonName>): Map<string, string> {
  const byBase = new Map<string, [string, PersonName][]>();
  for (const entry of names) {
    const list = byBase.get(entry[1].base) ?? [];
    list.push(entry);
    byBase.set(entry[1].base, list);
  }
  const out = new Map<string, string>();
  for (const [base, list] of byBase) {
    const middles = list.map(([, n]) => n.middle).filter((m) => m.length > 0);
    const agree = middles.every((m) => middles.every((o) => fits(m, o)));
    for (const [name, n] of list) {
      out.set(name, agree || n.middle.length === 0 ? base : `${base} ${n.middle.join(" ")}`);
    }
  }
  return out;
}

export type Sex = "m" | "f" | null;

/** "Mr. Alexander" says a man; "Mrs.", "Ms." and "Miss" a woman. */
export function honorificSex(mention: string): Sex {
  const m = /^(Mr|Mrs|Ms|Miss)\.?\s/u.exec(mention.trim());
  if (!m) return null;
  return m[1] === "Mr" ? "m" : "f";
}

/** Whether the lists know the word as someone's first name ("Hillary", "Donald"). */
export const knownFirstName = (w: string) => MALE_NAMES.has(fold(w)) || FEMALE_NAMES.has(fold(w));

export function firstNameSex(name: string): Sex {
  const words = name.split(/\s+/).filter((w) => !HONORIFICS.has(fold(w)));
  // "Crooked Hillary Clinton", "Lyin' Ted Cruz": a nickname before a first name the lists know.
  const known = knownFirstName;
  const nicknamed = words.length >= 3 && !known(words[0] ?? "") && known(words[1] ?? "");
  const first = fold(words[nicknamed ? 1 : 0] ?? "");
  if (MALE_NAMES.has(first) && !FEMALE_NAMES.has(first)) return "m";
  if (FEMALE_NAMES.has(first) && !MALE_NAMES.has(first)) return "f";
  // Ghazala, Azucena, Yulia: a first name the lists miss with one of these endings is mostly a
  // woman's (not so "-ya" or "-ta": Yukiya, Kenta).
  if (words.length >= 2 && first.length > 3 && /(?:ia|na|la|ra|da|ssa|elle|ette)$/.test(first)) {
    return A_ENDING_MEN.has(first) ? "m" : "f";
  }
  return null;
}

/** Men's names with those endings that the name lists do not hold. */
const A_ENDING_MEN = new Set(
  "ezra akira attila ola yehuda dana jana sina ravindra rajendra narendra mahendra jitendra".split(
    " ",
  ),
);

const other = (sex: "m" | "f"): Sex => (sex === "m" ? "f" : "m");

/** A full-name speaker a lone surname might mean. */
export interface Candidate {
  key: string;
  name: string;
  /** Lower-case surname and the sex the first name shows; read from `name` when absent. */
  surname?: string;
  sex?: Sex;
  /** Lower-cased alias -> in how many articles it was given. */
  aliases: ReadonlyMap<string, number>;
}

/**
 * The full-name speaker a lone surname means, or null to keep it apart. With one person of that
 * surname in the corpus it is them. With several, a title or role that the article gives the
 * lone name decides when one of them carries it far more often than all the others together
 * ("President Obama": Barack Obama is called "President" in many articles, Michelle Obama in
 * one, by a slip of the article's own surname matching).
 */
export function sameSurnameChoice(
  surname: string,
  roles: readonly string[],
  candidates: readonly Candidate[],
  sex: Sex = null,
): string | null {
  const s = personName(surname)?.surname;
  if (!s) return null;
  // "Mr. Alexander" is not Michelle Alexander.
  const same = candidates.filter(
    (c) =>
      (c.surname ?? personName(c.name)?.surname) === s &&
      !(sex && (c.sex !== undefined ? c.sex : firstNameSex(c.name)) === other(sex)),
  );
  if (same.length === 0) return null;
  if (same.length === 1) {
    // "Chief Justice Roberts" is not the one Roberts of the corpus, a mayor.
    const only = same[0] as Candidate;
    return roles.length === 0 || roles.some((r) => sharesWord(r, only)) ? only.key : null;
  }
  const picks = new Set<string>();
  for (const role of roles) {
    const support = same
      .map((c) => ({ key: c.key, n: c.aliases.get(role.toLowerCase()) ?? 0 }))
      .sort((a, b) => b.n - a.n);
    const top = support[0] as { key: string; n: number };
    const rest = support.slice(1).reduce((n, c) => n + c.n, 0);
    if (top.n >= MIN_SUPPORT && top.n >= DOMINANCE * rest) picks.add(top.key);
    else if (top.n > 0) return null;
  }
  return picks.size === 1 ? ([...picks][0] as string) : null;
}

const PLAIN = new Set(["former", "the", "of", "mr", "mrs", "ms", "dr"]);

function sharesWord(role: string, candidate: Candidate): boolean {
  const words = role
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !PLAIN.has(w));
  return [...candidate.aliases.keys()].some((a) => a.split(/\s+/).some((w) => words.includes(w)));
}

/** Articles that must give the winning reading its title, and by how much it must outnumber. */
const MIN_SUPPORT = 2;
const DOMINANCE = 3;
