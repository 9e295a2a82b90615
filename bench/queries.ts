/**
 * What users would ask of a generated corpus: short searches (common words included),
 * misspellings, long pasted quotes, speaker names, name prefixes as typed into autocomplete, and
 * `/who` claims. Drawn from articles of the corpus itself, so most queries have answers.
 */
import type { GeneratedArticle } from "./corpus.ts";
import { mixSeed, Rng } from "./random.ts";

export type QueryKind =
  | "words"
  | "common"
  | "typo"
  | "pasted"
  | "source"
  | "speaker"
  | "prefix"
  | "who";
export type CommandName = "search" | "find-source" | "quote" | "autocomplete" | "who";

export interface BenchQuery {
  kind: QueryKind;
  /** The command whose engine call the query exercises. */
  command: CommandName;
  text: string;
}

export const COMMAND_OF: Record<QueryKind, CommandName> = {
  words: "search",
  common: "search",
  typo: "search",
  pasted: "search",
  source: "find-source",
  speaker: "quote",
  prefix: "autocomplete",
  who: "who",
};

/** Share of each kind in the set; every kind gets enough queries for a p99. */
const MIX: [QueryKind, number][] = [
  ["words", 0.17],
  ["common", 0.12],
  ["typo", 0.13],
  ["pasted", 0.08],
  ["source", 0.08],
  ["speaker", 0.14],
  ["prefix", 0.16],
  ["who", 0.12],
];

/** How many of the corpus's most frequent words (stop words apart) count as "common". */
const COMMON_WORDS = 100;
/** Share of common-word queries that carry a stop word too ("the election"). */
const WITH_STOP_WORD = 0.3;

const STOP = new Set(
  "a an and are as at be been but by for from had has have he her his i in is it its of on or our she that the their them they this to was we were which who will with would you not said says".split(
    " ",
  ),
);

interface Material {
  paragraphs: string[];
  /** Quoted spans: the generator's attributed speech and text between quote marks. */
  quotes: string[];
  speakers: string[];
  /** The most frequent words that are not stop words. */
  common: string[];
  /** The most frequent stop words. */
  stopWords: string[];
}

/** `count` queries in a fixed order for this seed and these articles. */
export function makeQueries(
  articles: readonly GeneratedArticle[],
  options: { seed: number; count: number },
): BenchQuery[] {
  const material = gather(articles);
  const rng = new Rng(mixSeed(options.seed, 0x9e3779b9));
  const queries: BenchQuery[] = [];
  for (const [kind, share] of MIX) {
    const n = Math.max(1, Math.round(options.count * share));
    for (let made = 0, tries = 0; made < n && tries < n * 20; tries++) {
      const text = draw(kind, rng, material);
      if (text === null) continue;
      queries.push({ kind, command: COMMAND_OF[kind], text });
      made++;
    }
  }
  // Interleaved, so caches and JIT warm-up do not favour the kinds that run last.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [queries[i], queries[j]] = [queries[j] as BenchQuery, queries[i] as BenchQuery];
  }
  return queries;
}

function gather(articles: readonly GeneratedArticle[]): Material {
  const paragraphs = articles.flatMap((a) => a.paragraphs).filter((p) => wordsOf(p).length >= 5);
  if (paragraphs.length === 0)
    throw new Error("the articles have no paragraphs to draw queries from");
  const quotes = articles.flatMap((a) => a.quotes.map((q) => q.text));
  for (const p of paragraphs) {
    for (const m of p.matchAll(/[“"]([^”"]{20,300})[”"]/g)) quotes.push(m[1] as string);
  }
  const speakers = [
    ...new Set(articles.flatMap((a) => [...a.people, ...a.quotes.map((q) => q.speaker)])),
  ];
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    for (const w of wordsOf(p)) {
      const word = w.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const common = ranked.filter((w) => w.length >= 3 && !STOP.has(w)).slice(0, COMMON_WORDS);
  const stopWords = ranked.filter((w) => STOP.has(w)).slice(0, 10);
  return { paragraphs, quotes, speakers, common, stopWords };
}

function draw(kind: QueryKind, rng: Rng, m: Material): string | null {
  switch (kind) {
    case "words":
      return contentWords(rng, rng.pick(m.paragraphs), rng.between(1, 4), 3);
    case "common": {
      const words = Array.from({ length: rng.between(1, 3) }, () => rng.pick(m.common));
      if (rng.chance(WITH_STOP_WORD) && m.stopWords.length > 0)
        words.unshift(rng.pick(m.stopWords));
      return words.join(" ");
    }
    case "typo": {
      const words = contentWords(rng, rng.pick(m.paragraphs), rng.between(1, 3), 5)?.split(" ");
      if (!words) return null;
      const at = rng.int(words.length);
      words[at] = misspell(rng, words[at] as string);
      return words.join(" ");
    }
    case "pasted":
    case "source": {
      const words = rng.pick(m.paragraphs).split(/\s+/);
      if (words.length < 20) return null;
      const length = Math.min(words.length, rng.between(20, 60));
      const start = rng.int(words.length - length + 1);
      return words.slice(start, start + length).join(" ");
    }
    case "speaker": {
      if (m.speakers.length === 0) return null;
      const name = rng.pick(m.speakers);
      const roll = rng.float();
      if (roll < 0.3) return name.split(" ").at(-1) ?? name;
      return roll < 0.4 ? name.toLowerCase() : name;
    }
    case "prefix": {
      if (m.speakers.length === 0) return null;
      const parts = rng.pick(m.speakers).split(" ");
      const part = rng.chance(0.5) ? (parts[0] as string) : (parts.at(-1) as string);
      const prefix = part.slice(0, rng.between(2, 5));
      return rng.chance(0.5) ? prefix.toLowerCase() : prefix;
    }
    case "who": {
      if (m.quotes.length === 0) return null;
      const words = wordsOf(rng.pick(m.quotes));
      if (words.length < 4) return null;
      const length = Math.min(words.length, rng.between(4, 10));
      const start = rng.int(words.length - length + 1);
      return `who said ${words.slice(start, start + length).join(" ")}`;
    }
  }
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Up to `n` distinct non-stop words of at least `min` letters from one paragraph, in text order. */
function contentWords(rng: Rng, paragraph: string, n: number, min: number): string | null {
  const candidates = [
    ...new Set(wordsOf(paragraph).filter((w) => w.length >= min && !STOP.has(w.toLowerCase()))),
  ];
  if (candidates.length === 0) return null;
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, candidates.length)) chosen.add(rng.int(candidates.length));
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => candidates[i] as string)
    .join(" ")
    .toLowerCase();
}

/** One Levenshtein edit: a letter dropped, inserted or replaced, never the first letter. */
export function misspell(rng: Rng, word: string): string {
  const at = rng.between(1, word.length - 1);
  const letter = "etaoinshrdlucmfwypvbgk".charAt(rng.int(22));
  switch (rng.int(3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + letter + word.slice(at);
    default: {
      const replacement = letter === word.charAt(at) ? "x" : letter;
      return word.slice(0, at) + replacement + word.slice(at + 1);
    }
  }
}
