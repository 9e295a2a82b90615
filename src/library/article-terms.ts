import type MiniSearch from "minisearch";
import { attributionDocuments, attributionIndexOptions } from "../search/attribution-index.ts";
import { numberTerms, type Vocabulary } from "../search/field-terms.ts";
import { IndexBatch } from "../search/index-batch.ts";
import { passageDocuments, passageIndexOptions } from "../search/passage-index.ts";
import type { AnalyzedArticle, ArticleTerms } from "./analyzed.ts";

/** The article's terms, numbered in the vocabulary. */
export function articleTerms(
  { article, extraction }: AnalyzedArticle,
  vocabulary: Vocabulary,
): Omit<ArticleTerms, "words"> {
  return {
    passages: numberTerms(passageDocuments(article), passageIndexOptions, vocabulary),
    attributions: numberTerms(
      attributionDocuments(article.id, extraction),
      attributionIndexOptions,
      vocabulary,
    ),
  };
}

/** Adds the documents, from the terms made ahead when an IndexBatch is given them. */
export function addDocuments<T>(
  target: MiniSearch<T> | IndexBatch<T>,
  documents: T[],
  words: readonly string[] | undefined,
  numbers: Int32Array | undefined,
): void {
  if (!(target instanceof IndexBatch) || !words || !numbers) {
    target.addAll(documents);
    return;
  }
  let at = 0;
  for (const document of documents) at = target.addNumbered(document, words, numbers, at);
  if (at !== numbers.length) throw new Error("an article's terms do not match its documents");
}
