import type { Answer } from "./answer/answer.ts";
import type { Library } from "./library/api.ts";
import type { AddedArticle, FeedStatus } from "./live/coverage.ts";

export type OptionType = "string" | "integer" | "boolean";

/** One option of a command, as the user types it: `/quote speaker:Peskov`. */
export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  /** Which list suggests values while the user types (Discord autocomplete, shell completion). */
  autocomplete?: "speaker" | "article";
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  /** Only Discord acts on it; the shell and the command line accept and ignore it. */
  discordOnly?: boolean;
}

/** The longest value Discord takes for a string option, whatever the option asks. */
export const MAX_STRING_LENGTH = 6000;

/**
 * The longest value an option takes, on every surface: Discord enforces it, and the shell and
 * the CLI must too, or a pasted megabyte reaches a command no Discord user could send it.
 */
export function maxLengthOf(option: CommandOption): number {
  return Math.min(MAX_STRING_LENGTH, option.maxLength ?? MAX_STRING_LENGTH);
}

export type CommandArgs = Record<string, string | number | boolean | undefined>;

/** Where a command is answered: help shows what works there. Absent means Discord. */
export type Surface = "discord" | "shell" | "cli";

export interface CommandContext {
  library: Library;
  surface?: Surface;
  /** Feeds and links, where whosaid follows the news (the bot, `whosaid add`); absent elsewhere. */
  live?: LiveCoverage;
}

/** What commands may ask of live coverage. */
export interface LiveCoverage {
  /** Fetches, saves and indexes one article; throws with the reason it cannot. */
  add(url: string): Promise<AddedArticle>;
  /** Each followed feed's health. */
  status(): FeedStatus[];
}

/**
 * A command computes an Answer from its arguments; surfaces only parse input and render output.
 * Adding a command is adding one module to `commands/` and listing it in `commands/index.ts`.
 */
export interface Command {
  name: string;
  description: string;
  options: CommandOption[];
  /** The option that text after the command fills when no `name:` is given (`/search crude methods`). */
  bareOption?: string;
  /**
   * For server managers only: Discord offers it to members with Manage Server (and checks it),
   * and answers privately.
   */
  managersOnly?: boolean;
  run(args: CommandArgs, context: CommandContext): Answer | Promise<Answer>;
}

/** Discord answers are private unless asked for; the shell and CLI accept and ignore it. */
export const publicOption: CommandOption = {
  name: "public",
  description: "Post the answer in the channel for everyone (default: only you see it)",
  type: "boolean",
  discordOnly: true,
};

/**
 * `/quote speaker:<speaker> [about:<about>] [page:<page>]`. Options that only Discord acts on (`public`) are
 * left out unless `discord` is set: the shell and the command line accept and ignore them.
 */
export function usage(command: Command, { discord = false } = {}): string {
  const shown = command.options.filter((o) => discord || !o.discordOnly);
  const parts = shown.map((o) =>
    o.required ? `${o.name}:<${o.name}>` : `[${o.name}:<${o.name}>]`,
  );
  return `Usage: /${command.name} ${parts.join(" ")}`.trim();
}
