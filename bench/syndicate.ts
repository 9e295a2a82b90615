/**
 * Syndicated copies of an article, as outlets publish a wire story: their own headline (at times
 * repeated as a first line), a dateline, boilerplate before and after, a few words edited, the
 * end cut or an update paragraph added, two paragraphs run together. Used by bench/dedup.ts.
 */
import type { Rng } from "./random.ts";

export const OUTLETS = [
  "RT",
  "Press TV",
  "TASS",
  "Reuters",
  "AP",
  "Xinhua",
  "Anadolu",
  "Sputnik",
  "Al Jazeera",
  "Daily Sabah",
];

const BOILERPLATE = [
  (o: string) => `Follow ${o} on Telegram and X for the latest news and analysis.`,
  (o: string) =>
    `This article was originally published by the Associated Press and is republished by ${o}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.`,
  (o: string) => `Subscribe to the ${o} newsletter to get the day's top stories in your inbox.`,
  (o: string) => `${o} is not responsible for the content of external websites.`,
  () => "Read more: the stories our readers are talking about today",
  (o: string) => `© 2016 ${o}. Share this story with your friends.`,
  () => "Advertisement",
];

const HEADLINE_WORDS = ["slams", "says", "warns", "rejects", "backs", "defends", "hits out at"];

export interface Copy {
  outlet: string;
  title: string;
  paragraphs: string[];
}

/** One outlet's copy of an article's paragraphs; `other` lends an update paragraph. */
export function syndicate(
  rng: Rng,
  source: { title: string; paragraphs: string[] },
  outlet: string,
  other: readonly string[],
): Copy {
  let paragraphs = source.paragraphs.map((p) => edit(rng, p));
  if (paragraphs.length > 4 && rng.chance(0.3)) {
    paragraphs = paragraphs.slice(0, paragraphs.length - rng.between(1, 2));
  }
  if (paragraphs.length > 3 && rng.chance(0.2)) {
    const at = rng.int(paragraphs.length - 1);
    paragraphs.splice(at, 2, `${paragraphs[at]} ${paragraphs[at + 1]}`);
  }
  if (rng.chance(0.25) && other.length > 0) paragraphs.push(`UPDATE: ${rng.pick(other)}`);
  const words = source.title.split(" ");
  const title = `${words.slice(0, Math.max(2, words.length - 3)).join(" ")} ${rng.pick(HEADLINE_WORDS)} critics`;
  const first = paragraphs[0] ?? "";
  paragraphs[0] = `WASHINGTON, ${rng.between(1, 28)} Oct (${outlet}) — ${first}`;
  if (rng.chance(0.5)) paragraphs.unshift(title);
  const before = rng.between(0, 2);
  const after = rng.between(1, 3);
  for (let i = 0; i < before; i++) paragraphs.unshift(rng.pick(BOILERPLATE)(outlet));
  for (let i = 0; i < after; i++) paragraphs.push(rng.pick(BOILERPLATE)(outlet));
  return { outlet, title, paragraphs };
}

/** About one word in 40 changed or dropped, as a copy editor or a house style would. */
function edit(rng: Rng, paragraph: string): string {
  const words = paragraph.split(" ");
  const out: string[] = [];
  for (const word of words) {
    if (rng.chance(0.01)) continue;
    if (rng.chance(0.015)) {
      out.push(word.replace(/[a-z]+/, (w) => (w.endsWith("s") ? w.slice(0, -1) : `${w}s`)));
      continue;
    }
    out.push(word);
  }
  return out.join(" ");
}
