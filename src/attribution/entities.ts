import type { Entity, SpeakerKind } from "../types.ts";
import {
  DETERMINERS,
  MEDIA_HEADS,
  MEDIA_NAMES,
  NOT_NAMES,
  NP_STOP,
  ORG_WORDS,
  PLACES,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  TITLES,
} from "./lexicon.ts";
import { splitSentences, type Token, tokenize } from "./sentences.ts";

/** A zone of the article text that may name people: body paragraph, caption, title, lead. */
export interface Zone {
  start: number;
  end: number;
}

export interface EntityRecord {
  name: string;
  kind: SpeakerKind;
  /** Roles and titles the article gives ("Kremlin spokesman"), without leading articles. */
  roles: Set<string>;
  /** Other names: surname, the name without "The". */
  names: Set<string>;
}

/** Where an entity is named in the text, for "most recent" look-ups. */
export interface Sighting {
  at: number;
  entity: EntityRecord;
  /** Named as the first words of its sentence (a likely subject). */
  subject: boolean;
}

export interface EntityTable {
  entities: EntityRecord[];
  /** Lower-cased name, surname or alias -> entities. */
  byName: Map<string, EntityRecord[]>;
  sightings: Sighting[];
}

const CONNECTORS = new Set([
  "of",
  "the",
  "for",
  "and",
  "de",
  "van",
  "von",
  "der",
  "al",
  "bin",
  "la",
]);

function possessiveless(word: string): string {
  return word.replace(/['’]s$|['’]$/u, "");
}

/** Whether lower-cased name words name a news outlet. */
export function isMediaName(lower: string[]): boolean {
  const last = lower[lower.length - 1] ?? "";
  if (lower.some((w) => MEDIA_NAMES.has(w))) return true;
  return lower.length > 1 && MEDIA_HEADS.has(last);
}

const NOT_IN_PERSON_NAMES = new Set(
  (
    "republican republicans democratic democrat democrats gop liberal conservative american " +
    "americans islamic muslim christian catholic jewish federal national international " +
    "united north south east west new"
  ).split(" "),
);

function classify(words: string[]): SpeakerKind {
  const lower = words.map((w) => possessiveless(w).toLowerCase());
  if (isMediaName(lower)) return "media";
  if (lower.length === 1 && PLACES.has(lower[0] as string)) return "place";
  if (lower.join(" ") === "united states" || lower.join(" ") === "white house")
    return lower[0] === "united" ? "place" : "organization";
  if (lower.some((w) => ORG_WORDS.has(w))) return "organization";
  if (words.length === 1 && /^[A-Z0-9]{2,6}$/.test(words[0] as string)) return "organization";
  // "Arizona Republican", "U.S. Democratic": descriptions, not people's names.
  if (lower.some((w) => NOT_IN_PERSON_NAMES.has(w) || PLACES.has(w))) return "unknown";
  if (words.length >= 2) return "person";
  return "unknown";
}

/** The words of a zone of text, sentence by sentence, for the entity table. */
export function zoneSentences(text: string, zone: Zone): Token[][] {
  return splitSentences(text, zone.start, zone.end, []).map((s) => s.tokens);
}

/**
 * A sentence's words with each quotation replaced by the capitalised words it holds (the only
 * words the table reads inside quotes), kept apart where the text parts them.
 */
export function openQuotes(text: string, tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.kind === "q")) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== "q" || !t.quote) {
      out.push(t);
      continue;
    }
    CAPITALS.lastIndex = t.quote.innerStart;
    let lastEnd = -1;
    for (let m = CAPITALS.exec(text); m && m.index < t.quote.innerEnd; m = CAPITALS.exec(text)) {
      const end = Math.min(m.index + m[0].length, t.quote.innerEnd);
      if (lastEnd >= 0 && text.slice(lastEnd, m.index) !== " ") out.push(gap(lastEnd));
      out.push(...tokenize(text, m.index, end, []));
      lastEnd = end;
    }
    out.push(gap(t.end));
  }
  return out;
}

