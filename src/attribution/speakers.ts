import { memoize } from "../cache/memo.ts";
import { foldName } from "../text/fold.ts";
import type { Entity, Speaker, SpeakerKind } from "../types.ts";
import { COMPANY_SUFFIXES } from "./entities.ts";
import {
  type Candidate,
  firstNameSex,
  honorificSex,
  type PersonName,
  personName as readName,
  type Sex,
  sameSurnameChoice,
  variantKeys,
} from "./names.ts";

/** The corpus-wide speakers: one person is one speaker, whatever each article calls them. */
export interface SpeakerRegistry {
  speakers: Speaker[];
  /** The corpus-wide speaker id for an article's canonical speaker name, or null. */
  idFor(articleId: string, name: string): string | null;
}

interface Group {
  names: Map<string, number>;
  kind: SpeakerKind;
  aliases: Map<string, string>;
  quotes: number;
  articles: Set<string>;
}

/** "Acme Foods Corp." and "Acme Foods, Inc." are Acme Foods, whichever article writes which. */
const COMPANY_FORM = new RegExp(`(?<=\\S),?\\s+(?:${[...COMPANY_SUFFIXES].join("|")})\\.?$`);

// The registry folds the same names and roles again on every rebuild; remember them, within bounds.
const key = memoize((name: string) => foldName(name).replace(COMPANY_FORM, ""), 500_000);

/** Stable slug of a name: lower case ASCII words joined by hyphens. */
export function slug(name: string): string {
  return (
    key(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "speaker"
  );
}

const personLike = (kind: SpeakerKind) => kind === "person" || kind === "unknown";

/**
 * What the registry reads of one article's extraction: its entities, and who each attribution
 * names and how. An Extraction is one; so is the smaller record a library keeps in memory.
 */
export interface SpeakerEvidence {
  entities: readonly Entity[];
  attributions: readonly { speaker: string | null; mention: { text: string } | null }[];
}

/** One article's speaker, as the article names and describes it. */
interface Voice {
  articleId: string;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  quotes: number;
  /** Sex shown by "Mr." or "Mrs." before the name where it is quoted, when all agree. */
  sex: Sex;
}

/**
 * Merges the per-article entities and attributions into corpus-wide speakers. Pure, and cheap:
 * it reads entities and speaker names, never article text, so a rebuild after one article
 * changes costs a pass over names.
 *
 * Spellings of one person's full name merge ("Donald J. Trump", "Donald Trump"); a lone
 * surname merges only where the corpus leaves one reading (see `sameSurnameChoice`); a group
 * ("Clinton and Sanders") stays a speaker of its own.
 */
export function buildSpeakerRegistry(
  extractions: ReadonlyMap<string, SpeakerEvidence>,
): SpeakerRegistry {
  // The same few thousand names recur in every article; read each once per build.
  const parsed = new Map<string, PersonName | null>();
  const personName = (name: string) => {
    let p = parsed.get(name);
    if (p === undefined) {
      p = readName(name);
      parsed.set(name, p);
    }
    return p;
  };
  const voices = collectVoices(extractions);
  const groups = new Map<string, Group>();
  /** Adds an article's voice to a speaker; a lone surname joining a full name is an alias. */
  const addTo = (k: string, v: Voice, fullName?: string) => {
    let g = groups.get(k);
    if (!g) {
      g = {
        names: new Map(),
        kind: v.kind,
        aliases: new Map(),
        quotes: 0,
        articles: new Set(),
      };
      groups.set(k, g);
    }
    if (g.kind === "unknown") g.kind = v.kind;
    if (fullName === undefined) g.names.set(v.name, (g.names.get(v.name) ?? 0) + v.quotes);
    else {
      if (g.names.size === 0) g.names.set(fullName, 0);
      g.aliases.set(key(v.name), v.name);
    }
    g.quotes += v.quotes;
    g.articles.add(v.articleId);
    for (const alias of v.aliases) g.aliases.set(key(alias), alias);
  };
  // Full names first: spellings of one person's name share a key. Every person the corpus names
  // in full counts, quoted or not, so that a lone surname sees all who bear it.
  const known = knownPeople(extractions, personName);
  const people = new Map<string, PersonName>();
  for (const [k, p] of known) people.set(k, p.person);
  const lone: Voice[] = [];
  for (const v of voices) {
    const person = personLike(v.kind) ? personName(v.name) : null;
    if (person?.surnameOnly) lone.push(v);
    else if (person && v.kind === "person") people.set(key(v.name), person);
  }
  const variants = variantKeys(people);
  const keyOf = (name: string) => {
    const k = key(name);
    const variant = variants.get(k);
    return variant === undefined ? k : `person:${variant}`;
  };
  const loneSet = new Set(lone);
  for (const v of voices) if (!loneSet.has(v)) addTo(keyOf(v.name), v);
  // A lone surname joins a full name only where the choice is safe; else its own speaker.
  const candidates = candidatesOf(known, keyOf);
  const nameOf = new Map(candidates.map((c) => [c.key, c.name]));
  // Grouped by surname once, so each lone surname looks only at the people who bear it.
  const bySurname = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const surname = personName(c.name)?.surname;
    if (!surname) continue;
    const list = bySurname.get(surname) ?? [];
    list.push({ ...c, surname, sex: firstNameSex(c.name) });
    bySurname.set(surname, list);
  }
  // Many articles quote the same lone surname with the same titles: decide each reading once.
  const choices = new Map<string, string | null>();
  const byArticle = new Map<string, string>();
  for (const v of lone) {
    const surname = personName(v.name)?.surname ?? "";
    const reading = `${surname}\u0000${v.sex}\u0000${v.aliases.join("\u0000")}`;
    let target = choices.get(reading);
    if (target === undefined) {
      target = sameSurnameChoice(v.name, v.aliases, bySurname.get(surname) ?? [], v.sex);
      choices.set(reading, target);
    }
    const k = target ?? key(v.name);
    addTo(k, v, target ? nameOf.get(target) : undefined);
    byArticle.set(`${v.articleId}\u0000${key(v.name)}`, k);
  }
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const speakers: Speaker[] = [];
  for (const k of [...groups.keys()].sort()) {
    const g = groups.get(k) as Group;
    const name = canonical(g);
    let id = slug(name);
    for (let n = 2; taken.has(id); n++) id = `${slug(name)}-${n}`;
    taken.add(id);
    ids.set(k, id);
    const aliases = [...new Set([...g.names.keys(), ...g.aliases.values()])];
    speakers.push({
      id,
      name,
      kind: g.kind,
      aliases: aliases.filter((a) => a !== name),
      quotes: g.quotes,
      articles: g.articles.size,
    });
  }
  return {
    speakers,
    idFor(articleId: string, name: string): string | null {
      const groupKey = byArticle.get(`${articleId}\u0000${key(name)}`) ?? keyOf(name);
      return ids.get(groupKey) ?? null;
    },
  };
}

