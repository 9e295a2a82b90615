import { cleanQuery } from "../answer/present.ts";

/** A plain question read as a command, or only a suggestion of one when the intent is unclear. */
export type PlainReading = { kind: "run"; line: string } | { kind: "suggest"; text: string };

const AUX = "(?:did|does|do|has|have|had|is|was)";
const SAY = "(?:say|said|says|tell|told|claim|claimed|think|thought|mean|meant)";
/** "what did Peskov say (about cyber-attacks)?", "what has the MI5 chief said on Russia?" */
const WHAT_SAID = new RegExp(
  `^what\\s+${AUX}\\s+(.+?)\\s+(?:just\\s+|really\\s+)?${SAY}(?:\\s+(?:about|on|of|regarding)\\s+(.+?))?\\s*[?.!]*$`,
  "i",
);
/** "who said / accused / denied …": the question itself is what `/who` answers. */
const WHO = /^who(?:m|'s)?\s+\S/i;
/** A line that is a quotation: "…" — where does it come from? */
const QUOTED = /^\s*["“‘'«].{12,}/s;

/**
 * What a user most likely meant by a line that is not a command: `what did Peskov say?` runs
 * `/quote speaker:Peskov`, `who accused Russia …?` runs `/who`, a pasted quotation runs
 * `/find-source`. Anything else only suggests commands, because guessing wrong would answer a
 * question the user did not ask.
 */
export function readPlainQuestion(raw: string): PlainReading {
  const text = cleanQuery(raw).text;
  const said = WHAT_SAID.exec(text);
  if (said?.[1]) {
    const speaker = said[1].replace(/^the\s+/i, "");
    const about = said[2] ? ` about:${said[2]}` : "";
    return { kind: "run", line: `/quote speaker:${speaker}${about}` };
  }
  if (WHO.test(text)) return { kind: "run", line: `/who claim:${text}` };
  if (QUOTED.test(text)) return { kind: "run", line: `/find-source text:${text}` };
  const words = text.length <= 60 ? text : "<words>";
  // One to three capitalised words read as a name first: "Peskov", "Andrew Parker".
  const name = text.length <= 60 && /^(?:\p{Lu}[\p{L}.'-]*\s*){1,3}$/u.test(text) ? text : "<name>";
  return {
    kind: "suggest",
    text: `Commands start with a slash: /quote speaker:${name} lists what someone said, /search ${words} finds passages, /who claim:<text> finds who said it. Type /help for the list.`,
  };
}
