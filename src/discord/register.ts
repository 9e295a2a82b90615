import { REST, Routes } from "discord.js";
import type { Command } from "../command.ts";
import { type ApplicationCommandJSON, applicationCommands, type MessageMenu } from "./builders.ts";

export interface RegisterOptions {
  token: string;
  clientId: string;
  /** Register to this guild (instant); globally when absent (can take up to an hour to show). */
  guildId?: string | null;
  apiUrl?: string | null;
  commands: Command[];
  menus?: MessageMenu[];
}

/** Replaces the application's registered commands with exactly these; returns what was sent. */
export async function registerCommands(
  options: RegisterOptions,
): Promise<ApplicationCommandJSON[]> {
  const body = applicationCommands(options.commands, options.menus);
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.clientId, options.guildId)
    : Routes.applicationCommands(options.clientId);
  await rest.put(route, { body });
  return body;
}
