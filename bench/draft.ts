/**
 * An article before its people, weekdays and months are chosen: text with slots. The sources
 * (PolNeAR recombined, or the templated fallback) produce drafts; the generator casts and renders
 * them, so one paragraph can appear in many articles with different people and days.
 */
import type { Rng } from "./random.ts";
import { MONTHS, WEEKDAYS } from "./vocabulary.ts";

export interface Person {
  first: string;
  last: string;
}

export type Slot =
  | { person: number; form: "full" | "last" | "first" }
  | { weekday: number }
  | { month: number };

export type Piece = string | Slot;
export type Template = Piece[];

export interface Draft {
  title: Template;
  paragraphs: Template[];
}

export interface Source {
  kind: "polnear" | "fallback";
  /** The people that person slots point at, by index. */
  people: readonly Person[];
  /** Chance that a source person keeps their own name rather than being recast from the pool. */
  keepPeople: number;
  draft(rng: Rng): Draft;
}

export interface Casting {
  person(key: number): Person;
  /** Added to every weekday and month, so "Monday ... Wednesday" keeps its two-day gap. */
  weekdayShift: number;
  monthShift: number;
}

export function render(template: Template, casting: Casting): string {
  let out = "";
  for (const piece of template) {
    if (typeof piece === "string") out += piece;
    else if ("person" in piece) {
      const p = casting.person(piece.person);
      out +=
        piece.form === "full" ? `${p.first} ${p.last}` : piece.form === "last" ? p.last : p.first;
    } else if ("weekday" in piece) out += WEEKDAYS[(piece.weekday + casting.weekdayShift) % 7];
    else out += MONTHS[(piece.month + casting.monthShift) % 12];
  }
  return out;
}

/** The person keys a draft mentions, in order of first mention. */
export function peopleOf(draft: Draft): number[] {
  const keys = new Set<number>();
  for (const template of [draft.title, ...draft.paragraphs]) {
    for (const piece of template)
      if (typeof piece !== "string" && "person" in piece) keys.add(piece.person);
  }
  return [...keys];
}

/**
 * Draws from a table of evenly spaced quantiles, uniformly between neighbours; the last bucket
 * stretches past the last quantile to stand in for the long tail.
 */
export function fromQuantiles(rng: Rng, quantiles: readonly number[]): number {
  const i = rng.int(quantiles.length);
  const lo = quantiles[i] as number;
  const hi = quantiles[i + 1] ?? Math.round(lo * 1.6);
  return hi > lo ? lo + rng.int(hi - lo) : lo;
}
