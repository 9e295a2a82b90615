import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { commands } from "../commands/index.ts";
import { loadEnvFile, readSettings, type Settings } from "./config.ts";
import { skippedLine } from "./corpus/load-corpus.ts";
import { openFromSettings } from "./library/open-from-settings.ts";
import { summarize } from "./library/summary.ts";
import { addFromCommandLine } from "./live/cli-add.ts";
import { closestName } from "./surfaces/did-you-mean.ts";
import { contractJson, extractFiles, readableExtraction } from "./surfaces/extract-files.ts";
import { LogRelay } from "./surfaces/log-relay.ts";
import { renderText } from "./surfaces/render-text.ts";
import { runLine } from "./surfaces/run-line.ts";
import { runShell } from "./surfaces/shell.ts";
import { logSafe } from "./text/log-text.ts";
import { plural } from "./text/plural.ts";
import { folderBytes, sizeText } from "./text/size-text.ts";

interface Values {
  data?: string;
  json?: boolean;
}

/** One command of the command line: help lists it with its example, so adding one is one entry. */
interface Verb {
  name: string;
  summary: string;
  example: string;
  run(rest: string[], values: Values): Promise<number>;
}

const VERBS: Verb[] = [
  {
    name: "start",
    summary: "the local shell, or the Discord bot when DISCORD_TOKEN is set (as npm start)",
    example: "npx whosaid start --data ~/archive",
    run: (_rest, values) => start(settingsFor(values), false),
  },
  {
    name: "shell",
    summary: "the local shell, even when DISCORD_TOKEN is set",
    example: "npx whosaid shell",
    run: (_rest, values) => start(settingsFor(values), true),
  },
  {
    name: "ask",
    summary: "answer one command as the shell does; --json prints the Answer",
    example: 'npx whosaid ask "/quote speaker:Peskov" --json',
    run: (rest, values) => ask(settingsFor(values), rest.join(" "), Boolean(values.json)),
  },
  {
    name: "extract",
    summary: "the attributions found in article files or folders, without an index",
    example: "npx whosaid extract data/articles --json",
    run: (rest, values) => extract(rest, Boolean(values.json)),
  },
  {
    name: "index",
    summary: "rebuild the saved index; prints its figures and size on disk (as npm run index)",
    example: "npx whosaid index --data ~/archive",
    run: (_rest, values) => index(settingsFor(values)),
  },
  // --- live coverage (issue 13): one article from a link ---
  {
    name: "add",
    summary: "fetch, save and index one article from the web; says what it found",
    example: "npx whosaid add https://tass.com/politics/1",
    run: (rest, values) => addFromCommandLine(settingsFor(values), rest, Boolean(values.json)),
  },
  // --- end live coverage ---
];

const OPTIONS = [
  {
    name: "data",
    short: undefined,
    value: "<dir>",
    text: "the folder of articles (default: DATA_DIR, else ./data)",
  },
  { name: "json", short: undefined, value: "", text: "print the answer as JSON" },
  { name: "help", short: "h", value: "", text: "this text" },
  { name: "version", short: "v", value: "", text: "the version of whosaid" },
] as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

function help(): string {
  const width =
    Math.max(...VERBS.map((v) => v.name.length), ...OPTIONS.map(flag).map((f) => f.length)) + 2;
  const verbs = VERBS.flatMap((v) => [
    `  ${v.name.padEnd(width)}${v.summary}`,
    `  ${"".padEnd(width)}${v.example}`,
  ]);
  const options = OPTIONS.map((o) => `  ${flag(o).padEnd(width)}${o.text}`);
  return [
    `whosaid ${version()}: who said what in a folder of news articles`,
    "",
    "Usage: npx whosaid <command> [options]",
    "",
    "Commands:",
    ...verbs,
    "",
    "Options:",
    ...options,
  ].join("\n");
}

function flag(o: (typeof OPTIONS)[number]): string {
  return `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.value ? ` ${o.value}` : ""}`;
}

/** The command line. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const wrong = unknownOption(argv);
  if (wrong) {
    console.error(`${wrong}\n\n${help()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    console.log(version());
    return 0;
  }
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === "help") {
    console.log(help());
    return 0;
  }
  const verb = VERBS.find((v) => v.name === name);
  if (!verb) {
    const close = closestName(
      name,
      VERBS.map((v) => v.name),
    );
    console.error(
      `unknown command ${name}${close ? ` (did you mean ${close}?)` : ""}\n\n${help()}`,
    );
    return 2;
  }
  try {
    return await verb.run(rest, values);
  } catch (error) {
    // A folder that is not there or cannot be read: one line, not a stack.
    console.error(`whosaid ${verb.name}: ${(error as Error).message}`);
    return 1;
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
      version: { type: "boolean", short: "v" },
    },
  });
}

/**
 * `unknown option --jsn (did you mean --json?)`, in place of the argument parser's own message,
 * which names neither the fix nor the options there are.
 */
function unknownOption(argv: string[]): string | null {
  const end = argv.indexOf("--");
  for (const arg of end < 0 ? argv : argv.slice(0, end)) {
    if (!arg.startsWith("-") || arg === "-") continue;
    const long = arg.startsWith("--");
    const name = arg.slice(long ? 2 : 1).split("=")[0] ?? "";
    const known = OPTIONS.some((o) => (long ? o.name === name : o.short === name));
    if (known) continue;
    const close = closestName(
      name,
      OPTIONS.map((o) => o.name),
    );
    return `unknown option ${arg.split("=")[0]}${close ? ` (did you mean --${close}?)` : ""}`;
  }
  return null;
}

function settingsFor(values: Values): Settings {
  loadEnvFile();
  return readSettings(process.env, { dataDir: values.data });
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
  const handle = await openFromSettings(settings, {
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
  const handle = await openFromSettings(settings, {
    rebuild: true,
    // The summary lists skipped files once, with the rest of the figures.
    log: (line) => line.startsWith("skipped ") || console.error(line),
  });
  await handle.close();
  const size = sizeText(await folderBytes(settings.indexDir));
  console.log([...summarize(handle), `saved in ${settings.indexDir} (${size} on disk)`].join("\n"));
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
      console.error(logSafe(skippedLine({ file: result.file, reason: result.error })));
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
  const logs = new LogRelay((line) => process.stderr.write(`${line}\n`));
  const handle = await openFromSettings(settings, { serving: true, log: logs.write });
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
    logs,
  });
  await handle.close();
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
