import { type Answer, type AnswerItem, answer, invalid } from "../src/answer.ts";
import type { Command } from "../src/command.ts";
import type { AttributionHit, Library } from "../src/library.ts";
import { quoteItem } from "../src/present.ts";
import { foldName } from "../src/text/fold.ts";

/**
 * "Find source": given the text of a message that quotes someone, find the passage the words
 * come from and who said them there, and say whether the wording is exact, close (with the
 * difference word by word) or not in the coverage.
 */
export const findSource: Command = {
  name: "find-source",
  description: "Find the passage a quote comes from, who said it, and whether the wording matches",
  bareOption: "text",
  options: [
    {
      name: "text",
      description: "The quote as someone wrote it",
      type: "string",
      required: true,
      maxLength: 4000,
    },
  ],
  run(args, { library }) {
    return findSourceOf(String(args.text ?? ""), library);
  },
};

/** Words of a message compared with the article beyond this many are not read. */
const MAX_WORDS = 60;
const MIN_WORDS = 3;
/** Share of the message's words that must line up with the article for "close". */
const CLOSE = 0.6;
const MAX_CANDIDATES = 3;
const MAX_PASSAGE_TOKENS = 5000;

export type Wording = "exact" | "close";

export interface SourceMatch {
  articleId: string;
  paragraph: number;
  wording: Wording;
  /** Share of the message's words found in order in the article, 0..1. */
  similarity: number;
  /** Article offsets of the matched words. */
  start: number;
  end: number;
  /** The article's words, as printed, from first to last matched. */
  source: string;
  /** Word diff, article → message: `[-removed-]` and `{+added+}`; null when exact. */
  diff: string | null;
  /** The message adds or drops a negation: close in words, opposite in meaning. */
  negationChanged: boolean;
}

export function findSourceOf(raw: string, library: Library): Answer {
  const candidates = quotedParts(clean(raw));
  const usable = candidates.filter((c) => tokens(c).length >= MIN_WORDS);
  if (usable.length === 0) {
    return invalid(
      "find-source",
      "There are too few words to look for: pick a message that quotes at least three words.",
    );
  }
  const items: AnswerItem[] = [];
  const seen = new Set<string>();
  let shortened = false;
  for (const candidate of usable.slice(0, MAX_CANDIDATES)) {
    shortened ||= tokens(candidate).length > MAX_WORDS;
    const match = bestMatch(candidate, library);
    if (!match) continue;
    const key = `${match.articleId}#${match.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(sourceItem(match, library));
  }
  const notices: string[] = [];
  if (shortened) notices.push(`Only the first ${MAX_WORDS} words of a long quote were compared.`);
  const first = items[0];
  if (!first) {
    return {
      command: "find-source",
      heading: "Not in the coverage",
      items: [],
      notice: [
        `None of the ${library.articleCount} articles has these words, or words close to them.`,
        ...notices,
      ].join(" "),
      status: "empty",
    };
  }
  if (!first.speaker)
    notices.push("The article does not make clear who said this; no name is guessed.");
  const wording = first.details?.[0]?.startsWith("Exact")
    ? "exact wording"
    : first.details?.some((d) => d.startsWith("Meaning changed"))
      ? "close wording but the opposite meaning"
      : "close wording";
  const heading = `${first.speaker ?? "Speaker unclear"}: ${wording}, ${citeShort(first)}`;
  return answer("find-source", heading, items, notices.length ? notices.join(" ") : null);
}

function citeShort(item: AnswerItem): string {
  const c = item.citation;
  if (!c) return "";
  return [c.outlet ?? c.title ?? c.articleId, c.date, `¶${c.paragraph}`].filter(Boolean).join(" ");
}

function sourceItem(match: SourceMatch, library: Library): AnswerItem {
  const details =
    match.wording === "exact"
      ? ["Exact wording: the message matches the article word for word."]
      : [
          `Close wording: ${Math.round(match.similarity * 100)}% of the words match.`,
          `Difference (article → message): ${match.diff ?? ""}`,
          ...(match.negationChanged
            ? ["Meaning changed: the message adds or drops a negation, so it says the opposite."]
            : []),
        ];
  const said = speakerOf(match, library);
  if (said) return { ...quoteItem(said, library), details };
  return {
    kind: "passage",
    speaker: null,
    text: match.source,
    citation: library.citation(match.articleId, match.paragraph),
    details,
  };
}

/** The attribution whose content covers the matched words most, if any does. */
function speakerOf(match: SourceMatch, library: Library): AttributionHit | null {
  const hits = [
    ...library.searchAttributions(match.source, { limit: 10 }),
    ...library.searchAttributions(words(match.source).slice(0, 30).join(" "), { limit: 10 }),
  ];
  let best: AttributionHit | null = null;
  let bestOverlap = 0;
  for (const hit of hits) {
    const a = hit.attribution;
    if (a.articleId !== match.articleId) continue;
    const overlap = a.content.reduce(
      (sum, span) =>
        sum + Math.max(0, Math.min(span.end, match.end) - Math.max(span.start, match.start)),
      0,
    );
    if (overlap > bestOverlap) {
      best = hit;
      bestOverlap = overlap;
    }
  }
  // Words that only brush a quote's edge are not that quote.
  return best && bestOverlap >= (match.end - match.start) / 2 ? best : null;
}

/** The passage that lines up best with the candidate words, if any lines up closely enough. */
export function bestMatch(candidate: string, library: Library): SourceMatch | null {
  const wanted = tokens(candidate).slice(0, MAX_WORDS);
  const query = wanted.map((t) => t.raw).join(" ");
  const places = new Map<string, { articleId: string; paragraph: number }>();
  for (const hit of library.searchPassages(query, { limit: 10 })) {
    places.set(hit.passage.id, hit.passage);
  }
  for (const hit of library.searchAttributions(query, { limit: 10 })) {
    const a = hit.attribution;
    for (const n of new Set([a.paragraph, ...paragraphsOf(library, a.articleId, a.content)])) {
      places.set(`${a.articleId}#${n}`, { articleId: a.articleId, paragraph: n });
    }
  }
  let best: SourceMatch | null = null;
  for (const { articleId, paragraph } of places.values()) {
    const p = library.article(articleId)?.paragraphs[paragraph - 1];
    if (!p) continue;
    const found = align(wanted, tokens(p.text).slice(0, MAX_PASSAGE_TOKENS));
    if (!found) continue;
    const similarity = found.matches / Math.max(wanted.length, found.window);
    if (best && similarity <= best.similarity) continue;
    const exact = found.matches === wanted.length && found.window === wanted.length;
    best = {
      articleId,
      paragraph,
      wording: exact ? "exact" : "close",
      similarity: exact ? 1 : similarity,
      start: p.start + found.start,
      end: p.start + found.end,
      source: p.text.slice(found.start, found.end),
      diff: exact ? null : found.diff,
      negationChanged: !exact && found.negationChanged,
    };
  }
  return best && (best.wording === "exact" || best.similarity >= CLOSE) ? best : null;
}

