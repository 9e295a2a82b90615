import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { commands } from "../../commands/index.ts";
import type { Settings } from "../config.ts";
import { openFromSettings } from "../library/open-from-settings.ts";
import { startLive } from "../live/start-live.ts";
import { logSafe } from "../text/log-text.ts";
import { startBot } from "./bot.ts";
import type { BotLog } from "./deps.ts";
import { checkDiscordSettings } from "./settings.ts";

/**
 * `npm start` with DISCORD_TOKEN set: check the settings, open the library, serve Discord until
 * SIGINT or SIGTERM, then disconnect and let pending index writes finish. Resolves to the exit code.
 */
export async function runBot(settings: Settings): Promise<number> {
  const log = timestamped();
  const checked = checkDiscordSettings(settings.discord);
  const problems = checked.ok ? [] : [...checked.problems];
  const unreadable = await folderProblem(settings.dataDir);
  if (unreadable) problems.push(unreadable);
  if (!checked.ok || problems.length > 0) {
    for (const problem of problems) log.error(problem);
    log.error("Fix the settings above (in .env or the environment) and start again.");
    return 1;
  }
  const { token, clientId, apiUrl } = checked.settings;

  // Listened for from the start: a stop asked for while the library opens or the bot logs in
  // (a service manager restarting it) is a clean stop once started, not a kill mid-write.
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  const handle = await openFromSettings(settings, {
    serving: true,
    log: (line) => log.warn(line),
  });
  log.info(
    `Library: ${handle.stats.articles} articles, ${handle.stats.attributions} attributions, ` +
      `${handle.stats.speakers} speakers from ${settings.dataDir}.`,
  );
  // Feeds are followed, and links can be added, while the bot runs.
  const live = await startLive(settings, handle, { poll: true, log: (line) => log.warn(line) });
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({
      token,
      clientId,
      apiUrl,
      library: () => handle.library,
      commands: commands,
      live: live.coverage,
      log,
    });
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    await live.close();
    await handle.close();
    return 1;
  }

  const signal = await stopped;
  log.info(`${signal}: disconnecting from Discord and closing the library.`);
  await bot.stop();
  await live.close();
  await handle.close();
  return 0;
}

async function folderProblem(dir: string): Promise<string | null> {
  try {
    if (!(await stat(dir)).isDirectory()) return `DATA_DIR ${dir} is not a folder.`;
    await access(dir, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? `DATA_DIR ${dir} does not exist.`
      : `DATA_DIR ${dir} cannot be read (${code ?? "unknown error"}).`;
  }
}

function timestamped(): BotLog {
  const line = (level: string, message: string) =>
    process.stderr.write(`${new Date().toISOString()} ${level} ${logSafe(message)}\n`);
  return {
    info: (m) => line("info ", m),
    warn: (m) => line("warn ", m),
    error: (m) => line("error", m),
  };
}
