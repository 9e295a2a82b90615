import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { Article, ArticleSummary, Attribution, Entity } from "../types.ts";
import type { AnalyzedArticle } from "./engine.ts";
import type { Assigned } from "./speaker-book.ts";

/** Of an attribution, what lists, filters and the speaker registry need without the text. */
export type AttributionFact = Pick<Attribution, "paragraph" | "speaker" | "stance" | "mention">;

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
      mention,
    })),
    entities: extraction.entities,
  };
}

/** One article as the saved catalog holds it: its entry, its text's place, its speakers. */
export type CatalogLine = [CatalogEntry, BodyLocation, Assigned];

/** The catalog as saved: one JSON line an article. */
export function encodeCatalog(
  entries: Iterable<CatalogEntry>,
  locate: (id: string) => BodyLocation | undefined,
  assigned: (id: string) => Assigned | undefined,
): Buffer {
  const lines: string[] = [];
  for (const entry of entries) {
    const id = entry.summary.id;
    lines.push(JSON.stringify([entry, locate(id), assigned(id) ?? []]));
  }
  return Buffer.from(lines.join("\n"));
}

export function decodeCatalog(bytes: Uint8Array): CatalogLine[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text === "") return [];
  return text.split("\n").map((line) => {
    const row = JSON.parse(line) as Partial<CatalogLine>;
    const [entry, at, assigned] = row;
    if (!entry?.summary || !at || !Array.isArray(assigned)) {
      throw new Error("the saved catalog is malformed");
    }
    return [entry, at, assigned];
  });
}
