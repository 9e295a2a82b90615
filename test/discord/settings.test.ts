import { describe, expect, it } from "vitest";
import { readSettings } from "../../src/config.ts";
import { cooldownMessage, createCooldown } from "../../src/discord/cooldown.ts";
import { checkDiscordSettings, readDiscordSettings, redact } from "../../src/discord/settings.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";

describe("Discord settings are checked with one clear message per problem", () => {
  it("accepts a complete configuration", () => {
    const result = readDiscordSettings({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: "123456789012345678",
      DISCORD_GUILD_ID: "",
      DISCORD_API_URL: "http://127.0.0.1:8080/api/",
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        token: TOKEN,
        clientId: "123456789012345678",
        guildId: null,
        apiUrl: "http://127.0.0.1:8080/api",
      },
    });
  });

  it("checks the settings the bot read, as deploy checks the environment", () => {
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "12345", DISCORD_GUILD_ID: "" };
    const checked = checkDiscordSettings(readSettings(env).discord);
    expect(checked).toEqual(readDiscordSettings(env));
    expect(checked).toEqual({
      ok: false,
      problems: ['DISCORD_CLIENT_ID "12345" is not an application id (17 to 20 digits).'],
    });
  });

  it("names each problem, and never the token", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ DISCORD_CLIENT_ID: "123456789012345678" }, /^DISCORD_TOKEN is not set/],
      [{ DISCORD_TOKEN: TOKEN }, /^DISCORD_CLIENT_ID is not set/],
      [
        { DISCORD_TOKEN: `Bot ${TOKEN}`, DISCORD_CLIENT_ID: "123456789012345678" },
        /starts with "Bot "/,
      ],
      [{ DISCORD_TOKEN: `"${TOKEN}"`, DISCORD_CLIENT_ID: "123456789012345678" }, /quote marks/],
      [
        { DISCORD_TOKEN: "not-a-token-secret-value", DISCORD_CLIENT_ID: "123456789012345678" },
        /does not look like a bot token/,
      ],
      [
        { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "my-bot" },
        /DISCORD_CLIENT_ID "my-bot" is not an application id/,
      ],
      [
        { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "123456789012345678", DISCORD_GUILD_ID: "x" },
        /DISCORD_GUILD_ID "x"/,
      ],
      [
        {
          DISCORD_TOKEN: TOKEN,
          DISCORD_CLIENT_ID: "123456789012345678",
          DISCORD_API_URL: "ftp://x",
        },
        /DISCORD_API_URL/,
      ],
    ];
    for (const [env, message] of cases) {
      const result = readDiscordSettings(env);
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
      expect(problems[0]).not.toContain(TOKEN);
      expect(problems[0]).not.toContain("not-a-token-secret-value");
    }
    const none = readDiscordSettings({});
    expect(none.ok ? [] : none.problems).toHaveLength(2);
  });

  it("redacts the token from anything logged", () => {
    expect(redact(`GET /gateway failed with Bot ${TOKEN}`, TOKEN)).toBe(
      "GET /gateway failed with Bot [token]",
    );
  });
});

describe("per-user cooldown", () => {
  it("allows `limit` interactions per window per user, then says how long to wait", () => {
    let now = 0;
    const cooldown = createCooldown({ limit: 2, windowMs: 10_000, now: () => now });
    expect(cooldown.take("a")).toBe(0);
    now = 1000;
    expect(cooldown.take("a")).toBe(0);
    expect(cooldown.take("b")).toBe(0);
    now = 2000;
    expect(cooldown.take("a")).toBe(8000);
    expect(cooldownMessage(8000)).toBe(
      "You're asking faster than I can keep up with. Try again in 8 s.",
    );
    now = 10_001;
    expect(cooldown.take("a")).toBe(0);
  });
});
