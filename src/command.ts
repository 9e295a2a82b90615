import type { Answer } from "./answer.ts";
import type { Library } from "./library.ts";

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

export interface CommandContext {
  library: Library;
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
  run(args: CommandArgs, context: CommandContext): Answer | Promise<Answer>;
}

/** Discord answers are private unless asked for; the shell and CLI accept and ignore it. */
export const publicOption: CommandOption = {
  name: "public",
  description: "Post the answer in the channel for everyone (default: only you see it)",
  type: "boolean",
};
