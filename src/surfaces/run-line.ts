import { randomBytes } from "node:crypto";
import { type Answer, invalid } from "../answer.ts";
import type { Command } from "../command.ts";
import type { Library } from "../library.ts";
import { parseCommandLine } from "./parse-command-line.ts";

/**
 * Parses and answers one typed command. A failing command becomes an answer with an error id
 * (the stack goes to `log`), so one bad request never takes the shell or the CLI down.
 */
export async function runLine(
  line: string,
  commands: readonly Command[],
  library: Library,
  log: (line: string) => void = console.error,
): Promise<Answer> {
  const parsed = parseCommandLine(line, commands);
  if (!parsed.ok) return invalid("", parsed.error);
  try {
    return await parsed.command.run(parsed.args, { library });
  } catch (error) {
    const id = randomBytes(4).toString("hex");
    log(
      `error ${id} in /${parsed.command.name}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return invalid(parsed.command.name, `Something went wrong answering that (error id ${id}).`);
  }
}
