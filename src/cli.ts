import { stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { commands } from "../commands/index.ts";
import { loadEnvFile, readSettings, type Settings } from "./config.ts";
import { openLibrary } from "./library/open-library.ts";
import { summarize } from "./library/summary.ts";
import { logSafe } from "./log-text.ts";
import { plural } from "./plural.ts";
import { contractJson, extractFiles, readableExtraction } from "./surfaces/extract-files.ts";
import { renderText } from "./surfaces/render-text.ts";
import { runLine } from "./surfaces/run-line.ts";
import { runShell } from "./surfaces/shell.ts";

const HELP = `whosaid: who said what in a folder of news articles

Usage:
  whosaid                          the local shell (or the Discord bot when DISCORD_TOKEN is set)
  whosaid ask "<command>" [--json] answer one command, e.g. whosaid ask "/search cyber-attacks"
  whosaid index                    rebuild the saved index and print a summary
  whosaid extract <file|folder>... [--json]
                                   print the attributions found in articles
Options:
  --data <dir>   the folder of articles (default: DATA_DIR, else ./data)
  --json         print the answer as JSON
  -h, --help     this text`;

/** The command line. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  loadEnvFile();
  const settings = readSettings(process.env, { dataDir: values.data });
  const [verb = "start", ...rest] = positionals;
  switch (verb) {
    case "start":
    case "shell":
      return start(settings, verb === "shell");
    case "ask":
      return ask(settings, rest.join(" "), Boolean(values.json));
    case "index":
      return index(settings);
    case "extract":
      return extract(rest, Boolean(values.json));
    default:
      console.error(`Unknown command “${verb}”.\n\n${HELP}`);
      return 2;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function ask(settings: Settings, line: string, json: boolean): Promise<number> {
  if (!line.trim()) {
    console.error(
      'Give the command to answer, e.g. whosaid ask "/search crude intelligence methods"',
    );
    return 2;
  }
  // A script asking many questions wants the answer, not the list of unreadable files each time.
  let skipped = 0;
  const handle = await openLibrary({
    dataDir: settings.dataDir,
    indexDir: settings.indexDir,
    log: (l) => (l.startsWith("skipped ") ? skipped++ : console.error(l)),
  });
  if (skipped) console.error(`${plural(skipped, "file")} skipped; whosaid index lists them.`);
  try {
    const answer = await runLine(line, commands, handle.library);
    console.log(json ? JSON.stringify(answer, null, 2) : renderText(answer));
    return answer.status === "invalid" ? 1 : 0;
  } finally {
    await handle.close();
  }
}

async function index(settings: Settings): Promise<number> {
  const handle = await openLibrary({
    dataDir: settings.dataDir,
    indexDir: settings.indexDir,
    rebuild: true,
    // The summary lists skipped files once, with the rest of the figures.
    log: (line) => line.startsWith("skipped ") || console.error(line),
  });
  console.log([...summarize(handle), `saved in ${settings.indexDir}`].join("\n"));
  await handle.close();
  return 0;
}

async function extract(paths: string[], json: boolean): Promise<number> {
  if (paths.length === 0) {
    console.error(
      "Name the article files or folders to read, e.g. whosaid extract data/articles --json",
    );
    return 2;
  }
  const folder = await stat(paths[0] ?? "").then(
    (s) => s.isDirectory(),
    () => false,
  );
  const single = paths.length === 1 && !folder;
  let failed = 0;
  for await (const result of extractFiles(paths)) {
    for (const warning of result.warnings)
      console.error(logSafe(`warning ${result.file}: ${warning}`));
    if (result.error) {
      failed++;
      console.error(logSafe(`skipped ${result.file}: ${result.error}`));
      if (single) return 1;
    }
    if (json) console.log(contractJson(result, single));
    else if (!result.error) console.log(readableExtraction(result));
  }
  return failed > 0 && single ? 1 : 0;
}

async function start(settings: Settings, forceShell: boolean): Promise<number> {
  if (settings.discord.token && !forceShell) {
    const { runBot } = await import("./discord/run.ts");
    return runBot(settings);
  }
  const handle = await openLibrary({
    dataDir: settings.dataDir,
    indexDir: settings.indexDir,
    watch: settings.watch,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const { stats } = handle;
  const greeting = [
    `whosaid: ${stats.articles} articles, ${stats.passages} passages, ${stats.attributions} attributions, ${stats.speakers} speakers from ${settings.dataDir}`,
    `${stats.loadedFromSaved ? "Loaded the saved index" : "Built the index"} in ${Math.round(stats.ms)} ms. Type /help; /more shows further results; /quit leaves.`,
    `No DISCORD_TOKEN is set, so this is the local shell; see README.md to run the Discord bot.`,
  ].join("\n");
  await runShell({
    commands,
    library: handle.library,
    input: process.stdin,
    output: process.stdout,
    historyFile: join(settings.indexDir, "shell_history"),
    greeting,
  });
  await handle.close();
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
