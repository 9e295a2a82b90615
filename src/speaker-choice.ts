import { type Answer, invalid } from "./answer.ts";
import type { Library } from "./library.ts";
import { plural } from "./plural.ts";
import { echo } from "./present.ts";
import type { Speaker } from "./types.ts";

export type SpeakerChoice =
  | { kind: "speaker"; speaker: Speaker; notice: string | null }
  | { kind: "answer"; answer: Answer };

/**
 * Turns what the user typed into one speaker, or an answer that says why it cannot: nobody
 * matches, or several people do. Never picks one of several people silently, because a quote
 * in the wrong mouth is worse than no quote.
 */
export function resolveSpeaker(library: Library, typed: string, command: string): SpeakerChoice {
  const name = typed.replace(/\s+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(name)) {
    return {
      kind: "answer",
      answer: invalid(command, "Type a speaker's name, e.g. speaker:Peskov"),
    };
  }
  const candidates = library.findSpeakers(name, 10);
  if (candidates.length === 0) {
    return {
      kind: "answer",
      answer: {
        command,
        heading: `No speaker called ${echo(name)} is quoted in the coverage`,
        items: [],
        notice: "Type /speakers to see who is quoted.",
        status: "empty",
      },
    };
  }
  const key = fold(name);
  const exact = candidates.filter((s) => names(s).some((n) => fold(n) === key));
  const [only] = exact.length === 1 ? exact : candidates.length === 1 ? candidates : [];
  if (only) {
    const notice =
      exact.length === 1 ? null : `Showing ${only.name}, the closest match to ${echo(name)}.`;
    return { kind: "speaker", speaker: only, notice };
  }
  const choices = exact.length > 1 ? exact : candidates;
  return {
    kind: "answer",
    answer: {
      command,
      heading: `${choices.length} speakers match ${echo(name)}: which one?`,
      items: choices.map((s) => ({
        kind: "speaker",
        speaker: s.name,
        text: s.name,
        details: speakerDetails(s),
      })),
      notice: "Ask again with the full name.",
      status: "ambiguous",
    },
  };
}

export function speakerDetails(speaker: Speaker): string[] {
  const lines = [`${plural(speaker.quotes, "quote")} in ${plural(speaker.articles, "article")}`];
  if (speaker.aliases.length) lines.push(`also: ${speaker.aliases.join("; ")}`);
  return lines;
}

function names(speaker: Speaker): string[] {
  const surname = speaker.kind === "person" ? speaker.name.split(" ").at(-1) : undefined;
  return [speaker.name, ...speaker.aliases, ...(surname ? [surname] : [])];
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .replace(/^(the)\s+/i, "")
    .toLowerCase()
    .trim();
}
