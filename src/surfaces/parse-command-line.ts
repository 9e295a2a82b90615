import { type Command, type CommandArgs, maxLengthOf, usage } from "../command.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";
import { closestName } from "./did-you-mean.ts";

export type ParsedLine =
  | { ok: true; command: Command; args: CommandArgs }
  | { ok: false; error: string };

/**
 * Parses what a user types in the shell or passes to `whosaid ask`, in the form Discord users
 * know: `/quote speaker:MI5 chief about:cyber`. A value runs until the next `name:` of one of the
 * command's options, so values may hold spaces and colons. Text before any `name:` fills the
 * command's bare option (`/search crude methods`).
 */
export function parseCommandLine(line: string, commands: readonly Command[]): ParsedLine {
  const trimmed = line.trim();
  const match = /^\/?([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (!match?.[1])
    return { ok: false, error: "Type a command such as /search crude methods, or /help." };
  const name = match[1].toLowerCase();
  const command = commands.find((c) => c.name === name);
  if (!command) return { ok: false, error: unknownCommand(name, commands) };

  const rest = match[2] ?? "";
  const names = command.options.map((o) => o.name);
  const marker = names.length
    ? new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join("|")}):`, "gi")
    : null;
  const args: CommandArgs = {};
  const found: { name: string; at: number; valueAt: number }[] = [];
  if (marker) {
    for (let m = marker.exec(rest); m; m = marker.exec(rest)) {
      const optionName = (m[1] ?? "").toLowerCase();
      found.push({ name: optionName, at: m.index, valueAt: m.index + m[0].length });
    }
  }
  const stray = strayOption(rest, command);
  if (stray) return { ok: false, error: stray };
  const bare = rest.slice(0, found[0]?.at ?? rest.length).trim();
  if (bare) {
    if (!command.bareOption) return { ok: false, error: usage(command) };
    args[command.bareOption] = bare;
  }
  found.forEach((f, i) => {
    args[f.name] = rest.slice(f.valueAt, found[i + 1]?.at ?? rest.length).trim();
  });

  for (const option of command.options) {
    const raw = args[option.name];
    if (raw === undefined || raw === "") {
      delete args[option.name];
      if (option.required) return { ok: false, error: `Missing ${option.name}. ${usage(command)}` };
      continue;
    }
    if (option.type === "string" && String(raw).length > maxLengthOf(option)) {
      const max = maxLengthOf(option).toLocaleString("en-US");
      return {
        ok: false,
        error: `${option.name} is too long: at most ${max} characters, as on Discord (this has ${String(raw).length.toLocaleString("en-US")}).`,
      };
    }
    if (option.type === "boolean") {
      if (!/^(true|false|yes|no)$/i.test(String(raw))) {
        return { ok: false, error: `${option.name} takes true or false.` };
      }
      args[option.name] = /^(true|yes)$/i.test(String(raw));
    } else if (option.type === "integer") {
      const n = Number(raw);
      if (!Number.isInteger(n)) return { ok: false, error: `${option.name} takes a whole number.` };
      args[option.name] = n;
    }
  }
  return { ok: true, command, args };
}

function unknownCommand(name: string, commands: readonly Command[]): string {
  const close = closestName(
    name,
    commands.map((c) => c.name),
  );
  return close
    ? `Unknown command /${name}. Did you mean /${close}?`
    : `Unknown command /${name}. Type /help for the list.`;
}

/**
 * A mistyped option name (`/quote speakr:Peskov`) would otherwise be read as part of a value,
 * and whosaid would look for a speaker called "speakr:Peskov". A `word:` close to one of the
 * command's option names is reported when it starts the text or its value follows without a
 * space: pasted prose ("Next: he said") is left alone.
 */
function strayOption(rest: string, command: Command): string | null {
  const names = command.options.map((o) => o.name);
  for (const m of rest.matchAll(/(^|\s)([a-z][\w-]*):(\S)?/gi)) {
    const word = m[2] ?? "";
    const atStart = m.index === 0;
    if (names.includes(word.toLowerCase()) || (!atStart && !m[3])) continue;
    const close = closestName(word, names);
    if (close)
      return `“${word}” is not an option of /${command.name}; did you mean ${close}:? ${usage(command)}`;
  }
  return null;
}
