/**
 * The Discord settings, checked before anything connects: one clear line per problem. The token
 * is a secret: no message here ever contains it, whatever is wrong with it.
 */

import { discordSettings, type Env, type Settings } from "../config.ts";

export interface DiscordSettings {
  token: string;
  clientId: string;
  /** Register commands to this guild (instant) instead of globally. */
  guildId: string | null;
  /** REST base URL instead of Discord's own, e.g. a REST proxy or a local stand-in. */
  apiUrl: string | null;
}

export type SettingsResult =
  | { ok: true; settings: DiscordSettings }
  | { ok: false; problems: string[] };

const SNOWFLAKE = /^\d{17,20}$/;
// Bot tokens are three base64url parts: the bot's id, a timestamp, an HMAC.
const TOKEN = /^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;

/** The Discord settings of an environment, checked: what `npm run deploy` reads. */
export function readDiscordSettings(env: Env): SettingsResult {
  return checkDiscordSettings(discordSettings(env));
}

/** Checks the Discord settings as `readSettings` read them (see config.ts). */
export function checkDiscordSettings(discord: Settings["discord"]): SettingsResult {
  const problems: string[] = [];
  const value = (v: string | null) => v?.trim() || null;

  const token = value(discord.token);
  if (!token) {
    problems.push(
      "DISCORD_TOKEN is not set: copy the token from the Bot page of your application.",
    );
  } else if (/^bot\s/i.test(token)) {
    problems.push('DISCORD_TOKEN starts with "Bot ": set the token alone, without the prefix.');
  } else if (/^["']|["']$/.test(token)) {
    problems.push("DISCORD_TOKEN is wrapped in quote marks inside its value: remove them.");
  } else if (!TOKEN.test(token)) {
    problems.push(
      "DISCORD_TOKEN does not look like a bot token (three parts separated by dots); " +
        "copy it again from the Bot page (Reset Token). It is not shown here.",
    );
  }

  const clientId = value(discord.clientId);
  if (!clientId) {
    problems.push(
      "DISCORD_CLIENT_ID is not set: copy the Application ID from the General Information page.",
    );
  } else if (!SNOWFLAKE.test(clientId)) {
    problems.push(`DISCORD_CLIENT_ID "${clientId}" is not an application id (17 to 20 digits).`);
  }

  const guildId = value(discord.guildId);
  if (guildId && !SNOWFLAKE.test(guildId)) {
    problems.push(
      `DISCORD_GUILD_ID "${guildId}" is not a server id (17 to 20 digits); leave it empty to register globally.`,
    );
  }

  const apiUrl = value(discord.apiUrl);
  if (apiUrl && !/^https?:\/\/[^\s/]+/i.test(apiUrl)) {
    problems.push(`DISCORD_API_URL "${apiUrl}" is not an http(s) URL.`);
  }

  if (problems.length > 0 || !token || !clientId) return { ok: false, problems };
  return {
    ok: true,
    settings: { token, clientId, guildId, apiUrl: apiUrl?.replace(/\/+$/, "") ?? null },
  };
}

/** Replaces every occurrence of the token in a line about to be logged. */
export function redact(text: string, token: string): string {
  return token.length >= 8 ? text.split(token).join("[token]") : text;
}
