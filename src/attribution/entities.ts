import type { Entity, SpeakerKind } from "../types.ts";
import {
  DETERMINERS,
  FEMALE_NAMES,
  MALE_NAMES,
  MEDIA_HEADS,
  MEDIA_NAMES,
  NOT_NAMES,
  NP_STOP,
  ORG_WORDS,
  PARTY_ADJECTIVES,
  PLACES,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  TITLES,
} from "./lexicon.ts";
import { firstNameSex } from "./names.ts";
import { splitSentences, type Token, tokenize } from "./sentences.ts";
import { isAmbiguousForm, isSpeechForm } from "./speech-verbs.ts";

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
  /** Several people named together ("Clinton and Sanders"): no surname, no roles. */
  group?: boolean;
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

/** A word without its final dot ("gov." -> "gov"); most words have none and need no regex. */
function withoutDot(word: string): string {
  return word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word;
}

function possessiveless(word: string): string {
  // Most words end in neither an apostrophe nor an "s": those need no regular expression.
  const last = word.charCodeAt(word.length - 1);
  if (last !== 115 && last !== 39 && last !== 0x2019) return word;
  return word.replace(/['’]s$|['’]$/u, "");
}

/** Whether lower-cased name words name a news outlet. */
export function isMediaName(lower: string[]): boolean {
  const last = lower[lower.length - 1] ?? "";
  if (lower.some((w) => MEDIA_NAMES.has(w))) return true;
  return lower.length > 1 && MEDIA_HEADS.has(last) && !firstAndSurname(lower);
}

/** Outlets' last words that are also surnames. */
const SURNAME_HEADS = new Set(["guardian", "post", "hill", "sun", "star", "globe"]);

/** "Don Guardian", "Anita Hill": a first name and a surname, whatever paper ends in the same. */
function firstAndSurname(lower: string[]): boolean {
  const [first, last] = lower as [string, string];
  return (
    lower.length === 2 &&
    SURNAME_HEADS.has(last) &&
    (MALE_NAMES.has(first) || FEMALE_NAMES.has(first)) &&
    !PLACES.has(first)
  );
}

const NOT_IN_PERSON_NAMES = new Set(
  (
    "republican republicans democratic democrat democrats gop liberal conservative american " +
    "americans islamic muslim christian catholic jewish federal national international " +
    "united north south east west new"
  ).split(" "),
);

/** Last words of a newspaper's name. */
export const PAPER_HEADS = new Set(
  "times post journal guardian telegraph herald tribune gazette observer chronicle globe inquirer mirror examiner".split(
    " ",
  ),
);

/** Last words that make a name a place. */
const PLACE_HEADS = new Set(
  "city county province island islands valley beach heights springs falls village township shoal strait bay gulf".split(
    " ",
  ),
);

function classify(words: string[]): SpeakerKind {
  const lower = words.map((w) => possessiveless(w).toLowerCase());
  if (isMediaName(lower)) return "media";
  if (lower.length === 1 && PLACES.has(lower[0] as string)) return "place";
  // "Atlantic City", "Maricopa County": places, however much they look like a first and last name.
  if (lower.length > 1 && PLACE_HEADS.has(lower[lower.length - 1] as string)) return "place";
  const joined = lower.length === 2 ? lower.join(" ") : "";
  if (joined === "united states" || joined === "white house")
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
    // Searched within the quote only: searched in the whole text, a quote with no capital
    // scanned on to the next one, quadratic over many such quotes (“word “word ...).
    const { innerStart, innerEnd } = t.quote;
    const inner = text.slice(innerStart, innerEnd);
    CAPITALS.lastIndex = 0;
    // A name before the quote does not run on into the quote's first capitals ("Azucena
    // Gonzàlez “Donald Trump ...").
    out.push(gap(t.start));
    let lastEnd = -1;
    for (let m = CAPITALS.exec(inner); m; m = CAPITALS.exec(inner)) {
      const start = innerStart + m.index;
      const end = start + m[0].length;
      if (lastEnd >= 0 && text.slice(lastEnd, start) !== " ") out.push(gap(lastEnd));
      out.push(...tokenize(text, start, end, []));
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
  const common = commonWords(sentences);
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]?.cap) continue;
      let j = i;
      while (j + 1 < tokens.length) {
        const next = tokens[j + 1] as Token;
        if (next.cap) j++;
        // "Acme Foods, Inc.": the company's suffix after a comma is still its name.
        else if (next.text === "," && isCompanySuffix(tokens[j + 2]) && j > i) j += 2;
        // "Court of Appeals for the Sixth Circuit": a body's name runs on through "for the".
        else if (ofThe(tokens, j + 1) && classify(names(tokens, i, j + 1)) === "organization") {
          j += 3;
        } else if (CONNECTORS.has(next.lower) && tokens[j + 2]?.cap && j + 1 > i) {
          if (endsPersonName(tokens, i, j + 1)) break;
          j += 2;
        } else break;
      }
      runs.push(...cutRun(tokens, i, j + 1, common));
      i = j;
    }
  }
  // Full names first, so that a lone surname can find its person.
  const ordered = [...runs].sort((a, b) => b.words.length - a.words.length);
  const seen = new Map<(typeof runs)[number], EntityRecord | null>();
  // Before the lone words: they look their name up among the full names.
  let surnamesFirst = false;
  for (const run of ordered) {
    if (run.words.length === 1 && !surnamesFirst) {
      indexSurnamesFirst(table, common, runs, seen);
      indexPaperHeads(table);
      surnamesFirst = true;
    }
    seen.set(run, register(table, run.words, run.prefix));
  }
  for (const run of runs) {
    let entity = seen.get(run);
    if (!entity) continue;
    const first = run.words[0] as Token;
    const start = run.prefix[0] ?? first;
    // A lone surname shared by several people: the one its title fits, else the last named.
    const sharing = run.words.length === 1 ? table.byName.get(key(first.text)) : undefined;
    const shared = sharing !== undefined && sharing.length > 1;
    if (shared) entity = pickShared(table, sharing, run.prefix, first.start) ?? entity;
    table.sightings.push({ at: first.start, entity, subject: start === run.tokens[0] });
    if (entity.kind === "person" && !shared) {
      addRoles(table, entity, run.tokens, run.index, run.words.length);
      // "Oceanographer Lena Fischer": the name is Lena Fischer, the title an alias.
      const title = run.prefix[run.prefix.length - 1];
      const named = run.words[0];
      if (run.prefix.length === 1 && title && isJobTitle(title, named))
        entity.roles.add(title.text);
    }
  }
  table.sightings.sort((a, b) => a.at - b.at);
  markBodies(table, sentences);
  return table;
}

