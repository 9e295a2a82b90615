import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Command, CommandArgs } from "../command.ts";
import { LIMITS } from "./limits.ts";

/**
 * Button custom ids that carry their own state: which command to re-run, with which arguments,
 * at which page, signed so a forged id is told apart from a stale one. Arguments that do not fit
 * in 100 characters are kept in memory under a hash instead; after a restart those buttons get
 * a polite "run it again".
 *
 * Layout: `w1|<action>|<command>|<page base36>|<arg>|...|<signature>`, where each arg is
 * `<option index base36><value>` with `%` and `|` percent-escaped.
 */

export type ButtonAction = "page" | "full" | "share";

export interface ButtonState {
  action: ButtonAction;
  command: string;
  args: CommandArgs;
  page: number;
}

export type Decoded =
  | { ok: true; state: ButtonState }
  /** tampered: the signature does not match; stale: signed by us but no longer usable. */
  | { ok: false; reason: "tampered" | "stale" };

export interface CustomIds {
  encode(state: ButtonState): string;
  decode(customId: string): Decoded;
}

const VERSION = "w1";
const SIGNATURE = 8;
const ACTIONS: Record<ButtonAction, string> = { page: "p", full: "f", share: "s" };
const BY_CODE = new Map(
  Object.entries(ACTIONS).map(([action, code]) => [code, action as ButtonAction]),
);

const esc = (s: string) => s.replace(/%/g, "%25").replace(/\|/g, "%7C");
const unesc = (s: string) => s.replace(/%7C/g, "|").replace(/%25/g, "%");

export function createCustomIds(options: {
  secret: string;
  commands: Command[];
  /** How many long argument sets to remember. */
  remember?: number;
}): CustomIds {
  const key = createHash("sha256").update(`whosaid custom ids\n${options.secret}`).digest();
  const commands = new Map(options.commands.map((c) => [c.name, c]));
  const remembered = new Map<string, CommandArgs>();
  const capacity = options.remember ?? 5000;

  const sign = (body: string) =>
    createHmac("sha256", key).update(body).digest("base64url").slice(0, SIGNATURE);

  function encodeArgs(command: Command | undefined, args: CommandArgs): string[] {
    if (!command) return [];
    const fields: string[] = [];
    command.options.forEach((option, i) => {
      const value = args[option.name];
      if (value === undefined) return;
      const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
      fields.push(`${i.toString(36)}${esc(text)}`);
    });
    return fields;
  }

  function remember(command: string, args: CommandArgs): string {
    const hash = createHash("sha256")
      .update(JSON.stringify([command, args]))
      .digest("base64url")
      .slice(0, 12);
    remembered.delete(hash);
    remembered.set(hash, args);
    if (remembered.size > capacity) {
      const oldest = remembered.keys().next().value;
      if (oldest !== undefined) remembered.delete(oldest);
    }
    return `#${hash}`;
  }

  function encode(state: ButtonState): string {
    const head = [VERSION, ACTIONS[state.action], state.command, state.page.toString(36)];
    const inline = [...head, ...encodeArgs(commands.get(state.command), state.args)].join("|");
    const signed = (body: string) => `${body}|${sign(body)}`;
    const id = signed(inline);
    if (id.length <= LIMITS.customId) return id;
    return signed([...head, remember(state.command, state.args)].join("|"));
  }

  function decodeArgs(command: Command, fields: string[]): CommandArgs | null {
    const first = fields[0];
    if (first?.startsWith("#")) return remembered.get(first.slice(1)) ?? null;
    const args: CommandArgs = {};
    for (const field of fields) {
      const option = command.options[Number.parseInt(field.slice(0, 1), 36)];
      if (!option) return null;
      const text = unesc(field.slice(1));
      if (option.type === "boolean") args[option.name] = text === "1";
      else if (option.type === "integer") args[option.name] = Number.parseInt(text, 10);
      else args[option.name] = text;
    }
    return args;
  }

  function decode(customId: string): Decoded {
    const cut = customId.lastIndexOf("|");
    const body = customId.slice(0, cut);
    const given = Buffer.from(customId.slice(cut + 1));
    const expected = Buffer.from(sign(body));
    if (cut < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: "tampered" };
    }
    const [version, code, name = "", page = "", ...fields] = body.split("|");
    const action = BY_CODE.get(code ?? "");
    const pageNumber = Number.parseInt(page, 36);
    if (version !== VERSION || !action || !Number.isInteger(pageNumber) || pageNumber < 0) {
      return { ok: false, reason: "stale" };
    }
    if (action === "share")
      return { ok: true, state: { action, command: name, args: {}, page: 0 } };
    const command = commands.get(name);
    const args = command ? decodeArgs(command, fields) : null;
    if (!args) return { ok: false, reason: "stale" };
    return { ok: true, state: { action, command: name, args, page: pageNumber } };
  }

  return { encode, decode };
}
