import { MONTH_PATTERN, toIsoDate } from "./dates.ts";

/**
 * Line rules for scraped news text: page chrome, captions and sentence shape. They take one line
 * with white space folded, and know nothing of any particular site.
 */

const KNOWN_CHROME = new Set([
  "all news",
  "latest news",
  "more news",
  "top news",
  "top stories",
  "related",
  "related news",
  "related articles",
  "related stories",
  "read more",
  "read also",
  "see also",
  "share",
  "share this",
  "share this article",
  "share this story",
  "share article",
  "tweet",
  "email",
  "e-mail",
  "print",
  "comments",
  "comment",
  "leave a comment",
  "advertisement",
  "sponsored",
  "subscribe",
  "subscribe now",
  "sign up",
  "sign in",
  "log in",
  "follow us",
  "back to top",
  "skip to content",
  "skip to main content",
  "menu",
  "home",
  "search",
  "most read",
  "most popular",
  "trending",
  "newsletter",
  "listen to this article",
  "photo gallery",
  "next article",
  "previous article",
  "tags",
  "topics",
  "facebook",
  "twitter",
  "linkedin",
  "whatsapp",
  "pinterest",
  "reddit",
]);

/** Prefixes of short chrome lines: "Tags: Russia, MI5", "Share on Facebook". */
const CHROME_PREFIX =
  /^(?:advertisement|sponsored|promoted|tags|topics|filed under|related|read more|read also|see also|more on|follow us|subscribe to|sign up for|share on|share via|share to|click here|download our app)\b/i;
/** Site footers: alternate addresses, copyright, app-store and social lines. */
const FOOTER_ANY_LENGTH = /\bcan (?:also )?be (?:accessed|reached|found) (?:at|via|through|on)\b/i;
const FOOTER_SHORT = [
  /\balternate (?:web )?(?:addresses|address|domains?)\b/i,
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)\s|copyright\b)/i,
  /\b(?:roku|app store|google play|apple tv|android tv|amazon fire|ios app|android app)\b/i,
  /\bfollow (?:us|@\w+) on\b/i,
  /\b(?:privacy policy|terms of (?:use|service)|cookie policy)\b/i,
];
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;
/** A trail of short section names with spaced separators: "News / Russia", "Home › World". */
const CRUMB_SEPARATOR = /\s[/›»>|]\s/;

