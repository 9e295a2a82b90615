import { type Command, type CommandArgs, maxLengthOf } from "../command.ts";

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
  if (!command) return { ok: false, error: `Unknown command /${name}. Type /help for the list.` };

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

/** `/quote speaker:<speaker> [about:<about>]` */
export function usage(command: Command): string {
  const parts = command.options.map((o) =>
    o.required ? `${o.name}:<${o.name}>` : `[${o.name}:<${o.name}>]`,
  );
  return `Usage: /${command.name} ${parts.join(" ")}`.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