/**
 * Words that, right after a name (or its possessive), show the name is a company's or an
 * institution's: "Wells Fargo CEO John Stumpf", "Goldman Sachs shareholders", "Morgan
 * Stanley's board". A person has no shareholders or headquarters.
 */
const BODY_PARTS = new Set(
  (
    "ceo ceos cfo chairman board boards shareholders stockholders investors employees " +
    "workers bankers executives headquarters stock shares customers subsidiary subsidiaries " +
    "branches branch franchise brand"
  ).split(" "),
);

/**
 * Two capitalised words read as a first and a last name may name a body: "Wells Fargo",
 * "Goldman Sachs". When the first word is no known first name and the article shows a body's
 * parts after the name ("Wells Fargo CEO John Stumpf", "Wells Fargo & Co."), it is an
 * organisation, so "the bank" and "it" can find it and "Fargo" is nobody's surname.
 */
function markBodies(table: EntityTable, sentences: Token[][]): void {
  // Each candidate with its name's words, split once: every capitalised word that opens one
  // is checked against them.
  const byFirst = new Map<string, { entity: EntityRecord; parts: string[] }[]>();
  for (const entity of table.entities) {
    if (entity.kind !== "person" || entity.group || entity.roles.size > 0) continue;
    const space = entity.name.indexOf(" ");
    const first = (space < 0 ? entity.name : entity.name.slice(0, space)).toLowerCase();
    if (MALE_NAMES.has(first) || FEMALE_NAMES.has(first) || TITLES.has(first)) continue;
    byFirst.set(first, [...(byFirst.get(first) ?? []), { entity, parts: entity.name.split(" ") }]);
  }
  if (byFirst.size === 0) return;
  const bodies = new Set<EntityRecord>();
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = tokens[i]?.cap ? byFirst.get((tokens[i] as Token).lower) : undefined;
      if (!candidates) continue;
      for (const { entity, parts } of candidates) {
        const last = i + parts.length - 1;
        // A name longer than what is left of the sentence cannot be written here; without this
        // check a run of thousands of capitals ("A. A. A. …") compares each start to its end.
        if (last >= tokens.length) continue;
        const written = parts.every((p, k) => possessiveless(tokens[i + k]?.text ?? "") === p);
        if (!written || bodies.has(entity)) continue;
        const next = tokens[last + 1];
        const after = /['’]s?$/u.test(tokens[last]?.text ?? "") ? tokens[last + 1] : next;
        const suffix = next?.text === "&" && isCompanySuffix(tokens[last + 2]);
        if (suffix || (after?.kind === "w" && BODY_PARTS.has(after.lower))) bodies.add(entity);
      }
    }
  }
  for (const entity of bodies) {
    entity.kind = "organization";
    // The last word was indexed as a surname: a body has none.
    const surname = entity.name.split(" ").pop()?.toLowerCase() ?? "";
    const list = table.byName.get(surname)?.filter((e) => e !== entity) ?? [];
    if (list.length > 0) table.byName.set(surname, list);
    else table.byName.delete(surname);
    for (const name of entity.names) if (name.toLowerCase() === surname) entity.names.delete(name);
  }
}

