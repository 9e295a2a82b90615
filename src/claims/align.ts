import { oppositesOf, otherSidesOf, sameWord, type Term } from "./terms.ts";
import { NUMBER_WORDS } from "./words.ts";

/** Credit for a word found only around the statement (its sentence, the speaker's mention). */
const CONTEXT_CREDIT = 0.5;
/** Share of the matched words turned around from which the statement says the opposite. */
const CLASH_SHARE = 0.2;

/** How one statement lines up with a claim, word by word. */
export interface Alignment {
  /** Weighted share of the claim's words the statement carries, 0..1. */
  coverage: number;
  /**
   * The same share over the claim's other words than names: what is said of them. A statement
   * that only names the same people ("Hillary Clinton") carries none of it.
   */
  predicate: number;
  /** How many of the claim's words other than names the statement or its sentence carries. */
  wordsFound: number;
  /** How many words other than names the claim has. */
  words: number;
  /** How many of those what was said carries itself, not only its sentence. */
  wordsSaid: number;
  /** Claim words the statement does not carry, as the claim writes them. */
  missing: string[];
  /** Names, acronyms and numbers of the claim found neither in the statement nor around it. */
  missingEntities: string[];
  /** Names the statement and its sentence hold that the claim does not: whom it is about instead. */
  otherEntities: string[];
  /**
   * Numbers of the claim the statement and its sentence do not give ("6" where it says "4"),
   * and the numbers what was said gives instead. A year counts as missing only when another
   * year stands in its place: "in 2016" is often the claim's framing, not its news.
   */
  missingNumbers: string[];
  otherNumbers: string[];
  /** Claim words the statement lacks where it says the other side: "exports" for "imports". */
  swapped: { claim: string; statement: string }[];
  /** Claim words the statement carries turned around ("not working", "rejected"). */
  flipped: string[];
  /** True when the statement says the opposite of the claim on enough of the shared words. */
  opposite: boolean;
  /**
   * The claim's mood where the statement puts its shared words only under the other one: it
   * says something "must" happen where the claim says it "will" ("must open" / "will open").
   */
  otherMood: "must" | "will" | null;
  /**
   * The claim negates nothing, and the statement carries none of its words plainly: each stands
   * in a clause the statement negates, out of the negation's sure reach ("Our goal is not to
   * suddenly in the cyber arena duplicate a cycle of escalation"). Whether it says the claim or
   * its opposite is not clear.
   */
  unsure: boolean;
}

/**
 * Aligns a claim's terms with a statement's: each claim word is looked for among the words of
 * what was said (full credit) and then of the sentence around it (half credit), as the same
 * stem or its opposite. A word matched with the other polarity (negated on one side only, or
 * an opposite) counts against agreement.
 */
