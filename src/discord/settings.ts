/**
 * The Discord settings, checked before anything connects: one clear line per problem. The token
 * is a secret: no message here ever contains it, whatever is wrong with it.
 */

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

export function readDiscordSettings(env: Record<string, string | undefined>): SettingsResult {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : null;
  };

  const token = value("DISCORD_TOKEN");
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

  const clientId = value("DISCORD_CLIENT_ID");
  if (!clientId) {
    problems.push(
      "DISCORD_CLIENT_ID is not set: copy the Application ID from the General Information page.",
    );
  } else if (!SNOWFLAKE.test(clientId)) {
    problems.push(`DISCORD_CLIENT_ID "${clientId}" is not an application id (17 to 20 digits).`);
  }

  const guildId = value("DISCORD_GUILD_ID");
  if (guildId && !SNOWFLAKE.test(guildId)) {
    problems.push(
      `DISCORD_GUILD_ID "${guildId}" is not a server id (17 to 20 digits); leave it empty to register globally.`,
    );
  }

  const apiUrl = value("DISCORD_API_URL");
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
