import { Client, GatewayIntentBits } from "discord.js";
import { NO_MENTIONS } from "./deps.ts";

/**
 * The discord.js client: the Guilds intent only (slash commands need no privileged intent), no
 * mention parsed unless a message asks, and a REST base URL of our choosing when given.
 */
export function createClient(options: { apiUrl?: string | null } = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
}
