import { isSpeechForm, speechVerb, stanceOf } from "../attribution/speech-verbs.ts";
import type { Stance } from "../types.ts";
import { fold, tokenize } from "./tokenize.ts";

/** A claim as asked about: the words to match, and the stance the question's verb implies. */
export interface Claim {
  text: string;
  stance: Stance | null;
}

const QUESTION_WORDS = new Set(["who", "whom", "which", "what"]);
const AUXILIARIES = new Set(["has", "have", "had", "did", "does", "do", "was", "is", "were"]);

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
  while (AUXILIARIES.has(at(i)) || (at(i).endsWith("ly") && isSpeechForm(at(i + 1)))) i++;
  let stance: Stance | null = null;
  const verb = speechVerb(at(i));
  if (verb) {
    stance = stanceOf(verb);
    i++;
    if (at(i) === "that") i++;
  }
  return { text: words.slice(i).join(" "), stance };
}