/**
 * "Hua Chunying ... Hua said", "Moon Jae-in ... Moon said": where a name opens with the
 * surname, a later short mention repeats its first word. Only for two-word names whose first
 * word no list knows as a first name, the article never writes in lower case ("Will"), and no
 * other name of the article owns ("Trump Tower" beside Donald Trump).
 */
function indexSurnamesFirst(
  table: EntityTable,
  common: Set<string>,
  runs: { words: Token[]; prefix: Token[]; tokens: Token[]; index: number }[],
  seen: Map<{ words: Token[] }, EntityRecord | null>,
): void {
  // Where each full name and each lone word is first written: the short mention follows.
  const introduced = new Map<EntityRecord, number>();
  const lone = new Map<string, number>();
  // "the Trump Train": a name written after an article is a thing, never a person's name.
  const thing = new Set<EntityRecord>();
  for (const run of runs) {
    const at = (run.words[0] as Token).start;
    const entity = seen.get(run);
    if (entity && !introduced.has(entity)) introduced.set(entity, at);
    const before = run.prefix.length === 0 ? run.tokens[run.index - 1]?.lower : undefined;
    if (entity && (before === "the" || before === "a" || before === "an")) thing.add(entity);
    const word = possessiveless((run.words[0] as Token).lower);
    if (run.words.length === 1 && !lone.has(word)) lone.set(word, at);
  }
  const firsts = new Map<string, EntityRecord[]>();
  for (const entity of table.entities) {
    // Only people's names are split: most entities of an article are not.
    if (entity.kind !== "person" || entity.group || thing.has(entity)) continue;
    const parts = entity.name.split(" ");
    if (parts.length !== 2) continue;
    const [first, second] = parts as [string, string];
    const lower = first.toLowerCase();
    // "Trump Train", "Pew Research", "Obama U.S.": a name and a common word or an initialism.
    if (!/^\p{Lu}\p{Ll}+$/u.test(first) || !/^\p{Lu}[\p{Ll}-]+$/u.test(second)) continue;
    if (table.byName.has(lower) || common.has(lower) || common.has(second.toLowerCase())) continue;
    if (MALE_NAMES.has(lower) || FEMALE_NAMES.has(lower) || TITLES.has(lower)) continue;
    if (NOT_NAMES.has(lower) || ORG_WORDS.has(second.toLowerCase())) continue;
    if ((lone.get(lower) ?? Infinity) < (introduced.get(entity) ?? 0)) continue;
    firsts.set(lower, [...(firsts.get(lower) ?? []), entity]);
  }
  // Two people opening with one word ("Li Qiang", "Li Wei") leave a lone "Li" to its context.
  for (const [lower, list] of firsts) {
    if (list.length === 1) index(table, lower, list[0] as EntityRecord);
  }
}

/**
 * "The New York Times ... the Times wrote": a newspaper's last word alone is the newspaper,
 * as a surname is its person, when one newspaper of the article ends in it ("the Post" beside
 * The Washington Post and the New York Post is left alone).
 */
function indexPaperHeads(table: EntityTable): void {
  const papers = new Map<string, EntityRecord[]>();
  for (const entity of table.entities) {
    if (entity.kind !== "media") continue;
    const words = key(entity.name).split(" ");
    const head = words[words.length - 1] as string;
    if (words.length < 2 || !PAPER_HEADS.has(head)) continue;
    papers.set(head, [...(papers.get(head) ?? []), entity]);
  }
  for (const [head, list] of papers) {
    const paper = list[0] as EntityRecord;
    if (list.length > 1 || table.byName.has(head)) continue;
    index(table, head, paper);
  }
}

/**
 * "Rep. Elijah Cummings of Maryland", "Cameron Easley for Morning Consult": a person's name
 * ends before "of" or "for"; a body's name goes on ("Bank of America", "Bikers for Trump").
 */
function endsPersonName(tokens: Token[], from: number, connector: number): boolean {
  const words = tokens
    .slice(from, connector)
    .map((t) => possessiveless(t.lower).replace(/\.$/, ""));
  const join = (tokens[connector] as Token).lower;
  if (join !== "of" && join !== "for") return false;
  if (words.some((w) => ORG_WORDS.has(w)) || isMediaName(words)) return false;
  const named = words.filter((w) => !TITLES.has(w));
  if (named.length < 2) return false;
  // "Tom Cole of Oklahoma", "Sen. Ted Cruz of Texas"; not "The Republic of Turkey".
  const person =
    named.some((w) => MALE_NAMES.has(w) || FEMALE_NAMES.has(w)) || named.length < words.length;
  return join === "for" || person;
}

