import { type Interaction, type MessageMentionOptions, PermissionFlagsBits } from "discord.js";
import type { Command, LiveCoverage } from "../command.ts";
import type { Library } from "../library/api.ts";
import type { MessageMenu } from "./builders.ts";
import type { Cooldown } from "./cooldown.ts";
import type { CustomIds } from "./custom-id.ts";

/** Where the bot writes what happens; `console` fits. Lines never contain the token. */
export interface BotLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What every handler needs, built once by startBot. */
export interface Deps {
  library(): Library;
  /** Feeds and links (/add, /feeds); absent when the bot does not follow the news. */
  live?: LiveCoverage;
  commands: Map<string, Command>;
  menus: Map<string, MessageMenu>;
  ids: CustomIds;
  cooldown: Cooldown | null;
  log: BotLog;
  /** Defer the response when the answer is not ready after this long. */
  deferAfterMs: number;
}

/** Every message goes out with nothing parsed: `@everyone` or `<@id>` in a quote pings nobody. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [] });

export const TEXTS = {
  tampered:
    "I can't act on that button: it isn't one I made, or it was made before my settings changed. Run the command again to get fresh buttons.",
  stale:
    "That button has expired: the bot was restarted or the results changed since. Run the command again for fresh results.",
  unknownCommand: (name: string) =>
    `I don't know \`${name}\` any more. It may have been removed; whoever runs the bot can update the command list with \`npm run deploy\`.`,
  notOwner: (owner: string) =>
    `Only <@${owner}> can page through this answer. Run the command yourself to get your own copy.`,
  managersOnly: (name: string) =>
    `\`/${name}\` is for server managers (Manage Server permission) only.`,
  notYoursToShare: (owner: string | undefined) =>
    `Only ${owner ? `<@${owner}>` : "the person this answer was for"} can share it. Run the command yourself to get your own copy.`,
  failure: (id: string) =>
    `Something went wrong on my side (error id \`${id}\`). Please try again; if it keeps happening, give this id to whoever runs the bot.`,
} as const;

/**
 * Whether the user may run the command here. Discord hides a managers' command from others
 * (default_member_permissions), but a server can change that: the permission is checked again.
 */
export function mayRun(command: Command, interaction: Interaction): boolean {
  return (
    !command.managersOnly || !!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)
  );
}
