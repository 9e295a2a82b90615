import { resolve } from "node:path";
import { config as loadDotenv } from "dotenv";

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
  discord: {
    token: string | null;
    clientId: string | null;
    guildId: string | null;
    apiUrl: string | null;
  };
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
    discord: {
      token: nonEmpty(env.DISCORD_TOKEN),
      clientId: nonEmpty(env.DISCORD_CLIENT_ID),
      guildId: nonEmpty(env.DISCORD_GUILD_ID),
      apiUrl: nonEmpty(env.DISCORD_API_URL),
    },
  };
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
