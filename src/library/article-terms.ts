import type MiniSearch from "minisearch";
import { attributionDocuments, attributionIndexOptions } from "../search/attribution-index.ts";
import { documentTerms, type PackedTerms, packTerms, unpackTerms } from "../search/field-terms.ts";
import { IndexBatch } from "../search/index-batch.ts";
import { passageDocuments, passageIndexOptions } from "../search/passage-index.ts";
import type { AnalyzedArticle } from "./engine.ts";

/**
 * An article's passages and attributions tokenized for the indexes, packed to be sent from the
 * worker thread that analysed it: tokenizing was a third of the main thread's work in a build.
 */
export interface ArticleTerms {
  passages: PackedTerms;
  attributions: PackedTerms;
}

/** The article's terms, or null when they cannot be packed (the main thread then tokenizes). */
export function articleTerms({ article, extraction }: AnalyzedArticle): ArticleTerms | null {
  const passages = packTerms(documentTerms(passageDocuments(article), passageIndexOptions));
  const attributions = packTerms(
    documentTerms(attributionDocuments(article.id, extraction), attributionIndexOptions),
  );
  return passages && attributions ? { passages, attributions } : null;
}

/** Adds the documents, with their terms when an IndexBatch is given them for every document. */
export function addDocuments<T>(
  target: MiniSearch<T> | IndexBatch<T>,
  documents: T[],
  packed: PackedTerms | undefined,
): void {
  const terms =
    packed && target instanceof IndexBatch ? unpackTerms(packed, target.fieldCount) : null;
  if (!terms || terms.length !== documents.length) {
    target.addAll(documents);
    return;
  }
  documents.forEach((document, i) => {
    (target as IndexBatch<T>).add(document, terms[i]);
  });
}
