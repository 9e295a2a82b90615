import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { NO_MENTIONS } from "./deps.ts";
import { type MessageView, renderNotice } from "./render.ts";

export type Answerable =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction;

/** What a handler produces: a message (and possibly more after it), or a notice for the user alone. */
export type Outcome = { view: MessageView; more?: MessageView[] } | { notice: string };

export interface RespondOptions {
  ephemeral: boolean;
  /** Edit the message the button is on instead of replying. */
  update: boolean;
  deferAfterMs: number;
}

/**
 * Answers an interaction with what `work` produces. When the work takes longer than
 * `deferAfterMs`, the interaction is deferred first (Discord drops it after 3 s without a
 * response) and the answer then edits the deferred reply.
 */
export async function respond(
  interaction: Answerable,
  work: () => Outcome | Promise<Outcome>,
  options: RespondOptions,
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const state: { deferral: Promise<unknown> | null } = { deferral: null };
  const timer = setTimeout(() => {
    const deferral =
      options.update && interaction.isButton()
        ? interaction.deferUpdate()
        : interaction.deferReply({ flags });
    // Awaited below; this keeps a failure from counting as unhandled meanwhile.
    deferral.catch(() => undefined);
    state.deferral = deferral;
  }, options.deferAfterMs);
  let outcome: Outcome;
  try {
    outcome = await work();
  } finally {
    clearTimeout(timer);
    // Settle a deferral in flight, so an error report sees the interaction's true state.
    await state.deferral?.catch(() => undefined);
  }
  if (state.deferral) await state.deferral;

  if ("notice" in outcome) {
    await tellUser(interaction, outcome.notice);
    return;
  }
  const message = { ...outcome.view, allowedMentions: NO_MENTIONS };
  if (state.deferral) await interaction.editReply(message);
  else if (options.update && interaction.isButton()) await interaction.update(message);
  else await interaction.reply({ ...message, flags });
  for (const view of outcome.more ?? []) {
    await interaction.followUp({ ...view, allowedMentions: NO_MENTIONS, flags });
  }
}

/** A short message only the user sees, whatever state the interaction is in. */
export async function tellUser(
  interaction: RepliableInteraction,
  text: string,
  color?: number,
): Promise<void> {
  const message = { ...renderNotice(text, color), allowedMentions: NO_MENTIONS };
  const flags = MessageFlags.Ephemeral;
  if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
    await interaction.editReply(message);
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ ...message, flags });
  } else {
    await interaction.reply({ ...message, flags });
  }
}
