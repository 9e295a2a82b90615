/**
 * Templated news for machines without ../shared: sentences from a Zipf-weighted vocabulary with a
 * long tail of rare words, a pool of speakers, direct and reported speech, and PolNeAR's shape.
 */
import {
  type Draft,
  fromQuantiles,
  type Person,
  type Piece,
  type Source,
  type Template,
} from "./draft.ts";
import { Rng, ZipfSampler } from "./random.ts";
import {
  ADJECTIVES,
  NOUNS,
  ORGANIZATIONS,
  PLURAL_NOUNS,
  REGIONS,
  SYLLABLES,
  VERBS,
} from "./vocabulary.ts";

/** PolNeAR train: paragraphs per article at 40 evenly spaced quantiles (mean 18.4, median 14). */
const PARAGRAPHS = [
  1, 2, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10, 10, 11, 12, 12, 13, 13, 14, 15, 16, 16, 17, 19, 20, 21,
  22, 23, 24, 25, 27, 28, 29, 30, 32, 34, 36, 39, 55,
];

/** PolNeAR train: words per paragraph at 40 evenly spaced quantiles (mean 39.8, median 36). */
const WORDS = [
  1, 2, 3, 8, 11, 14, 16, 18, 20, 21, 23, 24, 26, 27, 28, 30, 31, 32, 34, 35, 36, 38, 39, 41, 42,
  44, 45, 47, 49, 51, 53, 55, 57, 59, 62, 66, 70, 76, 85, 114,
];

const TAIL_SIZE = 20_000;
/** Chance that a noun comes from the long tail of rare words instead of the common list. */
const TAIL_SHARE = 0.15;

type Say = (w: Words) => Piece[];

/** Sentences with no speech in them. */
const PLAIN: Say[] = [
  (w) => [`The ${w.adj()} ${w.noun()} would ${w.verb(0)} ${w.plural()} in ${w.region()}.`],
  (w) => [
    cap(`${w.plural()} in ${w.region()} have ${w.verb(1)} the ${w.noun()} since `),
    w.month(),
    ".",
  ],
  (w) => [`The ${w.noun()} would cost about $${w.number(900)} billion over ${w.number(12)} years.`],
  (w) => [
    `The ${w.adj()} ${w.noun()} ${w.verb(1)} the ${w.noun()} of ${w.number(40)} ${w.plural()} on `,
    w.weekday(),
    ".",
  ],
  (w) => [
    `In ${w.region()}, the ${w.noun()} has ${w.verb(1)} ${w.adj()} ${w.plural()} and the ${w.noun()}.`,
  ],
  (w) => [cap(`${w.org()} ${w.verb(1)} the ${w.adj()} ${w.noun()} in `), w.month(), "."],
  (w) => [`Many ${w.plural()} expect the ${w.noun()} to ${w.verb(0)} the ${w.adj()} ${w.noun()}.`],
];

/** Sentences that report speech: direct quotes, "according to", accusations and denials. */
const SPEECH: Say[] = [
  (w) => [
    `"We will ${w.verb(0)} this ${w.noun()} and ${w.verb(0)} every ${w.noun()}," `,
    ...w.person(),
    " said.",
  ],
  (w) => ["According to ", ...w.person(), `, ${w.org()} ${w.verb(1)} the ${w.adj()} ${w.noun()}.`],
  (w) => [...w.person(), ` accused ${w.org()} of ${w.verb(2)} the ${w.noun()}.`],
  (w) => [
    cap(
      `${w.org()} denied that it had ${w.verb(1)} the ${w.noun()}, calling the claims ${w.adj()}.`,
    ),
  ],
  (w) => [...w.person(), ` told reporters that the ${w.noun()} was "${w.adj()} and ${w.adj()}."`],
  (w) => [
    `"It is a ${w.adj()} ${w.noun()}," said `,
    ...w.person(),
    `, adding that ${w.plural()} ${w.verb(1)} it.`,
  ],
  (w) => [`The ${w.noun()} ${w.verb(1)} ${w.plural()}, `, w.org(), " said on ", w.weekday(), "."],
];

/** Chance that a sentence reports speech: about a third of paragraphs then do, as in PolNeAR. */
const SPEECH_SHARE = 0.12;
/** A paragraph stops before a sentence that would overrun its length by more than this. */
const OVERRUN = 6;

