import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import type { Answer } from "../answer.ts";
import type { Command } from "../command.ts";
import type { Library } from "../library.ts";
import { renderText } from "./render-text.ts";
import { runLine } from "./run-line.ts";

export interface ShellOptions {
  commands: readonly Command[];
  library: Library;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where typed lines are kept between sessions; none when null. */
  historyFile: string | null;
  greeting: string;
}

const HISTORY_LINES = 500;
/** Items shown at once; /more shows the next ones. */
const PAGE = 10;

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
  say(options.greeting);
  rl.prompt();
  // The last answer and how far it has been shown, for /more.
  let last: { answer: Answer; shown: number } | null = null;
  // Lines are answered one at a time, in order, even when pasted or piped in together.
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^\/?(quit|exit)$/i.test(line)) break;
    if (/^\/?more$/i.test(line)) {
      if (last && last.shown < last.answer.items.length) {
        say(`${renderText(last.answer, { from: last.shown, size: PAGE })}\n`);
        last.shown += PAGE;
      } else {
        say("Nothing more to show.\n");
      }
    } else if (line) {
      const answer = await runLine(line, commands, library, (l) => say(l));
      say(`${renderText(answer, { from: 0, size: PAGE })}\n`);
      last = { answer, shown: PAGE };
    }
    rl.prompt();
  }
  rl.close();
  writeHistory(historyFile, (rl as unknown as { history?: string[] }).history ?? []);
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
  const names = command?.options.map((o) => `${o.name}:`) ?? [];
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
