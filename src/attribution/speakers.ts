import type { Entity, Extraction, Speaker, SpeakerKind } from "../types.ts";

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

const key = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const surnameOf = (name: string) => {
  const parts = name.split(" ").filter((p) => !/^(jr|sr|ii|iii|iv)\.?$/i.test(p));
  return parts.length >= 2 ? key(parts[parts.length - 1] as string) : null;
};

/** Stable slug of a name: lower case ASCII words joined by hyphens. */
export function slug(name: string): string {
  return (
    key(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "speaker"
  );
}

/**
 * Merges the per-article entities and attributions into corpus-wide speakers. Pure, and cheap:
 * it reads entities and speaker names, never article text, so a rebuild after one article
 * changes costs a pass over names.
 */
export function buildSpeakerRegistry(
  extractions: ReadonlyMap<string, Extraction>,
): SpeakerRegistry {
  const groups = new Map<string, Group>();
  const group = (name: string, kind: SpeakerKind): Group => {
    const k = key(name);
    let g = groups.get(k);
    if (!g) {
      g = { names: new Map(), kind, aliases: new Map(), quotes: 0, articles: new Set() };
      groups.set(k, g);
    }
    if (g.kind === "unknown") g.kind = kind;
    g.names.set(name, (g.names.get(name) ?? 0) + 1);
    return g;
  };
  const entitiesOf = new Map<string, Map<string, Entity>>();
  for (const [articleId, extraction] of extractions) {
    const byName = new Map<string, Entity>();
    for (const e of extraction.entities) byName.set(e.name, e);
    entitiesOf.set(articleId, byName);
    for (const a of extraction.attributions) {
      if (!a.speaker) continue;
      const entity = byName.get(a.speaker);
      const g = group(a.speaker, entity?.kind ?? "unknown");
      g.quotes++;
      g.articles.add(articleId);
      for (const alias of entity?.aliases ?? []) g.aliases.set(key(alias), alias);
    }
  }
  // A lone surname joins the one full name that ends with it.
  const fullBySurname = new Map<string, string[]>();
  for (const [k, g] of groups) {
    if (g.kind !== "person" && g.kind !== "unknown") continue;
    const s = surnameOf(canonical(g));
    if (s) fullBySurname.set(s, [...(fullBySurname.get(s) ?? []), k]);
  }
  const merged = new Map<string, string>();
  for (const [k, g] of groups) {
    if (k.includes(" ") || (g.kind !== "person" && g.kind !== "unknown")) continue;
    const full = fullBySurname.get(k);
    if (full?.length !== 1) continue;
    const target = groups.get(full[0] as string) as Group;
    target.quotes += g.quotes;
    for (const a of g.articles) target.articles.add(a);
    for (const n of g.names.keys()) target.aliases.set(key(n), n);
    for (const [ak, av] of g.aliases) target.aliases.set(ak, av);
    merged.set(k, full[0] as string);
    groups.delete(k);
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
    idFor(_articleId: string, name: string): string | null {
      const k = key(name);
      return ids.get(merged.get(k) ?? k) ?? null;
    },
  };
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
