import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSource } from "../../commands/find-source.ts";
import { commands } from "../../commands/index.ts";
import { applicationCommands, slashCommand } from "../../src/discord/builders.ts";
import { registerCommands } from "../../src/discord/register.ts";
import { quoteCommand, testCommands } from "./fixtures.ts";
import { Standin } from "./standin/server.ts";

describe("builders: a Command as Discord registers it", () => {
  it("puts required options first, marks autocomplete, and adds a public option", () => {
    expect(slashCommand(quoteCommand)).toEqual({
      type: 1,
      name: "quote",
      description: "What a speaker said",
      options: [
        { type: 3, name: "speaker", description: "Who", required: true, autocomplete: true },
        { type: 3, name: "about", description: "Topic first", required: false },
        {
          type: 5,
          name: "public",
          description: "Post the answer in the channel for everyone (default: only you see it)",
          required: false,
        },
      ],
    });
  });

  it("adds the Find source message menu when its command is present", () => {
    const all = applicationCommands(testCommands);
    expect(all.at(-1)).toEqual({ type: 3, name: "Find source" });
    expect(applicationCommands([quoteCommand]).some((c) => c.type === 3)).toBe(false);
  });

  it("refuses a name Discord would refuse, saying which", () => {
    expect(() => slashCommand({ ...quoteCommand, name: "Quote Me" })).toThrow(/command \/Quote Me/);
  });
});

describe("deploy registers exactly the defined commands", () => {
  let standin: Standin;

  beforeAll(async () => {
    standin = await new Standin().listen();
  });

  afterAll(async () => {
    await standin.close();
  });

  it("to the guild when a guild id is given", async () => {
    const sent = await registerCommands({
      token: standin.token,
      clientId: standin.appId,
      guildId: standin.guildId,
      apiUrl: standin.apiUrl,
      commands: testCommands,
    });
    const put = standin.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${standin.appId}/guilds/${standin.guildId}/commands`);
    expect(put?.status).toBe(200);
    expect(put?.body).toEqual(sent);
    expect(sent).toEqual(applicationCommands(testCommands));
    expect(standin.commands.get(standin.guildId)?.map((c) => c.name)).toEqual([
      "quote",
      "article",
      "boom",
      "slow",
      "find-source",
      "Find source",
    ]);
  });

  it("globally otherwise, with the real registry, which Discord accepts", async () => {
    const registry = commands;
    expect(registry.filter((c) => c.name === findSource.name)).toHaveLength(1);
    await registerCommands({
      token: standin.token,
      clientId: standin.appId,
      apiUrl: standin.apiUrl,
      commands: registry,
    });
    const put = standin.requests.filter((r) => r.method === "PUT").at(-1);
    expect(put?.path).toBe(`/applications/${standin.appId}/commands`);
    expect(put?.problems).toEqual([]);
    const names = standin.commands.get("global")?.map((c) => c.name);
    expect(names).toEqual([...registry.map((c) => c.name), "Find source"]);
  });

  it("fails clearly on a wrong token, without printing it", async () => {
    const wrong = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.wrong-token-wrong-token-wrong";
    const failure = await registerCommands({
      token: wrong,
      clientId: standin.appId,
      apiUrl: standin.apiUrl,
      commands: testCommands,
    }).catch((e: unknown) => e as Error);
    expect(String(failure)).toMatch(/401|Unauthorized/);
    expect(String(failure)).not.toContain(wrong);
  });

  it("runs as `npm run deploy`: settings from the environment, exit code and summary", async () => {
    const script = fileURLToPath(new URL("../../src/discord/deploy.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
    const run = (env: Record<string, string>) =>
      promisify(execFile)(tsx, [script], {
        cwd: tmpdir(),
        env: { PATH: process.env.PATH ?? "", ...env },
      })
        .then((r) => ({ code: 0, ...r }))
        .catch((e: { code: number; stdout: string; stderr: string }) => e);
    const ok = await run({
      DISCORD_TOKEN: standin.token,
      DISCORD_CLIENT_ID: standin.appId,
      DISCORD_GUILD_ID: standin.guildId,
      DISCORD_API_URL: standin.apiUrl,
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^Registered \d+ commands in server \d+: \/quote, .*"Find source"\.\n$/,
    );
    const names = standin.commands.get(standin.guildId)?.map((c) => c.name);
    expect(names).toEqual([...commands.map((c) => c.name), "Find source"]);
    const bad = await run({ DISCORD_TOKEN: "Bot secret-value" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('DISCORD_TOKEN starts with "Bot "');
    expect(bad.stderr).toContain("DISCORD_CLIENT_ID is not set");
    expect(bad.stderr).not.toContain("secret-value");
  });
});