interface Known {
  person: PersonName;
  name: string;
  /** Lower-cased alias -> in how many articles it is given. */
  given: Map<string, number>;
}

/** Every person named in full anywhere in the corpus, with the titles and roles articles give. */
function knownPeople(
  extractions: ReadonlyMap<string, SpeakerEvidence>,
  personName: (name: string) => PersonName | null,
): Map<string, Known> {
  const out = new Map<string, Known>();
  for (const extraction of extractions.values()) {
    // An article counts once for each alias it gives a person, however often it repeats it.
    const counted = new Set<string>();
    for (const e of extraction.entities) {
      if (e.kind !== "person") continue;
      const person = personName(e.name);
      if (!person || person.surnameOnly) continue;
      const k = key(e.name);
      let known = out.get(k);
      if (!known) {
        known = { person, name: e.name, given: new Map() };
        out.set(k, known);
      }
      for (const alias of e.aliases) {
        const a = key(alias);
        if (counted.has(`${k}\u0000${a}`)) continue;
        counted.add(`${k}\u0000${a}`);
        known.given.set(a, (known.given.get(a) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** The people a lone surname may mean, one per spelling key, with in how many articles each alias. */
function candidatesOf(known: Map<string, Known>, keyOf: (name: string) => string): Candidate[] {
  const merged = new Map<string, { name: string; size: number; given: Map<string, number> }>();
  for (const p of known.values()) {
    const k = keyOf(p.name);
    const m = merged.get(k) ?? { name: p.name, size: 0, given: new Map<string, number>() };
    let size = 0;
    for (const [alias, articles] of p.given) {
      m.given.set(alias, (m.given.get(alias) ?? 0) + articles);
      size += articles;
    }
    if (size > m.size) {
      m.name = p.name;
      m.size = size;
    }
    merged.set(k, m);
  }
  return [...merged].map(([k, m]) => ({ key: k, name: m.name, aliases: m.given }));
}

/** Each article's speakers with their quote counts and the aliases the article gives them. */
function collectVoices(extractions: ReadonlyMap<string, SpeakerEvidence>): Voice[] {
  const voices: Voice[] = [];
  for (const [articleId, extraction] of extractions) {
    const byName = new Map<string, Entity>();
    for (const e of extraction.entities) byName.set(e.name, e);
    const here = new Map<string, Voice>();
    for (const a of extraction.attributions) {
      if (!a.speaker) continue;
      let v = here.get(a.speaker);
      if (!v) {
        const entity = byName.get(a.speaker);
        v = {
          articleId,
          name: a.speaker,
          kind: entity?.kind ?? "unknown",
          aliases: entity?.aliases ?? [],
          quotes: 0,
          sex: null,
        };
        here.set(a.speaker, v);
        voices.push(v);
      }
      v.quotes++;
      const sex = honorificSex(a.mention?.text ?? "");
      if (sex) v.sex = v.quotes === 1 || v.sex === sex ? sex : null;
    }
  }
  return voices;
}

/** The most used spelling, preferring the one with a leading "The" for outlets. */
function canonical(g: Group): string {
  let best = "";
  let count = -1;
  for (const [name, c] of g.names) {
    const better = c > count || (c === count && name.length > best.length);
    if (better) {
      best = name;
      count = c;
    }
  }
  return best;
}
