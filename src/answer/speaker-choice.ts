import type { Library } from "../library/api.ts";
import { foldName } from "../text/fold.ts";
import { plural } from "../text/plural.ts";
import type { Speaker } from "../types.ts";
import { type Answer, invalid } from "./answer.ts";
import { echo } from "./present.ts";

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
  const key = foldName(name);
  const exact = candidates.filter((s) => names(s).some((n) => foldName(n) === key));
  const [only] = exact.length === 1 ? exact : candidates.length === 1 ? candidates : [];
  if (only) {
    const notice =
      exact.length === 1 ? null : `Showing ${only.name}, the closest match to ${echo(name)}.`;
    return { kind: "speaker", speaker: only, notice };
  }
  const main = dominant(exact, key);
  if (main) {
    const others = exact.filter((s) => s !== main).map((s) => s.name);
    const notice =
      `Showing ${main.name}, quoted far more often than anyone else called “${name}”. ` +
      `Also called so: ${others.join(", ")}; ask with the full name for them.`;
    return { kind: "speaker", speaker: main, notice };
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

/**
 * How many times as often the first speaker must be quoted as all the others of that name
 * together for the name to mean them: "Trump" is Donald Trump where he is quoted hundreds of
 * times and Donald Trump Jr. a dozen, "Clinton" is Hillary Clinton in a campaign's coverage
 * that quotes her 25 times and Bill Clinton 7 (a bare "Clinton" counts for neither), but
 * neither is meant where two are quoted alike. The same share as a lone surname's in one article (names.ts).
 */
const DOMINANCE = 3;
/** A name quoted this rarely says nothing about whom users mean by it. */
const MIN_DOMINANT_QUOTES = 10;

/**
 * The one of several speakers of a name whom the name means in this corpus, or null. A speaker
 * called by the bare name itself ("Clinton", where an article never says which) is one of the
 * others left unresolved, not another person, so it weighs for none of them.
 */
function dominant(speakers: Speaker[], key: string): Speaker | null {
  if (speakers.length < 2) return null;
  const [top, ...rest] = [...speakers].sort((a, b) => b.quotes - a.quotes);
  if (!top || foldName(top.name) === key) return null;
  const others = rest.filter((s) => foldName(s.name) !== key).reduce((n, s) => n + s.quotes, 0);
  if (top.quotes < MIN_DOMINANT_QUOTES || top.quotes < DOMINANCE * others) return null;
  return top;
}

export function speakerDetails(speaker: Speaker): string[] {
  const lines = [`${plural(speaker.quotes, "quote")} in ${plural(speaker.articles, "article")}`];
  if (speaker.aliases.length) lines.push(`also: ${speaker.aliases.join("; ")}`);
  return lines;
}

/** "Jr." and "III" follow a surname; "Trump" is the surname of Donald Trump Jr. */
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

function names(speaker: Speaker): string[] {
  const words = speaker.name.split(" ");
  while (words.length > 2 && SUFFIX.test(words.at(-1) ?? "")) words.pop();
  const surname = speaker.kind === "person" ? words.at(-1) : undefined;
  return [speaker.name, ...speaker.aliases, ...(surname ? [surname] : [])];
}