function paragraphsOf(library: Library, articleId: string, spans: { start: number }[]): number[] {
  const paragraphs = library.article(articleId)?.paragraphs ?? [];
  return spans
    .map((s) => paragraphs.find((p) => p.start <= s.start && s.start < p.end)?.n)
    .filter((n): n is number => n !== undefined);
}

// ---- words ------------------------------------------------------------------------------------

interface Token {
  raw: string;
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘\-‐][\p{L}\p{N}]+)*/gu;

export function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    raw: m[0],
    norm: foldName(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const words = (text: string) => tokens(text).map((t) => t.raw);

/** Message text without Discord formatting: mentions, emoji, links and markup characters. */
function clean(text: string): string {
  return text
    .replace(/<a?:\w+:\d+>|<[@#][!&]?\d+>|<t:\d+(?::\w)?>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_~`|\\]/g, "");
}

/**
 * What in a message is the quote: the parts in quote marks or block-quote lines when there are
 * any, else the whole message.
 */
export function quotedParts(text: string): string[] {
  const parts = quotePairs(text);
  const quoted = text
    .split(/\r?\n/)
    .filter((line) => /^\s*>/.test(line))
    .map((line) => line.replace(/^\s*>+\s?/, ""))
    .join(" ");
  if (quoted.trim() && parts.length === 0) parts.push(quoted);
  if (parts.length === 0) parts.push(text);
  const length = new Map(parts.map((p) => [p, tokens(p).length]));
  return parts.sort((a, b) => (length.get(b) as number) - (length.get(a) as number));
}

/** Each opening quote mark: the marks that close it, and the fewest characters between. */
const PAIRS: Record<string, { closers: string[]; least: number }> = {
  "“": { closers: ["”"], least: 1 },
  '"': { closers: ['"'], least: 1 },
  "«": { closers: ["»"], least: 1 },
  "„": { closers: ["“", "”"], least: 1 },
  // A single mark opens a quote only around a long stretch: it is also an apostrophe.
  "‘": { closers: ["’"], least: 12 },
};

/**
 * The texts between quote marks, left to right, each quote closed by the first closing mark
 * after it. A pattern such as /“([^”]+)”/g scans to the end of the text from every unclosed
 * mark, quadratic in their number (100,000 characters of “ took 3.8 s); here each closing mark
 * is looked for once as the scan passes it.
 */
function quotePairs(text: string): string[] {
  const parts: string[] = [];
  const next = new Map<string, number>();
  const closerAfter = (mark: string, from: number) => {
    let at = next.get(mark);
    if (at === undefined || (at !== -1 && at < from)) {
      at = text.indexOf(mark, from);
      next.set(mark, at);
    }
    return at;
  };
  for (let i = 0; i < text.length; i++) {
    const pair = PAIRS[text[i] as string];
    if (!pair) continue;
    const found = pair.closers.map((mark) => closerAfter(mark, i + 1)).filter((at) => at >= 0);
    if (found.length === 0) continue;
    const end = Math.min(...found);
    if (end - i - 1 < pair.least) continue;
    parts.push(text.slice(i + 1, end));
    i = end;
  }
  return parts;
}

// ---- alignment ----------------------------------------------------------------------------------

interface Alignment {
  matches: number;
  /** How many article words the match spans. */
  window: number;
  start: number;
  end: number;
  diff: string;
  /** A negation ("not", "cannot", "never" …) is added, dropped or swapped in the message. */
  negationChanged: boolean;
}

/**
 * Lines the message's words up with a stretch of the passage: the fewest word edits, with the
 * stretch free to start and end anywhere in the passage (semi-global edit distance).
 */
export function align(wanted: Token[], passage: Token[]): Alignment | null {
  const n = wanted.length;
  const m = passage.length;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const cost = new Int32Array((n + 1) * width);
  for (let i = 1; i <= n; i++) cost[i * width] = i;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = wanted[i - 1]?.norm === passage[j - 1]?.norm;
      const diagonal = (cost[(i - 1) * width + j - 1] ?? 0) + (same ? 0 : 1);
      const skipWanted = (cost[(i - 1) * width + j] ?? 0) + 1;
      const skipPassage = (cost[i * width + j - 1] ?? 0) + 1;
      cost[i * width + j] = Math.min(diagonal, skipWanted, skipPassage);
    }
  }
  let endJ = 1;
  for (let j = 1; j <= m; j++) {
    if ((cost[n * width + j] ?? 0) < (cost[n * width + endJ] ?? 0)) endJ = j;
  }
  // Walk back to recover the edits, newest first.
  const ops: { kind: "same" | "sub" | "add" | "del"; from?: Token; to?: Token }[] = [];
  let i = n;
  let j = endJ;
  while (i > 0) {
    const here = cost[i * width + j] ?? 0;
    const from = passage[j - 1];
    const to = wanted[i - 1];
    if (j > 0 && from && to) {
      const same = to.norm === from.norm;
      if (here === (cost[(i - 1) * width + j - 1] ?? 0) + (same ? 0 : 1)) {
        ops.push({ kind: same ? "same" : "sub", from, to });
        i--;
        j--;
        continue;
      }
      if (here === (cost[i * width + j - 1] ?? 0) + 1) {
        ops.push({ kind: "del", from });
        j--;
        continue;
      }
    }
    ops.push({ kind: "add", to });
    i--;
  }
  ops.reverse();
  const inPassage = ops.filter((o) => o.from).map((o) => o.from as Token);
  const first = inPassage[0];
  const last = inPassage.at(-1);
  if (!first || !last) return null;
  return {
    matches: ops.filter((o) => o.kind === "same").length,
    window: inPassage.length,
    start: first.start,
    end: last.end,
    diff: wordDiff(ops),
    negationChanged: ops.some(
      (o) => o.kind !== "same" && isNegation(o.from?.norm) !== isNegation(o.to?.norm),
    ),
  };
}

const NEGATION = /^(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|.+n't)$/;

function isNegation(word: string | undefined): boolean {
  return word !== undefined && NEGATION.test(word);
}

/** `We [-cannot-] {+can't+} take …`: long unchanged stretches folded to their ends. */
function wordDiff(ops: { kind: string; from?: Token; to?: Token }[]): string {
  const out: string[] = [];
  let same: string[] = [];
  const flush = (edge: boolean) => {
    if (same.length > 6)
      out.push(...(edge && out.length === 0 ? [] : same.slice(0, 3)), "…", ...same.slice(-3));
    else out.push(...same);
    same = [];
  };
  for (const op of ops) {
    if (op.kind === "same") {
      same.push(op.to?.raw ?? "");
      continue;
    }
    flush(true);
    if (op.from) out.push(`[-${op.from.raw}-]`);
    if (op.to) out.push(`{+${op.to.raw}+}`);
  }
  if (same.length > 6) out.push(...same.slice(0, 3), "…");
  else out.push(...same);
  return out.join(" ");
}