const TITLES: Say[] = [
  (w) => [...w.person(), ` ${w.verb(0)}s ${w.adj()} ${w.noun()} as ${w.plural()} ${w.verb(0)}`],
  (w) => [cap(`${w.org()} ${w.verb(1)} ${w.noun()} over ${w.adj()} ${w.noun()}`)],
  (w) => [cap(`${w.plural()} ${w.verb(0)} ${w.noun()}, `), ...w.person(), " says"],
];

export function fallbackSource(pool: readonly Person[]): Source {
  const vocab = new Vocabulary(pool.length);
  return {
    kind: "fallback",
    people: pool,
    keepPeople: 1,
    draft: (rng) => draftArticle(rng, vocab),
  };
}

function draftArticle(rng: Rng, vocab: Vocabulary): Draft {
  const cast = Array.from({ length: rng.between(2, 5) }, () => vocab.speakers.draw(rng));
  const w = new Words(rng, vocab, cast);
  const title: Template = rng.pick(TITLES)(w);
  const paragraphs: Template[] = [];
  const count = fromQuantiles(rng, PARAGRAPHS);
  for (let i = 0; i < count; i++) {
    const target = fromQuantiles(rng, WORDS);
    const paragraph: Template = [];
    let words = 0;
    while (words === 0 || words + OVERRUN < target) {
      if (paragraph.length > 0) paragraph.push(" ");
      const sentence = rng.pick(rng.chance(SPEECH_SHARE) ? SPEECH : PLAIN)(w);
      paragraph.push(...sentence);
      words += wordCount(sentence);
    }
    paragraphs.push(paragraph);
  }
  return { title, paragraphs };
}

function wordCount(pieces: Piece[]): number {
  let n = 0;
  for (const p of pieces) n += typeof p === "string" ? p.split(/\s+/).filter(Boolean).length : 1;
  return n;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The word lists with their Zipf samplers, built once per source. */
class Vocabulary {
  readonly speakers: ZipfSampler;
  readonly tail: string[];
  private readonly samplers = new Map<number, ZipfSampler>();

  constructor(poolSize: number) {
    this.speakers = new ZipfSampler(poolSize, 1);
    // A fixed seed: the rare words are part of the vocabulary, not of one corpus.
    const rng = new Rng(7);
    const tail = new Set<string>();
    while (tail.size < TAIL_SIZE) {
      let word = "";
      for (let s = rng.between(2, 4); s > 0; s--) word += rng.pick(SYLLABLES);
      tail.add(word);
    }
    this.tail = [...tail];
  }

  sampler(size: number): ZipfSampler {
    let s = this.samplers.get(size);
    if (!s) {
      s = new ZipfSampler(size, 1);
      this.samplers.set(size, s);
    }
    return s;
  }
}

/** Word choices for one article: its cast is introduced in full, then by surname. */
class Words {
  private readonly introduced = new Set<number>();

  constructor(
    private readonly rng: Rng,
    private readonly vocab: Vocabulary,
    private readonly cast: number[],
  ) {}

  private zipf(list: readonly string[]): string {
    return this.rng.zipf(list, this.vocab.sampler(list.length));
  }

  noun(): string {
    if (this.rng.chance(TAIL_SHARE))
      return this.rng.zipf(this.vocab.tail, this.vocab.sampler(TAIL_SIZE));
    return this.zipf(NOUNS);
  }

  plural(): string {
    return this.zipf(PLURAL_NOUNS);
  }

  adj(): string {
    return this.zipf(ADJECTIVES);
  }

  /** 0: base form, 1: past, 2: -ing. */
  verb(form: 0 | 1 | 2): string {
    const verb = VERBS[this.vocab.sampler(VERBS.length).draw(this.rng)] ?? VERBS[0];
    return (verb as readonly string[])[form] as string;
  }

  org(): string {
    return this.zipf(ORGANIZATIONS);
  }

  region(): string {
    return this.zipf(REGIONS);
  }

  number(max: number): string {
    return String(this.rng.between(2, max));
  }

  weekday(): Piece {
    return { weekday: this.rng.int(7) };
  }

  month(): Piece {
    return { month: this.rng.int(12) };
  }

  person(): Piece[] {
    const key = this.rng.pick(this.cast);
    const form = this.introduced.has(key) ? "last" : "full";
    this.introduced.add(key);
    return [{ person: key, form }];
  }
}
