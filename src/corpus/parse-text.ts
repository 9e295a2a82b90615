import type { Paragraph, TextSpan } from "../types.ts";
import { splitBlocks } from "./blocks.ts";
import {
  dateStamp,
  endsSentence,
  footerOutlet,
  isCaptionLine,
  isChromeLine,
  wordCount,
} from "./chrome.ts";
import { findDateline } from "./dateline.ts";
import { type ArticleContent, emptyContent, foldSpace } from "./outcome.ts";

/** A run of lines of one block that are not chrome; a candidate title, lead, caption or paragraph. */
interface Unit extends TextSpan {
  /** The text with white space folded, for the line rules. */
  folded: string;
  lines: number;
}

/** Lines this short, without sentence punctuation, are chrome when they trail a page footer. */
const FOOTER_WORDS = 5;
/** A line at least this long that stops mid-sentence is prose wrapped onto the next line. */
const WRAPPED_LINE = 40;

/**
 * Parses plain text as scraped from a news site: title, lead, dateline, outlet, date, body
 * paragraphs and captions, with page chrome dropped. Spans point into `text` exactly as given.
 */
export function parseText(text: string): ArticleContent {
  const article = emptyContent(text);
  const { units, chromeAt, outlet, date } = readUnits(text);
  article.outlet = outlet;
  article.date = date;

  let first = 0;
  const opening = units[0] ? findDateline(units[0].text) : null;
  if (units[0] && !opening) {
    article.title = units[0].folded;
    first = 1;
  }
  const bodyStart = findBodyStart(units, first);
  const body = dropTrailingFooter(units.slice(bodyStart), chromeAt);

  const paragraphs: TextSpan[] = [];
  for (const unit of units.slice(first, bodyStart)) {
    if (isCaption(unit)) article.captions.push(span(unit));
    else if (article.lead === null && paragraphs.length === 0) article.lead = unit.folded;
    else paragraphs.push(span(unit));
  }
  let opensBody = true;
  for (const unit of body) {
    if (isCaption(unit)) {
      article.captions.push(span(unit));
      continue;
    }
    const dateline = opensBody ? findDateline(unit.text) : null;
    opensBody = false;
    if (dateline) {
      article.dateline = dateline.dateline;
      article.outlet = dateline.outlet ?? article.outlet;
      article.date = dateline.date ?? article.date;
      const start = unit.start + dateline.length;
      paragraphs.push({ start, end: unit.end, text: text.slice(start, unit.end) });
    } else paragraphs.push(span(unit));
  }
  article.paragraphs = paragraphs.map((p, i): Paragraph => ({ n: i + 1, ...p }));
  return article;
}

/** Splits blocks into lines, drops chrome lines, and joins what is left into units. */
function readUnits(text: string) {
  const units: Unit[] = [];
  const chromeAt: number[] = [];
  let outlet: string | null = null;
  let date: string | null = null;
  for (const block of splitBlocks(text)) {
    let run: TextSpan[] = [];
    const flush = () => {
      const head = run[0];
      const tail = run[run.length - 1];
      if (head && tail) {
        const t = text.slice(head.start, tail.end);
        units.push({
          start: head.start,
          end: tail.end,
          text: t,
          folded: foldSpace(t),
          lines: run.length,
        });
      }
      run = [];
    };
    for (const line of lines(block)) {
      const folded = foldSpace(line.text);
      const prose = continuesProse(run);
      const stamp = prose ? null : dateStamp(folded);
      if (stamp || (!prose && isChromeLine(folded))) {
        date ??= stamp;
        outlet ??= footerOutlet(folded);
        chromeAt.push(line.start);
        flush();
      } else run.push(line);
    }
    flush();
  }
  return { units, chromeAt, outlet, date };
}

/** A hard-wrapped paragraph goes on after a long line that ends mid-sentence. */
function continuesProse(run: TextSpan[]): boolean {
  const last = run[run.length - 1];
  return (
    last !== undefined && last.text.length >= WRAPPED_LINE && !endsSentence(foldSpace(last.text))
  );
}

function lines(block: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    const start = block.start + m.index + lead;
    if (t) out.push({ start, end: start + t.length, text: t });
  }
  return out;
}

/**
 * The body opens at the first unit with a dateline or the shape of a sentence; what stands
 * between it and the title is the lead and captions. Without either, the body follows the title.
 */
function findBodyStart(units: Unit[], first: number): number {
  for (let i = first; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (isCaption(unit)) continue;
    if (findDateline(unit.text) || endsSentence(unit.folded)) return i;
  }
  return first;
}

/** Short unpunctuated units after the last sentence are footer when chrome stands among them. */
function dropTrailingFooter(body: Unit[], chromeAt: number[]): Unit[] {
  let end = body.length;
  while (end > 0 && isFooterLike(body[end - 1] as Unit)) end--;
  const lastSentence = body[end - 1];
  const footerHasChrome = chromeAt.some((at) => at > (lastSentence?.end ?? -1));
  return footerHasChrome && lastSentence ? body.slice(0, end) : body;
}

function isFooterLike(unit: Unit): boolean {
  return unit.text
    .split(/\r\n|\r|\n/)
    .every((l) => wordCount(foldSpace(l)) <= FOOTER_WORDS && !endsSentence(foldSpace(l)));
}

function isCaption(unit: Unit): boolean {
  return unit.lines === 1 && isCaptionLine(unit.folded);
}

function span(unit: Unit): TextSpan {
  return { start: unit.start, end: unit.end, text: unit.text };
}
