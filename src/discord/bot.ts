import type { Client } from "discord.js";
import type { Command, LiveCoverage } from "../command.ts";
import type { Library } from "../library/api.ts";
import { MESSAGE_MENUS, type MessageMenu } from "./builders.ts";
import { createClient } from "./client.ts";
import { type CooldownOptions, createCooldown } from "./cooldown.ts";
import { createCustomIds } from "./custom-id.ts";
import type { BotLog, Deps } from "./deps.ts";
import { interactionListener } from "./listeners/interaction-create.ts";
import { redact } from "./settings.ts";

export interface BotOptions {
  token: string;
  /** When given, checked against the application the token logs in as. */
  clientId?: string | null;
  /** REST base URL (DISCORD_API_URL); Discord's own when absent. */
  apiUrl?: string | null;
  /** The engine, or a getter when it can be replaced while running. */
  library: Library | (() => Library);
  commands: Command[];
  /** Feeds and links, for /add and /feeds. */
  live?: LiveCoverage;
  log: BotLog;
  menus?: MessageMenu[];
  /** Per-user flood control; `false` turns it off. Default: 10 interactions per 15 s. */
  cooldown?: Omit<CooldownOptions, "now"> | false;
  /** Defer answers not ready after this many ms. Default 1000 (Discord allows 3000). */
  deferAfterMs?: number;
  /** Key for signing button ids; derived from the token by default, so buttons survive restarts. */
  secret?: string;
}

export interface BotHandle {
  client: Client<true>;
  /** Disconnects from Discord; safe to call twice. */
  stop(): Promise<void>;
}

/** Logs in, serves interactions until `stop()`, and resolves once Discord says the bot is ready. */
export async function startBot(options: BotOptions): Promise<BotHandle> {
  const { token } = options;
  const log: BotLog = {
    info: (m) => options.log.info(redact(m, token)),
    warn: (m) => options.log.warn(redact(m, token)),
    error: (m) => options.log.error(redact(m, token)),
  };
  const library = options.library;
  const deps: Deps = {
    library: typeof library === "function" ? library : () => library,
    ...(options.live ? { live: options.live } : {}),
    commands: new Map(options.commands.map((c) => [c.name, c])),
    menus: new Map((options.menus ?? MESSAGE_MENUS).map((m) => [m.name, m])),
    ids: createCustomIds({ secret: options.secret ?? token, commands: options.commands }),
    cooldown:
      options.cooldown === false
        ? null
        : createCooldown(options.cooldown ?? { limit: 10, windowMs: 15_000 }),
    log,
    deferAfterMs: options.deferAfterMs ?? 1000,
  };

  const client = createClient({ apiUrl: options.apiUrl });
  client.on("interactionCreate", interactionListener(deps));
  client.on("error", (e) => log.error(`Discord client error: ${e.stack ?? e.message}`));
  client.on("warn", (m) => log.warn(m));
  client.on("shardDisconnect", (e) => log.warn(`Disconnected from the gateway (code ${e.code}).`));
  client.on("shardResume", () => log.info("Gateway connection resumed."));
  client.rest.on("rateLimited", (r) =>
    log.warn(`Rate limited on ${r.method} ${r.route}; waiting ${r.timeToReset} ms.`),
  );
  client.rest.on("response", (request, response) => {
    if (response.status !== 429) return;
    const after = response.headers.get("retry-after") ?? "?";
    log.warn(
      `Rate limited on ${request.method.toUpperCase()} ${request.route}; retrying after ${after} s.`,
    );
  });

  const ready = new Promise<Client<true>>((resolve) => client.once("clientReady", resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(redact(`Could not log in to Discord: ${why}`, token));
  }
  const readyClient = await ready;
  const appId = readyClient.application.id;
  if (options.clientId && options.clientId !== appId) {
    log.warn(
      `DISCORD_CLIENT_ID is ${options.clientId} but the token belongs to application ${appId}; ` +
        "commands deployed with that id will not reach this bot.",
    );
  }
  log.info(`Logged in as ${readyClient.user.tag}; serving ${deps.commands.size} commands.`);

  let stopped = false;
  return {
    client: readyClient,
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}
