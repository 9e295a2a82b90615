import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
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
  // Lines are answered one at a time, in order, even when pasted or piped in together.
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^\/?(quit|exit)$/i.test(line)) break;
    if (line) {
      const answer = await runLine(line, commands, library, (l) => say(l));
      say(`${renderText(answer)}\n`);
    }
    rl.prompt();
  }
  rl.close();
  writeHistory(historyFile, (rl as unknown as { history?: string[] }).history ?? []);
}

function complete(line: string, commands: readonly Command[]): [string[], string] {
  const m = /^\/?([\w-]*)$/.exec(line);
  if (m) {
    const hits = commands.map((c) => `/${c.name} `).filter((n) => n.startsWith(`/${m[1]}`));
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
