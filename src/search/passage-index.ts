import MiniSearch, { type Options } from "minisearch";
import type { Article } from "../types.ts";
import { decodeIndex, type SavedPieces } from "./packed-index.ts";
import { prepareSearch, searchInStages } from "./plan.ts";
import type { QueryWord } from "./tokenize.ts";
import { indexTerms, tokenize } from "./tokenize.ts";

/** One body paragraph as the passage index holds it. */
export interface PassageDocument {
  /** `${articleId}#${paragraph}` */
  id: string;
  articleId: string;
  paragraph: number;
  text: string;
  title: string;
}

/** The options a saved passage index must be loaded with: the same as it was built with. */
export const passageIndexOptions: Options<PassageDocument> = {
  fields: ["text", "title"],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => indexTerms(term) as string[],
};

const TITLE_BOOST = 2;

export function passageId(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

export function passageDocuments(article: Article): PassageDocument[] {
  return article.paragraphs.map((p) => ({
    id: passageId(article.id, p.n),
    articleId: article.id,
    paragraph: p.n,
    text: p.text,
    title: article.title ?? "",
  }));
}

export function createPassageIndex(): MiniSearch<PassageDocument> {
  return new MiniSearch(passageIndexOptions);
}

/** A saved passage index; `damaged` hears of postings found damaged when read (see decodeIndex). */
export function loadPassageIndex(
  pieces: SavedPieces,
  damaged?: (reason: string) => void,
): MiniSearch<PassageDocument> {
  const index = decodeIndex(pieces, passageIndexOptions, damaged);
  prepareSearch(index);
  return index;
}

/** The article and paragraph of a passage id. */
export function passageOf(id: string): { articleId: string; paragraph: number } {
  const at = id.lastIndexOf("#");
  return { articleId: id.slice(0, at), paragraph: Number(id.slice(at + 1)) };
}

export interface PassageMatch {
  articleId: string;
  paragraph: number;
  score: number;
}

/** Passages matching the words, best first; `keep` filters on the article and paragraph. */
export function searchPassageIndex(
  index: MiniSearch<PassageDocument>,
  words: QueryWord[],
  limit: number,
  keep?: (articleId: string, paragraph: number) => boolean,
): PassageMatch[] {
  const results = searchInStages(index, words, {
    enough: Math.min(limit, 3),
    limit,
    boost: { title: TITLE_BOOST },
    // The title lifts the passages that hold the words; where some do, a paragraph matched by
    // its article's title alone is noise. Where none do (a headline word), the title finds them.
    prefer: "text",
    ...(keep && {
      filter: (id) => {
        const { articleId, paragraph } = passageOf(id);
        return keep(articleId, paragraph);
      },
    }),
  });
  return results.map((r) => ({ ...passageOf(r.id), score: r.score }));
}
