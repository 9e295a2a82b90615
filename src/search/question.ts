import type { Stance } from "../types.ts";
import { fold, tokenize } from "./tokenize.ts";

/** A claim as asked about: the words to match, and the stance the question's verb implies. */
export interface Claim {
  text: string;
  stance: Stance | null;
}

const QUESTION_WORDS = new Set(["who", "whom", "which", "what"]);
const AUXILIARIES = new Set(["has", "have", "had", "did", "does", "do", "was", "is", "were"]);
const ALLEGING = new Set(
  "accuse accused accuses accusing allege alleged alleges alleging claim claimed claims claiming charge charged charges blame blamed blames".split(
    " ",
  ),
);
const DENYING = new Set(
  "deny denied denies denying reject rejected rejects dismiss dismissed dismisses refute refuted refutes dispute disputed disputes rebuff rebuffed".split(
    " ",
  ),
);
const REPORTING = new Set(
  "say said says tell told tells report reported reports call called calls state stated states warn warned warns argue argued argues insist insisted insists suggest suggested suggests describe described describes admit admitted admits announce announced announces assert asserted asserts write wrote writes note noted notes add added adds explain explained explains confirm confirmed confirms criticise criticised criticize criticized condemn condemned promise promised threaten threatened urge urged".split(
    " ",
  ),
);

/**
 * Strips the question frame from a `/who` claim ("Who accused Russia of ..." -> "Russia of ...")
 * so that "who" and the reporting verb do not drive the match, and keeps what the verb says
 * about stance: "accused" asks for an allegation, "denied" for a denial.
 */
export function parseClaim(question: string): Claim {
  const words = tokenize(question);
  let i = 0;
  const at = (k: number) => fold(words[k] ?? "");
  if (!QUESTION_WORDS.has(at(i))) return { text: question, stance: null };
  i++;
  while (AUXILIARIES.has(at(i)) || (at(i).endsWith("ly") && isVerb(at(i + 1)))) i++;
  let stance: Stance | null = null;
  const verb = at(i);
  if (isVerb(verb)) {
    stance = ALLEGING.has(verb) ? "allegation" : DENYING.has(verb) ? "denial" : null;
    i++;
    if (at(i) === "that") i++;
  }
  return { text: words.slice(i).join(" "), stance };
}

function isVerb(word: string): boolean {
  return ALLEGING.has(word) || DENYING.has(word) || REPORTING.has(word);
}
