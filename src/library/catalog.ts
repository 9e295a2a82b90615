import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { Article, ArticleSummary, Attribution, Entity, Extraction } from "../types.ts";
import type { AnalyzedArticle } from "./engine.ts";
import type { Assigned } from "./speaker-book.ts";

/**
 * Of an article's attributions, what lists, filters and the speaker registry need without the
 * text, one array a field: at 100,000 articles a million small objects cost seconds of garbage
 * collection at every start-up.
 */
export interface AttributionFacts {
  paragraph: number[];
  speaker: (string | null)[];
  stance: Attribution["stance"][];
  /** How the article names the speaker where it quotes them ("the senior official"). */
  mention: (string | null)[];
}

/** Where an article's text and extraction are saved: a docs piece and the bytes of its line. */
export interface BodyLocation {
  piece: string;
  offset: number;
  length: number;
  /** CRC-32 of the line: a start-up does not read a gigabyte of text to check it, each read does. */
  crc: number;
}

/**
 * An article as a large library keeps it in memory: its summary, and of its extraction what
 * answers need before they show any text. The text itself is read when shown (see bodies.ts).
 */
export interface CatalogEntry {
  summary: ArticleSummary;
  facts: AttributionFacts;
  /**
   * The entities the speaker registry reads, as saved JSON: parsed only when the registry runs
   * or the article's speakers are looked up again, which a start-up does not do.
   */
  entities: string;
}

export function articleSummary(article: Article): ArticleSummary {
  const { text: _t, paragraphs, captions: _c, lead: _l, ...rest } = article;
  return { ...rest, paragraphCount: paragraphs.length };
}

export function catalogEntry({ article, extraction }: AnalyzedArticle): CatalogEntry {
  const { attributions } = extraction;
  return {
    summary: articleSummary(article),
    facts: {
      paragraph: attributions.map((a) => a.paragraph),
      speaker: attributions.map((a) => a.speaker),
      stance: attributions.map((a) => a.stance),
      mention: attributions.map((a) => a.mention?.text ?? null),
    },
    entities: encodeEntities(entitiesForSpeakers(extraction)),
  };
}

/** How many attributions an entry has. */
export const factCount = (entry: CatalogEntry) => entry.facts.paragraph.length;

/**
 * The entities the registry reads: every person (a lone surname elsewhere may mean them) and
 * whoever is quoted. Places and bodies never quoted are left in the article's text.
 */
function entitiesForSpeakers({ entities, attributions }: Extraction): Entity[] {
  const quoted = new Set(attributions.map((a) => a.speaker));
  return entities.filter((e) => e.kind === "person" || quoted.has(e.name));
}

type SavedEntity = [string, Entity["kind"], string[]];

function encodeEntities(entities: readonly Entity[]): string {
  return JSON.stringify(entities.map((e): SavedEntity => [e.name, e.kind, e.aliases]));
}

export function entitiesOf(entry: CatalogEntry): Entity[] {
  const saved = JSON.parse(entry.entities) as SavedEntity[];
  return saved.map(([name, kind, aliases]) => ({ name, kind, aliases }));
}

/** An entry as the speaker registry reads it (built for the registry's pass, then dropped). */
export function evidenceOf(entry: CatalogEntry): SpeakerEvidence {
  const { speaker, mention } = entry.facts;
  return {
    entities: entitiesOf(entry),
    attributions: speaker.map((name, i) => {
      const text = mention[i] ?? null;
      return { speaker: name, mention: text === null ? null : { text } };
    }),
  };
}

/** One article as the saved catalog holds it: its entry, its text's place, its speakers. */
export type CatalogLine = [CatalogEntry, BodyLocation, Assigned];

type SavedFacts = [
  AttributionFacts["paragraph"],
  AttributionFacts["speaker"],
  AttributionFacts["stance"],
  AttributionFacts["mention"],
];
type SavedLine = [ArticleSummary, SavedFacts, string, BodyLocation | undefined, Assigned];

/** The catalog as saved: one JSON line an article. */
export function encodeCatalog(
  entries: Iterable<CatalogEntry>,
  locate: (id: string) => BodyLocation | undefined,
  assigned: (id: string) => Assigned | undefined,
): Buffer {
  const lines: string[] = [];
  for (const { summary, facts, entities } of entries) {
    const line: SavedLine = [
      summary,
      [facts.paragraph, facts.speaker, facts.stance, facts.mention],
      entities,
      locate(summary.id),
      assigned(summary.id) ?? [],
    ];
    lines.push(JSON.stringify(line));
  }
  return Buffer.from(lines.join("\n"));
}

export function decodeCatalog(bytes: Uint8Array): CatalogLine[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text === "") return [];
  return text.split("\n").map((line) => {
    const [summary, facts, entities, at, assigned] = JSON.parse(line) as Partial<SavedLine>;
    if (!summary?.id || !Array.isArray(facts) || typeof entities !== "string" || !at) {
      throw new Error("the saved catalog is malformed");
    }
    const [paragraph, speaker, stance, mention] = facts;
    const count = Array.isArray(assigned) ? assigned.length : -1;
    if (
      ![paragraph, speaker, stance, mention].every((c) => Array.isArray(c) && c.length === count)
    ) {
      throw new Error("the saved catalog is malformed");
    }
    const entry: CatalogEntry = {
      summary,
      facts: { paragraph, speaker, stance, mention } as AttributionFacts,
      entities,
    };
    return [entry, at, assigned as Assigned];
  });
}
