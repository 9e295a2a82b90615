import type { Command } from "../../src/command.ts";
import type { Library } from "../../src/library.ts";
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
    const first = answer.items[0]?.speaker ?? null;
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
