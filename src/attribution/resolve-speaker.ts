import { memoize } from "../cache/memo.ts";
import { partitionPoint } from "../sorted/partition-point.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";
import { hasWholeWord } from "../text/whole-word.ts";
import { headsSubject, type Place } from "./discourse.ts";
import {
  type EntityRecord,
  type EntityTable,
  isMediaName,
  PAPER_HEADS,
  type Sighting,
} from "./entities.ts";
import { type Gender, genderOf } from "./gender.ts";
import {
  CLAIM_NOUNS,
  COMPILED_NOUNS,
  DEMONYMS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  FEMALE_WORDS,
  GROUP_NOUNS,
  MALE_WORDS,
  MEDIA_DESCRIPTIONS,
  NOT_NAME_ADJECTIVES,
  NOT_NAME_LEADS,
  NOT_NAMES,
  NP_INNER_PREPS,
  NP_STOP,
  PARTY_ADJECTIVES,
  PEOPLES,
  PLACES,
  RECORDING_NOUNS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  STATEMENT_NOUNS,
  TITLES,
  VAGUE_MODIFIERS,
} from "./lexicon.ts";
import type { Token } from "./sentences.ts";
import { isAmbiguousForm, isSpeechForm, speechVerb } from "./speech-verbs.ts";

/** A speaker the engine has already resolved, with where it spoke. */
export interface Spoken {
  at: number;
  paragraph: number;
  entity: EntityRecord;
}

export interface ResolveContext {
  text: string;
  table: EntityTable;
  /** Body sentences in text order. */
  places: Place[];
  /** Known sex of the people of the article, filled as pronouns ask. */
  genders: Map<EntityRecord, Gender>;
  /** Speakers resolved so far, in text order. */
  history: Spoken[];
  /** Where a person spoke whom the engine could not name ("a post from Arianna Huffington"). */
  unnamed: number[];
  /** Where statements were made whose speaker the engine could not name, in text order. */
  silent: number[];
  /**
   * Bodies that spoke through a spokesperson ("a spokeswoman for the GMB union"), with where and
   * the spokesperson's sex: the "she" that follows is the body again.
   */
  spokespeople: Map<EntityRecord, { at: number; sex: Gender }>;
  paragraph: number;
  /** Start of the current sentence. */
  sentenceStart: number;
}

/**
 * Heads that name the same kind of post, so "the MI5 chief" can match "MI5 head" and
 * "Voss's lawyer" the one the article calls an attorney for Voss.
 */
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
  lawyer: "law",
  attorney: "law",
  counsel: "law",
  adviser: "adviser",
  advisor: "adviser",
};

/** "The Kremlin spokesman" fits the one the article calls press secretary. */
function sameClass(bag: Set<string>, head: string): boolean {
  // "The Russian leader" is the one the article calls the Russian president.
  if (head === "leader" && [...NATIONAL_POSTS].some((w) => bag.has(w))) return true;
  const cls = HEAD_CLASS[head];
  return cls !== undefined && [...bag].some((w) => HEAD_CLASS[w] === cls);
}

/** Posts of those who lead a country. */
const NATIONAL_POSTS = new Set(["president", "premier", "chancellor", "king", "queen"]);

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr"]);

const strip = (w: string) => {
  const lower = w.toLowerCase();
  // Most words end in neither an apostrophe nor an "s": those need no regular expression.
  const last = lower.charCodeAt(lower.length - 1);
  if (last !== 115 && last !== 39 && last !== 0x2019) return lower;
  return lower.replace(/['’]s$|['’]$/u, "");
};

/**
 * Resolves the words that name a speaker to an entity of the article, or null. Only an entity
 * whose name looks like a name or a body comes back: never a heading's words ("Will Sanders"),
 * a lone adjective ("American") or a group around someone ("Supporters of Sanders").
 */
export function resolveMention(mention: Token[], ctx: ResolveContext): EntityRecord | null {
  const entity = resolveWords(mention, ctx);
  if (entity && looksLikeName(entity, ctx)) return entity;
  const head = withoutVerb(mention) ?? withoutParticiple(mention);
  const again = head ? resolveWords(head, ctx) : null;
  return again && looksLikeName(again, ctx) ? again : null;
}

/**
 * "Trump avoids", "The Florida senator sought", "The Vermont senator emailed supporters": a
 * mention that ran on past its name or role into the verb after it, cut back to them; null
 * when it does not end so.
 */
function withoutVerb(mention: Token[]): Token[] | null {
  const words = mention.filter((t) => t.kind === "w");
  const end = words.findLastIndex(
    (w) => w.cap || isRoleHead(w.lower) || DESCRIBED.has(w.lower) || OWNED_BODIES[w.lower],
  );
  const tail = words.slice(end + 1);
  if (end < 0 || tail.length === 0 || tail.length > 3 || tail.some((w) => w.cap)) return null;
  if (
    tail.some(
      (w) => NP_STOP.has(w.lower) || NP_INNER_PREPS.has(w.lower) || DETERMINERS.has(w.lower),
    )
  ) {
    return null;
  }
  // Only a verb for sure: "Clinton supporters" and "Fox executives" are others, not Clinton.
  const verb = (tail[0] as Token).lower;
  const past = (verb.length > 4 && verb.endsWith("ed")) || PAST_FORMS.has(verb);
  const leadsIn = tail.length === 1 && LEAD_IN_VERBS.has(verb);
  if (!(past || leadsIn || isSpeechForm(verb)) || isAmbiguousForm(verb)) return null;
  return words.slice(0, end + 1);
}

/**
 * "contradicting Tulsa police's (claim)", "echoing Clinton's (remarks)": a possessive owner of
 * a statement noun read with the participle before it, cut to the owner; null otherwise.
 */
