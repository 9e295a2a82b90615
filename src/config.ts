import { resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import { parseAllowList } from "./live/address-policy.ts";

/** Every setting whosaid reads, with its default. `.env.example` documents each one. */
export interface Settings {
  /** Folder of articles (its `articles/` subfolder when there is one). */
  dataDir: string;
  /** Where the saved index lives. */
  indexDir: string;
  /** Pick up articles added, edited or removed while running. */
  watch: boolean;
  /** Articles larger than this are skipped with a message. */
  maxArticleBytes: number;
  /** Following the news: feeds and links fetched from the web (README, "Following the news"). */
  live: LiveSettings;
  discord: {
    token: string | null;
    clientId: string | null;
    guildId: string | null;
    apiUrl: string | null;
  };
}

export interface LiveSettings {
  /** FEEDS: feed URLs besides those in `<dataDir>/feeds.txt`, as written (space or comma separated). */
  feeds: string | null;
  /** FEED_INTERVAL, in minutes in the setting. */
  feedIntervalMs: number;
  /** FETCH_ALLOW_ADDRESSES: private or loopback addresses and ranges fetching may reach anyway. */
  allowAddresses: string[];
  /** FETCH_TIMEOUT, in seconds in the setting: for a whole request, body included. */
  timeoutMs: number;
  /** FEED_HOST_DELAY, in seconds in the setting: the pause between two requests to one host. */
  hostDelayMs: number;
}

export type Env = Record<string, string | undefined>;

/** Loads `.env` from the working directory into `process.env`, quietly; a missing file is fine. */
export function loadEnvFile(cwd = process.cwd()): void {
  loadDotenv({ path: resolve(cwd, ".env"), quiet: true });
}

/** Reads settings from the environment, with `--data` style overrides taking precedence. */
export function readSettings(
  env: Env,
  overrides: { dataDir?: string } = {},
  cwd = process.cwd(),
): Settings {
  const dataDir = resolve(cwd, overrides.dataDir ?? nonEmpty(env.DATA_DIR) ?? "data");
  const indexDir = resolve(cwd, nonEmpty(env.INDEX_DIR) ?? resolve(dataDir, ".whosaid"));
  const maxMb = Number(nonEmpty(env.MAX_ARTICLE_MB) ?? 10);
  return {
    dataDir,
    indexDir,
    watch: !/^(0|false|no|off)$/i.test(env.WATCH ?? ""),
    maxArticleBytes: (Number.isFinite(maxMb) && maxMb > 0 ? maxMb : 10) * 1024 * 1024,
    live: {
      feeds: nonEmpty(env.FEEDS),
      feedIntervalMs: positive("FEED_INTERVAL", env.FEED_INTERVAL, 15) * 60_000,
      allowAddresses: parseAllowList(env.FETCH_ALLOW_ADDRESSES),
      timeoutMs: positive("FETCH_TIMEOUT", env.FETCH_TIMEOUT, 20) * 1000,
      hostDelayMs: positive("FEED_HOST_DELAY", env.FEED_HOST_DELAY, 2, true) * 1000,
    },
    discord: discordSettings(env),
  };
}

/** The Discord settings as set; `checkDiscordSettings` (discord/settings.ts) judges them. */
export function discordSettings(env: Env): Settings["discord"] {
  return {
    token: nonEmpty(env.DISCORD_TOKEN),
    clientId: nonEmpty(env.DISCORD_CLIENT_ID),
    guildId: nonEmpty(env.DISCORD_GUILD_ID),
    apiUrl: nonEmpty(env.DISCORD_API_URL),
  };
}

/** A number setting; its default when empty, and a clear error when it is not a number. */
function positive(
  name: string,
  value: string | undefined,
  fallback: number,
  zeroAllowed = false,
): number {
  const text = nonEmpty(value);
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroAllowed)) {
    throw new Error(
      `${name}: “${text}” is not a ${zeroAllowed ? "non-negative" : "positive"} number`,
    );
  }
  return n;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