/** Splits a run of capitalised tokens into the name and the title words in front of it. */
function cutRun(tokens: Token[], from: number, to: number, common: Set<string>) {
  let a = from;
  while (a < to && NOT_NAMES.has((tokens[a] as Token).lower) && !isMediaThe(tokens, a, to)) a++;
  a = skipCommon(tokens, a, to, common);
  // Trailing possessive ends the name: "Russia's Presidential Press Secretary Dmitry Peskov".
  const out: { words: Token[]; prefix: Token[]; tokens: Token[]; index: number }[] = [];
  let start = a;
  for (let k = a; k < to; k++) {
    const t = tokens[k] as Token;
    // Tested on the last letter first: most words of a run end in no "s".
    if (t.text.endsWith("s") && /['’]s$/u.test(t.text) && k + 1 < to) {
      if (k + 1 > start) out.push(piece(tokens, start, k + 1));
      start = k + 1;
      // "Manafort's and Gates's relationship": the next name starts after the joining word.
      while (start < to - 1 && LEADING_CONNECTORS.has((tokens[start] as Token).lower)) start++;
    }
  }
  if (start < to) out.push(piece(tokens, start, to));
  // "Ohio Gov. Mark Ellison and Senator Ruth Adair": the second title would cut the first
  // member's name off, so each member is read with its own title.
  const titled = out[out.length - 1];
  if (titled && titled.index > start) {
    let and = -1;
    for (let k = start + 1; k < titled.index && and < 0; k++)
      if (isAnd(tokens[k] as Token)) and = k;
    if (and > start + 1) {
      out.pop();
      out.push(piece(tokens, start, and), piece(tokens, and + 1, to));
      return nonEmpty(out);
    }
  }
  // Each member of a group is named too: "Lena Marsh and Olav Brandt" names Olav Brandt.
  const pieces = out.length;
  for (let p = 0; p < pieces; p++) {
    const r = out[p] as (typeof out)[number];
    const and = r.words.findIndex(isAnd);
    if (and <= 0) continue;
    const first = r.index;
    const cut = first + and;
    out.push(piece(tokens, first, cut), piece(tokens, cut + 1, first + r.words.length));
  }
  return nonEmpty(out);
}

function isAnd(t: Token): boolean {
  return t.lower === "and" || t.text === "&";
}

/** The pieces that hold words: a copy only where one holds none (cutRun makes one per run). */
function nonEmpty<T extends { words: Token[] }>(pieces: T[]): T[] {
  return pieces.every((r) => r.words.length > 0)
    ? pieces
    : pieces.filter((r) => r.words.length > 0);
}

/** Words that open a sentence before a name and are never part of one. */
const OPENERS = new Set(
  (
    "neither nor maybe perhaps besides unlike within without despite even only just given " +
    "following using among meanwhile instead well like"
  ).split(" "),
);

/** Whether "of the" or "for the" and a capital stand at `k`: "Department of the Treasury". */
function ofThe(tokens: Token[], k: number): boolean {
  const joint = tokens[k]?.lower;
  return (
    (joint === "of" || joint === "for") && tokens[k + 1]?.lower === "the" && !!tokens[k + 2]?.cap
  );
}

function names(tokens: Token[], from: number, to: number): string[] {
  return tokens.slice(from, to).map((t) => t.text);
}

/** Joining words that cannot open a name ("for Clinton"); "al", "de", "van" can. */
const LEADING_CONNECTORS = new Set(["of", "the", "for", "and"]);

/** Lower-cased words the article writes in lower case somewhere: not names where capitalised. */
function commonWords(sentences: Token[][]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentences)
    for (const t of tokens) if (t.kind === "w" && !t.cap) out.add(t.lower);
  return out;
}

/**
 * Skips the words a capital only opens, in front of a person's name: "Unfortunately for
 * Clinton", "Maybe Donald Trump", "Supporters of Sanders". A first name is never skipped ("Bill
 * Clinton" in an article about a bill), nor anything in an organisation's name.
 */
function skipCommon(tokens: Token[], from: number, to: number, common: Set<string>): number {
  // Most runs open with a word never skipped: the run's kind (a classification of all its
  // words, made for each capitalised run of the article) is asked only where one would be.
  if (from >= to - 1 || !skipped(tokens, from, common)) return from;
  const kind = classify(tokens.slice(from, to).map((t) => t.text));
  if (kind === "organization" || kind === "media" || kind === "place") return from;
  let a = from;
  while (a < to - 1 && skipped(tokens, a, common)) a++;
  while (a < to - 1 && LEADING_CONNECTORS.has((tokens[a] as Token).lower)) a++;
  return a;
}