export function align(
  claim: readonly Term[],
  content: readonly Term[],
  context: readonly Term[],
): Alignment {
  let total = 0;
  let matched = 0;
  let words = 0;
  let wordsMatched = 0;
  let wordsFound = 0;
  let wordsSaid = 0;
  let inContent = 0;
  let against = 0;
  let negatedAlike = 0;
  const missing: string[] = [];
  const flipped: string[] = [];
  const swapped: { claim: string; statement: string }[] = [];
  const foundGroups = new Set<number>();
  const sites = new Map<number, { matched: number; flipped: number }>();
  let sameMood = 0;
  let sure = 0;
  let otherMood: "must" | "will" | null = null;
  for (const term of claim) {
    total += 1;
    if (!term.entity) words += 1;
    const found = polarityIn(term, content);
    const polarity = found?.agrees ?? null;
    if (found) {
      // Tallied by the claim's negation that reaches the word: "X is not Z" asked of a
      // statement that says "X is Z". (The statement's own negations are not tallied: "did
      // not mention" is how a paraphrase "left out" reads.)
      if (term.site) {
        const tally = sites.get(term.site) ?? { matched: 0, flipped: 0 };
        tally.matched += 1;
        if (!found.agrees) tally.flipped += 1;
        sites.set(term.site, tally);
      }
    }
    if (polarity !== null && term.mood && !term.entity) {
      const moods = content.filter((t) => t.mood && sameWord(t.stem, term.stem)).map((t) => t.mood);
      if (moods.includes(term.mood)) sameMood += 1;
      else if (moods.length > 0) otherMood = term.mood;
    }
    if (polarity !== null) {
      matched += 1;
      inContent += 1;
      if (!found?.hedged) sure += 1;
      if (term.entity) foundGroups.add(term.group);
      else {
        wordsMatched += 1;
        wordsFound += 1;
        wordsSaid += 1;
      }
      if (!polarity) {
        against += 1;
        flipped.push(term.word);
      } else if (term.negated) negatedAlike += 1;
      continue;
    }
    if (context.some((t) => sameWord(t.stem, term.stem))) {
      matched += CONTEXT_CREDIT;
      if (term.entity) foundGroups.add(term.group);
      else {
        wordsMatched += CONTEXT_CREDIT;
        wordsFound += 1;
      }
      continue;
    }
    missing.push(term.word);
    const sides = otherSidesOf(term.stem);
    const other = sides.length > 0 ? content.find((t) => sides.includes(t.stem)) : undefined;
    if (other) swapped.push({ claim: term.word, statement: other.word });
  }
  const missingEntities: string[] = [];
  for (const term of claim) {
    if (!term.entity || foundGroups.has(term.group)) continue;
    const name = claim
      .filter((t) => t.group === term.group)
      .map((t) => t.word)
      .join(" ");
    if (!missingEntities.includes(name)) missingEntities.push(name);
  }
  const otherEntities = [
    ...new Set(
      [...content, ...context]
        .filter(
          (t) =>
            t.entity &&
            !t.opener &&
            !/\p{N}/u.test(t.word) &&
            !claim.some((c) => sameWord(c.stem, t.stem)),
        )
        .map((t) => t.word),
    ),
  ];
  // "one" is as often a pronoun ("one another", "day one"): never asked for, but it answers "1".
  const claimNumbers = claim
    .map((t) => (t.word === "one" ? null : numberOf(t.word)))
    .filter((n) => n !== null);
  const saidNumbers = content.map((t) => numberOf(t.word)).filter((n) => n !== null);
  const aroundNumbers = new Set([...saidNumbers, ...context.map((t) => numberOf(t.word))]);
  const otherNumbers = [...new Set(saidNumbers.filter((n) => !claimNumbers.includes(n)))];
  const missingNumbers = [
    ...new Set(
      claimNumbers.filter(
        (n) => !aroundNumbers.has(n) && (!isYear(n) || otherNumbers.some(isYear)),
      ),
    ),
  ];
  return {
    coverage: total === 0 ? 0 : matched / total,
    predicate: words === 0 ? (total === 0 ? 0 : matched / total) : wordsMatched / words,
    wordsFound,
    words,
    wordsSaid,
    missing,
    missingEntities,
    otherEntities,
    missingNumbers,
    otherNumbers,
    swapped,
    flipped,
    // A negation on one side only, with none shared, turns the statement around however long
    // it is ("has not become" / "has become"); where both negate something, it takes a share.
    // A negation all of whose shared words the other side says plainly turns it around too.
    opposite:
      against > 0 &&
      (negatedAlike === 0 ||
        against / inContent >= CLASH_SHARE ||
        [...sites.values()].some((t) => t.flipped === t.matched)),
    otherMood: sameMood === 0 ? otherMood : null,
    unsure: inContent > 0 && sure === 0 && !claim.some((t) => t.negated || t.hedged),
  };
}

/**
 * Whether the statement carries the term with the claim's polarity (true), only the other way
 * (false), or not at all (null), and whether that polarity is hedged. One agreeing occurrence
 * is enough; a sure one is preferred.
 */
function polarityIn(
  term: Term,
  content: readonly Term[],
): { agrees: boolean; site: number; hedged: boolean } | null {
  let found: { agrees: boolean; site: number; hedged: boolean } | null = null;
  const opposites = oppositesOf(term.stem);
  for (const t of content) {
    let agrees: boolean;
    if (sameWord(t.stem, term.stem)) agrees = t.negated === term.negated;
    else if (opposites.includes(t.stem)) agrees = t.negated !== term.negated;
    else continue;
    // A negation whose reach is unclear on one side turns nothing around.
    if (!agrees && (t.hedged || term.hedged)) agrees = true;
    const hit = { agrees, site: t.site, hedged: t.hedged };
    // An occurrence of sure polarity is the best answer; a hedged one may yet be bettered.
    if (agrees && !t.hedged) return hit;
    if (!found || (agrees && !found.agrees)) found = hit;
  }
  return found;
}

/** The number a word writes, in digits without separators ("4,000" -> "4000"), or null. */
function numberOf(word: string): string | null {
  const digits = NUMBER_WORDS.get(word) ?? word;
  return /^\p{N}[\p{N},.]*$/u.test(digits) ? digits.replace(/,/g, "").replace(/\.$/, "") : null;
}

function isYear(n: string): boolean {
  return /^(?:19|20)\d\d$/.test(n);
}
