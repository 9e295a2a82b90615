import { answer } from "../src/answer/answer.ts";
import { type Command, usage } from "../src/command.ts";

const EXAMPLES =
  "Examples: /quote speaker:Peskov · /who claim:who accused Russia of interfering in the election? · /search query:crude intelligence methods";

/** What only the shell adds to the commands, said where the shell's help is read. */
const SHELL_WORDS =
  "In the shell: /more shows the next results, /quit (or Ctrl+D) leaves, Tab completes, Ctrl+C clears the line.";

/**
 * `/help` lists the commands it is given, so it never falls out of step with the registry, and
 * shows each with the options that work where it is asked: `public` only acts in Discord.
 */
export function createHelp(list: () => readonly Command[]): Command {
  return {
    name: "help",
    description: "What whosaid can answer, with examples",
    options: [],
    run(_args, { surface }) {
      const discord = surface === undefined || surface === "discord";
      return answer(
        "help",
        "whosaid answers who said what in the coverage",
        list().map((c) => ({
          kind: "command",
          speaker: null,
          text: `/${c.name}: ${c.description}`,
          details: [usage(c, { discord }).replace(/^Usage: /, "")],
        })),
        surface === "shell" ? `${EXAMPLES}. ${SHELL_WORDS}` : EXAMPLES,
      );
    },
  };
}
