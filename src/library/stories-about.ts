import { fold } from "../text/fold.ts";
import type { Speaker } from "../types.ts";

/** "Jr." and "III" follow a surname; the surname is the word before them. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** Names shorter than this ("Al", "EU") match too many words of a title to say what it is about. */
const MIN_NAME_LENGTH = 3;

/**
 * A speaker's statements, stories first: those of articles whose title names the speaker (the
 * story is about them) before those of articles that quote them in passing, each group in the
 * order given. `/quote speaker:Trump` then opens with what Trump said in "Trump questions the
 * fairness of moderators", not with a line of his an article on the Senate repeats.
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
  const about = new Map<string, boolean>();
  const isAbout = (articleId: string) => {
    let known = about.get(articleId);
    if (known === undefined) {
      known = titleNames(titleOf(articleId), names);
      about.set(articleId, known);
    }
    return known;
  };
  const first: T[] = [];
  const rest: T[] = [];
  for (const s of statements) (isAbout(articleOf(s)) ? first : rest).push(s);
  return [...first, ...rest];
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

/** Whether a title holds one of the names as whole words ("Trump's" holds "trump"). */
function titleNames(title: string | null, names: readonly string[]): boolean {
  if (!title) return false;
  const text = fold(title);
  return names.some((name) => holdsWord(text, name));
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
