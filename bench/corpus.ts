/**
 * Turns drafts into finished articles: casts the people, shifts the days, turns a sentence or two
 * into speech with a speaker and a reporting verb, adds a dateline. Article i depends only on (seed, i), so
 * any article can be drawn again without generating the ones before it.
 */
import { type Casting, type Person, peopleOf, render, type Source } from "./draft.ts";
import { mixSeed, Rng, ZipfSampler } from "./random.ts";
import {
  FIRST_NAMES,
  MONTHS,
  ORGANIZATIONS,
  OUTLETS,
  PLACES,
  ROLES,
  SURNAMES,
  WEEKDAYS,
} from "./vocabulary.ts";

/** Bump when the same seed would give different text, so cached corpora are not reused. */
export const GENERATOR_VERSION = 4;

export const ARTICLES_PER_FOLDER = 1000;

export interface GeneratedQuote {
  speaker: string;
  /** The quoted or reported words. */
  text: string;
  stance: "allegation" | "denial" | null;
}

export interface GeneratedArticle {
  index: number;
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  title: string;
  paragraphs: string[];
  /** The file's contents. */
  text: string;
  /** Everyone the article names, as printed. */
  people: string[];
  /** Speech the generator attributed; the source text carries more of its own. */
  quotes: GeneratedQuote[];
  outlet: string | null;
  /** ISO date when the dateline prints a year. */
  date: string | null;
}

type Quote = (
  speaker: string,
  words: string,
  rng: Rng,
) => { text: string; stance: GeneratedQuote["stance"] };

const QUOTES: Quote[] = [
  (s, q) => ({ text: `"${asClause(q)}" ${s} said.`, stance: null }),
  (s, q, rng) => ({ text: `“${asClause(q)}” said ${s}, ${rng.pick(ROLES)}.`, stance: null }),
  (s, q, rng) => ({ text: `${s} told reporters on ${rng.pick(WEEKDAYS)}: “${q}”`, stance: null }),
  (s, q) => ({ text: `According to ${s}, ${lowerFirst(q)}`, stance: null }),
  (s, q, rng) => ({ text: `${s}, ${rng.pick(ROLES)}, said that ${lowerFirst(q)}`, stance: null }),
  (s, q) => ({ text: `${s} denied the report, saying: "${q}"`, stance: "denial" }),
  (s, q, rng) => ({
    text: `${s} accused ${rng.pick(ORGANIZATIONS)} of misleading the public. "${asClause(q)}" ${s} added.`,
    stance: "allegation",
  }),
];

/** Share of articles given a dateline (place, date, outlet) at the head of the first paragraph. */
const DATELINE_SHARE = 0.55;

/** A pool of fictional speakers, unique names, in a seed-dependent order (the Zipf ranks). */
export function speakerPool(seed: number, size = 1500): Person[] {
  const rng = new Rng(mixSeed(seed, 0x5eed));
  const names = new Map<string, Person>();
  const limit = Math.min(size, FIRST_NAMES.length * SURNAMES.length);
  while (names.size < limit) {
    const person = { first: rng.pick(FIRST_NAMES), last: rng.pick(SURNAMES) };
    names.set(`${person.first} ${person.last}`, person);
  }
  return [...names.values()];
}

export class CorpusGenerator {
  private readonly poolRanks: ZipfSampler;
  private readonly outletRanks = new ZipfSampler(OUTLETS.length, 1);

  constructor(
    readonly source: Source,
    readonly pool: readonly Person[],
    readonly seed: number,
  ) {
    this.poolRanks = new ZipfSampler(pool.length, 1);
  }

  article(index: number): GeneratedArticle {
    const rng = new Rng(mixSeed(this.seed, index));
    const draft = this.source.draft(rng);
    const cast = this.cast(rng, peopleOf(draft));
    const casting: Casting = {
      person: (key) => cast.get(key) as Person,
      weekdayShift: rng.int(7),
      monthShift: rng.int(12),
    };
    const title = render(draft.title, casting).trim();
    const paragraphs = draft.paragraphs.map((p) => render(p, casting).trim());
    const people = [...cast.values()].map(fullName);
    const quotes = this.addQuotes(rng, paragraphs, people);
    const { outlet, date } = this.addDateline(rng, paragraphs);
    const text = `${title}\n\n${paragraphs.join("\n\n")}\n`;
    return {
      index,
      file: fileFor(index, title),
      title,
      paragraphs,
      text,
      people,
      quotes,
      outlet,
      date,
    };
  }