function withoutParticiple(mention: Token[]): Token[] | null {
  const [first, next] = mention;
  const last = mention[mention.length - 1];
  if (!first || !next?.cap || first.cap || !/^\p{Ll}{3,}ing$/u.test(first.lower)) return null;
  return last && /['’]s?$/u.test(last.text) ? mention.slice(1) : null;
}

/**
 * Present verbs that lead into the "-ing" cue after them ("Trump avoids condemning", "Ms. Holt
 * keeps saying"): none is a plural noun, so the name before one is the speaker, not a modifier.
 */
const LEAD_IN_VERBS = new Set(
  "avoids keeps continues stops starts begins quits resumes risks".split(" "),
);

/** Past forms of common verbs that do not end in -ed ("The Florida senator sought"). */
const PAST_FORMS = new Set(
  "began sought sent took gave made spoke went came met left led won lost ran held kept brought felt stood wrote".split(
    " ",
  ),
);

function looksLikeName(entity: EntityRecord, ctx: ResolveContext): boolean {
  if (BODIES.has(entity)) return true;
  const words = nameWords(entity.name);
  const first = words[0] as string;
  if (GROUP_NOUNS.has(first)) return false;
  // Seen capitalised only where sentences start: "Will Sanders win?", "Debating Clinton".
  const midSentence = seenMidSentence(ctx.table, entity);
  const lead = NOT_NAME_LEADS.has(first) || /^\p{L}{3,}ing$/u.test(first);
  if (lead && !midSentence && restIsKnown(entity, words, ctx)) return false;
  if (words.length > 1) return true;
  if (NOT_NAME_ADJECTIVES.has(first)) return false;
  if (entity.kind !== "unknown" || midSentence) return true;
  // A word the article also writes in lower case is a common word, not a name.
  return !writtenInText(first, ctx.text);
}

/** A name's lower-cased words: every candidate of every name tried in a mention asks. */
const nameWords = memoize((name: string) => name.split(/\s+/).map((w) => w.toLowerCase()), 10_000);

/**
 * Entities the table sees somewhere other than at the head of a sentence. Every candidate of
 * every mention asks, so the set is made once a table (its sightings are complete once built;
 * the length guards against one added later) instead of a walk over all sightings each time.
 */
const MID_SENTENCE = new WeakMap<Sighting[], { length: number; seen: Set<EntityRecord> }>();
function seenMidSentence(table: EntityTable, entity: EntityRecord): boolean {
  const sightings = table.sightings;
  let known = MID_SENTENCE.get(sightings);
  if (!known || known.length !== sightings.length) {
    const seen = new Set<EntityRecord>();
    for (const s of sightings) if (!s.subject) seen.add(s.entity);
    known = { length: sightings.length, seen };
    MID_SENTENCE.set(sightings, known);
  }
  return known.seen.has(entity);
}

/**
 * Whether the lower-cased word stands as a whole word in the text (as written: a lower-case
 * word in the text). Remembered for the article being read, which asks about the same few
 * words again and again; each answer was a scan of the whole text.
 */
let written: { text: string; words: Map<string, boolean> } = { text: "", words: new Map() };
function writtenInText(word: string, text: string): boolean {
  if (written.text !== text) written = { text, words: new Map() };
  let found = written.words.get(word);
  if (found === undefined) {
    found = hasWholeWord(text, word);
    written.words.set(word, found);
  }
  return found;
}

/** "Will Sanders": without its first word the name is someone else's ("Sanders"). */
function restIsKnown(entity: EntityRecord, words: string[], ctx: ResolveContext): boolean {
  if (words.length === 1) return true;
  const rest = ctx.table.byName.get(words.slice(1).join(" ")) ?? [];
  const last = ctx.table.byName.get(words[words.length - 1] as string) ?? [];
  return [...rest, ...last].some((e) => e !== entity);
}

/** Possessive determiners to the pronoun of their owner. */
const OWNER_PRONOUNS: Record<string, string> = { his: "he", her: "she", its: "it", their: "they" };

function resolveWords(mention: Token[], ctx: ResolveContext): EntityRecord | null {
  const words = mention.filter((t) => t.kind === "w");
  if (words.length === 0) return null;
  const first = words[0] as Token;
  if (words.length === 1) {
    const word = first.lower.replace(/['’]\w+$/, "");
    // "his claim that ...": the owner of a statement noun, named by a possessive.
    const pronoun = OWNER_PRONOUNS[word] ?? word;
    if (pronoun === "he" || pronoun === "she") return resolvePerson(pronoun, first.start, ctx);
    if (pronoun === "it") return resolveBody(first.start, ctx);
    if (pronoun === "they") return resolveThey(ctx);
    if (["we", "i", "you", "who"].includes(pronoun)) return null;
  }
  const shown = recorded(mention);
  if (shown) return resolveWords(shown, ctx);
  const party = partyOf(words);
  if (party) return bodyNamed(party, ctx);
  const named = namedIn(mention, ctx);
  const group = groupOf(mention, named, ctx);
  if (group !== undefined) return group;
  const owner = ownerSpeaking(words, named, ctx);
  if (owner) return owner;
  const maker = madeBy(mention, named);
  if (maker) return maker;
  const person = headPerson(mention, named);
  if (person) return person;
  const described = bodySetOff(mention, named);
  if (described) return described;
  const head = headOf(words);
  const body = head ? bodyOf(mention, words, head, named, ctx) : null;
  if (body) return body;
  const definite = first.lower === "the" || first.lower === "this";
  if (head && !head.cap && definite && words.length <= 4 && BODY_TYPES[head.lower]) {
    return byType(head.lower, first.start, ctx);
  }
  // "The project's website" is the project's, not the outlet on stage.
  const owned = words.some((w) => w !== head && /['’]s?$/u.test(w.text));
  if (head && MEDIA_DESCRIPTIONS.has(head.lower) && !head.cap && !owned) {
    return latest(ctx, first.start, (e) => e.kind === "media");
  }
  const voiced = head && !head.cap ? spokenFor(words, head, named, ctx) : null;
  if (voiced) return voiced;
  if (head && !head.cap && (isRoleHead(head.lower) || DESCRIBED.has(head.lower))) {
    return (
      byRole(words, ctx, first.start) ??
      namedNext(words, head.lower, ctx, first.start) ??
      unnamedPost(words, named, ctx)
    );
  }
  if (head && (DOCUMENT_NOUNS.has(head.lower) || COMPILED_NOUNS.has(head.lower))) {
    // Not a name read from the tail of a longer one ("Politics" of "Real Clear Politics"); a
    // possessive before it is another phrase ("July's Washington Post poll").
    const tail = (n: Named) => {
      const before = mention[n.at - 1];
      return before?.cap === true && !/['’]s?$/u.test(before.text);
    };
    const inner = named.filter((n) => !tail(n)).map((n) => n.entity);
    return inner.find((e) => e.kind === "media") ?? inner[0] ?? null;
  }
  const heads = named.filter((n) => !n.modifier).map((n) => n.entity);
  return heads.find((e) => e.kind !== "unknown") ?? heads[0] ?? null;
}

/**
 * "a clip of McCain saying he will support the nominee", "footage of Trump saying": the one
 * the recording shows speaks. The words after "of" when the mention is a recording noun (with
 * determiners and adjectives only before it) of someone named; else null.
 */
function recorded(mention: Token[]): Token[] | null {
  const of = mention.findIndex((t) => t.lower === "of");
  if (of < 1 || !RECORDING_NOUNS.has((mention[of - 1] as Token).lower)) return null;
  // "The ad uses footage of Hillary Clinton": a capital that opens the sentence names no one.
  const named = (t: Token) => t.kind !== "w" || (t.cap && !DETERMINERS.has(t.lower));
  if (mention.slice(0, of).some(named)) return null;
  const shown = mention.slice(of + 1);
  return shown.some((t) => t.cap) ? shown : null;
}

/**
 * "Donald Trump's claim that ...", "Ivana Trump's brief said", "Huckabee's campaign said": a
 * mention that is nothing but a possessive name, cut before what the name owns. What it owns
 * decides: words it said are its own; a campaign or a team is its body; its people ("Scott's
 * family", "Pagliano's lawyer") are someone else, named by whose they are (see ownedPost).
 */
function ownerSpeaking(words: Token[], named: Named[], ctx: ResolveContext): EntityRecord | null {
  const name = named.find((n) => /['’]s?$/u.test(words[n.end - 1]?.text ?? ""));
  // "the ministry's", "Ms. Lund's": only a determiner or a title may stand before the name.
  if (!name) return null;
  const lead = words.slice(0, name.at);
  if (!lead.every((w) => DETERMINERS.has(w.lower) || TITLES.has(strip(w.text).replace(/\.$/, ""))))
    return null;
  const owned = words.slice(name.end);
  if (owned.some((w) => w.cap)) return null;
  // The owned noun: the mention's words after the name, else the next few words of the text,
  // past adjectives ("Oz's dubious medical advice").
  const last = words[name.end - 1] as Token;
  const after = /^\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(
    ctx.text.slice(last.end, last.end + 60),
  );
  const nouns = owned.length > 0 ? owned.map((w) => w.lower) : (after?.[1]?.split(/\s+/) ?? []);
  // "Scott's family has called": the mention cut before the group the name owns.
  const group = nouns[0] ?? "";
  if (owned.length === 0 && GROUP_NOUNS.has(group) && !RESPONDENTS.has(group)) {
    return ownsGroup(name.entity, ctx) ? ownedGroup(name.entity, group, ctx) : null;
  }
  // "Huckabee's campaign said", not "Trump's campaign manager".
  const body =
    nouns.length < 2 || !isRoleHead(nouns[1] ?? "") ? OWNED_BODIES[nouns[0] ?? ""] : null;
  if (body) return name.entity.group ? null : bodyNamed(`${shortName(name.entity)} ${body}`, ctx);
  // "Pagliano's lawyer": the one the article names as such, if it does (see unnamedPost).
  if (isPost(owned)) return postHolder(name.entity, owned, ctx);
  const said = nouns.findIndex(isSpokenNoun);
  // "Trump's claim", "Oz's dubious medical advice": adjectives only before the noun.
  if (said < 0 || nouns.slice(0, said).some((w) => NP_STOP.has(w) || isSpeechForm(w))) return null;
  // "Ivana Trump's brief": the mention ends in the noun, if it holds one.
  if (owned.length > 0 && said !== owned.length - 1) return null;
  return name.entity;
}

/**
 * "according to a speech Mrs. Clinton delivered", "a statement the company released": the one
 * named right after a spoken or written noun, as the subject of the verb that made it, speaks.
 */
function madeBy(mention: Token[], named: Named[]): EntityRecord | null {
  for (const n of named) {
    const title = mention[n.at - 1];
    const before = title && TITLES.has(strip(title.text).replace(/\.$/, "")) ? n.at - 2 : n.at - 1;
    const noun = mention[before];
    const verb = mention[n.end];
    if (!noun || noun.cap || !verb || verb.cap || verb.kind !== "w") continue;
    if (!isSpokenNoun(noun.lower) && !DOCUMENT_NOUNS.has(noun.lower)) continue;
    const past = (verb.lower.length > 4 && verb.lower.endsWith("ed")) || PAST_FORMS.has(verb.lower);
    if (past && n.entity.kind !== "place" && !n.entity.group) return n.entity;
  }
  return null;
}

/** Chambers and the like that may stand before a party adjective: "Senate Republican leaders". */
const CHAMBERS = new Set(["senate", "house", "state", "congressional"]);

/**
 * "Clinton aides", "advisers to Mr. Obama", "White House officials", "Senate Republican leaders":
 * people the mention counts as a group of a named person, body or party speak as that group,
 * a speaker of their own ("Clinton aides") that is never the one they serve. Bare "officials"
 * or "aides" say whose nobody is: null, as "American officials" whose owner is an adjective.
 * Undefined where the mention is no such group, for the other readings to try.
 */
function groupOf(
  mention: Token[],
  named: Named[],
  ctx: ResolveContext,
): EntityRecord | null | undefined {
  // "a Homeland Security Department official", "one GOP source": one unnamed person, named
  // by whose they are as a group is.
  const one = ["a", "an", "one"].includes(mention[0]?.lower ?? "");
  const g = mention.findIndex(
    (t, i) =>
      t.kind === "w" &&
      (GROUP_NOUNS.has(t.lower) || (one && UNNAMED_ONES.has(t.lower))) &&
      (!t.cap || i === 0 || mention[i - 1]?.cap) &&
      !named.some((n) => n.at <= i && i < n.end),
  );
  if (g < 0) return undefined;
  // "A longtime JNF official, Howard Ingram": a person named beside the post is the speaker.
  if (named.some((n) => n.entity.kind === "person" && !n.modifier)) return undefined;
  const noun = (mention[g] as Token).lower;
  // Who answered a poll ("55 percent of Sanders supporters said") is the poll's finding.
  if (RESPONDENTS.has(noun)) return undefined;
  const start = (mention[0] as Token).start;
  let lead = ctx.text.slice(Math.max(0, start - 12), start).trimEnd();
  while (/[—–-]$/u.test(lead)) lead = lead.slice(0, -1).trimEnd();
  if (/(?:\bof|\bpercent|%)$/u.test(lead)) return null;
  const before = mention.slice(0, g);
  // Owner after the noun: "Aides to Clinton", "officials at the Labor Department", the mention
  // ending with the name or setting it off ("..., a division of ...").
  if (["to", "of", "for", "at", "with", "from"].includes(mention[g + 1]?.lower ?? "")) {
    if (!before.every(leadsGroup)) return undefined;
    let k = g + 2;
    while (DETERMINERS.has(mention[k]?.lower ?? "") || titled(mention[k])) k++;
    const owner = named.find((n) => n.at === k);
    const after = owner ? mention[owner.end] : undefined;
    if (!owner || after?.kind === "w" || !ownsGroup(owner.entity, ctx)) return undefined;
    return ownedGroup(owner.entity, noun, ctx);
  }
  if (g !== mention.length - 1 && mention[g + 1]?.text !== ",") return undefined;
  // A party's: "Republican lawmakers", "Senate Democratic aides", "Democratic party officials"
  // (the chamber before a party's adjective is no owner of its own).
  const p = before.findIndex((t) => t.cap && PARTY_ADJECTIVES.has(t.lower));
  if (p >= 0) {
    const chamber = p > 0 && CHAMBERS.has((before[p - 1] as Token).lower) ? p - 1 : p;
    if (!before.slice(0, chamber).every(leadsGroup)) return undefined;
    if (!before.slice(p + 1).every((t) => t.lower === "party" || groupModifier(t)))
      return undefined;
    const party = before
      .slice(chamber, p + 1)
      .map((t) => t.text)
      .join(" ");
    return groupNamed(`${party} ${kindWords(before.slice(p + 1))}${noun}`, ctx);
  }
  // Owner before the noun: "Mr. Sanders's aides", "Clinton's longtime allies", "some of
  // Clinton's allies", "Labor Department officials".
  const owner = named.findLast((n) => n.end <= g);
  if (!owner) return ownedByPronoun(before, noun, ctx);
  if (!ownsGroup(owner.entity, ctx)) return undefined;
  const opening = mention.slice(0, owner.at);
  const between = mention.slice(owner.end, g);
  if (!opening.every((t) => leadsGroup(t) || t.lower === "of" || titled(t))) return undefined;
  if (!between.every((t) => /^['’]$/u.test(t.text) || groupModifier(t))) return undefined;
  return ownedGroup(owner.entity, `${kindWords(between)}${noun}`, ctx);
}

/**
 * The words between owner and noun that say which of the owner's people ("campaign" in "a
 * Clinton campaign official", "airport" in "a Cairo airport official"), each followed by a
 * space; not those that only rank or count them ("senior", "longtime", "former").
 */
function kindWords(between: Token[]): string {
  return between
    .filter((t) => t.kind === "w" && !t.cap && !/['’]/u.test(t.text))
    .filter(
      (t) =>
        OWNED_BODIES[t.lower] ||
        !(
          ROLE_MODIFIERS.has(t.lower) ||
          QUANTIFIERS.has(t.lower) ||
          RANKS.has(t.lower) ||
          ADJECTIVE_ENDS.test(t.lower)
        ),
    )
    .map((t) => `${t.lower} `)
    .join("");
}

/**
 * "His aides said", "its executives said": the group of whom the possessive means, found as
 * the pronoun would be ("his" as "he"); null where a reader could not tell whose.
 */
function ownedByPronoun(
  before: Token[],
  noun: string,
  ctx: ResolveContext,
): EntityRecord | null | undefined {
  const first = before[0];
  const pronoun = OWNER_PRONOUNS[first?.lower ?? ""];
  if (!first || (pronoun !== "he" && pronoun !== "she" && pronoun !== "it")) return undefined;
  if (!before.slice(1).every(groupModifier)) return undefined;
  const owner =
    pronoun === "it" ? resolveBody(first.start, ctx) : resolvePerson(pronoun, first.start, ctx);
  if (!owner || !ownsGroup(owner, ctx)) return null;
  return ownedGroup(owner, `${kindWords(before.slice(1))}${noun}`, ctx);
}

/** "lawyer", "former campaign strategist": the words a name owns are one post. */
function isPost(owned: Token[]): boolean {
  const post = owned[owned.length - 1];
  return post !== undefined && isRoleHead(post.lower) && owned.slice(0, -1).every(groupModifier);
}

/**
 * "Pagliano's lawyer": the one person the article names as holding that post for that owner
 * ("An attorney for Pagliano, Mark MacDougall", "Cameron's spokesman, Tom Lee"); null when it
 * names none, or several, whom no one could tell apart: then only the post is named.
 */
function postHolder(owner: EntityRecord, owned: Token[], ctx: ResolveContext): EntityRecord | null {
  if (owner.group) return null;
  const holders = postHolders(owner, (owned[owned.length - 1] as Token).lower, ctx);
  return holders.size === 1 ? (holders.values().next().value as EntityRecord) : null;
}

/**
 * "Pagliano's lawyer", "Cameron's spokesman" where nothing names them: the post itself, by
 * whose it is ("Pagliano lawyer"), as an unnamed official is; never the owner.
 */
function unnamedPost(words: Token[], named: Named[], ctx: ResolveContext): EntityRecord | null {
  const name = named.find((n) => /['’]s?$/u.test(words[n.end - 1]?.text ?? ""));
  if (!name || name.entity.group || !ownsGroup(name.entity, ctx)) return null;
  // "the Kremlin's", "Libertarian presidential candidate Gary Johnson's": a determiner or the
  // owner's own title may stand before the name.
  const title = (w: Token) =>
    DETERMINERS.has(w.lower) || w.cap || isRoleHead(w.lower) || ROLE_MODIFIERS.has(w.lower);
  if (!words.slice(0, name.at).every(title)) return null;
  const owned = words.slice(name.end);
  if (!isPost(owned)) return null;
  const head = (owned[owned.length - 1] as Token).lower;
  return ownedGroup(name.entity, `${kindWords(owned.slice(0, -1))}${head}`, ctx);
}

/** People the article names beside a post of `owner`'s: "X's lawyer, Jane Doe", "Jane Doe, an attorney for X". */
function postHolders(owner: EntityRecord, head: string, ctx: ResolveContext): Set<EntityRecord> {
  const cls = HEAD_CLASS[head];
  const posts = cls ? Object.keys(HEAD_CLASS).filter((w) => HEAD_CLASS[w] === cls) : [head];
  const literal = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const O = `(?:${[owner.name, shortName(owner)].map(literal).join("|")})`;
  const R = `(?:${posts.join("|")})`;
  const M = "(?:[\\p{Ll}-]+\\s+){0,3}";
  const N = "(\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){1,3})";
  const by = `\\s+(?:for|to|of)\\s+(?:\\p{Lu}[\\p{L}.]*\\s+){0,4}${O}`;
  // Each pattern with a looser one, free of letter classes, that matches wherever it does.
  const words = (n: number) => `(?:\\S+\\s+){0,${n}}`;
  const owners = `${O}['’]s?\\s+${words(3)}${R}`;
  const postFor = `${R}\\s+(?:for|to|of)\\s+${words(4)}${O}`;
  const patterns: [string, string][] = [
    [`\\b${O}['’]s?\\s+${M}${R},?\\s+${N}`, owners],
    [`\\b(?:[Aa]n?|[Tt]he)\\s+${M}${R}${by},\\s+${N}`, `${postFor},`],
    [`${N},\\s+${O}['’]s?\\s+${M}${R}\\b`, `,\\s+${owners}`],
    [`${N},\\s+(?:an?|the)\\s+${M}${R}${by}\\b`, postFor],
  ];
  const found = new Set<EntityRecord>();
  for (const [p, loose] of patterns) {
    for (const run of namesMatched(p, loose, ctx.text)) {
      const holder = personNamed(run, ctx);
      if (holder && holder !== owner) found.add(holder);
    }
  }
  return found;
}

/**
 * The names a post pattern finds in the text (its first group, in order). Remembered for the
 * article being read: each mention of a post asks again with the same owner and post, and each
 * asking scanned the whole text four times. A pattern with letter classes costs about a
 * millisecond to compile, new for each owner and post, so a looser pattern, cheap to compile and
 * matching wherever the pattern does, is tried first: where it finds nothing, neither would the pattern.
 */
let matched: { text: string; runs: Map<string, string[]> } = { text: "", runs: new Map() };
function namesMatched(pattern: string, loose: string, text: string): string[] {
  if (matched.text !== text) matched = { text, runs: new Map() };
  let runs = matched.runs.get(pattern);
  if (runs === undefined) {
    const absent = !new RegExp(loose, "u").test(text);
    runs = absent ? [] : [...text.matchAll(new RegExp(pattern, "gu"))].map((m) => m[1] as string);
    matched.runs.set(pattern, runs);
  }
  return runs;
}

/** The person of the article a run of capitalised words names, trying shorter runs too. */
function personNamed(run: string, ctx: ResolveContext): EntityRecord | null {
  const words = run.split(/\s+/);
  for (let n = words.length; n >= 2; n--) {
    const list = ctx.table.byName.get(words.slice(0, n).join(" ").toLowerCase()) ?? [];
    const person = list.find((e) => e.kind === "person" && !e.group);
    if (person) return person;
  }
  return null;
}

/** Words that rank or date the people of a post rather than say which: "recent", "close". */
const RANKS = new Set("recent current close new old own party".split(" "));
const ADJECTIVE_ENDS = /(?:al|ous|ive|ic|ful|less|able|ible|ing|ed)$/u;

/** "Mr.", "Mrs.": an honorific before a name. */
function titled(t: Token | undefined): boolean {
  return t !== undefined && HONORIFICS.has(strip(t.text).replace(/\.$/, ""));
}

/**
 * Posts of one unnamed person whom a mention names by whose they are ("a Treasury official",
 * "one Democratic source"). Not a spokesperson: one speaks for the body (see spokenFor).
 */
const UNNAMED_ONES = new Set(
  "official source aide adviser advisor executive staffer strategist".split(" "),
);

/** Groups a poll asks: what they "said" is its finding, not their statement. */
const RESPONDENTS = new Set(["voters", "people", "residents"]);

/**
 * A word between a group's owner and its noun ("longtime", "campaign", "election"), never a
 * verb or a post: in "The Vermont senator emailed supporters" the supporters are no speaker.
 */
function groupModifier(t: Token): boolean {
  if (t.kind !== "w" || t.cap || NP_STOP.has(t.lower) || isSpeechForm(t.lower)) return false;
  if (ROLE_MODIFIERS.has(t.lower) || QUANTIFIERS.has(t.lower)) return true;
  // "the Texas senator's allies": the owner is the senator, whom a name does not give here.
  return !isRoleHead(strip(t.text)) && !/(?:ed|ing)$/u.test(t.lower) && !PAST_FORMS.has(t.lower);
}

/** Words that may open a group's mention: "some", "several top", "the". */
function leadsGroup(t: Token): boolean {
  return (
    t.kind === "w" &&
    (DETERMINERS.has(t.lower) || QUANTIFIERS.has(t.lower) || ROLE_MODIFIERS.has(t.lower)) &&
    !PARTY_ADJECTIVES.has(t.lower)
  );
}

/** "Clinton aides", "White House officials": the group named by its owner's short name. */
function ownedGroup(owner: EntityRecord, noun: string, ctx: ResolveContext): EntityRecord | null {
  // "Clinton and Sanders supporters" are two camps, not one group.
  if (owner.group) return null;
  return groupNamed(`${shortName(owner).replace(/^the /i, "")} ${noun}`, ctx);
}

/**
 * Whether a name may own a group: not an adjective ("Israeli officials", whose owner a reader
 * cannot name), nor a common word that the article capitalises only where it opens a sentence
 * ("Campaign aides", "Top advisers", "Law enforcement sources").
 */
function ownsGroup(owner: EntityRecord, ctx: ResolveContext): boolean {
  const words = owner.name.toLowerCase().split(" ");
  if (words.some((w) => NOT_NAME_ADJECTIVES.has(w))) return false;
  if (words.length > 1 || owner.kind === "person") return true;
  return ctx.table.sightings.some((s) => s.entity === owner && !s.subject);
}

/** The article's group of that name, made when new: people who speak as one, no person of them. */
function groupNamed(name: string, ctx: ResolveContext): EntityRecord {
  const key = name.toLowerCase();
  const known = ctx.table.byName.get(key)?.find((e) => e.kind === "group");
  if (known) return known;
  const entity: EntityRecord = { name, kind: "group", roles: new Set(), names: new Set([name]) };
  BODIES.add(entity);
  ctx.table.entities.push(entity);
  ctx.table.byName.set(key, [...(ctx.table.byName.get(key) ?? []), entity]);
  return entity;
}

/**
 * "Xinhua, the official Chinese news agency": a body's name with its description set off after
 * it is that body. Not a person's description ("Xinhua, the agency's spokesman"): someone else.
 */
function bodySetOff(mention: Token[], named: Named[]): EntityRecord | null {
  const comma = mention.findIndex((t) => t.text === ",");
  const name = named[0];
  if (!name || name.end !== comma || name.entity.kind === "person") return null;
  if (!mention.slice(0, name.at).every((t) => DETERMINERS.has(t.lower))) return null;
  const after = mention.slice(comma + 1).filter((t) => t.kind === "w");
  if (!DETERMINERS.has(after[0]?.lower ?? "")) return null;
  const head = headOf(after);
  if (!head || head.cap || /['’]s?$/u.test(head.text)) return null;
  return MEDIA_DESCRIPTIONS.has(head.lower) || BODY_TYPES[head.lower] ? name.entity : null;
}

/** Nouns for words someone said or wrote: "claim", "remarks", "statement", "tweets". */
function isSpokenNoun(word: string): boolean {
  if (CLAIM_NOUNS.has(word) || STATEMENT_NOUNS.has(word) || SPOKEN_NOUNS.has(word)) return true;
  const verb = speechVerb(word);
  return verb?.nounForms.includes(word) ?? false;
}

/** Words said or written that neither the verb table nor the claim nouns hold. */
const SPOKEN_NOUNS = new Set(
  "remarks words speech brief advice testimony message statement statements letter column op-ed book article".split(
    " ",
  ),
);

/**
 * "A spokeswoman for the GMB union", "a Foreign Ministry spokesman", "an Acme spokesperson": an
 * unnamed spokesperson of a named body speaks for it, so the body is the speaker. A named one is
 * a person ("Foreign Ministry spokesman Lin Wei") and never reaches here; so is a spokesperson
 * for a person ("a spokesman for Hillary Clinton"), who stays unnamed.
 */
function spokenFor(
  words: Token[],
  head: Token,
  named: Named[],
  ctx: ResolveContext,
): EntityRecord | null {
  if (HEAD_CLASS[head.lower] !== "spokes" || head.lower === "secretary") return null;
  if (!["a", "an", "one"].includes((words[0] as Token).lower)) return null;
  const at = words.indexOf(head);
  const bodies = named.filter((n) => isBody(n.entity));
  // "for the GMB union": the body after a preposition, past its determiners.
  const prepBefore = (n: Named) => {
    let k = n.at - 1;
    while (k > at && DETERMINERS.has(words[k]?.lower ?? "")) k--;
    return k > at && ["for", "of", "at"].includes(words[k]?.lower ?? "");
  };
  const after = bodies.find(prepBefore);
  const before = bodies.find((n) => n.end === at);
  const body = (after ?? before)?.entity;
  if (!body || named.some((n) => n.entity.kind === "person")) return null;
  const sex = head.lower === "spokesman" ? "m" : head.lower === "spokeswoman" ? "f" : null;
  ctx.spokespeople.set(body, { at: head.start, sex });
  return body;
}

/**
 * Nouns that, after "the", point back to a person named before without being a post:
 * "the front-runner", "the retired neurosurgeon", "the actress".
 */
export const DESCRIBED = new Set(
  "front-runner frontrunner contender hopeful challenger incumbent neurosurgeon surgeon actress actor entrepreneur developer woman man lady".split(
    " ",
  ),
);

/** Heads of a body that a name owns: "the Clinton campaign", "Rubio's team". */
const OWNED_BODIES: Record<string, string> = {
  campaign: "campaign",
  camp: "campaign",
  team: "team",
  administration: "administration",
  government: "government",
  office: "office",
};

/** Heads of a body that a place owns: "police in Norway" are the Norway police. */
export const PLACE_BODIES = new Set(["police", "authorities"]);

/** A place's own government, named "the city of ...". */
const CIVIC_BODIES = new Set(["city", "county", "town", "village"]);

/** Parties whose members speak as one: "Republicans said", "House Democrats said". */
const PARTIES = new Set(["democrats", "republicans"]);

/** Words before a party that only say how many of its members: "some", "top". */
const QUANTIFIERS = new Set("some many several most other top leading fellow".split(" "));

/** "Republicans", "Senate Democrats": the party, as the article names it; null otherwise. */
function partyOf(words: Token[]): string | null {
  let i = 0;
  while (
    i < words.length &&
    (DETERMINERS.has(words[i]?.lower ?? "") || QUANTIFIERS.has(words[i]?.lower ?? ""))
  ) {
    i++;
  }
  const rest = words.slice(i);
  const last = rest[rest.length - 1];
  if (!last?.cap || !PARTIES.has(last.lower) || rest.length > 3) return null;
  if (!rest.every((w) => w.cap && !/['’]s?$/u.test(w.text))) return null;
  return rest.map((w) => w.text).join(" ");
}

/**
 * A body the mention names by its owner: "The Clinton campaign" and "Hillary Clinton's
 * campaign" are the Clinton campaign, "the Obama administration" the Obama administration,
 * "police in Norway" and "Norway police" the Norway police. Never the owner itself: a
 * campaign's words are not the candidate's.
 */
function bodyOf(
  mention: Token[],
  words: Token[],
  head: Token,
  named: Named[],
  ctx: ResolveContext,
): EntityRecord | null {
  const at = words.indexOf(head);
  const kind = OWNED_BODIES[head.lower];
  if (kind && !head.cap) {
    const owner = named.find((n) => n.modifier && n.at < at && n.entity.kind !== "media");
    if (!owner || at - owner.at > 4) return null;
    return bodyNamed(`${ownerName(owner.entity, spelled(owner))} ${kind}`, ctx);
  }
  // "The city of Phoenix is demanding": the city's government speaks, under the city's name.
  if (CIVIC_BODIES.has(head.lower) && !head.cap && words[at + 1]?.lower === "of") {
    const city = named.find((n) => mention[n.at - 2] === head && n.end === mention.length);
    const place = city?.entity.kind === "place" || city?.entity.kind === "unknown";
    return city && place
      ? bodyNamed(`${head.text[0]?.toUpperCase()}${head.lower.slice(1)} of ${spelled(city)}`, ctx)
      : null;
  }
  // "Tulsa police's claim": the body owns the claim.
  const body = strip(head.text);
  if (!PLACE_BODIES.has(body)) return null;
  // Not the body's own word read as a name ("Authorities said" opening a sentence).
  const place = named.find(
    (n) => (n.entity.kind === "place" || n.entity.kind === "unknown") && (n.at > at || n.end <= at),
  );
  // Spelled as the mention writes it: a dateline's "ANKARA" is the place of "police in Ankara".
  if (place) return bodyNamed(`${spelled(place)} ${body}`, ctx);
  // "Russian police", "the Turkish authorities": the adjective says whose.
  const adjective = words[at - 1];
  return adjective?.cap ? bodyNamed(`${adjective.text} ${body}`, ctx) : null;

  function spelled(n: Named): string {
    return mention
      .slice(n.at, n.end)
      .map((w) => w.text)
      .join(" ")
      .replace(/['’]s?$/u, "");
  }
}

/**
 * The owner's name in a body's name: its short name ("Clinton campaign"), unless the mention
 * names it by a word the short name lacks ("the Saudi government" where the article's entity
 * is "Saudi Arabia"): then as the mention writes it, not by a word of the name it never used.
 */
function ownerName(entity: EntityRecord, spelled: string): string {
  const short = shortName(entity);
  const words = spelled.toLowerCase().split(/\s+/);
  return short
    .toLowerCase()
    .split(/\s+/)
    .some((w) => words.includes(w))
    ? short
    : spelled;
}

/** A person by surname ("Clinton campaign"), anything else by its whole name. */
function shortName(entity: EntityRecord): string {
  if (entity.kind !== "person") return entity.name.replace(/^The /, "");
  const words = entity.name.split(" ").filter((w) => !/^(jr|sr|ii|iii|iv)\.?$/i.test(w));
  return words[words.length - 1] as string;
}

/** Bodies read from a mention ("Republicans", "the Clinton campaign"): names, whatever their words. */
const BODIES = new WeakSet<EntityRecord>();

/** The article's entity of that name, made an organisation of the article when new. */
function bodyNamed(name: string, ctx: ResolveContext): EntityRecord {
  const key = name.toLowerCase();
  const known = ctx.table.byName
    .get(key)
    ?.find((e) => e.name === name || e.kind === "organization");
  if (known) {
    // "Republicans" was read as a capitalised word of unknown kind: it is a body.
    if (known.kind === "unknown") known.kind = "organization";
    BODIES.add(known);
    return known;
  }
  const entity: EntityRecord = {
    name,
    kind: "organization",
    roles: new Set(),
    names: new Set([name]),
  };
  BODIES.add(entity);
  ctx.table.entities.push(entity);
  ctx.table.byName.set(key, [...(ctx.table.byName.get(key) ?? []), entity]);
  return entity;
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
  /** Index of the first token of the name in the mention, and of the token after it. */
  at: number;
  end: number;
  /** The name is possessive ("Clinton's") or the object of a preposition ("adviser to Trump"). */
  modifier: boolean;
}

/** The longest name tried in a mention: "U.S. Court of Appeals for the Sixth Circuit". */
const MAX_NAME_WORDS = 8;
const MAX_PERSON_WORDS = 6;
const OF_THE = / (?:of|for) the /u;

/** Entities named inside the mention, in order. */
function namedIn(mention: Token[], ctx: ResolveContext): Named[] {
  const table = ctx.table;
  const found: Named[] = [];
  // heads[n]: the first n words of the names tried from i, lower-cased and joined, made once
  // for all the lengths tried there rather than once a length.
  const heads: string[] = [""];
  for (let i = 0; i < mention.length; i++) {
    if (!mention[i]?.cap) continue;
    const longest = Math.min(mention.length, i + MAX_NAME_WORDS);
    for (let k = i; k < longest - 1; k++) {
      const n = k - i;
      heads[n + 1] =
        n === 0 ? (mention[k] as Token).lower : `${heads[n]} ${(mention[k] as Token).lower}`;
    }
    for (let j = longest; j > i; j--) {
      const lastWord = strip((mention[j - 1] as Token).text);
      const joined = j - 1 > i ? `${heads[j - 1 - i]} ${lastWord}` : lastWord;
      const name = joined.startsWith("the ") ? joined.slice(4) : joined;
      // Only a body's name joined by "of the" or "for the" runs that long; other long runs hold
      // a title before a person's name ("Palm Beach County Supervisor of Elections Susan Bucher").
      const long = j - i > MAX_PERSON_WORDS;
      const list = table.byName
        .get(name)
        ?.filter((e) => looksLikeName(e, ctx) && (!long || (isBody(e) && OF_THE.test(name))));
      if (list && list.length > 0 && !runsOn(name, ctx)) {
        const before = mention[i - 1];
        const titled = before !== undefined && TITLES.has(strip(before.text).replace(/\.$/, ""));
        const entity = pickAmong(list, mention[i]?.start ?? 0, ctx, titled);
        // "Sanders’ campaign": the apostrophe after an s stands as a token of its own.
        const apostrophe = /^['’]$/u.test(mention[j]?.text ?? "");
        const possessive =
          /['’]s?$/.test(mention[j - 1]?.text ?? "") ||
          (apostrophe && /s$/u.test(mention[j - 1]?.text ?? ""));
        // "a senior Cruz adviser": a name before a common noun modifies it.
        const next = mention[j];
        const attributive =
          next !== undefined &&
          next.kind === "w" &&
          !next.cap &&
          !NP_STOP.has(next.lower) &&
          !NP_INNER_PREPS.has(next.lower);
        // "Cameron Easley for Morning Consult", "Cummings of Maryland": whom a named person
        // works for or comes from.
        const prep = mention[i - 1]?.lower ?? "";
        const ofNamed = ["of", "for", "at", "from"].includes(prep) && found.at(-1)?.end === i - 1;
        // "... of the Washington Post Trump said": the surname after an outlet's name, ending
        // the mention, is the subject a missing comma would have parted from it.
        let k = i;
        while (k > 0 && mention[k - 1]?.cap) k--;
        const outlet = mention.slice(k, i).map((t) => t.lower);
        const runOn =
          entity?.kind === "person" && j === mention.length && !possessive && isMediaName(outlet);
        const modifier = !runOn && (possessive || attributive || ofNamed || governed(mention, i));
        if (entity) found.push({ entity, at: i, end: j, modifier });
        i = j - 1;
        break;
      }
    }
  }
  return found;
}

/**
 * "the Washington Post Trump": capitals that run on from an outlet's name into a person's
 * surname, where a comma is missing, are two names, not one.
 */
function runsOn(name: string, ctx: ResolveContext): boolean {
  const words = name.split(" ");
  if (words.length < 3) return false;
  const person = ctx.table.byName.get(words[words.length - 1] as string) ?? [];
  return isMediaName(words.slice(0, -1)) && person.some((e) => e.kind === "person");
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
    (!noun.cap || GROUP_NOUNS.has(noun.lower))
  );
}

/**
 * The person a mention names as its head: in "Jeff Weaver, Sanders' campaign manager" the one
 * before the comma; in "Kremlin spokesman Dmitry Peskov" the last; never a modifier.
 */
function headPerson(mention: Token[], named: Named[]): EntityRecord | null {
  // "Mr. Regalado": an honorific makes a lone surname a person.
  const titled = (n: Named) => HONORIFICS.has(mention[n.at - 1]?.lower.replace(/\.$/, "") ?? "");
  const people = named.filter(
    (n) =>
      (n.entity.kind === "person" || (n.entity.kind === "unknown" && titled(n))) && !n.modifier,
  );
  if (people.length === 0) return null;
  const comma = mention.findIndex((t) => t.text === ",");
  const beforeComma = comma >= 0 ? people.filter((n) => n.at < comma) : [];
  if (beforeComma.length > 0) return (beforeComma[beforeComma.length - 1] as Named).entity;
  if (comma >= 0) return (people[0] as Named).entity;
  return (people[people.length - 1] as Named).entity;
}

/** A surname shared by several people means the one named most recently before. */
function pickAmong(
  list: EntityRecord[],
  at: number,
  ctx: ResolveContext,
  titled: boolean,
): EntityRecord | null {
  if (list.length === 1) return list[0] as EntityRecord;
  const named = lastBefore(ctx.table, at, (e) => list.includes(e));
  // "Bill Clinton spoke in Flint for his wife Hillary Clinton. The former president said ...
  // Clinton said": one of them has spoken since any of them was last named, by a description
  // or a pronoun; a reader follows that one. A title on the name ("Mrs. Clinton") tells more;
  // among three or more of a name (a family's story) the lone name is too tangled to follow.
  const follow = !titled && list.length === 2;
  const spoke = follow
    ? ctx.history.findLast((h) => h.at < at && list.includes(h.entity))
    : undefined;
  if (spoke && (!named || spoke.at > named.at)) return spoke.entity;
  // The entity table has read this very name with its title ("Secretary Marsh").
  const here = lastBefore(ctx.table, at + 1, (e) => list.includes(e));
  if (here && here.at === at) return here.entity;
  return named?.entity ?? null;
}

/** The sightings from `start` up to `end`, found by bisection: a pronoun asks for many places. */
function sightingsIn(table: EntityTable, start: number, end: number): Sighting[] {
  const list = table.sightings;
  const lo = partitionPoint(0, list.length, (i) => (list[i] as Sighting).at < start);
  const out: Sighting[] = [];
  for (let i = lo; i < list.length && (list[i] as Sighting).at < end; i++)
    out.push(list[i] as Sighting);
  return out;
}

/** The last sighting before `at` that passes `ok`, found by bisection then a backward walk. */
function lastBefore(
  table: EntityTable,
  at: number,
  ok: (e: EntityRecord, s: Sighting) => boolean,
  floor = -1,
): Sighting | null {
  const list = table.sightings;
  const lo = partitionPoint(0, list.length, (i) => (list[i] as Sighting).at < at);
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

/**
 * "he"/"she": the nearest sentence before (or the words before the pronoun in its own sentence)
 * that names or gives voice to a compatible person decides. One such person there is the
 * antecedent; several are settled by who spoke in that sentence, else by its subject, else left
 * unresolved. Names inside quotations are what someone said, never an antecedent, and nothing
 * further back than REACH paragraphs counts: a wrong name is worse than none.
 */
function resolvePerson(
  pronoun: "he" | "she",
  at: number,
  ctx: ResolveContext,
): EntityRecord | null {
  // "A spokeswoman for the GMB union said ... She added": the body again.
  const last = ctx.history[ctx.history.length - 1];
  const through = last && ctx.spokespeople.get(last.entity);
  const sex = pronoun === "he" ? "m" : "f";
  if (last && through && last.at - through.at < MAX_CUE_GAP && through.at <= last.at) {
    if (ctx.paragraph - last.paragraph <= 1 && (through.sex === null || through.sex === sex)) {
      return last.entity;
    }
  }
  // A lone name of unknown kind ("Bob") counts once it has spoken.
  const voiced = new Set(ctx.history.map((h) => h.entity));
  const fits = (e: EntityRecord) =>
    (e.kind === "person" ||
      (e.kind === "unknown" && voiced.has(e) && !e.group && !PEOPLES.has(e.name.toLowerCase()))) &&
    looksLikeName(e, ctx) &&
    genderFits(e, pronoun === "he" ? "m" : "f", ctx);
  return antecedent(at, ctx, fits, pronoun);
}

/** How far, in characters, a spokesperson's words may stand from the cue they speak by. */
const MAX_CUE_GAP = 200;

/**
 * The entity a reader takes a pronoun or a description at `at` to mean, among those that `fits`:
 * see `resolvePerson`. `lead` is the pronoun itself, whose sentences point back past themselves.
 */
function antecedent(
  at: number,
  ctx: ResolveContext,
  fits: (e: EntityRecord) => boolean,
  lead: Place["lead"],
): EntityRecord | null {
  const places = ctx.places;
  const first = placeAt(places, at);
  if (first < 0) return null;
  let k = first;
  const here = (places[k] as Place).paragraph;
  for (; k >= 0; k--) {
    const place = places[k] as Place;
    if (place.paragraph === 0 || here - place.paragraph > REACH) return null;
    const end = Math.min(place.end, at);
    const spoke = distinct(
      ctx.history.filter((h) => h.at >= place.start && h.at < end && fits(h.entity)),
    );
    // In the pronoun's own sentence a name before it is mostly in what is said ("Also, Trump
    // isn't a conservative, he said"); in a sentence whose subject is the same pronoun, or a
    // description ("The former ambassador discussed Trump."), a name is not the subject.
    // A description's own kind of sentence is no bar: "The vice presidential nominee spoke in
    // Indiana. The Indiana governor said" is the one person, found through the first.
    const ownOrPronoun =
      k === first || (lead !== null && lead !== "description" && place.lead === lead);
    if (place.lead === "description" && !ownOrPronoun && spoke.length === 0) {
      // "The former ambassador discussed Trump. He said ...": the ambassador, if we know who.
      const described = resolveWords(place.subject, ctx);
      return described && fits(described) ? described : null;
    }
    const sighted = sightingsIn(ctx.table, place.start, end).filter(
      (s) => fits(s.entity) && !inQuote(place, s.at),
    );
    // "When Christie learned he had lost the slot, he was on his 44th day here": the pronoun
    // that leads the sentence is the one person its opening phrase names, who is on stage.
    const pronounLed = place.lead === "he" || place.lead === "she";
    if (lead === "description" && !ownOrPronoun && pronounLed && spoke.length === 0) {
      const subject = place.subject[0] as Token;
      const sex = place.lead === "he" ? "m" : "f";
      const opening = new Set(
        sighted
          .filter((s) => s.at < subject.start && genderFits(s.entity, sex, ctx))
          .map((s) => s.entity),
      );
      const named = new Set(sighted.map((s) => s.entity));
      if (opening.size === 1 && named.size === 1)
        return opening.values().next().value as EntityRecord;
    }
    // A description points back to someone on stage: who spoke, or whom a sentence is about.
    const onStage =
      lead === "description" ? sighted.filter((s) => headsSubject(place, s.at, false)) : sighted;
    const named = !ownOrPronoun
      ? onStage
      : k === first
        ? subjectBefore(place, at, sighted, ctx)
        : [];
    // Someone spoke here whom the engine could not name: they may be the antecedent.
    const unnamed = ctx.unnamed.some((u) => u >= place.start && u < end);
    if (unnamed && spoke.length === 0) return null;
    const all = new Set([...spoke, ...named.map((s) => s.entity)]);
    // "... was Trump's unwillingness. Instead, the businessman ...": a description does not
    // reach past a sentence naming someone who might be meant, though not as its subject. A
    // body's type word ("In the Acme recall, ... The company said") is the one body it names.
    if (all.size === 0 && lead === "description" && sighted.length > 0) {
      const only = new Set(sighted.map((s) => s.entity));
      const body = sighted[0]?.entity as EntityRecord;
      return only.size === 1 && isBody(body) ? body : null;
    }
    if (all.size === 0) continue;
    if (all.size === 1) return all.values().next().value as EntityRecord;
    const main = lead === "description" ? null : mainOverClause(place, sighted, spoke, ctx);
    if (main) return main;
    if (spoke.length === 1) return spoke[0] as EntityRecord;
    if (spoke.length > 1) return null;
    // Several named, none spoke: the subject of the sentence is the one a reader follows.
    const subjects = new Set(named.filter((s) => headsSubject(place, s.at)).map((s) => s.entity));
    return subjects.size === 1 ? (subjects.values().next().value as EntityRecord) : null;
  }
  return null;
}

/**
 * "When Maddow pointed out that ..., Clinton seized upon it. 'It is not the same,' she said": what
 * was said in a clause that opens the sentence is its background; the subject of the main clause
 * is the one a reader follows. Null unless the sentence opens with such a clause, its one speaker
 * speaks there, and its main subject is one other person who fits.
 */
function mainOverClause(
  place: Place,
  sighted: Sighting[],
  spoke: EntityRecord[],
  ctx: ResolveContext,
): EntityRecord | null {
  const start = place.subject[0]?.start;
  if (spoke.length !== 1 || start === undefined) return null;
  if (!OPENING_CLAUSE.test(ctx.text.slice(place.start, place.start + 12))) return null;
  const subjects = new Set(sighted.filter((s) => headsSubject(place, s.at)).map((s) => s.entity));
  const [subject] = subjects;
  if (subjects.size !== 1 || !subject || subject === spoke[0]) return null;
  // The speaker spoke inside the opening clause, before the main subject.
  const voice = ctx.history.filter((h) => h.entity === spoke[0] && h.at >= place.start);
  return voice.every((h) => h.at < start) ? subject : null;
}

/** Words that open a clause set before the main one: "When ...,", "After ...,". */
const OPENING_CLAUSE = /^\W*(?:when|after|as|while|before|once|although|though|because|since)\s/i;

/**
 * "Trump was talking about defense when he told Fox News": the subject of the pronoun's own
 * sentence, where the pronoun opens a clause of it and no one else is named in between ("Baier
 * asked Rubio why he ..." is not Baier).
 */
function subjectBefore(place: Place, at: number, sighted: Sighting[], ctx: ResolveContext) {
  if (!SUBORDINATE.test(ctx.text.slice(Math.max(place.start, at - 10), at))) return [];
  const head = sighted.findIndex((s) => headsSubject(place, s.at));
  const subject = sighted[head];
  if (!subject || sighted.slice(head + 1).some((s) => s.entity !== subject.entity)) return [];
  return [subject];
}

/** Words that open a clause of the sentence, right before its pronoun: "when he told". */
const SUBORDINATE =
  /\b(?:when|as|and|but|because|after|before|while|since|until|so|where|though|although|that)\s+$/i;

/** How many paragraphs back a pronoun may find its antecedent. */
const REACH = 2;

function distinct(list: Spoken[]): EntityRecord[] {
  return [...new Set(list.map((h) => h.entity))];
}

/** The index of the last sentence that starts at or before `at`, or -1. */
function placeAt(places: Place[], at: number): number {
  return partitionPoint(0, places.length, (i) => (places[i] as Place).start <= at) - 1;
}

function inQuote(place: Place, at: number): boolean {
  return place.quotes.some((q) => q.start <= at && at < q.end);
}

function genderFits(e: EntityRecord, want: Gender, ctx: ResolveContext): boolean {
  if (want === null) return true;
  let g = ctx.genders.get(e);
  if (g === undefined) {
    g = genderOf(e, ctx.text);
    ctx.genders.set(e, g);
  }
  return g === null || g === want;
}

const isBody = (e: EntityRecord) => e.kind === "organization" || e.kind === "media";

/**
 * "it": the organisation or outlet that spoke last, close by; else the one a reader has in
 * mind there, found as a pronoun's antecedent is (who spoke, whom the sentence is about).
 */
function resolveBody(at: number, ctx: ResolveContext): EntityRecord | null {
  const last = ctx.history[ctx.history.length - 1];
  if (last && isBody(last.entity) && ctx.paragraph - last.paragraph <= 1) return last.entity;
  return antecedent(at, ctx, (e) => isBody(e) && looksLikeName(e, ctx), "description");
}

/**
 * "they": only a body (not an outlet), a party or several people that made the statement just before, in this paragraph or
 * the last ("Republicans said ... They added ..."); a "they" of unnamed people stays unnamed.
 */
function resolveThey(ctx: ResolveContext): EntityRecord | null {
  const last = ctx.history[ctx.history.length - 1];
  if (!last || ctx.paragraph - last.paragraph > 1) return null;
  // "Officials in the port said ... They said ...": the statement just before had no name.
  if ((ctx.silent[ctx.silent.length - 1] ?? -1) > last.at) return null;
  // An outlet is a body too: "Politifact then ruled ... they could not resist pointing out".
  const body =
    last.entity.kind === "organization" ||
    last.entity.kind === "media" ||
    last.entity.kind === "group" ||
    last.entity.group;
  return body ? last.entity : null;
}

/**
 * Type words of a body, each with the words its name may hold: "the fund" is the International
 * Monetary Fund, "the court" the Court of Appeals. Those marked generic point back to any body
 * on stage when no name holds the word ("the company", "the group").
 */
const BODY_TYPES: Record<string, { names: string[]; generic: boolean }> = {
  company: { names: ["company", "corp", "inc", "co", "holdings"], generic: true },
  firm: { names: ["firm", "partners", "llp"], generic: true },
  group: {
    names: ["group", "center", "centre", "institute", "coalition", "alliance"],
    generic: true,
  },
  organization: { names: ["organization", "organisation"], generic: true },
  organisation: { names: ["organization", "organisation"], generic: true },
  bank: { names: ["bank"], generic: true },
  lender: { names: ["bank"], generic: true },
  fund: { names: ["fund"], generic: false },
  court: { names: ["court"], generic: false },
  ministry: { names: ["ministry"], generic: false },
  department: { names: ["department"], generic: false },
  agency: { names: ["agency"], generic: false },
  committee: { names: ["committee"], generic: false },
  commission: { names: ["commission"], generic: false },
  council: { names: ["council"], generic: false },
  party: { names: ["party"], generic: false },
  union: { names: ["union"], generic: false },
  foundation: { names: ["foundation"], generic: false },
  university: { names: ["university", "college"], generic: false },
  airline: { names: ["airlines", "airways", "air"], generic: true },
  network: { names: ["network", "tv", "television"], generic: true },
};

/** "The fund said", "the company said": the body of that type the reader has in mind. */
function byType(head: string, at: number, ctx: ResolveContext): EntityRecord | null {
  const type = BODY_TYPES[head] as { names: string[]; generic: boolean };
  const holds = (e: EntityRecord) =>
    e.name
      .toLowerCase()
      .split(/[\s-]+/)
      .some((w) => type.names.some((n) => w === n || (n.length > 3 && w.endsWith(n))));
  // "Bank" alone, capitalised at a heading, is the type word, not a bank's name.
  const named = (e: EntityRecord) =>
    e.kind !== "person" &&
    e.kind !== "place" &&
    holds(e) &&
    !type.names.includes(e.name.toLowerCase());
  if (!type.generic) return ctx.table.entities.some(named) ? latest(ctx, at, named) : null;
  // "The network said" is the network on stage (RT), not one the article named paragraphs
  // before (Dish Network): a name holding the word wins only nearby.
  const holder = lastBefore(ctx.table, at, named);
  const here = ctx.places[placeAt(ctx.places, at)]?.paragraph ?? 0;
  const there = holder ? (ctx.places[placeAt(ctx.places, holder.at)]?.paragraph ?? 0) : -1;
  if (holder && here - there <= REACH) return holder.entity;
  if (!holder && ctx.table.entities.some(named)) return latest(ctx, at, named);
  // A network is an outlet; a company or a group is any body but a campaign or a party, or a
  // name the article does not say more of ("Gazprom raised prices. The company said ...").
  const kinds =
    head === "network" ? ["media", "organization", "unknown"] : ["organization", "unknown"];
  const voiced = new Set(ctx.history.map((h) => h.entity));
  // A name of unknown kind counts once it has spoken or stood inside a sentence, never only at
  // the head of one ("Investors said ...").
  const known = (e: EntityRecord) =>
    e.kind !== "unknown" || voiced.has(e) || seenMidSentence(ctx.table, e);
  // A network is no newspaper: "the network" after "The New York Times reported" is not it.
  const printed = (e: EntityRecord) =>
    head === "network" && PAPER_HEADS.has(e.name.toLowerCase().split(" ").pop() ?? "");
  const fits = (e: EntityRecord) =>
    kinds.includes(e.kind) &&
    !e.group &&
    !printed(e) &&
    looksLikeName(e, ctx) &&
    !BODIES.has(e) &&
    known(e);
  return antecedent(at, ctx, fits, "description");
}

const INDEFINITE = new Set([
  "a",
  "an",
  "one",
  "another",
  "some",
  "several",
  "many",
  "two",
  "three",
]);

/** A description ("the senior Russian official") matched against the roles of the people. */
function byRole(words: Token[], ctx: ResolveContext, at: number): EntityRecord | null {
  // "a Democratic aide" brings in someone new; only a definite description points back.
  if (INDEFINITE.has((words[0] as Token).lower)) return null;
  const head = strip((headOf(words) as Token).text);
  // In "the former vice president's spokeswoman" the words before the possessive describe
  // someone else.
  const owner = words.findLastIndex((w, i) => i < words.length - 1 && /['’]s?$/u.test(w.text));
  const cues = words
    .slice(owner + 1)
    .map((w) => strip(w.text))
    .filter((w) => !VAGUE_MODIFIERS.has(w) && !DETERMINERS.has(w) && w !== head)
    .filter((w) => !["of", "for", "at", "in", "by", "and"].includes(w));
  const former = words.slice(owner + 1).some((w) => w.lower === "former");
  // "The Labour nominee said his plan ...": not the nominee the article named if she is a woman.
  const sex = sexInClause(words, ctx);
  let best: EntityRecord[] = [];
  let bestScore = 0;
  for (const entity of ctx.table.entities) {
    if (entity.kind !== "person" || entity.roles.size === 0) continue;
    const bag = roleWords(entity);
    // "The former president" is not the one the article calls "President", nor "the
    // presidential nominee" the one it calls the vice presidential nominee.
    if (former && !bag.has("former")) continue;
    if (contradicts(bag, cues, head) || !genderFits(entity, sex, ctx)) continue;
    let score = 0;
    for (const c of cues) {
      if (bag.has(c) || (DEMONYMS.get(c) ?? []).some((d) => bag.has(d))) score += 1;
      else score -= 0.25;
    }
    // The head must fit: "the party leader" is not "the Republican nominee". "Official" fits
    // any post, so its modifiers must do the telling.
    if (bag.has(head) || sameClass(bag, head)) score += 0.5;
    else if (head !== "official" || score < 1) continue;
    if (score > bestScore) {
      bestScore = score;
      best = [entity];
    } else if (score === bestScore && score > 0) best.push(entity);
  }
  // Only "the ..." of no one's ("the Florida senator", not "Pagliano's lawyer") points back to
  // whoever is on stage.
  const definite = (words[0] as Token).lower === "the" && owner < 0;
  if (bestScore < 0.5) return definite ? bySalience(words, head, cues, ctx, at) : null;
  if (best.length === 1) return best[0] as EntityRecord;
  return latestAlone(ctx, at, best);
}

/**
 * The one of several equally fitting people named last before `at`; null when the sentence that
 * names them last names another of them too ("Press Secretary Varin and Press Secretary Sokol"):
 * a reader could not tell which is meant.
 */
function latestAlone(ctx: ResolveContext, at: number, best: EntityRecord[]): EntityRecord | null {
  const last = lastBefore(ctx.table, at, (e) => best.includes(e));
  if (!last) return latest(ctx, at, (e) => best.includes(e));
  const place = ctx.places[placeAt(ctx.places, last.at)];
  if (!place || at < place.end) return last.entity;
  const there = sightingsIn(ctx.table, place.start, place.end);
  const rivals = there.some((s) => s.entity !== last.entity && best.includes(s.entity));
  return rivals ? null : last.entity;
}

/**
 * "Trump spoke in Ohio. The New York businessman said ...": a description the article ties to
 * no one by a role it gave is the person a reader has in mind there, as a pronoun would be, so
 * long as nothing the article says of that person contradicts it (another office, the other
 * party, another sex).
 */
function bySalience(
  words: Token[],
  head: string,
  cues: string[],
  ctx: ResolveContext,
  at: number,
): EntityRecord | null {
  const told =
    MALE_WORDS.has(head) || head === "man"
      ? "m"
      : FEMALE_WORDS.has(head) || head === "woman"
        ? "f"
        : null;
  const clauseSex = told ? null : sexInClause(words, ctx);
  const sex = told ?? clauseSex;
  const former = words.some((w) => w.lower === "former");
  // "A second CIA officer backed his account. The officer said ...": someone new, unnamed.
  if (introducedBefore(head, at, ctx)) return null;
  // "The attorney general of the state of New York is suing Trump": a post said to be of a
  // named place or body brings in its holder; it does not point back to whoever is on stage.
  const complement = words.findIndex((w) => ["of", "for", "at", "in"].includes(w.lower));
  const whose = complement > 0 ? namedIn(words.slice(complement + 1), ctx) : [];
  if (whose.some((n) => n.entity.kind !== "person")) return null;
  // Whether anyone of the article is said to hold the post: then "the senator" is one of them.
  // Asked only where a person without the post is weighed, and read once.
  let held: boolean | undefined;
  const anyHolds = () => {
    held ??= ctx.table.entities.some((e) => {
      if (e.kind !== "person" || e.group) return false;
      const bag = roleWords(e);
      return (bag.has(head) || sameClass(bag, head)) && !contradicts(bag, cues, head);
    });
    return held;
  };
  const fits = (e: EntityRecord) => {
    if (e.kind !== "person" || e.group || !genderFits(e, sex, ctx)) return false;
    const bag = roleWords(e);
    // "The president" is not the one the article calls "former President", nor "the former
    // governor" anyone the article never calls former.
    if (former !== bag.has("former") && (bag.has(head) || former) && bag.size > 0) return false;
    if (contradicts(bag, cues, head)) return false;
    // "The senator" is someone the article calls senator (the one senator of the article the
    // role match would have found, or a more salient one); a judge is never "the nominee" (a
    // former secretary of state may be).
    if (bag.has(head) || sameClass(bag, head)) return true;
    // "John Kasich said ... The Ohio governor said": where the article gives the post to no
    // one, the person on stage whom it gives no post is the one a reader takes it to mean, if
    // the description says more than the bare post ("the president" may be anyone's) and does
    // not call them former, which only the article can say.
    const posted = [...bag].some((w) => OFFICES.has(w));
    if (OFFICES.has(head)) return !posted && !former && cues.length > 0 && !anyHolds();
    // "Sen. Rubio ... The GOP presidential candidate says": an elected office is no bar to a
    // candidacy; a judge's or a minister's is.
    if (CANDIDACIES.has(head)) return [...bag].every((w) => !OFFICES.has(w) || ELECTED.has(w));
    return bag.has("former") || !posted;
  };
  const found = antecedent(at, ctx, fits, "description");
  if (found || !clauseSex) return found;
  // "Senator Lund spoke ... Trump answered ... The Labour nominee attacked her opponent": where
  // nobody on stage fits, the one person of that sex the article has named so far is the one a
  // reader takes it to mean; with two or more, nobody is.
  const before = new Set(
    sightingsIn(ctx.table, 0, at)
      .map((s) => s.entity)
      .filter(fits),
  );
  return before.size === 1 ? (before.values().next().value as EntityRecord) : null;
}

/**
 * "The Democratic nominee aggressively attacked her opponent": a possessive or reflexive after
 * the description, before anyone else is named or quoted, is the described one's, and tells
 * their sex where the description does not. Null where no such word follows.
 */
function sexInClause(words: Token[], ctx: ResolveContext): Gender {
  const end = (words[words.length - 1] as Token).end;
  const place = ctx.places[placeAt(ctx.places, end)];
  if (!place) return null;
  const rest = ctx.text.slice(end, Math.min(place.end, end + MAX_CLAUSE_REACH));
  const m = OWN_WORD.exec(rest);
  // "The president told her that ...": "her" before no noun of its own is someone else.
  if (!m || (m[1]?.toLowerCase() === "her" && !/^\s+\p{Ll}/u.test(rest.slice(m.index + 3)))) {
    return null;
  }
  const owned = /^\s+(\p{Ll}+)/u.exec(rest.slice(m.index + 3))?.[1] ?? "";
  if (m[1]?.toLowerCase() === "her" && NP_STOP.has(owned)) return null;
  const upTo = end + m.index;
  if (place.quotes.some((q) => end <= q.start && q.start < upTo)) return null;
  if (sightingsIn(ctx.table, end, upTo).some((s) => s.entity.kind === "person")) return null;
  return /^h(?:is|imself)$/iu.test(m[1] as string) ? "m" : "f";
}

/** Words that tell the sex of a clause's subject when they point back to it. */
const OWN_WORD = /\b(his|her|himself|herself)\b/iu;
/** Characters after a description within which its clause's possessive is looked for. */
const MAX_CLAUSE_REACH = 80;

/** Whether, shortly before `at`, the article brought in "a"/"an"/"another" of that noun. */
function introducedBefore(head: string, at: number, ctx: ResolveContext): boolean {
  const from = ctx.places[Math.max(0, placeAt(ctx.places, at) - 3)]?.start ?? 0;
  const before = ctx.text.slice(from, at).toLowerCase();
  return introducing(head).test(before);
}

/** The pattern of "a"/"an"/"another"/"one" bringing in a noun, compiled once a noun. */
const introducing = memoize(
  (head: string) =>
    new RegExp(`\\b(?:a|an|another|one)\\s(?:[\\w-]+\\s){0,3}${escapeRegExp(head)}\\b`, "u"),
  10_000,
);

/**
 * "Connecticut's tax commissioner says ... ¶ Kevin Sullivan says ...": wire copy's delayed
 * lede. A description in the first sentence of a paragraph that opens a story (or an item of
 * a running story) is the person the next paragraph brings in by full name, where nobody new
 * is named between and nothing the article says of that person contradicts it.
 */
function namedNext(
  words: Token[],
  head: string,
  ctx: ResolveContext,
  at: number,
): EntityRecord | null {
  const k = placeAt(ctx.places, at);
  const place = ctx.places[k];
  if (!place || ctx.places[k - 1]?.paragraph === place.paragraph) return null;
  if (GROUP_NOUNS.has(head) || !opensStory(ctx, k)) return null;
  // The subject that opens the story, not a phrase inside it ("remarks by a surrogate who").
  if (place.subject[0]?.start !== at) return null;
  // Names in the description's own sentence are what it says, not who says it.
  const seenBefore = new Set(sightingsIn(ctx.table, 0, place.end).map((s) => s.entity));
  const inQuotes = (s: Sighting) => inQuote(ctx.places[placeAt(ctx.places, s.at)] as Place, s.at);
  // The next paragraph, or the one after it where the next names no one new ("A New York
  // judge ruled ... ¶ The Times had asked ... ¶ Justice Frank Nervo wrote ...").
  let next: Place[] = [];
  let fresh: Sighting[] = [];
  for (let step = 1; step <= 2 && fresh.length === 0; step++) {
    next = ctx.places.filter((p, i) => i > k && p.paragraph === place.paragraph + step);
    const end = next.at(-1)?.end;
    if (end === undefined) return null;
    fresh = sightingsIn(ctx.table, place.end, end).filter(
      (s) => !seenBefore.has(s.entity) && !inQuotes(s) && s.entity.kind === "person",
    );
  }
  const person = fresh[0];
  const opening = next[0] as Place;
  if (!person || person.at < opening.start || person.at >= opening.end) return null;
  // The next paragraph opens about that person: as its subject, or after a quotation
  // ("“Now is the time ...,” said Don Fowler"), never beside someone already on stage.
  if (opening.subject.length > 0 && !headsSubject(opening, person.at)) return null;
  const entity = person.entity;
  // A full name, and a person's: not "Twitter Thursday".
  const parts = entity.name.toLowerCase().split(" ");
  if (entity.group || parts.length < 2 || parts.some((w) => NOT_NAMES.has(w))) return null;
  const sex = MALE_WORDS.has(head) ? "m" : FEMALE_WORDS.has(head) ? "f" : null;
  const cues = words.map((w) => strip(w.text)).filter((w) => w !== head);
  if (!genderFits(entity, sex, ctx) || contradicts(roleWords(entity), cues, head)) return null;
  return entity;
}

/**
 * Whether the sentence at index `k` opens a story: the first of the body, or the first after a
 * time or a rule that opens an item of a running story ("2:45 p.m.", "___").
 */
function opensStory(ctx: ResolveContext, k: number): boolean {
  const place = ctx.places[k] as Place;
  const before = ctx.places[k - 1];
  if (!before || place.paragraph <= 1) return true;
  const between = ctx.text.slice(before.end, place.start);
  let first = k - 1;
  while (first > 0 && ctx.places[first - 1]?.paragraph === before.paragraph) first--;
  const text = ctx.text.slice((ctx.places[first] as Place).start, before.end);
  return itemHead(between) || itemHead(text);
}

/** Whether text ends in a running story's item heading: a time of day or a rule ("___"). */
function itemHead(text: string): boolean {
  const lines = text
    .slice(-60)
    .split("\n")
    .map((l) => l.trim());
  const line = lines.filter((l) => l.length > 0).pop() ?? "";
  return /^_{2,}\.?$/u.test(line) || /^\d{1,2}(?::\d{2})? ?[ap]\.m\.$/iu.test(line);
}

/**
 * What the article says of someone that a description denies: "the presidential nominee" is not
 * the vice presidential nominee, "the Democratic nominee" not the Republican one.
 */
function contradicts(bag: Set<string>, cues: string[], head: string): boolean {
  if ([...OFFICE_QUALIFIERS].some((q) => bag.has(q) && !cues.includes(q))) return true;
  // Nor is the vice presidential nominee the one the article calls the presidential nominee.
  const post = bag.has(head) || sameClass(bag, head);
  if (post && [...OFFICE_QUALIFIERS].some((q) => cues.includes(q) && !bag.has(q))) return true;
  // "The Ohio governor" is not the one the article calls the Florida governor.
  const places = cues.filter(isPlace);
  if (places.length > 0 && [...bag].some((w) => isPlace(w) && !places.includes(w))) {
    if (!places.some((p) => bag.has(p))) return true;
  }
  return cues.some((c) => (RIVAL_PARTY[c] ?? []).some((p) => bag.has(p) && !bag.has(c)));
}

/**
 * A place word of a description: "the New Jersey governor" keeps "jersey" of its state ("new" is
 * vague), a word that as a name ("Carolina Ruiz") is no place, so it is not in PLACES.
 */
const isPlace = (w: string) => PLACES.has(w) || STATE_TAILS.has(w);
const STATE_TAILS = new Set("jersey hampshire york carolina dakota".split(" "));

/** Posts that describe whoever holds them: "the senator" is not the one the article calls governor. */
const OFFICES = new Set(
  "president senator governor mayor congressman congresswoman representative secretary minister ambassador judge justice chancellor premier chairman chairwoman chair commissioner prosecutor sheriff speaker".split(
    " ",
  ),
);

/** Words that make a post another: the vice president is not the president. */
const OFFICE_QUALIFIERS = new Set(["vice", "deputy", "assistant", "lieutenant"]);

/** Heads of descriptions of someone running for office. */
const CANDIDACIES = new Set(
  "candidate nominee front-runner frontrunner contender hopeful".split(" "),
);
/** Offices held by election, whose holders run for others. */
const ELECTED = new Set("senator governor congressman congresswoman representative".split(" "));
const RIVAL_PARTY: Record<string, string[]> = {
  democratic: ["republican", "gop"],
  democrat: ["republican", "gop"],
  republican: ["democratic", "democrat"],
  gop: ["democratic", "democrat"],
};

function roleWords(entity: EntityRecord): Set<string> {
  const bag = new Set<string>();
  for (const role of entity.roles) {
    for (const w of role.split(/[\s,]+/)) {
      const s = strip(w);
      bag.add(s);
      for (const part of s.split("-")) bag.add(part);
      const full = ABBREVIATED[s.replace(/\.$/, "")];
      if (full) bag.add(full);
    }
  }
  return bag;
}

/** Titles written short before a name, as a description writes them in full. */
const ABBREVIATED: Record<string, string> = {
  sen: "senator",
  gov: "governor",
  rep: "representative",
  pres: "president",
  gen: "general",
  sec: "secretary",
  atty: "attorney",
  amb: "ambassador",
};
