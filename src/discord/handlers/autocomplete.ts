import type { AutocompleteInteraction } from "discord.js";
import { suggest } from "../choices.ts";
import type { Deps } from "../deps.ts";

/** Suggestions while the user types an option marked for speaker or article autocomplete. */
export async function onAutocomplete(
  interaction: AutocompleteInteraction,
  deps: Deps,
): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const kind = command?.options.find((o) => o.name === focused.name)?.autocomplete;
  await interaction.respond(suggest(kind, String(focused.value), deps.library()));
}
