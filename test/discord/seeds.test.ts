import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { buttonId, buttons, embedOf, type Harness, startHarness } from "./harness.ts";
import type { Message } from "./standin/payloads.ts";
import type { InteractionRecord } from "./standin/server.ts";

/**
 * End to end over the real engine: the seed articles in data/, the real command registry, the
 * real discord.js client, and the stand-in for Discord.
 */

const DATA = fileURLToPath(new URL("../../data", import.meta.url));

/** The questions of the seeds' answer key, with the speaker each must name first. */
const WHO: [string, string][] = [
  ["Who accused Russia of trying to interfere in the US presidential election?", "Washington"],
  [
    "Who said Russia pushes its foreign policy abroad in increasingly aggressive ways?",
    "Andrew Parker",
  ],
  ["who called the allegations unfounded and baseless", "Dmitry Peskov"],
  ["Who reported that US secret services tried to recruit Deripaska?", "The New York Times"],
  ["who said the claims are meant to divert voters' attention", "Vladimir Putin"],
  ["who said such speculations were wrong", "Oleg Deripaska"],
  ["who said it is MI5's job to get in the way", "Andrew Parker"],
];

const QUOTE: [string, string][] = [
  ["Peskov", "Dmitry Peskov"],
  ["Parker", "Andrew Parker"],
  ["Kremlin spokesman", "Dmitry Peskov"],
  ["MI5 chief", "Andrew Parker"],
];

/** The first name in bold in an answer: the speaker it puts first. */
function firstSpeaker(message: Message | null): string | undefined {
  return /\*\*(.+?)\*\*/.exec(embedOf(message).description ?? "")?.[1];
}

