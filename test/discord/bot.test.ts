import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/discord/bot.ts";
import { TEXTS } from "../../src/discord/deps.ts";
import { LONG_QUOTE, library, testCommands } from "./fixtures.ts";
import { buttonId, buttons, embedOf, type Harness, startHarness } from "./harness.ts";
import { user } from "./standin/payloads.ts";
import { Standin } from "./standin/server.ts";

const EPHEMERAL = 64;

describe("the bot answers through the real discord.js client and the stand-in", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  it("logs in with the Guilds intent only and parses no mentions by default", () => {
    const identify = h.standin.received.find((f) => f.op === 2)?.d as
      | { intents: number }
      | undefined;
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds);
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [] });
    expect(h.bot.client.user.id).toBe(h.standin.bot.id);
  });

  it("answers /quote with the quote, the speaker and cue, and the citation, only to the asker", async () => {
    const sent = h.standin.slash("quote", { speaker: "Jane Doe" });
    const { callbackType, message } = await h.standin.awaitResponse(sent);
    expect(callbackType).toBe(4);
    expect(message?.flags).toBe(EPHEMERAL);
    const callback = h.standin.requests.find((r) => r.path.includes(sent.id));
    const data = (callback?.body as { data?: Record<string, unknown> } | undefined)?.data;
    expect(data?.allowed_mentions).toEqual({ parse: [] });
    expect(data?.embeds).toEqual([
      {
        title: "Jane Doe: 4 quotes",
        description: [
          "> the budget was misused",
          "— **Jane Doe** told reporters (“spokeswoman Jane Doe”) · denial · paraphrase",
          "",
          "[Ministry rejects \\*claims\\* about the \\_budget\\_](https://example.com/news/a1) · Daily Planet · 2024-05-01 · ¶1",
        ].join("\n"),
        color: 0x8b5cf6,
        footer: { text: "Result 1 of 4 · a1 ¶1" },
        fields: [
          {
            name: "In context",
            value:
              "The ministry has rejected claims that the budget was misused, spokeswoman Jane Doe told reporters on Monday.",
          },
        ],
      },
    ]);
    expect(buttons(message).map((b) => [b.label, b.disabled])).toEqual([
      ["◀", true],
      ["▶", false],
      ["Share", false],
      ["Open article", undefined],
    ]);
    // The article's source opens from a link button; the others carry signed ids.
    expect(buttons(message).at(-1)).toMatchObject({ style: 5, url: "https://example.com/news/a1" });
    for (const b of buttons(message).slice(0, -1))
      expect(b.custom_id?.length).toBeLessThanOrEqual(100);
  });

  it("answers in the channel with public:true, without a Share button", async () => {
    const sent = h.standin.slash("quote", { speaker: "Smith", public: true });
    const { message } = await h.standin.awaitResponse(sent);
    expect(message?.flags).toBe(0);
    expect(embedOf(message).title).toBe("John Smith: 2 quotes");
    expect(buttons(message).map((b) => b.label)).toEqual(["◀", "▶"]);
  });

  it("pages with ◀ ▶ by editing the same reply", async () => {
    const first = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Doe" }));
    const original = first.message;
    const next = await h.standin.awaitResponse(h.standin.click(original, buttonId(original, "▶")));
    expect(next.callbackType).toBe(7);
    expect(next.message?.id).toBe(original?.id);
    expect(embedOf(next.message).footer?.text).toBe("Result 2 of 4 · a1 ¶2");
    expect(embedOf(next.message).description).toContain(
      "> We reject these baseless claims entirely",
    );
    const back = await h.standin.awaitResponse(
      h.standin.click(next.message, buttonId(next.message, "◀")),
    );
    expect(back.message?.id).toBe(original?.id);
    expect(embedOf(back.message).footer?.text).toBe("Result 1 of 4 · a1 ¶1");
  });

  it("lets only the asker page a public answer", async () => {
    const shown = await h.standin.awaitResponse(
      h.standin.slash("quote", { speaker: "Smith", public: true }),
    );
    const other = user("bystander");
    const click = h.standin.click(shown.message, buttonId(shown.message, "▶"), other);
    const { message } = await h.standin.awaitResponse(click);
    expect(message?.flags).toBe(EPHEMERAL);
    expect(embedOf(message).description).toBe(TEXTS.notOwner(h.standin.user.id));
    expect(h.standin.messages.get(shown.message?.id ?? "")?.edited_timestamp).toBeNull();
  });

  it("Share posts the shown passage with its citation as a public message saying who shared it", async () => {
    const first = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Doe" }));
    const page2 = await h.standin.awaitResponse(
      h.standin.click(first.message, buttonId(first.message, "▶")),
    );
    const shared = await h.standin.awaitResponse(
      h.standin.click(page2.message, buttonId(page2.message, "Share")),
    );
    expect(shared.callbackType).toBe(4);
    expect(shared.message?.flags).toBe(0);
    expect(shared.message?.id).not.toBe(first.message?.id);
    expect(shared.message?.content).toBe(`Shared by <@${h.standin.user.id}>`);
    const embed = embedOf(shared.message);
    expect(embed.description).toContain("> We reject these baseless claims entirely");
    expect(embed.description).toContain("Daily Planet · 2024-05-01 · ¶2");
    expect(embed.footer?.text).toBe("Shared from whosaid · a1 ¶2");
    expect(shared.message?.components).toEqual([]);
    expect(shared.message?.mentions).toEqual([]);
  });

  it("Share from anyone but the user the answer was for is refused, and nothing is posted", async () => {
    const shown = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Doe" }));
    const posted = h.standin.messages.size;
    const other = user("bystander");
    const click = h.standin.click(shown.message, buttonId(shown.message, "Share"), other);
    const { message } = await h.standin.awaitResponse(click);
    expect(message?.flags).toBe(EPHEMERAL);
    expect(embedOf(message).description).toBe(TEXTS.notYoursToShare(h.standin.user.id));
    // Only the refusal, private to the presser, was added.
    expect(h.standin.messages.size).toBe(posted + 1);
  });

  it("sends @everyone and <@id> in a quote with no mentions parsed, so nobody is pinged", async () => {
    const sent = h.standin.slash("quote", { speaker: "Doe", about: "everyone report rumours" });
    const shown = await h.standin.awaitResponse(sent);
    expect(embedOf(shown.message).description).toContain("@everyone should read the report");
    // The user id in the quote is shown as text, not rendered as a mention.
    expect(embedOf(shown.message).description).toContain("\\<@123456789012345678>");
    expect(embedOf(shown.message).description).toContain("\\*\\*anyone\\*\\*");
    const shared = await h.standin.awaitResponse(
      h.standin.click(shown.message, buttonId(shown.message, "Share")),
    );
    expect(shared.message?.allowed_mentions).toEqual({ parse: [] });
    expect(shared.message?.mention_everyone).toBe(false);
    expect(shared.message?.mentions).toEqual([]);
    const sends = h.standin.requests.filter(
      (r) =>
        (r.method === "POST" || r.method === "PATCH") && /callback|webhooks|messages/.test(r.path),
    );
    for (const r of sends) {
      const body = r.body as {
        type?: number;
        data?: { allowed_mentions?: unknown };
        allowed_mentions?: unknown;
      };
      if (body.type === 8 || body.type === 5 || body.type === 6) continue;
      expect(body.data?.allowed_mentions ?? body.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it("autocompletes speakers by name and alias, and articles, within Discord's limits", async () => {
    const mayor = await h.standin.awaitResponse(
      h.standin.autocomplete("quote", { speaker: "mayor" }, "speaker"),
    );
    expect(mayor.callbackType).toBe(8);
    expect(mayor.choices).toEqual([
      { name: "John Smith (the mayor) · 2 quotes", value: "John Smith" },
    ]);

    const panel = await h.standin.awaitResponse(
      h.standin.autocomplete("quote", { speaker: "panel" }, "speaker"),
    );
    expect(panel.choices).toHaveLength(25);
    for (const c of panel.choices ?? []) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }

    const article = await h.standin.awaitResponse(
      h.standin.autocomplete("article", { id: "council" }, "id"),
    );
    expect(article.choices).toEqual([
      { name: "Council approves budget · Metro News", value: "a2" },
    ]);
  });

  it("shortens a long quote at a word boundary and shows the rest with Show full", async () => {
    const shown = await h.standin.awaitResponse(
      h.standin.slash("quote", { speaker: "Doe", about: "district figure published full" }),
    );
    const description = embedOf(shown.message).description ?? "";
    expect(description).toMatch(/ in full, district \d+…\n|\w…\n/);
    const full = h.standin.click(shown.message, buttonId(shown.message, "Show full"));
    const first = await h.standin.awaitResponse(full);
    expect(first.message?.flags).toBe(EPHEMERAL);
    const rest = await h.standin.awaitFollowUps(full, 1);
    const text = [first.message, ...rest]
      .map((m) => embedOf(m).description ?? "")
      .join(" ")
      .replace(/\n?> /g, " ")
      .replace(/\s+/g, " ");
    expect(text.includes(LONG_QUOTE)).toBe(true);
  });

  it("answers a tampered or foreign button id politely, only to the clicker", async () => {
    const shown = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Doe" }));
    const id = buttonId(shown.message, "▶");
    const tampered = id.replace("|1|", "|2|");
    expect(tampered).not.toBe(id);
    const reply = await h.standin.awaitResponse(h.standin.click(shown.message, tampered));
    expect(reply.callbackType).toBe(4);
    expect(reply.message?.flags).toBe(EPHEMERAL);
    expect(embedOf(reply.message).description).toBe(TEXTS.tampered);
    const foreign = await h.standin.awaitResponse(
      h.standin.click(shown.message, "some-other-bot:next"),
    );
    expect(embedOf(foreign.message).description).toBe(TEXTS.tampered);
  });

  it("turns a throwing handler into an ephemeral error id, logs the stack, and keeps serving", async () => {
    const failed = await h.standin.awaitResponse(h.standin.slash("boom"));
    expect(failed.message?.flags).toBe(EPHEMERAL);
    const id = /error id `([0-9a-f]{8})`/.exec(embedOf(failed.message).description ?? "")?.[1];
    expect(id).toBeDefined();
    const logged = h.logs.find((l) => l.includes(`[error ${id}]`));
    expect(logged).toContain("/boom");
    expect(logged).toContain("Error: the engine fell over");
    expect(logged).toMatch(/fixtures\.ts:\d+/);
    const next = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Smith" }));
    expect(embedOf(next.message).title).toBe("John Smith: 2 quotes");
  });

  it("retries a REST request after a 429, waiting retry_after", async () => {
    h.standin.rateLimitOnce("POST", /^\/interactions\/\d+\/[^/]+\/callback$/, 0.3);
    const sent = h.standin.slash("quote", { speaker: "Smith" });
    const { message } = await h.standin.awaitResponse(sent);
    expect(embedOf(message).title).toBe("John Smith: 2 quotes");
    const tries = h.standin.requests.filter((r) => r.path.includes(sent.id));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect((tries[1]?.at ?? 0) - (tries[0]?.at ?? 0)).toBeGreaterThanOrEqual(300);
    expect(h.logs.some((l) => l.startsWith("warn Rate limited"))).toBe(true);
  });

  it("survives the gateway dropping the connection: it resumes and answers the next command", async () => {
    const identifies = h.standin.identifies;
    h.standin.dropConnection(4000);
    // An interaction sent while the connection is down is replayed on RESUME.
    const during = h.standin.slash("quote", { speaker: "Smith" });
    await h.standin.until(() => h.standin.resumes === 1 && h.standin.connected, 5000);
    expect(h.standin.identifies).toBe(identifies);
    expect(embedOf((await h.standin.awaitResponse(during)).message).title).toBe(
      "John Smith: 2 quotes",
    );
    const after = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Doe" }));
    expect(embedOf(after.message).title).toBe("Jane Doe: 4 quotes");
  });

  it("finds the source of a quoted message from the message menu", async () => {
    const posted = h.standin.userMessage(
      'Doe said: "We reject these baseless claims entirely, and we will publish every figure"',
    );
    const { message } = await h.standin.awaitResponse(
      h.standin.messageCommand("Find source", posted),
    );
    expect(message?.flags).toBe(EPHEMERAL);
    const embed = embedOf(message);
    expect(embed.title).toBe("Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2");
    expect(embed.description).toContain("— **Jane Doe** said");
    expect(embed.fields?.find((f) => f.name === "Details")?.value).toContain("Exact wording");
  });

  it("reads a message for its words, without mentions, links or formatting", async () => {
    const posted = h.standin.userMessage(
      "<@123456789012345678> **We reject these baseless claims** <:fire:987654321098765432> entirely https://example.invalid/x",
    );
    const { message } = await h.standin.awaitResponse(
      h.standin.messageCommand("Find source", posted),
    );
    expect(embedOf(message).title).toBe("Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2");
    const typed = await h.standin.awaitResponse(
      h.standin.slash("find-source", {
        text: "We reject these <@123456789012345678> baseless claims",
      }),
    );
    expect(embedOf(typed.message).title).toBe(
      "Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2",
    );
  });

  it("tells the user politely about a command it does not know", async () => {
    const { message } = await h.standin.awaitResponse(h.standin.slash("retired"));
    expect(message?.flags).toBe(EPHEMERAL);
    expect(embedOf(message).description).toBe(TEXTS.unknownCommand("/retired"));
  });

  it("never sent anything Discord would refuse", () => {
    expect(h.standin.refusals).toEqual([]);
  });
});

describe("slow answers and floods", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      standin: { ackDeadlineMs: 400 },
      bot: { deferAfterMs: 100, cooldown: { limit: 3, windowMs: 60_000 } },
    });
  });

  afterAll(async () => {
    await h.close();
  });

  it("defers an answer that takes longer than the deadline allows, then edits it in", async () => {
    const sent = h.standin.slash("slow", { ms: 700 });
    const { callbackType, message } = await h.standin.awaitResponse(sent);
    expect(callbackType).toBe(5);
    expect(sent.callbacks[0]?.at ?? Infinity).toBeLessThan(sent.sentAt + 400);
    expect(embedOf(message).title).toBe("Worth the wait");
    expect(message?.flags).toBe(EPHEMERAL);
    const edit = h.standin.requests.find(
      (r) => r.method === "PATCH" && r.path.includes(sent.token),
    );
    expect(edit?.status).toBe(200);
  });

  it("answers a fast command without deferring", async () => {
    const sent = h.standin.slash("quote", { speaker: "Smith" });
    expect((await h.standin.awaitResponse(sent)).callbackType).toBe(4);
  });

  it("stops a flood from one user with a clear message, and not other users", async () => {
    const flooder = user("flooder");
    for (let i = 0; i < 3; i++) {
      const ok = await h.standin.awaitResponse(
        h.standin.slash("quote", { speaker: "Smith" }, flooder),
      );
      expect(embedOf(ok.message).title).toBe("John Smith: 2 quotes");
    }
    const stopped = await h.standin.awaitResponse(
      h.standin.slash("quote", { speaker: "Smith" }, flooder),
    );
    expect(stopped.message?.flags).toBe(EPHEMERAL);
    expect(embedOf(stopped.message).description).toMatch(
      /^You're asking faster than I can keep up with\. Try again in \d+ s\.$/,
    );
    const other = await h.standin.awaitResponse(
      h.standin.slash("quote", { speaker: "Smith" }, user("calm")),
    );
    expect(embedOf(other.message).title).toBe("John Smith: 2 quotes");
  });

  it("never sent anything Discord would refuse", () => {
    expect(h.standin.refusals).toEqual([]);
  });
});

describe("logging in", () => {
  it("fails with a clear message, and without the token, when Discord refuses the token", async () => {
    const standin = await new Standin().listen();
    const wrong = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.this-is-the-wrong-token-value";
    const logs: string[] = [];
    const log = {
      info: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
      error: (m: string) => logs.push(m),
    };
    try {
      const failure = await startBot({
        token: wrong,
        apiUrl: standin.apiUrl,
        library,
        commands: testCommands,
        log,
      }).catch((e: unknown) => e);
      expect(String(failure)).toMatch(
        /^Error: Could not log in to Discord: An invalid token was provided/,
      );
      expect(String(failure)).not.toContain(wrong);
      expect(logs.join("\n")).not.toContain(wrong);
    } finally {
      await standin.close();
    }
  });
});