  /** Each person of the draft keeps their name or takes a pool name not yet used here. */
  private cast(rng: Rng, keys: number[]): Map<number, Person> {
    const cast = new Map<number, Person>();
    const used = new Set<string>();
    for (const key of keys) {
      const own = this.source.people[key] as Person;
      let person = own;
      if (!rng.chance(this.source.keepPeople)) {
        for (let tries = 0; tries < 5; tries++) {
          const candidate = rng.zipf(this.pool, this.poolRanks);
          if (!used.has(fullName(candidate))) {
            person = candidate;
            break;
          }
        }
      }
      used.add(fullName(person));
      cast.set(key, person);
    }
    return cast;
  }

  /** Turns a sentence or two of the article into speech with a speaker and a reporting verb. */
  private addQuotes(rng: Rng, paragraphs: string[], people: string[]): GeneratedQuote[] {
    const quotes: GeneratedQuote[] = [];
    const wanted = rng.chance(0.8) ? rng.between(1, 3) : 0;
    for (let attempt = 0; quotes.length < wanted && attempt < wanted * 4; attempt++) {
      const at = rng.int(paragraphs.length);
      const sentences = sentencesOf(paragraphs[at] as string);
      const candidates = sentences.map((_, i) => i).filter((i) => quotable(sentences[i] as string));
      if (candidates.length === 0) continue;
      const chosen = rng.pick(candidates);
      const words = (sentences[chosen] as string).trim();
      const speaker =
        people.length > 0 && rng.chance(0.5)
          ? rng.pick(people)
          : fullName(rng.zipf(this.pool, this.poolRanks));
      const quote = rng.pick(QUOTES)(speaker, words, rng);
      sentences[chosen] = `${quote.text} `;
      paragraphs[at] = sentences.join("").trim();
      quotes.push({ speaker, text: words, stance: quote.stance });
    }
    return quotes;
  }

  private addDateline(
    rng: Rng,
    paragraphs: string[],
  ): { outlet: string | null; date: string | null } {
    if (!rng.chance(DATELINE_SHARE) || paragraphs.length === 0) return { outlet: null, date: null };
    const outlet = rng.zipf(OUTLETS, this.outletRanks);
    const place = rng.pick(PLACES);
    const year = rng.between(2015, 2024);
    const month = rng.int(12);
    const day = rng.between(1, 28);
    const first = paragraphs[0] as string;
    if (outlet === "TASS") {
      // TASS prints no year in its datelines, so the date stays unknown.
      paragraphs[0] = `${place}, ${MONTHS[month]} ${day}. /TASS/. ${first}`;
      return { outlet, date: null };
    }
    paragraphs[0] = `${place}, ${MONTHS[month]} ${day}, ${year} (${outlet}) - ${first}`;
    const iso = `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return { outlet, date: iso };
  }
}

function fullName(p: Person): string {
  return `${p.first} ${p.last}`;
}

/** Sentences with their trailing space, so joining them gives the paragraph back. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g) ?? [];
}

function quotable(sentence: string): boolean {
  const words = sentence.trim().split(/\s+/).length;
  return (
    words >= 8 &&
    words <= 45 &&
    /^[A-Z]/.test(sentence) &&
    /\.$/.test(sentence.trim()) &&
    !/["“”]/.test(sentence)
  );
}

/** "It was wrong." -> "It was wrong," for a quote followed by its speaker. */
function asClause(sentence: string): string {
  return sentence.replace(/\.$/, ",");
}

/** Lower-cases the first letter unless the first word is a name or acronym ("I", "NATO", "Smith"). */
function lowerFirst(sentence: string): string {
  const first = sentence.split(/\s/, 1)[0] ?? "";
  if (
    /^(?:The|A|An|It|This|That|There|These|Those|In|On|At|For|But|And|We|They|He|She)$/.test(first)
  ) {
    return sentence.charAt(0).toLowerCase() + sentence.slice(1);
  }
  return sentence;
}

function fileFor(index: number, title: string): string {
  const folder = String(Math.floor(index / ARTICLES_PER_FOLDER)).padStart(3, "0");
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${folder}/${String(index).padStart(6, "0")}${slug ? `-${slug}` : ""}.txt`;
}
