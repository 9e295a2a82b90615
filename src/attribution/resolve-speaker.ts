import type { EntityRecord, EntityTable, Sighting } from "./entities.ts";
import {
  DEMONYMS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  MEDIA_DESCRIPTIONS,
  ROLE_NOUNS,
  VAGUE_MODIFIERS,
} from "./lexicon.ts";
import type { Token } from "./sentences.ts";

/** A speaker the engine has already resolved, with where it spoke. */
export interface Spoken {
  at: number;
  paragraph: number;
  entity: EntityRecord;
}

export interface ResolveContext {
  table: EntityTable;
  /** Speakers resolved so far, in text order. */
  history: Spoken[];
  paragraph: number;
  /** Start of the current sentence. */
  sentenceStart: number;
}

/** How far back (in characters) a sentence subject may be the antecedent of "he" or "she". */
const SUBJECT_REACH = 1500;

/** Heads that name the same kind of post, so "the MI5 chief" can match "MI5 head". */
const HEAD_CLASS: Record<string, string> = {
  chief: "head",
  head: "head",
  director: "head",
  "director-general": "head",
  leader: "head",
  spokesman: "spokes",
  spokeswoman: "spokes",
  spokesperson: "spokes",
  secretary: "spokes",
};

const strip = (w: string) => w.toLowerCase().replace(/['’]s$|['’]$/u, "");