describe("the bot over the seed corpus and the real engine", () => {
  let h: Harness;
  let handle: LibraryHandle;
  let indexDir: string;

  beforeAll(async () => {
    indexDir = await mkdtemp(join(tmpdir(), "whosaid-discord-"));
    handle = await openLibrary({ dataDir: DATA, indexDir, log: () => undefined });
    h = await startHarness({ library: handle.library, commands: commands });
  });

  afterAll(async () => {
    await h.close();
    await handle.close();
    await rm(indexDir, { recursive: true, force: true });
  });

  /** Every page of an answer, clicking ▶ until it is disabled. */
  async function allPages(sent: InteractionRecord): Promise<Message[]> {
    let shown = (await h.standin.awaitResponse(sent)).message;
    const pages: Message[] = shown ? [structuredClone(shown)] : [];
    while (shown && buttons(shown).some((b) => b.label === "▶" && !b.disabled)) {
      shown = (await h.standin.awaitResponse(h.standin.click(shown, buttonId(shown, "▶")))).message;
      if (shown) pages.push(structuredClone(shown));
    }
    return pages;
  }

  it("/quote speaker:Peskov pages through Peskov's quotes with citations, and no one else's", async () => {
    const pages = await allPages(h.standin.slash("quote", { speaker: "Peskov" }));
    expect(pages.length).toBeGreaterThan(3);
    const text = pages.map((p) => embedOf(p).description ?? "").join("\n");
    for (const page of pages) {
      const description = embedOf(page).description ?? "";
      expect(firstSpeaker(page)).toBe("Dmitry Peskov");
      expect(description).toMatch(/· (TASS|Press TV) · ([^·\n]+ · )?¶\d+/);
    }
    expect(text).toContain("crude intelligence methods");
    expect(text).toContain("unfounded allegations");
    expect(text).not.toContain("**Andrew Parker**");
  });

  it("names the right speaker first for each /quote of the answer key", async () => {
    for (const [speaker, expected] of QUOTE) {
      const { message } = await h.standin.awaitResponse(h.standin.slash("quote", { speaker }));
      expect(firstSpeaker(message), speaker).toBe(expected);
    }
  });

  it("/who answers every question of the answer key with the right first speaker", async () => {
    for (const [claim, expected] of WHO) {
      const { message } = await h.standin.awaitResponse(h.standin.slash("who", { claim }));
      expect(firstSpeaker(message), claim).toBe(expected);
    }
  });

  it("/who says in words when nobody is reported making a claim, and labels what it shows", async () => {
    const { message } = await h.standin.awaitResponse(
      h.standin.slash("who", { claim: "Andrew Parker said Russia is no threat to Britain" }),
    );
    const embed = embedOf(message);
    expect(embed.title).toBe("Nobody in the coverage is reported saying that");
    expect(embed.description).toContain("Andrew Parker is not reported saying this");
    expect(embed.description).toContain("related, not the claim");
  });

  it("autocomplete offers Dmitry Peskov for pes and for kreml", async () => {
    for (const typed of ["pes", "kreml"]) {
      const { choices } = await h.standin.awaitResponse(
        h.standin.autocomplete("quote", { speaker: typed }, "speaker"),
      );
      // "kreml" is also the Kremlin itself, which "dismissed the charges".
      expect(
        choices?.map((c) => c.value),
        typed,
      ).toContain("Dmitry Peskov");
    }
    const { choices } = await h.standin.awaitResponse(
      h.standin.autocomplete("article", { id: "mi5" }, "id"),
    );
    expect(choices).toEqual([
      {
        name: "Moscow rejects MI5 chief's claims about Russia · Press TV",
        value: "004_455c79d58281e11a",
      },
    ]);
  });

  it("Find source on a message quoting Peskov names him, and pings nobody", async () => {
    const posted = h.standin.userMessage(
      '@everyone the Kremlin said "We cannot take any of these unfounded allegations into account"',
    );
    const { message } = await h.standin.awaitResponse(
      h.standin.messageCommand("Find source", posted),
    );
    expect(embedOf(message).title).toBe("Dmitry Peskov: exact wording, Press TV ¶3");
    expect(firstSpeaker(message)).toBe("Dmitry Peskov");
    expect(message?.allowed_mentions).toEqual({ parse: [] });
    expect(message?.mention_everyone).toBe(false);
  });

  it("Share posts the shown quote with its citation into the channel", async () => {
    const shown = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "MI5 chief" }));
    const shared = await h.standin.awaitResponse(
      h.standin.click(shown.message, buttonId(shown.message, "Share")),
    );
    expect(shared.message?.flags).toBe(0);
    expect(shared.message?.content).toBe(`Shared by <@${h.standin.user.id}>`);
    expect(embedOf(shared.message).description).toContain(
      "Moscow rejects MI5 chief's claims about Russia · Press TV · ¶",
    );
  });

  it("keeps every response of every command within Discord's limits, on the seeds and on hostile input", async () => {
    const hostile = [
      "x".repeat(10_000),
      "((((.*+?[]{}|\\^$ ".repeat(300),
      "@everyone <@123456789012345678> **bold** `code` ".repeat(100),
      "Peskov ".repeat(1000),
      "",
      "   ",
    ];
    const asks: [string, Record<string, string | boolean>][] = [
      ["help", {}],
      ["articles", {}],
      ["speakers", {}],
      ["article", { id: "000_0d28011d82771a06" }],
      ["search", { query: "crude intelligence methods" }],
      ["search", { query: "Russia", outlet: "Press TV", public: true }],
      ["find-source", { text: "crude intelligence methods trying to recruit Russian citizens" }],
    ];
    // Every registered command, each of its text options filled with the hostile text: a new
    // command is covered without being named here.
    for (const text of hostile) {
      for (const command of commands) {
        const values = Object.fromEntries(
          command.options.filter((o) => o.type === "string").map((o) => [o.name, text]),
        );
        asks.push([command.name, values]);
      }
    }
    for (const [name, values] of asks) {
      const pages = await allPages(h.standin.slash(name, values));
      expect(pages.length, `/${name}`).toBeGreaterThan(0);
      const full = pages.find((p) => buttons(p).some((b) => b.label === "Show full"));
      if (full) await h.standin.awaitResponse(h.standin.click(full, buttonId(full, "Show full")));
    }
    for (const typed of hostile) {
      await h.standin.awaitResponse(h.standin.autocomplete("quote", { speaker: typed }, "speaker"));
      await h.standin.awaitResponse(h.standin.autocomplete("article", { id: typed }, "id"));
    }
    expect(h.standin.refusals).toEqual([]);
    expect(h.logs.filter((l) => l.startsWith("error"))).toEqual([]);
  });
});
