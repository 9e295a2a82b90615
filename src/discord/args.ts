import type { CommandInteractionOptionResolver } from "discord.js";
import type { Command, CommandArgs } from "../command.ts";

type Options = Pick<CommandInteractionOptionResolver, "getString" | "getInteger" | "getBoolean">;

/** The command's own options as the user filled them in; options it does not declare are ignored. */
export function readArgs(options: Options, command: Command): CommandArgs {
  const args: CommandArgs = {};
  for (const option of command.options) {
    const value =
      option.type === "string"
        ? options.getString(option.name)
        : option.type === "integer"
          ? options.getInteger(option.name)
          : options.getBoolean(option.name);
    if (value !== null) args[option.name] = value;
  }
  return args;
}