/** Resolves the words that name a speaker to an entity of the article, or null. */
export function resolveMention(mention: Token[], ctx: ResolveContext): EntityRecord | null {
  const words = mention.filter((t) => t.kind === "w");
  if (words.length === 0) return null;
  const first = words[0] as Token;
  if (words.length === 1) {
    const pronoun = first.lower.replace(/['’]\w+$/, "");
    if (pronoun === "he" || pronoun === "she") return resolvePerson(first.start, ctx);
    if (pronoun === "it") return resolveBody(ctx);
    if (["they", "we", "i", "you", "who"].includes(pronoun)) return null;
  }
  const named = namedIn(mention, ctx.table);
  const person = headPerson(mention, named);
  if (person) return person;
  const head = headOf(words);
  if (head && MEDIA_DESCRIPTIONS.has(head.lower) && !head.cap) {
    return latest(ctx, first.start, (e) => e.kind === "media");
  }
  if (head && isRoleHead(head.lower) && !head.cap) return byRole(words, ctx, first.start);
  if (head && DOCUMENT_NOUNS.has(head.lower)) {
    const inner = named.map((n) => n.entity);
    return inner.find((e) => e.kind === "media") ?? inner[0] ?? null;
  }
  const heads = named.filter((n) => !n.modifier).map((n) => n.entity);
  return heads.find((e) => e.kind !== "unknown") ?? heads[0] ?? null;
}

function isRoleHead(word: string): boolean {
  return ROLE_NOUNS.has(word) || word.split("-").some((p) => ROLE_NOUNS.has(p));
}

/** The head of a phrase: its last word before "of", "for", "at", "in". */
function headOf(words: Token[]): Token | undefined {
  const cut = words.findIndex((w, i) => i > 0 && ["of", "for", "at", "in", "by"].includes(w.lower));
  const core = cut > 0 ? words.slice(0, cut) : words;
  return core[core.length - 1];
}

interface Named {
  entity: EntityRecord;
  /** Index of the first token of the name in the mention. */
  at: number;
  /** The name is possessive ("Clinton's") or the object of a preposition ("adviser to Trump"). */
  modifier: boolean;
}

/** Entities named inside the mention, in order. */
function namedIn(mention: Token[], table: EntityTable): Named[] {
  const found: Named[] = [];
  for (let i = 0; i < mention.length; i++) {
    if (!mention[i]?.cap) continue;
    for (let j = Math.min(mention.length, i + 6); j > i; j--) {
      const name = mention
        .slice(i, j)
        .map((t, k, all) => (k === all.length - 1 ? strip(t.text) : t.lower))
        .join(" ")
        .replace(/^the /, "");
      const list = table.byName.get(name);
      if (list && list.length > 0) {
        const entity = pickAmong(list, mention[i]?.start ?? 0, table);
        const possessive = /['’]s?$/.test(mention[j - 1]?.text ?? "");
        if (entity) found.push({ entity, at: i, modifier: possessive || governed(mention, i) });
        i = j - 1;
        break;
      }
    }
  }
  return found;
}

/** "a spokesman for Hillary Clinton": a name after a preposition that follows a common noun. */
function governed(mention: Token[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (mention[k]?.cap || DETERMINERS.has(mention[k]?.lower ?? ""))) k--;
  const prep = mention[k];
  const noun = mention[k - 1];
  return (
    prep !== undefined &&
    ["of", "for", "to", "at", "with", "from", "by", "in", "on", "about"].includes(prep.lower) &&
    noun !== undefined &&
    noun.kind === "w" &&
    !noun.cap
  );
}

/**
 * The person a mention names as its head: in "Jeff Weaver, Sanders' campaign manager" the one
 * before the comma; in "Kremlin spokesman Dmitry Peskov" the last; never a modifier.
 */
function headPerson(mention: Token[], named: Named[]): EntityRecord | null {
  const people = named.filter((n) => n.entity.kind === "person" && !n.modifier);
  if (people.length === 0) return null;
  const comma = mention.findIndex((t) => t.text === ",");
  const beforeComma = comma >= 0 ? people.filter((n) => n.at < comma) : [];
  if (beforeComma.length > 0) return (beforeComma[beforeComma.length - 1] as Named).entity;
  if (comma >= 0) return (people[0] as Named).entity;
  return (people[people.length - 1] as Named).entity;
}

/** A surname shared by several people means the one named most recently before. */
function pickAmong(list: EntityRecord[], at: number, table: EntityTable): EntityRecord | null {
  if (list.length === 1) return list[0] as EntityRecord;
  return lastBefore(table, at, (e) => list.includes(e))?.entity ?? null;
}

/** The last sighting before `at` that passes `ok`, found by bisection then a backward walk. */
function lastBefore(
  table: EntityTable,
  at: number,
  ok: (e: EntityRecord, s: Sighting) => boolean,
  floor = -1,
): Sighting | null {
  const list = table.sightings;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Sighting).at < at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const s = list[i] as Sighting;
    if (s.at < floor) break;
    if (ok(s.entity, s)) return s;
  }
  return null;
}

function latest(
  ctx: ResolveContext,
  at: number,
  ok: (e: EntityRecord) => boolean,
): EntityRecord | null {
  const best = lastBefore(ctx.table, at, ok);
  if (best) return best.entity;
  const later = ctx.table.sightings.find((s) => s.at > at && ok(s.entity));
  const all = new Set(ctx.table.entities.filter(ok));
  return later && all.size === 1 ? later.entity : null;
}

/** "he"/"she": the subject of the sentence before, else the person who spoke last, nearby. */
function resolvePerson(at: number, ctx: ResolveContext): EntityRecord | null {
  const last = ctx.history[ctx.history.length - 1];
  const recentSpeaker =
    last && last.entity.kind === "person" && ctx.paragraph - last.paragraph <= 2 ? last : null;
  // A person named earlier in this sentence, or as a subject nearby, is the likeliest antecedent.
  const found = lastBefore(
    ctx.table,
    at,
    (e, s) => e.kind === "person" && (s.at >= ctx.sentenceStart || s.subject),
    at - SUBJECT_REACH,
  );
  const subject = found?.entity ?? null;
  const subjectAt = found?.at ?? -1;
  if (recentSpeaker && (subjectAt < recentSpeaker.at || subject === recentSpeaker.entity)) {
    return recentSpeaker.entity;
  }
  if (subject) return subject;
  return recentSpeaker?.entity ?? null;
}

/** "it": the organisation or outlet that spoke or was named last. */
function resolveBody(ctx: ResolveContext): EntityRecord | null {
  const body = (e: EntityRecord) => e.kind === "organization" || e.kind === "media";
  const last = ctx.history[ctx.history.length - 1];
  if (last && body(last.entity) && ctx.paragraph - last.paragraph <= 1) return last.entity;
  return null;
}

/** A description ("the senior Russian official") matched against the roles of the people. */
function byRole(words: Token[], ctx: ResolveContext, at: number): EntityRecord | null {
  const head = strip((headOf(words) as Token).text);
  const cues = words
    .map((w) => strip(w.text))
    .filter((w) => !VAGUE_MODIFIERS.has(w) && !DETERMINERS.has(w) && w !== head)
    .filter((w) => !["of", "for", "at", "in", "by", "and"].includes(w));
  let best: EntityRecord[] = [];
  let bestScore = 0;
  for (const entity of ctx.table.entities) {
    if (entity.kind !== "person" || entity.roles.size === 0) continue;
    const bag = roleWords(entity);
    let score = 0;
    for (const c of cues) {
      if (bag.has(c) || (DEMONYMS.get(c) ?? []).some((d) => bag.has(d))) score += 1;
      else score -= 0.25;
    }
    const cls = HEAD_CLASS[head];
    if (bag.has(head) || (cls && [...bag].some((w) => HEAD_CLASS[w] === cls))) score += 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = [entity];
    } else if (score === bestScore && score > 0) best.push(entity);
  }
  if (bestScore < 0.5) return null;
  if (best.length === 1) return best[0] as EntityRecord;
  return latest(ctx, at, (e) => best.includes(e));
}

function roleWords(entity: EntityRecord): Set<string> {
  const bag = new Set<string>();
  for (const role of entity.roles) {
    for (const w of role.split(/[\s,]+/)) {
      const s = strip(w);
      bag.add(s);
      for (const part of s.split("-")) bag.add(part);
    }
  }
  return bag;
}
