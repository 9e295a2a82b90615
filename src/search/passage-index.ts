import type { SearchResult } from "minisearch";
import MiniSearch, { type Options } from "minisearch";
import type { Article } from "../types.ts";
import { searchInStages } from "./plan.ts";
import type { QueryWord } from "./tokenize.ts";
import { processTerm, tokenize } from "./tokenize.ts";

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
  storeFields: ["articleId", "paragraph"],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => processTerm(term),
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

export function loadPassageIndex(json: string): MiniSearch<PassageDocument> {
  return MiniSearch.loadJSON(json, passageIndexOptions);
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
    boost: { title: TITLE_BOOST },
    ...(keep && { filter: (r) => keep(r.articleId as string, r.paragraph as number) }),
  });
  return results.slice(0, limit).map(toMatch);
}

function toMatch(result: SearchResult): PassageMatch {
  return {
    articleId: result.articleId as string,
    paragraph: result.paragraph as number,
    score: result.score,
  };
}
