import type { Command } from "../../src/command.ts";
import type { Library } from "../../src/library/api.ts";
import { runLine } from "../../src/surfaces/run-line.ts";

export interface GoldQuestion {
  ask: string;
  speaker: string;
  must_include?: string[];
  must_not_include_speakers?: string[];
}

export interface QuestionResult {
  ask: string;
  ok: boolean;
  /** Why it failed, in a line; null when it passed. */
  problem: string | null;
}

/** A `/who` line nobody in the articles is reported making ("Putin said Russia interfered"). */
export interface NotSaid {
  ask: string;
  why: string;
}

/**
 * Asks each line nobody is reported making: right when the answer has no item with the role
 * "claim" (it may show the closest statements as "related").
 */
export async function scoreNotSaid(
  lines: readonly NotSaid[],
  commands: readonly Command[],
  library: Library,
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const line of lines) {
    const answer = await runLine(line.ask, commands, library, () => {});
    const claims = answer.items.filter((i) => i.role === "claim");
    const problem = claims.length
      ? `names ${claims.map((c) => c.speaker ?? "an unclear speaker").join(", ")} as making it (${answer.heading})`
      : null;
    results.push({ ask: line.ask, ok: problem === null, problem });
  }
  return results;
}

/**
 * Asks each question exactly as a user types it and checks the answer: the first item names the
 * expected speaker, the answer holds every must_include text and none of the excluded speakers.
 */
export async function scoreQuestions(
  questions: readonly GoldQuestion[],
  commands: readonly Command[],
  library: Library,
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const answer = await runLine(q.ask, commands, library, () => {});
    // Where items carry roles (/who), the answer is the first item that makes the claim.
    const roled = answer.items.some((i) => i.role !== undefined);
    const first =
      (roled ? answer.items.find((i) => i.role === "claim") : answer.items[0])?.speaker ?? null;
    const texts = answer.items.map((i) => `${i.text} ${i.evidence ?? ""}`).join("\n");
    const missing = (q.must_include ?? []).filter((t) => !texts.includes(t));
    const intruders = answer.items
      .map((i) => i.speaker)
      .filter((s): s is string => s !== null && (q.must_not_include_speakers ?? []).includes(s));
    const problem =
      first !== q.speaker
        ? `first speaker is ${first ?? "none"} (${answer.heading})`
        : missing.length
          ? `missing ${missing.map((m) => `“${m}”`).join(", ")}`
          : intruders.length
            ? `also names ${[...new Set(intruders)].join(", ")}`
            : null;
    results.push({ ask: q.ask, ok: problem === null, problem });
  }
  return results;
}
