import type {
  ChatInputCommandInteraction,
  Message,
  MessageContextMenuCommandInteraction,
} from "discord.js";
import { readArgs } from "../args.ts";
import { PUBLIC_OPTION } from "../builders.ts";
import { type Deps, mayRun, TEXTS } from "../deps.ts";
import { plainText } from "../markdown.ts";
import { respond, tellUser } from "../respond.ts";
import { answerPage } from "./page.ts";

/** `/command option:value`: answered only to the user unless `public:true`. */
export async function onChatInput(
  interaction: ChatInputCommandInteraction,
  deps: Deps,
): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  if (!command) return tellUser(interaction, TEXTS.unknownCommand(`/${interaction.commandName}`));
  if (!mayRun(command, interaction)) return tellUser(interaction, TEXTS.managersOnly(command.name));
  const args = readArgs(interaction.options, command);
  // An option a message menu fills takes a message's text, typed or pasted: read for its words.
  for (const menu of deps.menus.values()) {
    const text = args[menu.option];
    if (menu.command === command.name && typeof text === "string")
      args[menu.option] = plainText(text);
  }
  // A managers' command (/add, /feeds) is answered to them alone.
  const ephemeral = command.managersOnly || interaction.options.getBoolean(PUBLIC_OPTION) !== true;
  await respond(interaction, () => answerPage(deps, command, args, 0, { share: ephemeral }), {
    ephemeral,
    update: false,
    deferAfterMs: deps.deferAfterMs,
  });
}

/** "Apps → Find source" on a message: the message's text fills the command's option. */
export async function onMessageMenu(
  interaction: MessageContextMenuCommandInteraction,
  deps: Deps,
): Promise<void> {
  const menu = deps.menus.get(interaction.commandName);
  const command = menu && deps.commands.get(menu.command);
  if (!menu || !command)
    return tellUser(interaction, TEXTS.unknownCommand(interaction.commandName));
  const args = { [menu.option]: plainText(messageText(interaction.targetMessage)) };
  await respond(interaction, () => answerPage(deps, command, args, 0, { share: true }), {
    ephemeral: true,
    update: false,
    deferAfterMs: deps.deferAfterMs,
  });
}

/** The words of a message: its content, or the text of its embeds when it has none. */
function messageText(message: Message): string {
  if (message.content.trim()) return message.content;
  return message.embeds
    .flatMap((e) => [e.title, e.description, ...e.fields.map((f) => f.value)])
    .filter((t): t is string => !!t)
    .join("\n");
}