/** Whether skipCommon skips the word at `a` (see there). */
function skipped(tokens: Token[], a: number, common: Set<string>): boolean {
  const lower = possessiveless((tokens[a] as Token).lower);
  const adverb = /ly$/.test(lower) && CONNECTORS.has(tokens[a + 1]?.lower ?? "");
  const skip =
    LEADING_CONNECTORS.has(lower) ||
    OPENERS.has(lower) ||
    adverb ||
    (common.has(lower) && !MALE_NAMES.has(lower) && !FEMALE_NAMES.has(lower));
  return skip && !TITLES.has(withoutDot(lower));
}

function isMediaThe(tokens: Token[], a: number, to: number): boolean {
  if ((tokens[a] as Token).lower !== "the" || a + 1 >= to) return false;
  return isMediaName(tokens.slice(a + 1, to).map((t) => possessiveless(t.lower)));
}

function piece(tokens: Token[], from: number, to: number) {
  // Everything up to the last title word is a role ("Finance Minister Mark Ellison"), unless
  // what is left is a lone word of an organisation's name ("Justice Department").
  let last = -1;
  let lead = from;
  for (let k = from; k < to - 1; k++) {
    const w = withoutDot((tokens[k] as Token).lower);
    // A role noun opening a longer run is a title too: "Actor Clint Howard", "Rabbi Marvin Hier".
    const opening = k === lead && k < to - 2;
    const title = opening && (ROLE_NOUNS.has(w) || jobTitle(tokens[k] as Token, tokens[k + 1]));
    // "Brightline Chief Executive Tom Reyes", "Foreign Ministry Spokesperson Hua Chunying": a
    // role noun with a full name after it is title, wherever it stands in the run.
    const post = ROLE_NOUNS.has(w) && to - k > 2;
    if (TITLES.has(w) || title || post) {
      last = k;
    }
    if (last === k && k === lead) lead++;
  }
  let a = from;
  if (last >= 0) {
    const rest = tokens.slice(last + 1, to).map((t) => possessiveless(t.lower));
    const orgLike = rest.some((w) => ORG_WORDS.has(w)) || isMediaName(rest);
    // "Republican National Committee": a party's adjective that opens a body's name is no title.
    const party = tokens.slice(from, last + 1).every((t) => PARTY_ADJECTIVES.has(t.lower));
    if ((rest.length >= 2 || !orgLike) && !(orgLike && party)) a = last + 1;
  }
  // "UMWA Director of Government Affairs Phil Smith": the title's "of ..." runs on to the first
  // name before the surname.
  const joint = tokens[a]?.lower;
  if (a > from && (joint === "of" || joint === "for")) {
    const name = tokens.findIndex((t, k) => k > a && k < to - 1 && isFirstName(t));
    if (name > a) a = name;
  }
  return { words: tokens.slice(a, to), prefix: tokens.slice(from, a), tokens, index: a };
}

/**
 * "Oceanographer Lena Fischer", "Councillor David Okafor", "Pres. Obama": a word for a job, or
 * an abbreviated title, that opens a longer name and is no first name.
 */
function jobTitle(t: Token, next: Token | undefined): boolean {
  const w = withoutDot(t.lower);
  if (MALE_NAMES.has(w) || FEMALE_NAMES.has(w)) return false;
  if (/^\p{Lu}\p{Ll}{1,4}\.$/u.test(t.text)) return true;
  // "Holger Schmieding" is a name: the word after a job must be a first name.
  // (A word of 40 letters or more is no job: the bound keeps the test linear on a giant token.)
  const job = w.length < 40 && /\p{L}{4,}(?:er|or|ist|ian)$/u.test(w) && !ORG_WORDS.has(w);
  return job && next !== undefined && firstNameSex(`${next.text} X`) !== null;
}

function isFirstName(t: Token): boolean {
  return t.cap && (MALE_NAMES.has(t.lower) || FEMALE_NAMES.has(t.lower));
}

/** The title a name was written with when it is no role of its own ("Oceanographer"). */
function isJobTitle(t: Token, next: Token | undefined): boolean {
  return jobTitle(t, next) && !TITLES.has(t.lower.replace(/\.$/, ""));
}

function key(name: string): string {
  return withoutThe(name.toLowerCase());
}

/** A lower-cased name without a leading "the ": tested before cut, as most names have none. */
function withoutThe(lower: string): string {
  return lower.startsWith("the ") ? lower.slice(4) : lower;
}

