import type { SpeakerEvidence, SpeakerRegistry } from "../attribution/speakers.ts";
import type { Article, Extraction } from "../types.ts";
import type { ArticleTerms } from "./article-terms.ts";

/** An article with what the attribution engine found in it. */
export interface AnalyzedArticle {
  article: Article;
  extraction: Extraction;
  /** Its index terms, when a worker made them (see articleTerms). */
  terms?: ArticleTerms | null;
}

export interface LibraryChange {
  /** Ids of articles to drop (removed or about to be replaced). */
  remove: readonly string[];
  add: readonly AnalyzedArticle[];
}

/** Builds the corpus-wide speakers; the attribution engine's registry unless a test needs another. */
export type RegistryBuilder = (evidence: ReadonlyMap<string, SpeakerEvidence>) => SpeakerRegistry;
