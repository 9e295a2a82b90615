import { randomBytes } from "node:crypto";
import type { Interaction } from "discord.js";
import type { BotLog } from "./deps.ts";
import { TEXTS } from "./deps.ts";
import { COLORS } from "./render.ts";
import { tellUser } from "./respond.ts";

/**
 * A handler failed: log the stack under a short id, and tell the user that id in a message only
 * they see. Never throws, so one failure cannot stop the bot serving others.
 */
export async function reportFailure(
  interaction: Interaction,
  error: unknown,
  log: BotLog,
): Promise<string> {
  const id = randomBytes(4).toString("hex");
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(
    `[error ${id}] ${describe(interaction)} by user ${interaction.user.id} failed: ${stack}`,
  );
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      await tellUser(interaction, TEXTS.failure(id), COLORS.invalid);
    }
  } catch (reply) {
    const why = reply instanceof Error ? reply.message : String(reply);
    log.error(`[error ${id}] could not tell the user either: ${why}`);
  }
  return id;
}

export function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isAutocomplete()) return `autocomplete for /${interaction.commandName}`;
  if (interaction.isMessageContextMenuCommand()) return `menu "${interaction.commandName}"`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}
