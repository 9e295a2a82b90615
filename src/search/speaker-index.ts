import SearchableMap from "minisearch/SearchableMap";
import { memoize } from "../cache/memo.ts";
import type { Speaker } from "../types.ts";
import { queryWords } from "./tokenize.ts";

/** Query terms this short match too many names for the term tree; scanning is quicker. */
const SHORT_TERM = 2;
/** Past this many candidates for a typed word, scanning in rank order is quicker. */
const MAX_CANDIDATES = 1000;
const MIN_FUZZY_LENGTH = 4;

/**
 * Finds speakers by what a user types, fast enough for autocomplete: the exact name or alias
 * ("Kremlin spokesman"), a surname ("Peskov"), how an article named them where it quoted them
 * ("The MI5 chief"), then speakers with a name or alias word starting with every word typed
 * ("kreml", "pes", "vlad put"), then near spellings ("Peskof"); within each tier the most
 * quoted first. Built from the registry each time it changes; cheap, so it
 * is not saved.
 */
export class SpeakerLookup {
  /** Most quoted first: the order of ties and of an empty query. Indices below point here. */
  private readonly ranked: Speaker[];
  private readonly termsOf: string[][] = [];
  private readonly nameTermsOf: string[][] = [];
  private readonly byName = new Map<string, number[]>();
  private readonly byAlias = new Map<string, number[]>();
  private readonly bySurname = new Map<string, number[]>();
  private readonly byMention = new Map<string, number[]>();
  private readonly terms = new SearchableMap<number[]>();

  /**
   * `mentions` are how articles name each speaker where they quote them ("The MI5 chief"),
   * by speaker id; they find a speaker as aliases do, after them.
   */
  constructor(speakers: readonly Speaker[], mentions?: ReadonlyMap<string, readonly string[]>) {
    this.ranked = [...speakers].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
    // Aliases and mentions recur across speakers ("he", "the spokesman"): each is read once.
    const key = memoize(nameKey, Number.POSITIVE_INFINITY);
    this.ranked.forEach((s, i) => {
      const name = nameKey(s.name);
      push(this.byName, name, i);
      for (const alias of s.aliases) push(this.byAlias, key(alias), i);
      const surname = name.split(" ").at(-1);
      if (s.kind === "person" && surname) push(this.bySurname, surname, i);
      const described = mentions?.get(s.id) ?? [];
      for (const mention of described) push(this.byMention, key(mention), i);
      // Mentions are matched whole only: their words often name someone else ("Trump's rival").
      const own = termsOf([s.name, ...s.aliases]);
      this.termsOf.push(own);
      this.nameTermsOf.push(termsOf([s.name]));
      for (const t of own) {
        const list = this.terms.get(t);
        if (list) list.push(i);
        else this.terms.set(t, [i]);
      }
    });
  }

  find(text: string, limit: number): Speaker[] {
    if (text.trim() === "") return this.ranked.slice(0, limit);
    const key = nameKey(text);
    if (key === "") return [];
    const found = new Set<number>();
    const add = (indices: Iterable<number>) => {
      for (const i of indices) if (found.size < limit) found.add(i);
    };
    add(this.byName.get(key) ?? []);
    add(this.byAlias.get(key) ?? []);
    add(this.bySurname.get(key) ?? []);
    add(this.byMention.get(key) ?? []);
    const typed = queryWords(text).flatMap((w) => (w.joined ? [w.joined] : w.parts));
    if (found.size < limit) add(this.prefixed(typed, limit + found.size));
    if (found.size < limit) add(this.near(typed));
    return [...found].map((i) => this.ranked[i] as Speaker);
  }

  /**
   * Speakers with a word starting with each typed word: those whose name fits first, then those
   * whose alias does, each most quoted first. The rarest typed word gives the candidates; when
   * every word is common, walking the speakers in rank order finds the first few sooner than
   * collecting thousands of candidates.
   */
  private prefixed(typed: string[], enough: number): number[] {
    const fits = (own: string[]) => typed.every((t) => own.some((o) => o.startsWith(t)));
    let rarest: Set<number> | null = null;
    for (const t of typed) {
      if (t.length <= SHORT_TERM) continue;
      const set = this.withPrefix(t, MAX_CANDIDATES);
      if (set && (!rarest || set.size < rarest.size)) rarest = set;
    }
    let hits: number[] = [];
    if (rarest) {
      hits = [...rarest].filter((i) => fits(this.termsOf[i] as string[])).sort((a, b) => a - b);
    } else {
      for (let i = 0; i < this.termsOf.length && hits.length < enough; i++) {
        if (fits(this.termsOf[i] as string[])) hits.push(i);
      }
    }
    const byName = new Set(hits.filter((i) => fits(this.nameTermsOf[i] as string[])));
    return [...byName, ...hits.filter((i) => !byName.has(i))];
  }

  /** Speakers with a word close in spelling to each typed word (or starting with a short one). */
  private near(typed: string[]): number[] {
    return intersect(
      typed.map((t) => {
        if (t.length < MIN_FUZZY_LENGTH) return this.withPrefix(t) ?? new Set<number>();
        const matches = new Set<number>();
        const distance = Math.min(2, Math.round(t.length * 0.2));
        for (const [indices] of this.terms.fuzzyGet(t, distance).values()) {
          for (const i of indices) matches.add(i);
        }
        return matches;
      }),
    );
  }

  /** Speakers with a word starting with the term; null when there are more than `cap`. */
  private withPrefix(term: string, cap = Number.POSITIVE_INFINITY): Set<number> | null {
    const matches = new Set<number>();
    for (const [, indices] of this.terms.atPrefix(term)) {
      for (const i of indices) matches.add(i);
      if (matches.size > cap) return null;
    }
    return matches;
  }
}

/**
 * A name as the lookup compares it: its query terms, so that it meets what a user types as the
 * index does (folded by `fold`, stop words out: "The MI5 chief" and "MI5 chief" are one key).
 */
export function nameKey(text: string): string {
  return queryWords(text)
    .map((w) => w.joined ?? w.parts.join(" "))
    .join(" ");
}

/** Every term of the texts as a query would give it, with the joined form of hyphenated words. */
function termsOf(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const w of queryWords(text)) {
      for (const t of w.joined ? [w.joined, ...w.parts] : w.parts) terms.add(t);
    }
  }
  return [...terms];
}

/** The members of every set, in rank order. */
function intersect(sets: Set<number>[]): number[] {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return [];
  return [...smallest].filter((i) => rest.every((s) => s.has(i))).sort((a, b) => a - b);
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  if (key === "") return;
  const list = map.get(key);
  // Indices come in increasing order, so a repeat can only be the last one.
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}
