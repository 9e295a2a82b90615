/**
 * The nouns of whosaid. Every layer (corpus, attribution, search, commands, surfaces)
 * speaks in these types, so they live in one place.
 */

/** A half-open range [start, end) of JavaScript string offsets into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers (`text === article.text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

export type ArticleFormat = "text" | "markdown" | "html" | "json";

/** One body paragraph of an article, numbered from 1 as readers count them (¶N). */
export interface Paragraph extends TextSpan {
  n: number;
}

/** An article as read from `data/`, with page chrome dropped. */
export interface Article {
  /** Stable id derived from the file name, so a citation `id ¶N` always points at the same text. */
  id: string;
  /** Path of the source file relative to the data folder, with forward slashes. */
  file: string;
  format: ArticleFormat;
  title: string | null;
  /** Standfirst / lead line under the title, when the page has one. */
  lead: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) when it can be known; null otherwise. */
  date: string | null;
  /** The dateline as printed, e.g. "MOSCOW, September 3". */
  dateline: string | null;
  author: string | null;
  url: string | null;
  /**
   * The text every span of this article points into: for plain text, the file's text exactly as
   * decoded; for Markdown, HTML and JSON, the article text extracted from the file.
   */
  text: string;
  /** Body paragraphs in order; `paragraphs[i].n === i + 1`. Captions and chrome are not here. */
  paragraphs: Paragraph[];
  /** Photo captions, kept apart from the body. */
  captions: TextSpan[];
}

/**
 * What is known of an article without its text: enough to list, cite and suggest it. A large
 * library keeps only these in memory and reads an article's text when it is shown.
 */
export interface ArticleSummary extends Omit<Article, "text" | "paragraphs" | "captions" | "lead"> {
  paragraphCount: number;
}

export type AttributionType = "direct" | "indirect" | "mixed";
export type Stance = "allegation" | "denial";

/** One reported statement: who said what, with the words of the article that show it. */
export interface Attribution {
  articleId: string;
  /** Body paragraph (¶N) where the statement stands; 0 for the title or lead. */
  paragraph: number;
  /** Canonical speaker name, or null where the article does not make the speaker clear. */
  speaker: string | null;
  /** How the article names the speaker at this point ("the senior Russian official", "he"). */
  mention: TextSpan | null;
  /** The reporting words ("told reporters", "according to", "accused"). */
  cue: TextSpan | null;
  /** What was said; several spans when a quote is split around its cue. */
  content: TextSpan[];
  type: AttributionType;
  stance: Stance | null;
  /** Canonical name of whoever reports this statement second-hand ("according to the newspaper"). */
  reportedBy: string | null;
  /** For a denial: what it answers, where the text says so. */
  answers: string | null;
  /** The sentence(s) that carry the statement, as evidence for the answer. */
  evidence: TextSpan;
}

/** "group": people who speak as one, named by whose they are ("Clinton aides"), none of them a person of their own. */
export type SpeakerKind = "person" | "organization" | "place" | "media" | "group" | "unknown";

/** A person or body named in one article, with every way the article refers to them. */
export interface Entity {
  name: string;
  kind: SpeakerKind;
  /** Surnames, titles and roles the article uses for this entity ("Kremlin spokesman"). */
  aliases: string[];
}

/** What the attribution engine finds in one article. */
export interface Extraction {
  attributions: Attribution[];
  entities: Entity[];
}

/** One speaker across the whole corpus: one person is one speaker, whatever the article calls them. */
export interface Speaker {
  /** Stable slug of the canonical name. */
  id: string;
  name: string;
  kind: SpeakerKind;
  /** Other names and roles, searchable ("Peskov", "Kremlin spokesman"). */
  aliases: string[];
  /** How many attributions name this speaker. */
  quotes: number;
  /** How many articles quote this speaker. */
  articles: number;
}

/** A searchable unit of text: one body paragraph with what a citation needs. */
export interface Passage {
  /** `${articleId}#${paragraph}` */
  id: string;
  articleId: string;
  paragraph: number;
  text: string;
}

/** Where a piece of evidence stands, as every answer shows it. */
export interface Citation {
  articleId: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  dateline: string | null;
  url: string | null;
  /** ¶N; 0 for the title or lead. */
  paragraph: number;
}
