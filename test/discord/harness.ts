import type { Command } from "../../src/command.ts";
import { type BotHandle, type BotOptions, startBot } from "../../src/discord/bot.ts";
import type { BotLog } from "../../src/discord/deps.ts";
import type { Library } from "../../src/library/api.ts";
import { library as fakeLibrary, testCommands } from "./fixtures.ts";
import type { Message } from "./standin/payloads.ts";
import { Standin, type StandinOptions } from "./standin/server.ts";

export interface Harness {
  standin: Standin;
  bot: BotHandle;
  logs: string[];
  close(): Promise<void>;
}

/** The stand-in plus the real bot (real discord.js client) logged in to it. */
export async function startHarness(
  options: {
    standin?: StandinOptions;
    bot?: Partial<BotOptions>;
    commands?: Command[];
    library?: Library;
  } = {},
): Promise<Harness> {
  const standin = await new Standin(options.standin).listen();
  const logs: string[] = [];
  const log: BotLog = {
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m) => logs.push(`error ${m}`),
  };
  const bot = await startBot({
    token: standin.token,
    clientId: standin.appId,
    apiUrl: standin.apiUrl,
    library: options.library ?? fakeLibrary,
    commands: options.commands ?? testCommands,
    log,
    cooldown: false,
    ...options.bot,
  });
  return {
    standin,
    bot,
    logs,
    async close() {
      await bot.stop();
      await standin.close();
    },
  };
}

interface Button {
  label?: string;
  custom_id?: string;
  disabled?: boolean;
}

export function buttons(message: Message | null): Button[] {
  return ((message?.components ?? []) as { components: Button[] }[]).flatMap(
    (row) => row.components,
  );
}

export function buttonId(message: Message | null, label: string): string {
  const found = buttons(message).find((b) => b.label === label);
  if (!found?.custom_id) throw new Error(`no "${label}" button on the message`);
  return found.custom_id;
}

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}

export function embedOf(message: Message | null): Embed {
  const embed = message?.embeds[0] as Embed | undefined;
  if (!embed) throw new Error("the message has no embed");
  return embed;
}
