import type { Interaction } from "discord.js";
import { cooldownMessage } from "../cooldown.ts";
import type { Deps } from "../deps.ts";
import { reportFailure } from "../errors.ts";
import { onAutocomplete } from "../handlers/autocomplete.ts";
import { onButton } from "../handlers/button.ts";
import { onChatInput, onMessageMenu } from "../handlers/command.ts";
import { tellUser } from "../respond.ts";

/** Routes each interaction to its handler; a failure is reported to the user and logged, never thrown. */
export function interactionListener(deps: Deps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) return await onAutocomplete(interaction, deps);
      const handled =
        interaction.isChatInputCommand() ||
        interaction.isMessageContextMenuCommand() ||
        interaction.isButton();
      if (!handled) return;
      // Autocomplete fires on every keystroke and is cheap, so only the rest counts.
      const wait = deps.cooldown?.take(interaction.user.id) ?? 0;
      if (wait > 0) return await tellUser(interaction, cooldownMessage(wait));
      if (interaction.isChatInputCommand()) await onChatInput(interaction, deps);
      else if (interaction.isMessageContextMenuCommand()) await onMessageMenu(interaction, deps);
      else await onButton(interaction, deps);
    } catch (error) {
      await reportFailure(interaction, error, deps.log);
    }
  };
}