function register(table: EntityTable, words: Token[], prefix: Token[]): EntityRecord | null {
  const named = words.filter((w) => w.text !== ",");
  const written = named.map((w, i) => (i === named.length - 1 ? possessiveless(w.text) : w.text));
  // "Acme Foods Corp." is Acme Foods: the company's form is an alias, not another speaker.
  const formal = companyName(written);
  const parts = formal ?? written;
  const name = parts.join(" ");
  // Lower-cased once: every capitalised run of the article is registered.
  const lower = name.toLowerCase();
  if (parts.length === 1 && (NOT_NAMES.has(lower) || TITLES.has(lower))) return null;
  const k = withoutThe(lower);
  const known = table.byName.get(k);
  if (known && known.length > 0) {
    const entity = known[0] as EntityRecord;
    if (formal) {
      entity.kind = "organization";
      entity.names.add(written.join(" "));
    }
    if (name.startsWith("The ") && !entity.name.startsWith("The ")) entity.name = name;
    return entity;
  }
  // "Clinton and Sanders": a group speaks, which is neither of its members.
  const group = isGroup(parts);
  let kind = group ? "unknown" : classify(parts);
  // No one's name holds "for" or "of": "Bikers for Trump", "Supporters of Sanders" are bodies.
  if (kind === "person" && parts.some((p) => p === "for" || p === "of")) kind = "organization";
  const titled = prefix.length > 0 && kind === "unknown" && !group;
  if (titled) kind = "person";
  if (formal) kind = "organization";
  // Filled by add: a set made from a list goes through the iterator protocol, slow for one name.
  const names = new Set<string>();
  names.add(name);
  const entity: EntityRecord = { name, kind, roles: new Set(), names };
  if (formal) entity.names.add(written.join(" "));
  if (group) entity.group = true;
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

/** Words that end a company's formal name. */
export const COMPANY_SUFFIXES = new Set(
  "corp corporation inc incorporated co ltd llc plc ag sa nv gmbh".split(" "),
);

export function isCompanySuffix(t: Token | undefined): boolean {
  return t?.cap === true && COMPANY_SUFFIXES.has(withoutDot(t.lower));
}

/** The name without its company suffix ("Acme Foods Corp." -> Acme Foods), or null. */
function companyName(parts: string[]): string[] | null {
  if (parts.length < 2) return null;
  const last = (parts[parts.length - 1] as string).toLowerCase().replace(/[.,]/g, "");
  if (!COMPANY_SUFFIXES.has(last)) return null;
  const base = parts.slice(0, -1);
  base[base.length - 1] = (base[base.length - 1] as string).replace(/,$/, "");
  return base;
}

function index(table: EntityTable, k: string, entity: EntityRecord): void {
  const list = table.byName.get(k);
  if (list) {
    if (!list.includes(entity)) list.push(entity);
  } else table.byName.set(k, [entity]);
}

/** Titles written onto a name that are no role nouns of their own ("Chief Justice Roberts"). */
const TITLE_HEADS = new Set(
  "justice sen rep gov prof gen rev lt col capt sgt adm maj sir lord lady dame".split(" "),
);

const COPULAS = new Set("is was are were be been being become became becomes".split(" "));

/** The word before a phrase and its determiners, lower-cased, or "". */
function wordBefore(tokens: Token[], from: number): string {
  let k = from - 1;
  while (k >= 0 && DETERMINERS.has((tokens[k] as Token).lower)) k--;
  return k >= 0 ? (tokens[k] as Token).lower : "";
}

/** "Ohio Gov.", "Chief Justice": capitalised words only, none glued to the next ("PRESSOhio"). */
function plainTitle(tokens: Token[], from: number, end: number): boolean {
  return tokens.slice(from, end).every((t) => t.cap && !/\p{Lu}{2}\p{Ll}/u.test(t.text));
}

/** Whether a name is several names joined by "and" ("Clinton and Sanders"). */
function isGroup(parts: string[]): boolean {
  const at = parts.findIndex((p) => p === "and" || p === "&");
  if (at <= 0 || at === parts.length - 1) return false;
  const kind = classify(parts);
  return kind !== "organization" && kind !== "media" && kind !== "place";
}

const HONORIFIC_SEX: Record<string, "m" | "f"> = { mr: "m", mrs: "f", ms: "f", miss: "f" };

/** Title words that say nothing about which of two people with one surname is meant. */
const PLAIN_TITLES = new Set(["mr", "mrs", "ms", "dr", "former", "the"]);

/**
 * The person a lone shared surname means: the only one whose roles hold its title ("Secretary
 * Clinton" where only Hillary Clinton was called secretary), else the one named just before,
 * else the one the article names most.
 */
function pickShared(
  table: EntityTable,
  list: EntityRecord[],
  prefix: Token[],
  at: number,
): EntityRecord | null {
  // "Mr. Khan" is not Ghazala Khan, "Mrs. Clinton" not Bill Clinton.
  const honorific = prefix.map((t) => t.lower.replace(/\.$/, "")).find((t) => HONORIFIC_SEX[t]);
  if (honorific) {
    const other = HONORIFIC_SEX[honorific] === "m" ? "f" : "m";
    const kept = list.filter((e) => firstNameSex(e.name) !== other);
    if (kept.length === 1) return kept[0] as EntityRecord;
    if (kept.length > 1) list = kept;
  }
  const titles = prefix.map((t) => t.lower.replace(/\.$/, "")).filter((t) => !PLAIN_TITLES.has(t));
  if (titles.length > 0) {
    const fits = list.filter((e) => titles.every((t) => roleWordsOf(e).has(t)));
    if (fits.length === 1) return fits[0] as EntityRecord;
  }
  // Named just before: "Bill Clinton spoke first. Clinton said ...".
  let last: Sighting | null = null;
  const count = new Map<EntityRecord, number>();
  for (const s of table.sightings) {
    if (!list.includes(s.entity)) continue;
    count.set(s.entity, (count.get(s.entity) ?? 0) + 1);
    last = s;
  }
  if (!last) return null;
  if (at - last.at < NEAR) return last.entity;
  // Further on, the one the article names most ("her husband, Bill Clinton" once in a story
  // about Hillary Clinton does not make every later "Clinton" him).
  const ranked = [...count].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  return top && (!second || top[1] > second[1]) ? top[0] : last.entity;
}

/** How close, in characters, a full name must stand to decide a lone surname by itself. */
const NEAR = 300;

function roleWordsOf(entity: EntityRecord): Set<string> {
  const bag = new Set<string>();
  for (const role of entity.roles) for (const w of role.toLowerCase().split(/[\s,]+/)) bag.add(w);
  return bag;
}

/** Reads roles in apposition around a person's name, in either order. */
function addRoles(
  table: EntityTable,
  entity: EntityRecord,
  tokens: Token[],
  at: number,
  length: number,
): void {
  // Before: "Russian presidential spokesman Dmitry Peskov", "Kremlin spokesman, Dmitry Peskov".
  const comma = tokens[at - 1]?.text === ",";
  const end = comma ? at - 1 : at;
  let from = end;
  while (from > 0 && end - from < 6) {
    const t = tokens[from - 1] as Token;
    if (t.kind !== "w" || NP_STOP.has(t.lower) || DETERMINERS.has(t.lower)) break;
    // "Secretary of State Ada Marsh": "of" inside a capitalised title.
    const inTitle = t.lower === "of" && tokens[from - 2]?.cap && tokens[from]?.cap;
    if (inTitle) {
      from--;
      continue;
    }
    if (NOT_NAMES.has(t.lower) || OPENERS.has(t.lower)) break;
    const roleWord =
      ROLE_NOUNS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || ORG_WORDS.has(t.lower);
    if (!t.cap && !roleWord) break;
    from--;
  }
  // Set off by a comma, the role ends in a common noun: "the MI5 head, Andrew Parker", never
  // "an interview with the Associated Press, Trump ...".
  // Only the role's own tokens are read: a search of the whole sentence cost a run of names
  // the length of the run per name.
  let of = -1;
  for (let k = from + 1; k < end && of < 0; k++) if ((tokens[k] as Token).lower === "of") of = k;
  const head = tokens[(of > 0 ? of : end) - 1];
  // "The federal judge Trump was referring to": before a bare surname, "the" opens a clause.
  const clause = length === 1 && !comma && DETERMINERS.has(tokens[from - 1]?.lower ?? "");
  const role =
    head !== undefined &&
    (isRoleHead(head.lower) ||
      (!comma && TITLE_HEADS.has(head.lower.replace(/\.$/, "")) && plainTitle(tokens, from, end)));
  // "would counsel Clinton": one lower-case word before a bare surname is as likely a verb.
  const bare = length === 1 && end - from === 1 && !(tokens[from] as Token | undefined)?.cap;
  // "if Trump is the GOP nominee, Rubio said": a predicate, not an apposition.
  const predicate = comma && COPULAS.has(wordBefore(tokens, from));
  if (from < end && role && !(comma && head?.cap) && !clause && !bare && !predicate) {
    addRole(table, entity, tokens, from, end, !comma);
  }
  // After: "Andrew Parker, the director general of the MI5".
  const after = at + length;
  if (tokens[after]?.text !== "," || !opensApposition(tokens[after + 1])) return;
  let to = after + 1;
  while (to < tokens.length && to - after < 12) {
    const t = tokens[to] as Token;
    if (t.kind !== "w" && t.text !== "-") break;
    // "the environmental activist and lawyer": two roles of one person.
    const roles = t.lower === "and" && ROLE_NOUNS.has(tokens[to + 1]?.lower ?? "");
    if (to > after + 1 && !roles && (NP_STOP.has(t.lower) || t.lower === "who")) break;
    // "..., a professor of law teaching at ...": a participle ends the description.
    const participle = !t.cap && /ing$/.test(t.lower) && !ROLE_NOUNS.has(t.lower);
    if (to > after + 1 && participle && !ROLE_MODIFIERS.has(t.lower)) break;
    to++;
  }
  if (closesApposition(tokens, to, after) && hasRoleHead(tokens, after + 1, to)) {
    addRole(table, entity, tokens, after + 1, to, false);
  }
}

/** An apposition opens with a determiner, a role or a name, never "saying", "whose", "or". */
function opensApposition(t: Token | undefined): boolean {
  if (t?.kind !== "w") return false;
  if (NP_STOP.has(t.lower) || /^\d/.test(t.text)) return false;
  return (
    t.cap || DETERMINERS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || !/(ing|ed)$/.test(t.lower)
  );
}

/** An apposition ends at punctuation, the sentence's end, a relative clause or a preposition. */
function closesApposition(tokens: Token[], to: number, after: number): boolean {
  if (to <= after + 1 || to - after >= 12) return false;
  const t = tokens[to];
  if (!t) return true;
  if (t.kind !== "w") return APPOSITION_CLOSERS.has(t.text);
  // "Sam Lau, the communications director for the party said": a closing comma left out.
  if (isSpeechForm(t.lower) && !isAmbiguousForm(t.lower)) return tokens[after + 1]?.lower === "the";
  return APPOSITION_ENDS.has(t.lower);
}

/** Marks that close an apposition; a quotation mark opens what someone said instead. */
const APPOSITION_CLOSERS = new Set([",", ".", ";", ":", "(", ")", "—", "–", "?", "!"]);

const APPOSITION_ENDS = new Set(
  "who whom whose which in on at from with since under during until near".split(" "),
);

/** The head of a description, before its complement ("director" in "director of research"). */
function hasRoleHead(tokens: Token[], from: number, to: number): boolean {
  let end = to;
  for (let i = from + 1; i < to; i++) {
    if (["of", "for", "at", "to"].includes((tokens[i] as Token).lower)) {
      end = i;
      break;
    }
  }
  return isRoleHead(possessiveless((tokens[end - 1] as Token).lower));
}

function isRoleHead(word: string): boolean {
  // Split only a hyphenated word: whole, the word was looked up already.
  return (
    ROLE_NOUNS.has(word) || (word.includes("-") && word.split("-").some((p) => ROLE_NOUNS.has(p)))
  );
}

/** Nouns of kinship or company: alone they say whose, not who ("son", "friend"). */
const RELATIONS = new Set(
  "son daughter wife husband mother father brother sister friend partner".split(" "),
);

/**
 * Adds a role when it describes this entity and nothing else: no other person's name as its
 * head, no clause, and a lone word only as a title written before the name.
 */
function addRole(
  table: EntityTable,
  entity: EntityRecord,
  tokens: Token[],
  from: number,
  to: number,
  attached: boolean,
): void {
  let a = from;
  while (a < to && DETERMINERS.has((tokens[a] as Token).lower)) a++;
  if (a >= to) return;
  const words = tokens.slice(a, to);
  if (words.some((t) => t.kind === "w" && !t.cap && CLAUSE_WORDS.has(t.lower))) return;
  if (words.filter((t) => t.kind === "w").length === 1) {
    const only = (words[0] as Token).lower;
    if (!attached || RELATIONS.has(only)) return;
  }
  if (namesPerson(table, tokens, a, to)) return;
  entity.roles.add(`${(tokens[a] as Token).text}${joinBetween(tokens, a, to)}`);
}

const CLAUSE_WORDS = new Set(
  "who whom whose which that and or but saying said says told was is were are has have had".split(
    " ",
  ),
);

/**
 * Whether a phrase names a person other than as a modifier: "President Barack Obama" does,
 * "Trump campaign chairman" and "Sanders's chief strategist" do not.
 */
function namesPerson(table: EntityTable, tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!(tokens[i] as Token).cap) continue;
    let j = i;
    while (j + 1 < to && (tokens[j + 1] as Token).cap) j++;
    for (let k = j; k >= i; k--) {
      const name = tokens
        .slice(i, k + 1)
        .map((t) => possessiveless(t.text))
        .join(" ");
      const people = (table.byName.get(key(name)) ?? []).filter((e) => e.kind === "person");
      if (people.length === 0) continue;
      const possessive = /['’]s?$/u.test((tokens[k] as Token).text);
      if (!possessive && !(k + 1 < to && !(tokens[k + 1] as Token).cap)) return true;
      break;
    }
    i = j;
  }
  return false;
}

/**
 * "The MI5 chief" resolved to Andrew Parker becomes one of his aliases, so that users can ask
 * for him by the words the articles use. Only a definite description of a role counts.
 */
export function addDescription(
  table: EntityTable,
  entity: EntityRecord,
  tokens: Token[],
  from: number,
  to: number,
): void {
  if (entity.kind !== "person" || to - from < 2 || to - from > 6) return;
  if ((tokens[from] as Token).lower !== "the") return;
  if (tokens.slice(from, to).some((t) => t.kind !== "w")) return;
  if (!isRoleHead(possessiveless((tokens[to - 1] as Token).lower))) return;
  addRole(table, entity, tokens, from, to, false);
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