const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/gi;
const ZONE = /\b(?:GMT|UTC|MSK|EST|EDT|ET|BST|CET|CEST|PST|PDT)\b|[+-]\d{2}:?\d{2}\b/g;
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTH_PATTERN}|\\d{1,4}(?:st|nd|rd|th)?|mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b\\.?`,
  "gi",
);
const STAMP_PREFIX = /^(?:published|updated|posted|last updated|date)(?:\s+on)?\s*:?\s*/i;

const HAS_LETTER = /[\p{L}\p{N}]/u;

/** Tags of an embedded widget left in scraped text: `<tweet tweet-id="7"><tweet/>`. */
export const LEADING_MARKUP = /^(?:<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>[\s.,;]*)+/i;
/**
 * A short label in capitals: "ABSTRACT.", "FULL TEXT.", "CORRECTION APPENDED.", "(CROSSTALK.)".
 * No quote marks (a shouted quote is speech), no ! or ?, no dash (a dateline on its own line).
 */
const CAPS_LABEL = /^[([]?[\p{Lu}\p{N}][\p{Lu}\p{N}'’&/ -]*[.:]?[)\]]?[.:]?$/u;
/** A call to like, follow or share closing a line: "Do you support X? Like the page:". */
const SOCIAL_PROMPT =
  /(?:^|[.!?]\s+)(?:like|follow|share|subscribe|sign up|join|retweet)\b([^.!?]{0,100}):$/i;
const SOCIAL_OBJECT =
  /^\s*us\s*$|^\s*us\s+(?:on|at)\b|\b(?:page|facebook|twitter|instagram|youtube|newsletter|e-?mail|inbox|button|channel|feed|podcast)\b/i;
/** A live-blog time stamp on its own line: "9:05 p.m.", "2 p.m.:", "10:30". */
const TIME_ONLY =
  /^(?:\d{1,2}(?:[:.]\s?\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}:\d{2})(?:\s*(?:GMT|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT))?\s*[.:]?$/i;
/**
 * A style sheet left in the text: ".bio-text {", "width:100%;", "}". A declaration is a lowercase
 * property and a short value with a number, colour or keyword, so "Poll: 3 races are tight;" is not.
 */
const STYLE_SELECTOR = /^[^{}]{1,200}\{$/;
const STYLE_DECLARATION = /^-?[a-z]+(?:-[a-z]+)*\s*:(?:\s*[^\s;:]+){1,4}\s*;$/;
const STYLE_VALUE =
  /\d|#[0-9a-f]{3}|!important|\b(?:left|right|center|none|auto|solid|bold|inherit|sans-serif)\b/i;
/** A lone letter: a widget's close button "X.", an outline's "A.". */
const LONE_MARK = /^\p{L}[.)]?$/u;

/**
 * Space-separated tokens that hold a letter or digit, the first `atMost` of them. Each token is
 * found once and tested: a pattern for such a token (`\S*[\p{L}\p{N}]\S*`) rescans a long token
 * with none from each of its characters, quadratic in its length (a 40 KB line of dashes took
 * 1.6 s). Stopping at `atMost` keeps a check for a short line from splitting a giant one whole:
 * a 1 MB line of words was split into 200,000 strings to say "over 5 words".
 */
function wordsOf(line: string, atMost = Number.POSITIVE_INFINITY): string[] {
  const words: string[] = [];
  for (const [token] of line.matchAll(/\S+/g)) {
    if (words.length >= atMost) break;
    if (HAS_LETTER.test(token)) words.push(token);
  }
  return words;
}

/** The number of words in a line, counted no further than one past `atMost`. */
export function wordCount(line: string, atMost = Number.POSITIVE_INFINITY): number {
  return wordsOf(line, atMost + 1).length;
}

/** Ends like a sentence: . ! ? … or a colon, before any closing quotes or brackets. */
export function endsSentence(line: string): boolean {
  return /[.!?…:;]["”’')\]»]*$/.test(line);
}

/** A line of page chrome: navigation, share buttons, footers, bare addresses. */
export function isChromeLine(line: string): boolean {
  // Every other rule is for short lines (200 characters hold more than 15 words).
  if (line.length > 200) return FOOTER_ANY_LENGTH.test(line);
  if (
    line.length < 40 &&
    KNOWN_CHROME.has(
      line
        .replace(/[:.»›>|]+$/, "")
        .trim()
        .toLowerCase(),
    )
  ) {
    return true;
  }
  const words = wordCount(line);
  if (words === 0 || isClutter(line, words)) return true;
  if (words <= 6 && line.split(/[\s,|]+/).every((t) => DOMAIN.test(t))) return true;
  if (FOOTER_ANY_LENGTH.test(line)) return true;
  if (words <= 15 && FOOTER_SHORT.some((r) => r.test(line))) return true;
  if (words <= 12 && !endsSentence(line) && CHROME_PREFIX.test(line)) return true;
  return isCrumb(line);
}

/** Leftovers of the page rather than words of the article: markup, labels, prompts, stamps. */
function isClutter(line: string, words: number): boolean {
  if (line.replace(LEADING_MARKUP, "") === "") return true;
  if (words <= 3 && !/\p{Ll}/u.test(line) && /\p{Lu}{2}/u.test(line) && CAPS_LABEL.test(line)) {
    return true;
  }
  const prompt = words <= 30 ? SOCIAL_PROMPT.exec(line) : null;
  if (prompt && SOCIAL_OBJECT.test(prompt[1] as string)) return true;
  return (
    TIME_ONLY.test(line) ||
    LONE_MARK.test(line) ||
    STYLE_SELECTOR.test(line) ||
    (STYLE_DECLARATION.test(line) && STYLE_VALUE.test(line))
  );
}

function isCrumb(line: string): boolean {
  if (!CRUMB_SEPARATOR.test(line) || endsSentence(line)) return false;
  const parts = line.split(/\s*[/›»>|]\s*/);
  return parts.length >= 2 && parts.every((p) => wordCount(p) >= 1 && wordCount(p) <= 4);
}

/** The ISO date of a line that is only a date stamp ("Published: Sep 3, 2018 10:12 GMT"). */
export function dateStamp(line: string): string | null {
  if (line.length > 80) return null;
  const body = line.replace(STAMP_PREFIX, "");
  const date = toIsoDate(body);
  if (!date) return null;
  const rest = body.replace(TIME, "").replace(ZONE, "").replace(DATE_WORDS, "");
  return /[\p{L}\p{N}]/u.test(rest) ? null : date;
}

/** The outlet a footer names: "Press TV’s website can also be accessed ..." -> "Press TV". */
export function footerOutlet(line: string): string | null {
  const site = /^(.{2,40}?)(?:’s|'s)\s+(?:website|web site|site)\b/i.exec(line);
  if (site) return (site[1] as string).trim();
  const copyright =
    /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^.,]{2,40}?)(?:[.,]|\s+all rights reserved|$)/i.exec(
      line,
    );
  return copyright ? (copyright[1] as string).trim() : null;
}

const PHOTO_MARKER = [
  /\((?:file |archive |representational |illustrative |illustration )?(?:photo|image|picture|photograph)\b[^)]*\)/i,
  /(?:^|[.)]\s+)(?:photo|image|picture|credit|photograph)s?\s*(?:credit)?\s*:/i,
  /\b(?:photo|image|picture)\s+(?:by|credit|courtesy)\b/i,
  // A credit closing the line: "... in Moscow. AFP/Getty Images".
  /\b(?:AP|AFP|Reuters|Getty Images|EPA|TASS|Sputnik)(?:\s+Photo)?\s*\/\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*\)?$/u,
];
const SMALL_WORDS = new Set([
  "of",
  "the",
  "and",
  "in",
  "at",
  "for",
  "to",
  "on",
  "a",
  "an",
  "de",
  "van",
  "von",
  "der",
  "la",
  "le",
  "with",
  "&",
]);

/**
 * A photo caption: a line marked as a photo, or a short line without sentence punctuation that
 * is almost all capitalised words including a name ("Russia's Presidential Press Secretary
 * Dmitry Peskov").
 */
export function isCaptionLine(line: string): boolean {
  if (line.length > 300) return false;
  if (PHOTO_MARKER.some((r) => r.test(line))) return true;
  if (line.length > 120 || endsSentence(line)) return false;
  const tokens = wordsOf(line);
  if (tokens.length < 2 || tokens.length > 12) return false;
  const content = tokens.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capital = content.map((w) => /^["“‘'(]?[\p{Lu}\p{N}]/u.test(w));
  const share = capital.filter(Boolean).length / Math.max(1, content.length);
  const nameLike = capital.some((c, i) => c && capital[i + 1] === true);
  return share >= 0.75 && nameLike;
}
