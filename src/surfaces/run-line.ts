import { randomBytes } from "node:crypto";
import { type Answer, invalid } from "../answer/answer.ts";
import type { Command, Surface } from "../command.ts";
import type { Library } from "../library/api.ts";
import { parseCommandLine } from "./parse-command-line.ts";
import { readPlainQuestion } from "./plain-question.ts";

/**
 * Parses and answers one typed command. A failing command becomes an answer with an error id
 * (the stack goes to `log`), so one bad request never takes the shell or the CLI down.
 */
export async function runLine(
  line: string,
  commands: readonly Command[],
  library: Library,
  log: (line: string) => void = console.error,
  surface: Surface = "cli",
): Promise<Answer> {
  const routed = routePlainText(line, commands);
  if (routed.kind === "suggest") return invalid("", routed.text);
  const parsed = parseCommandLine(routed.line, commands);
  if (!parsed.ok) return invalid("", parsed.error);
  try {
    const answer = await parsed.command.run(parsed.args, { library, surface });
    if (routed.line === line) return answer;
    // Say how a plain question was read, so the user learns the command and can correct it.
    const readAs = `Answered as ${routed.line}${/[.?!]$/.test(routed.line) ? "" : "."}`;
    return { ...answer, notice: answer.notice ? `${readAs} ${answer.notice}` : readAs };
  } catch (error) {
    const id = randomBytes(4).toString("hex");
    log(
      `error ${id} in /${parsed.command.name}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return invalid(parsed.command.name, `Something went wrong answering that (error id ${id}).`);
  }
}

/**
 * A line typed without a slash that is not a command name is a plain question: read it as the
 * command it most likely means (`what did Peskov say?`), or suggest commands. With a slash out of
 * habit (`/what did Peskov say?`) it is read the same way when the intent is clear; otherwise the
 * parser names the unknown command.
 */
function routePlainText(
  line: string,
  commands: readonly Command[],
): { kind: "run"; line: string } | { kind: "suggest"; text: string } {
  const trimmed = line.trim();
  if (!trimmed) return { kind: "run", line };
  const slash = trimmed.startsWith("/");
  const text = slash ? trimmed.slice(1) : trimmed;
  const first = /^[\p{L}\p{N}-]+/u.exec(text)?.[0]?.toLowerCase() ?? "";
  const known = commands.some((c) => c.name === first);
  if (slash) {
    const reading = known ? null : readPlainQuestion(text);
    return reading?.kind === "run" ? reading : { kind: "run", line };
  }
  // `who said …` is a question even though `who` is a command: the whole line is the claim.
  const question = /^(?:what|who|whom|who's)\s/i.test(text) || /^["“‘'«]/.test(text);
  if (!question && known) return { kind: "run", line };
  return readPlainQuestion(text);
}
