import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { Article, ArticleSummary, Attribution, Entity, Extraction } from "../types.ts";
import type { AnalyzedArticle } from "./engine.ts";
import type { Assigned } from "./speaker-book.ts";

/** Of an attribution, what lists, filters and the speaker registry need without the text. */
export interface AttributionFact extends Pick<Attribution, "paragraph" | "speaker" | "stance"> {
  mention: { text: string } | null;
}

/** Where an article's text and extraction are saved: a docs piece and the bytes of its line. */
export interface BodyLocation {
  piece: string;
  offset: number;
  length: number;
}

/**
 * An article as a large library keeps it in memory: its summary, and of its extraction what
 * answers need before they show any text. The text itself is read when shown (see bodies.ts).
 */
export interface CatalogEntry extends SpeakerEvidence {
  summary: ArticleSummary;
  attributions: AttributionFact[];
  entities: Entity[];
}

export function articleSummary(article: Article): ArticleSummary {
  const { text: _t, paragraphs, captions: _c, lead: _l, ...rest } = article;
  return { ...rest, paragraphCount: paragraphs.length };
}

export function catalogEntry({ article, extraction }: AnalyzedArticle): CatalogEntry {
  return {
    summary: articleSummary(article),
    attributions: extraction.attributions.map(({ paragraph, speaker, stance, mention }) => ({
      paragraph,
      speaker,
      stance,
      mention: mention && { text: mention.text },
    })),
    entities: entitiesForSpeakers(extraction),
  };
}

/**
 * The entities the speaker registry reads: every person (a lone surname elsewhere may mean them)
 * and whoever is quoted. Places and bodies never quoted are left in the article's text.
 */
function entitiesForSpeakers({ entities, attributions }: Extraction): Entity[] {
  const quoted = new Set(attributions.map((a) => a.speaker));
  return entities.filter((e) => e.kind === "person" || quoted.has(e.name));
}

/** One article as the saved catalog holds it: its entry, its text's place, its speakers. */
export type CatalogLine = [CatalogEntry, BodyLocation, Assigned];

/** Stored as arrays rather than objects: a catalog of 100,000 articles parses in half the time. */
type SavedFact = [number, string | null, Attribution["stance"], string | null];
type SavedEntity = [string, Entity["kind"], string[]];
type SavedLine = [ArticleSummary, SavedFact[], SavedEntity[], BodyLocation | undefined, Assigned];

/** The catalog as saved: one JSON line an article. */
export function encodeCatalog(
  entries: Iterable<CatalogEntry>,
  locate: (id: string) => BodyLocation | undefined,
  assigned: (id: string) => Assigned | undefined,
): Buffer {
  const lines: string[] = [];
  for (const { summary, attributions, entities } of entries) {
    const line: SavedLine = [
      summary,
      attributions.map((a) => [a.paragraph, a.speaker, a.stance, a.mention?.text ?? null]),
      entities.map((e) => [e.name, e.kind, e.aliases]),
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
    if (!summary?.id || !Array.isArray(facts) || !Array.isArray(entities) || !at) {
      throw new Error("the saved catalog is malformed");
    }
    if (!Array.isArray(assigned) || assigned.length !== facts.length) {
      throw new Error("the saved catalog is malformed");
    }
    const entry: CatalogEntry = {
      summary,
      attributions: facts.map(([paragraph, speaker, stance, mention]) => ({
        paragraph,
        speaker,
        stance,
        mention: mention === null ? null : { text: mention },
      })),
      entities: entities.map(([name, kind, aliases]) => ({ name, kind, aliases })),
    };
    return [entry, at, assigned];
  });
}
