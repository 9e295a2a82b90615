import { TITLES } from "../attribution/lexicon.ts";
import { fold } from "../text/fold.ts";
import type { Speaker } from "../types.ts";

/** "Jr." and "III" follow a surname; the surname is the word before them. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** Names shorter than this ("Al", "EU") match too many words of a title to say what it is about. */
const MIN_NAME_LENGTH = 3;

/**
 * A speaker's statements, stories first: those of articles whose title names the speaker (the
 * story is about them) before those of articles that quote them in passing, each group in the
 * order given. Among the stories, those whose title opens with the speaker come first: the
 * speaker is what the title says acts ("Trump questions the fairness of moderators"), where
 * "Black Lawmakers Rip Donald Trump" and "Trump's leaked taxes" are about them but not theirs.
 * `/quote speaker:Trump` then opens with what Trump said in "Trump questions the fairness of
 * moderators", not with a line of his an article on the Senate repeats.
 *
 * Works on statement ids and the titles the catalogue holds, so ordering costs no article
 * reads, only one look at each of the speaker's articles.
 */
export function storiesFirst<T>(
  statements: readonly T[],
  speaker: Speaker,
  articleOf: (statement: T) => string,
  titleOf: (articleId: string) => string | null,
): T[] {
  const names = namesOf(speaker);
  if (names.length === 0) return [...statements];
  const tiers = new Map<string, number>();
  const tierOf = (articleId: string) => {
    let known = tiers.get(articleId);
    if (known === undefined) {
      known = titleTier(titleOf(articleId), names);
      tiers.set(articleId, known);
    }
    return known;
  };
  const groups: T[][] = [[], [], []];
  for (const s of statements) groups[tierOf(articleOf(s))]?.push(s);
  return groups.flat();
}

/** 0: the title opens with the speaker; 1: it names them elsewhere; 2: it does not name them. */
function titleTier(title: string | null, names: readonly string[]): number {
  if (!title) return 2;
  const text = fold(title);
  if (!names.some((name) => holdsWord(text, name))) return 2;
  // "Pat Caddell: Democrat voters worried ...": the label may be the speaker.
  const openings = [pastTitles(text), pastTitles(text.replace(LABEL, ""))];
  return names.some((name) => openings.some((o) => opensWith(o, name))) ? 0 : 1;
}

/** A label before a colon that opens a title: "The Latest:", "Politifact:". */
const LABEL = /^[^:;]{1,30}:\s*/;
const TITLE_WORD = /^([\p{L}]+)\.?\s+/u;

/** The text past the titles before a name ("Governor", "Sen."). */
function pastTitles(text: string): string {
  let rest = text;
  for (let m = TITLE_WORD.exec(rest); m && TITLES.has(m[1] ?? ""); m = TITLE_WORD.exec(rest)) {
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/** Whether the text opens with the name as its subject: whole words, not the possessive. */
function opensWith(text: string, name: string): boolean {
  if (!text.startsWith(name)) return false;
  const after = text.slice(name.length);
  return !(after[0] && WORD_CHAR.test(after[0])) && !/^['’]s\b/u.test(after);
}

/** Capitalised words only: a name, not a role ("Kremlin spokesman", "the president"). */
const PROPER = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*$/u;

/**
 * The speaker's name, its aliases that are names and, for a person, the surname, folded, as a
 * title may write them.
 */
function namesOf(speaker: Speaker): string[] {
  const names = [speaker.name, ...speaker.aliases.filter((a) => PROPER.test(a))];
  if (speaker.kind === "person") {
    const words = speaker.name.split(" ");
    while (words.length > 2 && SUFFIX.test(words.at(-1) ?? "")) words.pop();
    const surname = words.at(-1);
    if (surname && words.length > 1) names.push(surname);
  }
  return [...new Set(names.map((n) => fold(n).trim()))].filter((n) => n.length >= MIN_NAME_LENGTH);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the text holds the name with no letter or digit either side: a cheap scan, no regex. */
function holdsWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1];
    const after = text[at + name.length];
    if (!(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after))) return true;
  }
  return false;
}
