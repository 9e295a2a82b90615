import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import { type Command, type CommandOption, publicOption } from "../command.ts";

/** A message context-menu entry that runs a command with the message's text as one option. */
export interface MessageMenu {
  /** As shown in Discord's "Apps" menu. */
  name: string;
  command: string;
  option: string;
}

export const MESSAGE_MENUS: MessageMenu[] = [
  { name: "Find source", command: "find-source", option: "text" },
];

/** The option every slash command gets so its answer can go to the channel instead of only you. */
export const PUBLIC_OPTION = publicOption.name;

export type ApplicationCommandJSON =
  | RESTPostAPIChatInputApplicationCommandsJSONBody
  | RESTPostAPIContextMenuApplicationCommandsJSONBody;

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/**
 * A command as Discord registers it. Required options come first (Discord's rule), and a
 * `public` option is added unless the command declares its own.
 */
export function slashCommand(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  checkName(command.name, `command /${command.name}`);
  const options = [...command.options].sort((a, b) => Number(!!b.required) - Number(!!a.required));
  const json = options.map((o) => option(command, o));
  // A managers' command always answers privately, so it offers no `public` option.
  if (!command.managersOnly && !command.options.some((o) => o.name === PUBLIC_OPTION)) {
    json.push(option(command, publicOption));
  }
  if (json.length > 25)
    throw new Error(`/${command.name} has ${json.length} options; Discord allows 25.`);
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: describe(command.description, `/${command.name}`),
    options: json,
    // Offered only to members who can manage the server, and only in servers.
    ...(command.managersOnly
      ? {
          default_member_permissions: String(PermissionFlagsBits.ManageGuild),
          contexts: [InteractionContextType.Guild],
        }
      : {}),
  };
}

export function messageCommand(
  menu: MessageMenu,
): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  if (menu.name.length < 1 || menu.name.length > 32) {
    throw new Error(`Menu name "${menu.name}" must be 1 to 32 characters.`);
  }
  return { type: ApplicationCommandType.Message, name: menu.name };
}

/** Everything to register: a slash command per command, and the menus whose command exists. */
export function applicationCommands(
  commands: Command[],
  menus: MessageMenu[] = MESSAGE_MENUS,
): ApplicationCommandJSON[] {
  const names = new Set(commands.map((c) => c.name));
  return [
    ...commands.map(slashCommand),
    ...menus.filter((m) => names.has(m.command)).map(messageCommand),
  ];
}

function option(command: Command, o: CommandOption): APIApplicationCommandOption {
  checkName(o.name, `option ${o.name} of /${command.name}`);
  const base = {
    name: o.name,
    description: describe(o.description, `option ${o.name} of /${command.name}`),
    required: !!o.required,
  };
  switch (o.type) {
    case "string":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(o.autocomplete ? { autocomplete: true } : {}),
        ...(o.maxLength ? { max_length: Math.min(6000, Math.max(1, o.maxLength)) } : {}),
      };
    case "integer":
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(o.minValue !== undefined ? { min_value: o.minValue } : {}),
        ...(o.maxValue !== undefined ? { max_value: o.maxValue } : {}),
      };
    case "boolean":
      return { ...base, type: ApplicationCommandOptionType.Boolean };
  }
}

function checkName(name: string, what: string): void {
  if (!NAME.test(name)) {
    throw new Error(
      `The ${what} is not a valid Discord name (1-32 lowercase letters, digits, - or _).`,
    );
  }
}

/** Discord wants 1 to 100 characters; longer help text is cut rather than refused. */
function describe(text: string, what: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new Error(`The ${what} needs a description.`);
  return trimmed.length <= 100 ? trimmed : `${trimmed.slice(0, 99)}…`;
}
