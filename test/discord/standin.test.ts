import { Client, GatewayIntentBits, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Standin } from "./standin/server.ts";

describe("the stand-in plays Discord for a bare discord.js client", () => {
  let standin: Standin;
  let client: Client;

  beforeAll(async () => {
    standin = await new Standin({ heartbeatIntervalMs: 100, ackDeadlineMs: 300 }).listen();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiUrl } });
    const ready = new Promise((resolve) => client.once("clientReady", resolve));
    await client.login(standin.token);
    await ready;
  });

  afterAll(async () => {
    await client.destroy();
    await standin.close();
  });

  it("logs in, becomes ready with the guild, and gets heartbeats acknowledged", async () => {
    expect(client.user?.id).toBe(standin.bot.id);
    expect(client.guilds.cache.has(standin.guildId)).toBe(true);
    const identify = standin.received.find((f) => f.op === 2)?.d as { intents: number } | undefined;
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds);
    await standin.until(() => standin.received.filter((f) => f.op === 1).length >= 2, 3000);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("delivers an interaction and refuses a second acknowledgement", async () => {
    const errors: unknown[] = [];
    client.once("interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: "pong", flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: "again" });
      await client.rest
        .post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
          body: { type: 4, data: { content: "twice" } },
          auth: false,
        })
        .catch((e: unknown) => errors.push(e));
    });
    const sent = standin.slash("ping");
    const response = await standin.awaitResponse(sent);
    expect(response.message?.content).toBe("pong");
    expect(response.message?.flags).toBe(MessageFlags.Ephemeral);
    await standin.awaitFollowUps(sent);
    await standin.until(() => errors.length === 1);
    expect(String(errors[0])).toMatch(/already been acknowledged/);
  });

  it("refuses a first response that comes after the deadline, as Discord does after 3 s", async () => {
    const errors: unknown[] = [];
    client.once("interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await interaction.reply("too late").catch((e: unknown) => errors.push(e));
    });
    const sent = standin.slash("ping");
    await standin.until(() => errors.length === 1);
    expect(String(errors[0])).toMatch(/Unknown interaction/);
    expect(sent.answered).toBe(false);
    expect(standin.refusals.at(-1)?.problems[0]).toMatch(/^first response after \d+ ms$/);
  });

  it("answers REST requests without the bot token with 401", async () => {
    const response = await fetch(`${standin.apiUrl}/v10/users/@me`);
    expect(response.status).toBe(401);
    const me = await client.rest.get("/users/@me");
    expect(me).toMatchObject({ id: standin.bot.id, bot: true });
  });

  it("takes channel messages within the limits and refuses those over them", async () => {
    const channel = await client.channels.fetch(standin.channelId);
    if (!channel?.isSendable()) throw new Error("the stand-in's channel is not sendable");
    await channel.send({ content: "hello @everyone", allowedMentions: { parse: [] } });
    expect(standin.channelMessages.at(-1)).toMatchObject({
      content: "hello @everyone",
      mention_everyone: false,
    });
    const refused = await channel.send("x".repeat(2001)).catch((e: unknown) => e);
    expect(String(refused)).toMatch(/Invalid Form Body/);
    expect(standin.refusals.at(-1)?.problems).toEqual(["content: 2001 > 2000 characters"]);
  });
});
