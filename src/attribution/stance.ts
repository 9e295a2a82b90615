import type { Attribution, Stance } from "../types.ts";
import { ACCUSATION_WORDS, DENIAL_WORDS } from "./lexicon.ts";
import type { CueKind } from "./speech-verbs.ts";

/** Words by which a denial points back at an allegation made before it. */
const ANSWERED_NOUNS = new Set(["claims", "allegations", "charges", "accusations", "claim"]);

/** What stance needs to know about a statement beyond the attribution itself. */
export interface StanceInput {
  attribution: Attribution;
  cueKind: CueKind | "according" | null;
}

/** "such speculations were wrong", "the claims are meant to ...": the speaker sets claims aside. */
const CLAIMS_SUBJECT =
  /^\W*(?:the|these|those|such|all|any|his|her|their|its|this|that)?\s*(?:[\p{L}-]+\s+)?(?:claims?|allegations?|accusations?|charges|speculations?|reports?|rumou?rs?|assertions?)\s+(?:is|are|was|were|have|has|had|would|will|could|remain)\b/iu;
const DISAGREE = /\b(?:could|can|do|does|did|will|would)\s*(?:not|n['’]t)\s+agree\b|\bdisagree/iu;

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
}

function isDenial(input: StanceInput, content: string): boolean {
  if (input.cueKind === "deny") return true;
  if (CLAIMS_SUBJECT.test(content)) return true;
  if (content.toLowerCase().includes("agree") && DISAGREE.test(content)) return true;
  return words(content).some((w) => DENIAL_WORDS.has(w));
}

/**
 * Marks allegations and denials across one article. An allegation is made with an accusing cue
 * ("accused", "claims by"), or by a speaker whose claims the article shows being disputed, or,
 * from a speaker already shown making claims, a statement that charges wrongdoing.
 */
export function assignStance(inputs: StanceInput[], disputed: ReadonlySet<string>): void {
  const allegers = new Set<string>();
  for (const { attribution, cueKind } of inputs) {
    if (cueKind === "allege" && attribution.speaker) allegers.add(attribution.speaker);
  }
  let lastAlleger: string | null = null;
  for (const input of inputs) {
    const a = input.attribution;
    const content = a.content.map((c) => c.text).join(" ");
    let stance: Stance | null = null;
    if (isDenial(input, content)) stance = "denial";
    else if (input.cueKind === "allege") stance = "allegation";
    else if (a.speaker && disputed.has(a.speaker)) stance = "allegation";
    else if (
      a.speaker &&
      allegers.has(a.speaker) &&
      words(content).some((w) => ACCUSATION_WORDS.has(w))
    )
      stance = "allegation";
    a.stance = stance;
    if (stance === "allegation" && a.speaker) lastAlleger = a.speaker;
    if (stance === "denial" && !a.answers && lastAlleger && lastAlleger !== a.speaker) {
      const mentionsClaims = words(a.evidence.text).some((w) => ANSWERED_NOUNS.has(w));
      if (mentionsClaims) a.answers = lastAlleger;
    }
  }
}
