import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  clearScreenDown,
  createInterface,
  cursorTo,
  type Interface,
  moveCursor,
} from "node:readline";
import type { Answer } from "../answer/answer.ts";
import type { Command } from "../command.ts";
import type { Library } from "../library/api.ts";
import type { LogRelay } from "./log-relay.ts";
import { pageSize, renderText } from "./render-text.ts";
import { runLine } from "./run-line.ts";

export interface ShellOptions {
  commands: readonly Command[];
  library: Library;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where typed lines are kept between sessions; none when null. */
  historyFile: string | null;
  greeting: string;
  /** The library's log lines, printed above the prompt while the shell runs on a terminal. */
  logs?: LogRelay;
}

const HISTORY_LINES = 500;

/** The local shell: type the same commands as in Discord, read the same answers. */
export async function runShell(options: ShellOptions): Promise<void> {
  const { commands, library, input, output, historyFile } = options;
  const terminal = Boolean((output as NodeJS.WriteStream).isTTY);
  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: "whosaid> ",
    history: readHistory(historyFile),
    historySize: HISTORY_LINES,
    completer: (line: string) => complete(line, commands),
  });
  const say = (text: string) => output.write(`${text}\n`);
  // While an answer is being worked out no prompt is shown, so a log line is simply printed.
  let prompting = false;
  const release = terminal
    ? options.logs?.take((line) => (prompting ? sayAbovePrompt(rl, output, line) : say(line)))
    : undefined;
  rl.on("SIGINT", () => interrupt(rl, output));
  say(options.greeting);
  rl.prompt();
  prompting = true;
  // The last answer and how far it has been shown, for /more.
  let last: { answer: Answer; shown: number } | null = null;
  // Lines are answered one at a time, in order, even when pasted or piped in together.
  for await (const raw of rl) {
    prompting = false;
    const line = raw.trim();
    if (/^\/?(quit|exit)$/i.test(line)) break;
    if (/^\/?more$/i.test(line)) {
      if (last && last.shown < last.answer.items.length) {
        const size = pageSize(last.answer);
        say(`${renderText(last.answer, { from: last.shown, size })}\n`);
        last.shown += size;
      } else {
        say("Nothing more to show.\n");
      }
    } else if (line) {
      const answer = await runLine(line, commands, library, (l) => say(l), "shell");
      const size = pageSize(answer);
      say(`${renderText(answer, { from: 0, size })}\n`);
      last = { answer, shown: size };
    }
    rl.prompt();
    prompting = true;
  }
  release?.();
  rl.close();
  writeHistory(historyFile, (rl as unknown as { history?: string[] }).history ?? []);
}

/**
 * Prints a line above the prompt and draws the prompt again below it with what was typed so
 * far, the cursor where it was: a watcher's message never lands in the middle of a command.
 */
function sayAbovePrompt(rl: Interface, output: NodeJS.WritableStream, line: string): void {
  moveCursor(output, 0, -rl.getCursorPos().rows);
  cursorTo(output, 0);
  clearScreenDown(output);
  output.write(`${line}\n`);
  rl.prompt(true);
}

/**
 * Ctrl+C as shells have it: a half-typed line is dropped for a fresh prompt; on an empty line
 * (so also when pressed twice) the shell leaves.
 */
function interrupt(rl: Interface, output: NodeJS.WritableStream): void {
  if (rl.line === "") {
    output.write("\n");
    rl.close();
    return;
  }
  output.write("^C\n");
  // To the end of the line, then delete everything left of the cursor: readline's own keys,
  // so its buffer and the screen stay in step.
  rl.write(null, { ctrl: true, name: "e" });
  rl.write(null, { ctrl: true, name: "u" });
}

function complete(line: string, commands: readonly Command[]): [string[], string] {
  const m = /^\/?([\w-]*)$/.exec(line);
  if (m) {
    const names = [...commands.map((c) => `/${c.name} `), "/more", "/quit"];
    const hits = names.filter((n) => n.startsWith(`/${m[1]}`));
    return [hits, line];
  }
  const command = commands.find((c) => line.startsWith(`/${c.name} `));
  const word = line.split(/\s+/).at(-1) ?? "";
  const names = command?.options.filter((o) => !o.discordOnly).map((o) => `${o.name}:`) ?? [];
  return [names.filter((n) => n.startsWith(word)), word];
}

function readHistory(file: string | null): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean).reverse().slice(0, HISTORY_LINES);
  } catch {
    return [];
  }
}

function writeHistory(file: string | null, history: string[]): void {
  if (!file || history.length === 0) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().join("\n")}\n`);
  } catch {
    // History is a convenience; a read-only folder must not stop the shell from closing.
  }
}
