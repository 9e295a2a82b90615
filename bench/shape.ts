/**
 * The shape of a corpus of plain-text articles (title line, blank line, paragraphs separated by
 * blank lines), measured the same way for PolNeAR and for generated text so the two compare.
 */
import { median } from "./stats.ts";

export interface Shape {
  articles: number;
  paragraphs: number;
  paragraphsPerArticle: { mean: number; median: number };
  wordsPerParagraph: { mean: number; median: number };
  charsPerArticle: number;
  /** Share of paragraphs with a quotation mark. */
  quoted: number;
  /** Share of paragraphs with a reporting verb or "according to". */
  reported: number;
}

const QUOTE_MARK = /["“”]/;
const REPORTING = /\b(?:said|says|told|according to|denied|accused|added|stated)\b/i;

/** The non-empty blocks of an article: the title first, then the paragraphs. */
export function blocksOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** Accumulates a Shape one article at a time, so a large corpus need not stay in memory. */
export class ShapeCounter {
  private readonly paragraphCounts: number[] = [];
  private readonly wordCounts: number[] = [];
  private chars = 0;
  private quoted = 0;
  private reported = 0;

  add(text: string): void {
    const paragraphs = blocksOf(text).slice(1);
    this.paragraphCounts.push(paragraphs.length);
    this.chars += text.length;
    for (const p of paragraphs) {
      this.wordCounts.push(wordCount(p));
      if (QUOTE_MARK.test(p)) this.quoted++;
      if (REPORTING.test(p)) this.reported++;
    }
  }

  shape(): Shape {
    const articles = this.paragraphCounts.length;
    const paragraphs = this.wordCounts.length;
    return {
      articles,
      paragraphs,
      paragraphsPerArticle: {
        mean: mean(this.paragraphCounts),
        median: median(this.paragraphCounts) || 0,
      },
      wordsPerParagraph: { mean: mean(this.wordCounts), median: median(this.wordCounts) || 0 },
      charsPerArticle: articles ? this.chars / articles : 0,
      quoted: paragraphs ? this.quoted / paragraphs : 0,
      reported: paragraphs ? this.reported / paragraphs : 0,
    };
  }
}

export function shapeOf(texts: Iterable<string>): Shape {
  const counter = new ShapeCounter();
  for (const text of texts) counter.add(text);
  return counter.shape();
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Whitespace-separated words, counted without building an array (this runs on every paragraph). */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
