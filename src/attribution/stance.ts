import { splitWords } from "../text/split-words.ts";
import type { Attribution, Stance } from "../types.ts";
import {
  ACCUSATION_WORDS,
  CLAIM_NOUNS,
  DENIAL_WORDS,
  REJECTED_NOUNS,
  WRONGDOING_WORDS,
} from "./lexicon.ts";
import type { CueKind } from "./speech-verbs.ts";

/** Words by which a denial points back at an allegation made before it. */
const ANSWERED_NOUNS = REJECTED_NOUNS;

/** What stance needs to know about a statement beyond the attribution itself. */
export interface StanceInput {
  attribution: Attribution;
  cueKind: CueKind | "according" | null;
}

/** Nouns for something said that a denial may judge: "the report is false". */
const SAID_NOUNS = new Set([
  ...CLAIM_NOUNS,
  ..."report reports story stories speculation speculations rumor rumors rumour rumours suggestion suggestions notion idea".split(
    " ",
  ),
]);
/** "That is a lie", "it's fake news": the speaker judges what was said before. */
const JUDGED_BEFORE =
  /^\W*(?:this|that|it|these|those|they)(?:['’]s|['’]re|\s+(?:is|was|are|were))\b/iu;
/** "such speculations were wrong", "the claims are not true": claims set aside by their subject. */
const CLAIMS_REFUSED =
  /^\W*(?:the|these|those|such|all|any|his|her|their|its|this|that)?\s*(?:[\p{L}-]+\s+)?(?:claims?|allegations?|accusations?|charges|speculations?|reports?|rumou?rs?|assertions?)\s+(?:is|are|was|were|have|has|had|would|will|could|remain)\s+(?:\w+\s+)?["“']?(?:not|n['’]t|wrong|false|untrue|baseless|unfounded|unsubstantiated|groundless|one-sided|biased|inaccurate|a\s+smear|a\s+lie|a\s+hoax|lies|nonsense|absurd|fabricated|invented|made\s+up|politically\s+motivated|exaggerated|distorted|misleading|meant)\b/iu;
/** "we did nothing wrong", "had nothing to do with", "that never happened": a speaker's innocence. */
const INNOCENCE =
  /\b(?:nothing\s+wrong|nothing\s+to\s+do\s+with|never\s+happened|did\s*(?:not|n['’]t)\s+happen|not\s+true|no\s+truth|no\s+basis|not\s+guilty|innocent)\b/iu;
const DISAGREE = /\b(?:could|can|do|does|did|will|would)\s*(?:not|n['’]t)\s+agree\b|\bdisagree/iu;

/** Lower-cased words of a statement, as stance compares them. */
function words(text: string): string[] {
  return splitWords(text.toLowerCase());
}

/**
 * A denial is a speaker rejecting a claim: by its verb ("denied", "rejected", "dismissed"), by
 * judging a claim untrue ("called the claims completely false", "These allegations are a
 * smear", "That is a lie"), or by pleading innocence. A mere "not" is no denial.
 */
function isDenial(input: StanceInput, content: string, said: string[]): boolean {
  if (input.cueKind === "deny") return true;
  const lower = content.toLowerCase();
  if (CLAIMS_REFUSED.test(content)) return true;
  if (/nothing|never|not |innocent|no truth|no basis/.test(lower) && INNOCENCE.test(content))
    return true;
  if (lower.includes("agree") && DISAGREE.test(content)) return true;
  if (!said.some((w) => DENIAL_WORDS.has(w))) return false;
  // The untrue thing must be something said, not a person ("Trump lies" accuses).
  const judged = words(input.attribution.evidence.text).some((w) => SAID_NOUNS.has(w));
  return judged || JUDGED_BEFORE.test(content) || said.includes("fake");
}

/**
 * Marks allegations and denials across one article. An allegation is an accusation of
 * wrongdoing: made with an accusing cue ("accused", "blamed", "allegations by"), in words that
 * charge wrongdoing ("he lied", "they cherry-picked the data"), by a speaker whose claims the
 * article shows being disputed, or, from a speaker already shown accusing, a statement that
 * names the misdeed ("interference", "hacking").
 */
export function assignStance(inputs: StanceInput[], disputed: ReadonlySet<string>): void {
  const allegers = new Set<string>();
  for (const { attribution, cueKind } of inputs) {
    if (cueKind === "allege" && attribution.speaker) allegers.add(attribution.speaker);
  }
  const contents = inputs.map((input) => input.attribution.content.map((c) => c.text).join(" "));
  const saids = contents.map(words);
  // Whether a statement names a misdeed: asked up to three times a statement, read once.
  const accusations: (boolean | undefined)[] = [];
  const accuses = (k: number) => {
    accusations[k] ??= (saids[k] as string[]).some((w) => ACCUSATION_WORDS.has(w));
    return accusations[k];
  };
  // A claim that names a misdeed accuses ("an article claiming US services tried to recruit").
  const claimsMisdeed = (input: StanceInput, k: number) => input.cueKind === "claim" && accuses(k);
  inputs.forEach((input, k) => {
    const speaker = input.attribution.speaker;
    if (speaker && claimsMisdeed(input, k)) allegers.add(speaker);
  });
  let lastAlleger: string | null = null;
  inputs.forEach((input, k) => {
    const a = input.attribution;
    const content = contents[k] as string;
    const said = saids[k] as string[];
    let stance: Stance | null = null;
    if (isDenial(input, content, said)) stance = "denial";
    else if (input.cueKind === "allege" || claimsMisdeed(input, k)) stance = "allegation";
    else if (said.some((w) => WRONGDOING_WORDS.has(w))) stance = "allegation";
    else if (a.speaker && disputed.has(a.speaker)) stance = "allegation";
    else if (a.speaker && allegers.has(a.speaker) && accuses(k)) stance = "allegation";
    a.stance = stance;
    if (stance === "allegation" && a.speaker) lastAlleger = a.speaker;
    if (stance === "denial" && !a.answers && lastAlleger && lastAlleger !== a.speaker) {
      const mentionsClaims = words(a.evidence.text).some((w) => ANSWERED_NOUNS.has(w));
      if (mentionsClaims) a.answers = lastAlleger;
    }
  });
}
