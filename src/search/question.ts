import { AUX_ADVERBS, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "../attribution/lexicon.ts";
import { speechVerb } from "../attribution/speech-verbs.ts";
import { stemOf } from "../claims/terms.ts";
import { DENYING_PHRASES, DENYING_VERBS, JUDGING_FAMILIES, NAMING_VERBS } from "../claims/words.ts";
import { fold } from "../text/fold.ts";
import type { Stance } from "../types.ts";

/**
 * How the verb of a claim bears on it: "say" reports (said, told, called), "allege" accuses,
 * "deny" rejects what follows, "judge" is itself the claim (praised, accepted, agreed).
 */
export type VerbKind = "say" | "allege" | "deny" | "judge";

/** A claim as asked about: who is said to have said it, how, and what. */
export interface Claim {
  /** What was said: the claim without the question frame or the speaker named in it. */
  text: string;
  /** The stance the verb implies: "accused" asks for an allegation, "denied" for a denial. */
  stance: Stance | null;
  /** The speaker the claim names as it is typed ("IMF chief economist Maury Obstfeld"), or null. */
  speaker: string | null;
  /** The verb of the frame as typed ("praised"), or null when the claim has none. */
  verb: string | null;
  verbKind: VerbKind | null;
}

const QUESTION_WORDS = new Set(["who", "whom"]);
const AUXILIARIES = new Set(["has", "have", "had", "did", "does", "do", "was", "is", "were"]);
/** Words that open a yes-or-no question before a named speaker: "Did Putin say ...?" */
const ASKING = new Set(["did", "does", "has", "have", "had"]);
/** Words a named speaker is typed with besides the name: "Rep.", "IMF chief economist". */
const SPEAKER_WORDS = new Set([
  ...TITLES,
  ...ROLE_NOUNS,
  ...ROLE_MODIFIERS,
  "of",
  "the",
  "rep",
  "sen",
]);
/** How far into a claim its speaker's verb may stand ("IMF chief economist Maury Obstfeld said"). */
const MAX_SPEAKER_WORDS = 8;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019.-][\p{L}\p{N}\p{M}]+)*/gu;
const EDGES = /^[\s.,;:!?]+|[\s.,;:!?]+$/g;

const judgingStems = new Set(JUDGING_FAMILIES.flat().map(stemOf));

/**
 * Reads the frame of a `/who` claim: "Who accused Russia of ..." asks who made an allegation
 * about "Russia of ..."; "Putin said Russia interfered" asks whether Putin said "Russia
 * interfered"; "Peskov praised the FBI" asks whether Peskov praised it. A claim without a
 * frame ("the United States is Russia's best friend") is all content.
 */
export function parseClaim(question: string): Claim {
  const words = [...question.matchAll(WORD)].map((m) => ({
    text: m[0],
    lower: fold(m[0]).replace(/\.$/, ""),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const plain = (from: number, to = question.length): string =>
    question.slice(from, to).replace(EDGES, "");
  const whoAt = words.findIndex((w, i) => i < MAX_SPEAKER_WORDS && QUESTION_WORDS.has(w.lower));
  if (whoAt >= 0) {
    let i = whoAt + 1;
    while (
      words[i] &&
      (AUXILIARIES.has(words[i]?.lower ?? "") ||
        AUX_ADVERBS.has(words[i]?.lower ?? "") ||
        isAdverbBefore(words, i))
    )
      i++;
    // Whatever word follows "who" is its verb: one the tables do not know ("urged",
    // "expressed") reports what follows it like "said".
    const verb =
      verbAt(words, i) ??
      (words[i] ? { text: words[i]?.lower ?? "", kind: "say" as const, length: 1 } : null);
    const before = whoAt > 0 ? plain(0, words[whoAt]?.start) : "";
    if (!verb) return { text: before, stance: null, speaker: null, verb: null, verbKind: null };
    let next = i + verb.length;
    if (words[next]?.lower === "that") next++;
    const rest = words[next] ? plain(words[next]?.start ?? 0) : "";
    return {
      text: join(before, rest),
      stance: stanceOf(verb.kind),
      speaker: null,
      verb: verb.text,
      verbKind: verb.kind,
    };
  }
  // "Putin said ...": a name, perhaps with titles, then the verb; "Did Putin say ...?" too.
  const asked = ASKING.has(words[0]?.lower ?? "") ? 1 : 0;
  for (let i = asked + 1; i <= MAX_SPEAKER_WORDS && i < words.length; i++) {
    const verb = verbAt(words, i);
    if (!verb) continue;
    let end = i;
    while (end > asked + 1 && AUX_ADVERBS.has(words[end - 1]?.lower ?? "")) end--;
    const name = words.slice(asked, end);
    if (!name.some((w) => /^\p{Lu}/u.test(w.text))) break;
    if (!name.every((w) => /^\p{Lu}/u.test(w.text) || SPEAKER_WORDS.has(w.lower))) break;
    let next = i + verb.length;
    if (words[next]?.lower === "that") next++;
    return {
      text: words[next] ? plain(words[next]?.start ?? 0) : "",
      stance: stanceOf(verb.kind),
      speaker: plain(name[0]?.start ?? 0, name[name.length - 1]?.end),
      verb: verb.text,
      verbKind: verb.kind,
    };
  }
  return { text: plain(0), stance: null, speaker: null, verb: null, verbKind: null };
}

interface Word {
  text: string;
  lower: string;
}

/** The frame verb at word i, with how many words it takes ("ruled out" takes two). */
function verbAt(
  words: readonly Word[],
  i: number,
): { text: string; kind: VerbKind; length: number } | null {
  const w = words[i]?.lower;
  // A verb is written in lower case: "The United States" holds no "states".
  if (!w || !/^\p{Ll}/u.test(words[i]?.text ?? "")) return null;
  const pair = `${w} ${words[i + 1]?.lower ?? ""}`;
  if (DENYING_PHRASES.includes(pair)) return { text: pair, kind: "deny", length: 2 };
  const cue = speechVerb(w)?.kind;
  if (cue === "allege" || cue === "deny") return { text: w, kind: cue, length: 1 };
  if (DENYING_VERBS.has(w)) return { text: w, kind: "deny", length: 1 };
  // A judging verb is the claim itself, though the table reports words with some ("praised
  // the plan as bold"); only as a verb form: "praised", "agrees", not the noun "support".
  if (/(?:ed|es|s)$/.test(w) && judgingStems.has(stemOf(w)))
    return { text: w, kind: "judge", length: 1 };
  if (cue || NAMING_VERBS.has(w)) return { text: w, kind: "say", length: 1 };
  if (pair === "pointed out") return { text: pair, kind: "say", length: 2 };
  return null;
}

/** "Who firmly rejected": an adverb in -ly before a frame verb. */
function isAdverbBefore(words: readonly Word[], i: number): boolean {
  return (words[i]?.lower.endsWith("ly") ?? false) && verbAt(words, i + 1) !== null;
}

function stanceOf(kind: VerbKind): Stance | null {
  return kind === "allege" ? "allegation" : kind === "deny" ? "denial" : null;
}

function join(a: string, b: string): string {
  return [a, b].filter(Boolean).join(" ");
}
