import { type ButtonInteraction, MessageFlags } from "discord.js";
import { type Deps, mayRun, NO_MENTIONS, TEXTS } from "../deps.ts";
import { renderShare } from "../render.ts";
import { respond, tellUser } from "../respond.ts";
import { answerPage, fullText } from "./page.ts";

/** ◀ ▶ re-run the command from the custom id and edit the reply; Share and Show full reply. */
export async function onButton(interaction: ButtonInteraction, deps: Deps): Promise<void> {
  const decoded = deps.ids.decode(interaction.customId);
  if (!decoded.ok) return tellUser(interaction, TEXTS[decoded.reason]);
  const { state } = decoded;
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);

  if (state.action === "share") {
    // A private answer posted for all to see must be its own user's choice. Discord shows a
    // private answer to that user alone, but this must not rest on Discord alone.
    const owner = interaction.message.interactionMetadata?.user.id;
    if (owner !== interaction.user.id) return tellUser(interaction, TEXTS.notYoursToShare(owner));
    const shown = interaction.message.embeds[0];
    if (!shown) return tellUser(interaction, TEXTS.stale);
    const view = renderShare(shown.toJSON(), interaction.user.id);
    await interaction.reply({ ...view, allowedMentions: NO_MENTIONS });
    return;
  }

  const command = deps.commands.get(state.command);
  if (!command) return tellUser(interaction, TEXTS.stale);
  if (!mayRun(command, interaction)) return tellUser(interaction, TEXTS.managersOnly(command.name));
  const options = { ephemeral: true, update: false, deferAfterMs: deps.deferAfterMs };
  if (state.action === "full") {
    await respond(interaction, () => fullText(deps, command, state.args, state.page), options);
    return;
  }
  // Paging a public answer would change it for everyone: only its asker may.
  const owner = interaction.message.interactionMetadata?.user.id;
  if (!ephemeral && owner && owner !== interaction.user.id) {
    return tellUser(interaction, TEXTS.notOwner(owner));
  }
  await respond(
    interaction,
    () => answerPage(deps, command, state.args, state.page, { share: ephemeral }),
    { ...options, ephemeral, update: true },
  );
}
