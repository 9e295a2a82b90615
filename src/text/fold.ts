/**
 * The one answer to "is this the same word, the same name?". Indexing, querying, the speaker
 * registry, speaker choice, autocomplete and Find source all compare text through these, so a
 * name typed one way meets the name an article printed another way.
 *
 * NFKD, not NFD: besides splitting letters from their accents, it reads compatibility forms as
 * the letters they stand for, so a full-width "Ｐｅｓｋｏｖ" or a ligature "ﬁ" pasted into Discord
 * meets the plain spelling in the article.
 */

const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}/gu;
/** Typographic apostrophes, the modifier letter and the backquote people type for one. */
const APOSTROPHES = /[\u2018\u2019\u02bc`]/g;
const HYPHENS = /[\u2010\u2011]/g;
const SPACES = /\s+/g;
const LEADING_THE = /^the /;

/** Case and diacritics folded: "Müller", "MÜLLER" and "muller" are one word. */
export function fold(text: string): string {
  // Most news text is ASCII, which has no marks to strip; normalizing it is the costly part.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(MARKS, "").toLowerCase();
}

/**
 * A name as compared: folded, one apostrophe and one hyphen, single spaces, and no leading
 * "the" ("The Kremlin" is "Kremlin", "O’Brien" is "O'Brien").
 */
export function foldName(name: string): string {
  return fold(name)
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, "-")
    .replace(SPACES, " ")
    .trim()
    .replace(LEADING_THE, "");
}
