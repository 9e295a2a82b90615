import type { ApplicationCommandOptionChoiceData } from "discord.js";
import type { CommandOption } from "../command.ts";
import type { Library } from "../library/api.ts";
import { foldName } from "../text/fold.ts";
import { plural } from "../text/plural.ts";
import type { Speaker } from "../types.ts";
import { clip, LIMITS } from "./limits.ts";

export type Choice = ApplicationCommandOptionChoiceData<string>;

/** What the user typed is a search, not a document: hostile lengths are cut before searching. */
const TYPED_MAX = 200;

export function suggest(
  kind: CommandOption["autocomplete"],
  typed: string,
  library: Library,
): Choice[] {
  const text = typed.trim().slice(0, TYPED_MAX);
  if (kind === "speaker") return speakerChoices(library, text);
  if (kind === "article") return articleChoices(library, text);
  return [];
}

function speakerChoices(library: Library, text: string): Choice[] {
  const found = text
    ? library.findSpeakers(text, LIMITS.choices)
    : [...library.speakers()].sort((a, b) => b.quotes - a.quotes).slice(0, LIMITS.choices);
  return unique(
    found.map((s) => ({ name: speakerLabel(s, text), value: clip(s.name, LIMITS.choiceValue) })),
  );
}

/** "Dmitry Peskov (Kremlin spokesman) · 8 quotes": the alias shown when that is what matched. */
function speakerLabel(speaker: Speaker, text: string): string {
  const typed = foldName(text);
  const alias =
    typed && !foldName(speaker.name).includes(typed)
      ? speaker.aliases.find((a) => foldName(a).includes(typed))
      : undefined;
  const count = plural(speaker.quotes, "quote");
  const name = alias ? `${speaker.name} (${alias})` : speaker.name;
  return clip(`${name} · ${count}`, LIMITS.choiceName);
}

function articleChoices(library: Library, text: string): Choice[] {
  const found = library.suggestArticles(text, LIMITS.choices);
  return unique(
    found
      .filter((a) => a.id.length > 0 && a.id.length <= LIMITS.choiceValue)
      .map((a) => {
        const parts = [a.title ?? a.id, a.outlet, a.date].filter((p): p is string => !!p);
        return { name: clip(parts.join(" · "), LIMITS.choiceName), value: a.id };
      }),
  );
}

function unique(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices
    .filter(
      (c) => c.name.length > 0 && c.value.length > 0 && !seen.has(c.value) && seen.add(c.value),
    )
    .slice(0, LIMITS.choices);
}
