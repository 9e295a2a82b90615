import {
  AUX_ADVERBS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  isAdverb,
  NP_INNER_PREPS,
  NP_STOP,
  PRONOUNS,
  TIME_WORDS,
} from "./lexicon.ts";
import type { Range } from "./sentence-parts.ts";
import type { Token } from "./sentences.ts";
import { isSpeechForm } from "./speech-verbs.ts";

const MAX_NP = 14;
/** Determiners that stand alone as a subject ("Another said ..."). */
const STANDALONE = new Set(["another", "one", "some", "many", "several", "both", "others", "few"]);

/** Counts that name a share of people: "two in three", "one in 10", "all but two". */
const SHARES = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/;

function isBreak(t: Token, atStart: boolean): boolean {
  if (t.kind !== "w") return true;
  if (PRONOUNS.has(t.lower)) return true;
  const stop = NP_STOP.has(t.lower) || AUX_ADVERBS.has(t.lower);
  // Mid-sentence capitals are names ("Theresa May"), not function words.
  return stop && !(t.cap && !atStart);
}

/** Prepositions allowed inside a phrase, given the word before them. */
function innerPrep(t: Token, before: Token | undefined, after?: Token): boolean {
  if (NP_INNER_PREPS.has(t.lower)) return true;
  if (before === undefined) return false;
  // "the Commission on Presidential Debates", "the Council on Foreign Relations": a name.
  if (t.lower === "on" && before.cap && after?.cap) return true;
  // "Police in Ankara", "officials in Kyiv": a body named with its place.
  if (t.lower === "in" && (GROUP_NOUNS.has(before.lower) || PLACED_BODIES.has(before.lower)))
    return true;
  return (
    (t.lower === "in" || t.lower === "by" || t.lower === "from") && DOCUMENT_NOUNS.has(before.lower)
  );
}

/** Plural bodies that speak with their place: "Police in Norway said". */
const PLACED_BODIES = new Set(
  "police authorities prosecutors investigators troops rescuers doctors witnesses diplomats lawmakers analysts experts".split(
    " ",
  ),
);

/**
 * "Another said", "Some have argued", "Two in three said", "all but two said": a determiner or
 * a share of those asked, standing alone as the subject of the verb after it.
 */
export function standingAlone(tokens: Token[], last: number): Range | null {
  const head = tokens[last] as Token;
  const next = tokens[last + 1];
  const beforeVerb = next?.kind !== "w" || isSpeechForm(next.lower) || AUX_ADVERBS.has(next.lower);
  if (!beforeVerb) return null;
  if (STANDALONE.has(head.lower)) return { from: last, to: last + 1 };
  if (!SHARES.test(head.lower)) return null;
  const share = SHARES.test(tokens[last - 2]?.lower ?? "") && tokens[last - 1]?.lower === "in";
  const allBut = tokens[last - 2]?.lower === "all" && tokens[last - 1]?.lower === "but";
  return share || allBut ? { from: last - 2, to: last + 1 } : null;
}

/** The noun phrase that ends with token `last`, read backwards; null when there is none. */
export function phraseBefore(tokens: Token[], last: number, floor = 0): Range | null {
  const head = tokens[last];
  if (head?.kind !== "w") return null;
  if (PRONOUNS.has(head.lower) && head.lower !== "who") return { from: last, to: last + 1 };
  const alone = standingAlone(tokens, last);
  if (alone) return alone;
  if (DETERMINERS.has(head.lower) || isBreak(head, last === 0)) return null;
  if (isAdverb(head.lower) && !head.cap) return null;
  let from = last;
  for (let i = last - 1; i >= floor; i--) {
    const t = tokens[i] as Token;
    if (t.kind === "p" && (t.text === "-" || t.text === "&") && i > floor) {
      from = i;
      continue;
    }
    if (t.kind !== "w") break;
    if (DETERMINERS.has(t.lower)) {
      from = i;
      const prep = tokens[i - 1];
      if (prep && i - 1 > floor && innerPrep(prep, tokens[i - 2]) && tokens[i - 2]?.kind === "w") {
        continue;
      }
      break;
    }
    if (innerPrep(t, tokens[i - 1], tokens[i + 1])) {
      if (i - 1 < floor || tokens[i - 1]?.kind !== "w" || isBreak(tokens[i - 1] as Token, false))
        break;
      continue;
    }
    if (isBreak(t, i === 0)) break;
    if (isAdverb(t.lower) && !t.cap) break;
    // "Trump criticized Clinton's record": a finite verb after a name ends the phrase.
    const prev = tokens[i - 1];
    if (!t.cap && /ed$/.test(t.lower) && prev && (prev.cap || PRONOUNS.has(prev.lower))) break;
    from = i;
    if (last - from > MAX_NP) return null;
  }
  // A phrase cannot open with a preposition or a dash left over from the loop.
  while (from < last && innerPrep(tokens[from] as Token, tokens[from - 1])) from++;
  while (from < last && (tokens[from] as Token).kind === "p") from++;
  // "the wake of an article in The Times": the source phrase starts at the document.
  for (let i = last - 1; i > from; i--) {
    const t = tokens[i] as Token;
    if (DOCUMENT_NOUNS.has(t.lower) && innerPrep(tokens[i + 1] as Token, t)) {
      from = DETERMINERS.has(tokens[i - 1]?.lower ?? "") && i - 1 >= from ? i - 1 : i;
      break;
    }
  }
  return { from, to: last + 1 };
}

/** The noun phrase that starts at token `first`, read forwards; null when there is none. */
export function phraseAfter(tokens: Token[], first: number, limit = tokens.length): Range | null {
  const t0 = tokens[first];
  if (t0?.kind !== "w" || first >= limit) return null;
  if (PRONOUNS.has(t0.lower) && t0.lower !== "who") return { from: first, to: first + 1 };
  let to = first;
  for (let i = first; i < limit; i++) {
    const t = tokens[i] as Token;
    // "Smith-Jones", "AT&T", "9/11 widow Terry Strada": a mark inside one phrase.
    const date =
      t.text === "/" &&
      /^\d/.test(tokens[i - 1]?.text ?? "") &&
      /^\d/.test(tokens[i + 1]?.text ?? "");
    if (t.kind === "p" && (t.text === "-" || t.text === "&" || date) && to === i && i > first) {
      to = i + 1;
      continue;
    }
    if (t.kind !== "w") break;
    if (DETERMINERS.has(t.lower) && !STANDALONE.has(t.lower)) {
      if (i === first || innerPrep(tokens[i - 1] as Token, tokens[i - 2])) continue;
      break;
    }
    if (i > first && innerPrep(t, tokens[i - 1])) {
      const next = tokens[i + 1];
      if (next?.kind !== "w") break;
      continue;
    }
    // "the Sunday Times" is a name; "reporters Sunday" ends the phrase.
    if (TIME_WORDS.has(t.lower) && to > first && !(t.cap && tokens[i + 1]?.cap)) break;
    if (isBreak(t, i === 0)) break;
    if (isAdverb(t.lower) && !t.cap) break;
    to = i + 1;
    if (to - first > MAX_NP) return null;
  }
  if (to === first) return null;
  return { from: first, to };
}
