import type {
  Article,
  ArticleSummary,
  Attribution,
  Citation,
  Passage,
  Speaker,
  Stance,
} from "../types.ts";

export interface PassageHit {
  passage: Passage;
  score: number;
}

export interface AttributionHit {
  attribution: Attribution;
  /** The corpus-wide speaker, or null where the article leaves the speaker unclear. */
  speaker: Speaker | null;
  score: number;
}

export interface PassageQuery {
  limit?: number;
  /** Only passages of articles from this outlet (case-insensitive). */
  outlet?: string;
  /** Only passages in which this speaker is quoted. */
  speakerId?: string;
}

export interface QuotesQuery {
  /** Put statements matching these words first, best first. */
  about?: string;
  limit?: number;
  /** Statements skipped first: the page of a long list. */
  offset?: number;
  /**
   * Statements of articles about the speaker (their title names them) before passing mentions,
   * after any that match `about`; else in corpus order.
   */
  storiesFirst?: boolean;
}

export interface AttributionQuery {
  limit?: number;
  stance?: Stance;
}

/**
 * The engine as commands see it: the corpus, its attributions and speakers, and the index over
 * them. Pure reads; loading, saving and watching belong to whoever builds the Library.
 */
export interface Library {
  readonly articleCount: number;
  /** The whole article, text included (read from the saved index when it is not in memory). */
  article(id: string): Article | undefined;
  /** All articles, newest first where dates are known, then by title. */
  articles(): ArticleSummary[];
  citation(articleId: string, paragraph: number): Citation;
  searchPassages(query: string, options?: PassageQuery): PassageHit[];
  /** Speakers whose name or alias matches, best first (exact name or alias, then partial, then fuzzy). */
  findSpeakers(name: string, limit?: number): Speaker[];
  speaker(id: string): Speaker | undefined;
  speakers(): Speaker[];
  /** A speaker's attributions; most relevant to `about` first when given, then as `storiesFirst` says. */
  quotesBy(speakerId: string, options?: QuotesQuery): AttributionHit[];
  /** Attributions whose content or evidence matches the text, best first. */
  searchAttributions(text: string, options?: AttributionQuery): AttributionHit[];
  /** Every attribution of one article, in the article's order (score 0). */
  statementsIn(articleId: string): AttributionHit[];
  /** Articles whose id or title starts with or contains the text, for autocomplete. */
  suggestArticles(text: string, limit?: number): ArticleSummary[];
}
