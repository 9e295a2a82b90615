import { answer } from "../src/answer.ts";
import type { Command } from "../src/command.ts";
import { usage } from "../src/surfaces/parse-command-line.ts";

/** `/help` lists the commands it is given, so it never falls out of step with the registry. */
export function createHelp(list: () => readonly Command[]): Command {
  return {
    name: "help",
    description: "What whosaid can answer, with examples",
    options: [],
    run() {
      return answer(
        "help",
        "whosaid answers who said what in the coverage",
        list().map((c) => ({
          kind: "command",
          speaker: null,
          text: `/${c.name}: ${c.description}`,
          details: [usage(c).replace(/^Usage: /, "")],
        })),
        "Examples: /quote speaker:Peskov · /who claim:who accused Russia of interfering in the election? · /search query:crude intelligence methods",
      );
    },
  };
}
