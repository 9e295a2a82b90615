import MiniSearch, { type Options } from "minisearch";
import type { Attribution, Extraction } from "../types.ts";
import { decodeIndex, type SavedPieces } from "./packed-index.ts";
import { prepareSearch, searchInStages } from "./plan.ts";
import type { QueryWord } from "./tokenize.ts";
import { indexTerms, tokenize } from "./tokenize.ts";

/** One attribution as the attribution index holds it. */
export interface AttributionDocument {
  /** `${articleId}@${position in the article's extraction}` */
  id: string;
  content: string;
  evidence: string;
  /** The speaker's name as this article gives it, its aliases there, and the mention. */
  speaker: string;
  cue: string;
}

/** The options a saved attribution index must be loaded with: the same as it was built with. */
export const attributionIndexOptions: Options<AttributionDocument> = {
  fields: ["content", "evidence", "speaker", "cue"],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => indexTerms(term) as string[],
};

/** An attribution's id: its article's id and its place in the article's extraction. */
export function attributionId(articleId: string, position: number): string {
  return `${articleId}@${position}`;
}

/** The article id and position an `attributionId` was made of (article ids may hold "@"). */
export function parseAttributionId(id: string): { articleId: string; position: number } {
  const at = id.lastIndexOf("@");
  return { articleId: id.slice(0, at), position: Number(id.slice(at + 1)) };
}

export function attributionDocuments(
  articleId: string,
  extraction: Extraction,
): AttributionDocument[] {
  return extraction.attributions.map((a, i) => ({
    id: attributionId(articleId, i),
    content: a.content.map((c) => c.text).join(" … "),
    evidence: a.evidence.text,
    speaker: speakerField(a, extraction),
    cue: a.cue?.text ?? "",
  }));
}

function speakerField(attribution: Attribution, extraction: Extraction): string {
  const names: string[] = [];
  if (attribution.speaker) {
    names.push(attribution.speaker);
    const entity = extraction.entities.find((e) => e.name === attribution.speaker);
    if (entity) names.push(...entity.aliases);
  }
  if (attribution.mention) names.push(attribution.mention.text);
  return names.join(" ; ");
}

export function createAttributionIndex(): MiniSearch<AttributionDocument> {
  return new MiniSearch(attributionIndexOptions);
}

/** A saved attribution index; `damaged` hears of postings found damaged when read. */
export function loadAttributionIndex(
  pieces: SavedPieces,
  damaged?: (reason: string) => void,
): MiniSearch<AttributionDocument> {
  const index = decodeIndex(pieces, attributionIndexOptions, damaged);
  prepareSearch(index);
  return index;
}

export interface AttributionSearch {
  limit: number;
  /** Field weights; a field left out is not searched. */
  boost: Partial<Record<keyof Omit<AttributionDocument, "id">, number>>;
  keep?: (id: string) => boolean;
}

export interface AttributionMatch {
  id: string;
  score: number;
}

/** Attributions matching the words, best first. */
export function searchAttributionIndex(
  index: MiniSearch<AttributionDocument>,
  words: QueryWord[],
  search: AttributionSearch,
): AttributionMatch[] {
  return searchInStages(index, words, {
    enough: Math.min(search.limit, 3),
    limit: search.limit,
    fields: Object.keys(search.boost),
    boost: search.boost as Record<string, number>,
    ...(search.keep && { filter: search.keep }),
  });
}
