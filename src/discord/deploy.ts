import { commands } from "../../commands/index.ts";
import { loadEnvFile } from "../config.ts";
import { registerCommands } from "./register.ts";
import { readDiscordSettings, redact } from "./settings.ts";

/**
 * `npm run deploy`: registers the slash commands and the "Find source" menu, to DISCORD_GUILD_ID
 * when set (instant) or globally.
 */
async function deploy(): Promise<number> {
  loadEnvFile();
  const checked = readDiscordSettings(process.env);
  if (!checked.ok) {
    for (const problem of checked.problems) console.error(problem);
    return 1;
  }
  const { token, clientId, guildId, apiUrl } = checked.settings;
  try {
    const sent = await registerCommands({
      token,
      clientId,
      guildId,
      apiUrl,
      commands: commands,
    });
    const names = sent.map((c) => (c.type === 3 ? `"${c.name}"` : `/${c.name}`)).join(", ");
    console.log(
      guildId
        ? `Registered ${sent.length} commands in server ${guildId}: ${names}.`
        : `Registered ${sent.length} commands globally: ${names}. They can take up to an hour to appear.`,
    );
    return 0;
  } catch (error) {
    console.error(
      redact(
        `Registering failed: ${error instanceof Error ? error.message : String(error)}`,
        token,
      ),
    );
    return 1;
  }
}

process.exitCode = await deploy();
