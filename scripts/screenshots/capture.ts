import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../../commands/index.ts";
import { startBot } from "../../src/discord/bot.ts";
import { openLibrary } from "../../src/library/open-library.ts";
import type { Message } from "../../test/discord/standin/payloads.ts";
import { type InteractionRecord, Standin } from "../../test/discord/standin/server.ts";
import type { Scene } from "./discord-page.ts";

const SEEDS = fileURLToPath(new URL("../../data", import.meta.url));

/** A misquote of Peskov's words in the TASS seed, as someone might post it: close, not exact. */
export const MISQUOTE =
  "Peskov says “the United States has been using crude intelligence methods to recruit Russian citizens by putting pressure on them”";

export interface Captured {
  scenes: Scene[];
  /** User ids to names, for the mentions in the messages. */
  users: Map<string, string>;
}

/**
 * Runs the real bot (discord.js, the real commands, the seed articles) against the local Discord
 * stand-in on 127.0.0.1 and records the messages it sends for each scene the README shows.
 */
export async function captureScenes(dataDir = SEEDS): Promise<Captured> {
  const indexDir = await mkdtemp(join(tmpdir(), "whosaid-screenshots-"));
  const handle = await openLibrary({ dataDir, indexDir, log: () => undefined });
  const standin = await new Standin().listen();
  const bot = await startBot({
    token: standin.token,
    clientId: standin.appId,
    apiUrl: standin.apiUrl,
    library: handle.library,
    commands,
    log: { info: () => undefined, warn: () => undefined, error: (m) => console.error(m) },
    cooldown: false,
  });
  const by = standin.user.username;
  const reply = async (record: InteractionRecord): Promise<Message> => {
    const response = await standin.awaitResponse(record);
    if (!response.message) throw new Error(`no message in reply to interaction ${record.id}`);
    return response.message;
  };
  const button = (message: Message, label: string): string => {
    const rows = message.components as { components: { label?: string; custom_id?: string }[] }[];
    const id = rows.flatMap((r) => r.components).find((b) => b.label === label)?.custom_id;
    if (!id) throw new Error(`no "${label}" button on the message`);
    return id;
  };
  try {
    const quote = await reply(standin.slash("quote", { speaker: "Peskov" }));

    // /who over an allegation the seeds also report denied: the answer pages to the denial.
    const claim = "Russia seeks to push its foreign policy abroad in increasingly aggressive ways";
    const whoFirst = await reply(standin.slash("who", { claim }));
    const denial = await reply(standin.click(whoFirst, button(whoFirst, "▶")));

    const posted = standin.userMessage(MISQUOTE);
    const source = await reply(standin.messageCommand("Find source", posted));

    const shared = await reply(standin.click(quote, button(quote, "Share")));

    const scenes: Scene[] = [
      {
        id: "quote-peskov",
        caption:
          "`/quote speaker:Peskov`: each quote with its reporting words, context and citation.",
        entries: [{ message: quote, used: { by, what: "/quote speaker:Peskov" } }],
      },
      {
        id: "who-denial",
        caption:
          "`/who`: the accuser first, then (▶) who denied it, each with the article's words.",
        entries: [{ message: denial, used: { by, what: `/who claim:${claim}` } }],
      },
      {
        id: "find-source-close",
        caption:
          "Apps → Find source on a misquote: close wording, with the difference word by word.",
        entries: [{ message: posted }, { message: source, used: { by, what: "Find source" } }],
      },
      {
        id: "shared-passage",
        caption: "Share posts the quote shown, with its citation, in the channel.",
        entries: [{ message: shared }],
      },
    ];
    const users = new Map([
      [standin.user.id, standin.user.username],
      [standin.bot.id, standin.bot.username],
    ]);
    return { scenes, users };
  } finally {
    await bot.stop();
    await standin.close();
    await handle.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}