const CAPITALS = /\p{Lu}[\p{L}\p{N}'’.&-]*/gu;

function gap(at: number): Token {
  return { start: at, end: at, text: "", lower: "", kind: "p", cap: false };
}

/** Builds the entity table of an article from the sentences of every zone that names people. */
export function buildEntityTable(sentences: Token[][]): EntityTable {
  const table: EntityTable = { entities: [], byName: new Map(), sightings: [] };
  const runs: { words: Token[]; prefix: Token[]; tokens: Token[]; index: number }[] = [];
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]?.cap) continue;
      let j = i;
      while (j + 1 < tokens.length) {
        const next = tokens[j + 1] as Token;
        if (next.cap) j++;
        else if (CONNECTORS.has(next.lower) && tokens[j + 2]?.cap && j + 1 > i) j += 2;
        else break;
      }
      runs.push(...cutRun(tokens, i, j + 1));
      i = j;
    }
  }
  // Full names first, so that a lone surname can find its person.
  const ordered = [...runs].sort((a, b) => b.words.length - a.words.length);
  const seen = new Map<(typeof runs)[number], EntityRecord | null>();
  for (const run of ordered) seen.set(run, register(table, run.words, run.prefix));
  for (const run of runs) {
    const entity = seen.get(run);
    if (!entity) continue;
    const first = run.words[0] as Token;
    const start = run.prefix[0] ?? first;
    table.sightings.push({ at: first.start, entity, subject: start === run.tokens[0] });
    if (entity.kind === "person") addRoles(entity, run.tokens, run.index, run.words.length);
  }
  table.sightings.sort((a, b) => a.at - b.at);
  return table;
}

