import type { Paragraph, TextSpan } from "../types.ts";
import { splitBlocks } from "./blocks.ts";
import {
  dateStamp,
  endsSentence,
  footerOutlet,
  isCaptionLine,
  isChromeLine,
  LEADING_MARKUP,
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
 * Share of a run's inner line ends that must close a paragraph for each line to be a paragraph
 * of its own. Wrapped prose breaks mid-sentence at most line ends, so it stays one paragraph.
 */
const LINE_PARAGRAPHS = 0.5;
/** Words a line needs, besides closing a sentence, to read as a paragraph rather than a label. */
const PROSE_WORDS = 4;
/** A source tag closing a paragraph: "... points." [538], "... said." (AP). */
const SOURCE_TAG = /[[(][^\][()]{1,40}[\])]$/;
/** The longest a source tag is: its brackets and 40 characters. */
const TAG_LENGTH = 42;

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
      for (const group of paragraphsOf(run)) {
        const head = group[0];
        const tail = group[group.length - 1];
        if (!head || !tail) continue;
        const t = text.slice(head.start, tail.end);
        units.push({
          start: head.start,
          end: tail.end,
          text: t,
          folded: foldSpace(t),
          lines: group.length,
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

/**
 * Splits a run of lines into paragraphs. Text scraped with one paragraph per line and no blank
 * line between has most lines closing a sentence; there each line is a paragraph, unless it
 * plainly runs on into the next. Otherwise the run is one paragraph, as wrapped prose is.
 */
function paragraphsOf(run: TextSpan[]): TextSpan[][] {
  if (run.length < 2) return [run];
  const inner = run.slice(0, -1).map((l) => foldSpace(l.text));
  const closing = inner.filter(
    (l) => closesParagraph(l) && wordCount(l, PROSE_WORDS) >= PROSE_WORDS,
  );
  if (closing.length < 2 && run.length > 2) return [run];
  if (closing.length / inner.length < LINE_PARAGRAPHS) return [run];
  const groups: TextSpan[][] = [];
  let group: TextSpan[] = [];
  run.forEach((line, i) => {
    group.push(line);
    const next = run[i + 1];
    if (!next || !runsOn(inner[i] as string, next.text)) {
      groups.push(group);
      group = [];
    }
  });
  return groups;
}

/** Ends as a paragraph may: as a sentence, or with a colon before a quote; not a semicolon. */
function closesParagraph(line: string): boolean {
  return /[.!?…:]["”’')\]»]*$/.test(untagged(line));
}

/** A line that stops mid-sentence where the next goes on: a comma or dash, or a small letter. */
function runsOn(line: string, next: string): boolean {
  if (endsSentence(untagged(line))) return false;
  return /[,–—-]$/.test(line) || /^\p{Ll}/u.test(next);
}

/**
 * The line without its source tag and the blanks before it. The tag is looked for in the line's
 * last characters only, and the blanks walked back by hand: a pattern starting with \s* tried
 * each position of a long run of spaces (40,000 took 6 s).
 */
function untagged(line: string): string {
  const from = Math.max(0, line.length - TAG_LENGTH);
  const tag = SOURCE_TAG.exec(line.slice(from));
  if (!tag) return line;
  let start = from + tag.index;
  while (start > 0 && /\s/.test(line[start - 1] as string)) start--;
  return line.slice(0, start);
}

/** The lines of a block, trimmed, and without the tags of an embedded widget that opens one. */
function lines(block: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
    const markup = LEADING_MARKUP.exec(m[0].trimStart())?.[0] ?? "";
    // A line of markup alone stays whole, for the chrome rules to drop.
    const rest = m[0].trimStart().slice(markup.length);
    const skip = /[\p{L}\p{N}]/u.test(rest) ? markup.length : 0;
    const lead = m[0].length - m[0].trimStart().length + skip;
    const t = m[0].slice(lead).trim();
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
    if (findDateline(unit.text) || endsSentence(untagged(unit.folded))) return i;
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
  return unit.text.split(/\r\n|\r|\n/).every((l) => {
    const line = foldSpace(l);
    return wordCount(line, FOOTER_WORDS) <= FOOTER_WORDS && !endsSentence(line);
  });
}

function isCaption(unit: Unit): boolean {
  return unit.lines === 1 && isCaptionLine(unit.folded);
}

function span(unit: Unit): TextSpan {
  return { start: unit.start, end: unit.end, text: unit.text };
}
