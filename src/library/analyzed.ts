import type { SpeakerEvidence, SpeakerRegistry } from "../attribution/speakers.ts";
import type { Article, Extraction } from "../types.ts";

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

/**
 * An article's passages and attributions tokenized for the indexes by the worker thread that
 * analysed it (tokenizing was a third of the main thread's work in a build): their terms'
 * numbers in the worker's vocabulary, whose words are `words` (see numberTerms).
 */
export interface ArticleTerms {
  words: readonly string[];
  passages: Int32Array;
  attributions: Int32Array;
}

/**
 * The speaker of each attribution of an article, in extraction order, as their place in the
 * book's speaker table (numbers, not a string each); -1 where unclear.
 */
export type Assigned = number[];