/** Splits a run of capitalised tokens into the name and the title words in front of it. */
function cutRun(tokens: Token[], from: number, to: number) {
  let a = from;
  while (a < to && NOT_NAMES.has((tokens[a] as Token).lower) && !isMediaThe(tokens, a, to)) a++;
  // Trailing possessive ends the name: "Russia's Presidential Press Secretary Dmitry Peskov".
  const out: { words: Token[]; prefix: Token[]; tokens: Token[]; index: number }[] = [];
  let start = a;
  for (let k = a; k < to; k++) {
    const t = tokens[k] as Token;
    if (/['’]s$/u.test(t.text) && k + 1 < to) {
      if (k + 1 > start) out.push(piece(tokens, start, k + 1));
      start = k + 1;
    }
  }
  if (start < to) out.push(piece(tokens, start, to));
  return out.filter((r) => r.words.length > 0);
}

function isMediaThe(tokens: Token[], a: number, to: number): boolean {
  if ((tokens[a] as Token).lower !== "the" || a + 1 >= to) return false;
  return isMediaName(tokens.slice(a + 1, to).map((t) => possessiveless(t.lower)));
}

function piece(tokens: Token[], from: number, to: number) {
  // Everything up to the last title word is a role ("Finance Minister Mark Ellison"), unless
  // what is left is a lone word of an organisation's name ("Justice Department").
  let last = -1;
  for (let k = from; k < to - 1; k++) {
    if (TITLES.has((tokens[k] as Token).lower.replace(/\.$/, ""))) last = k;
  }
  let a = from;
  if (last >= 0) {
    const rest = tokens.slice(last + 1, to).map((t) => possessiveless(t.lower));
    const orgLike = rest.some((w) => ORG_WORDS.has(w)) || isMediaName(rest);
    if (rest.length >= 2 || !orgLike) a = last + 1;
  }
  return { words: tokens.slice(a, to), prefix: tokens.slice(from, a), tokens, index: a };
}

function key(name: string): string {
  return name.toLowerCase().replace(/^the /, "");
}

function register(table: EntityTable, words: Token[], prefix: Token[]): EntityRecord | null {
  const parts = words.map((w, i) => (i === words.length - 1 ? possessiveless(w.text) : w.text));
  const name = parts.join(" ");
  if (parts.length === 1 && (NOT_NAMES.has(name.toLowerCase()) || TITLES.has(name.toLowerCase())))
    return null;
  const k = key(name);
  const known = table.byName.get(k);
  if (known && known.length > 0) {
    const entity = known[0] as EntityRecord;
    if (name.startsWith("The ") && !entity.name.startsWith("The ")) entity.name = name;
    return entity;
  }
  let kind = classify(parts);
  const titled = prefix.length > 0 && kind === "unknown";
  if (titled) kind = "person";
  const entity: EntityRecord = { name, kind, roles: new Set(), names: new Set([name]) };
  index(table, k, entity);
  if (kind === "person" && parts.length >= 2) {
    const surname = (parts[parts.length - 1] as string).replace(/\.$/, "");
    if (!/^(jr|sr|ii|iii|iv)$/i.test(surname)) {
      entity.names.add(surname);
      index(table, surname.toLowerCase(), entity);
    }
  }
  if (kind === "media" && name.startsWith("The ")) entity.names.add(name.slice(4));
  table.entities.push(entity);
  return entity;
}

function index(table: EntityTable, k: string, entity: EntityRecord): void {
  const list = table.byName.get(k);
  if (list) {
    if (!list.includes(entity)) list.push(entity);
  } else table.byName.set(k, [entity]);
}

/** Reads roles in apposition around a person's name, in either order. */
function addRoles(entity: EntityRecord, tokens: Token[], at: number, length: number): void {
  // Before: "Russian presidential spokesman Dmitry Peskov", "Kremlin spokesman, Dmitry Peskov".
  const end = tokens[at - 1]?.text === "," ? at - 1 : at;
  let from = end;
  while (from > 0 && end - from < 6) {
    const t = tokens[from - 1] as Token;
    if (t.kind !== "w" || NP_STOP.has(t.lower) || DETERMINERS.has(t.lower)) break;
    const roleWord =
      ROLE_NOUNS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || ORG_WORDS.has(t.lower);
    if (!t.cap && !roleWord) break;
    from--;
  }
  if (from < end && hasRoleNoun(tokens, from, end)) addRole(entity, tokens, from, end);
  // After: "Andrew Parker, the director general of the MI5".
  const after = at + length;
  if (tokens[after]?.text === ",") {
    let to = after + 1;
    while (to < tokens.length && to - after < 12) {
      const t = tokens[to] as Token;
      if (t.kind !== "w" && t.text !== "-") break;
      if (to > after + 1 && (NP_STOP.has(t.lower) || t.lower === "who")) break;
      to++;
    }
    if (to > after + 1 && hasRoleNoun(tokens, after + 1, to))
      addRole(entity, tokens, after + 1, to);
  }
}

function hasRoleNoun(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = (tokens[i] as Token).lower;
    if (ROLE_NOUNS.has(w) || w.split("-").some((p) => ROLE_NOUNS.has(p))) return true;
  }
  return false;
}

function addRole(entity: EntityRecord, tokens: Token[], from: number, to: number): void {
  let a = from;
  while (a < to && DETERMINERS.has((tokens[a] as Token).lower)) a++;
  if (a >= to) return;
  entity.roles.add(`${(tokens[a] as Token).text}${joinBetween(tokens, a, to)}`);
}

function joinBetween(tokens: Token[], a: number, to: number): string {
  let out = "";
  for (let i = a + 1; i < to; i++) {
    const prev = tokens[i - 1] as Token;
    const t = tokens[i] as Token;
    out += (t.start > prev.end ? " " : "") + t.text;
  }
  return out;
}

/** The public view of an entity table. */
export function toEntities(table: EntityTable): Entity[] {
  return table.entities.map((e) => ({
    name: e.name,
    kind: e.kind,
    aliases: [...new Set([...e.names, ...e.roles])].filter((a) => a !== e.name),
  }));
}
