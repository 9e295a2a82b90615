import type { SpeakerRegistry } from "../attribution/speakers.ts";
import { slug } from "../attribution/speakers.ts";
import { attributionId, parseAttributionId } from "../search/attribution-index.ts";
import { SpeakerLookup } from "../search/speaker-index.ts";
import { partitionPoint } from "../sorted/partition-point.ts";
import { fold } from "../text/fold.ts";
import type { ArticleSummary, Speaker } from "../types.ts";
import type { Assigned } from "./analyzed.ts";
import { type CatalogEntry, parseSpeakerFacts } from "./catalog.ts";
import { byCorpusOrder } from "./order.ts";

/**
 * Of a catalog entry, what the book reads: a worker thread deciding the speakers is sent only
 * this (see settle-speakers.ts).
 */
export type BookEntry = Pick<CatalogEntry, "paragraphs" | "speakerFacts"> & {
  summary: Pick<ArticleSummary, "id" | "title" | "date">;
};

/** A SpeakerBook as saved: restoring it reads these lists rather than a million attributions. */
export interface SavedBook {
  /** The speaker table, in the order `Assigned` numbers it. */
  speakers: Speaker[];
  /** Folded name -> the one speaker id it is given, or null (see `names`). */
  names: [string, string | null][];
  /** Speaker id -> how articles name them where they quote them, with how often. */
  mentions: [string, [string, number][]][];
  /** Speaker id -> their quotes' ids in corpus order, joined by spaces (article ids are slugs). */
  quotes: [string, string][];
}

/**
 * The articles a book is decided over, in corpus order, each read where it is kept when the
 * decision reaches it: catalog entries on this thread, a request's arrays on the settle worker.
 */
export interface BookSource {
  readonly ids: readonly string[];
  /** The `i`th article's speaker facts as saved (see `parseSpeakerFacts`). */
  facts(i: number): string | Uint8Array;
  /** The paragraph of each of the `i`th article's attributions. */
  paragraphs(i: number): ArrayLike<number>;
}

/**
 * A book as the registry decides it, kept in numbers: an attribution is its article's place in
 * the `BookSource` and its position there, so the settle worker neither makes nor sends the
 * 1.3 million quote ids of 100,000 articles as strings (`SpeakerBook.fromDecided` names them).
 */
export interface DecidedBook {
  /** The speaker table, in the order `assigned` numbers it. */
  speakers: Speaker[];
  names: SavedBook["names"];
  mentions: SavedBook["mentions"];
  /** Each attribution's speaker number (-1: none), one article after another. */
  assigned: Int32Array;
  /** Where each article's numbers end in `assigned`. */
  assignedEnds: Uint32Array;
  /** Each speaker's quotes in corpus order, speaker after speaker in table order: the article. */
  quoteArticles: Int32Array;
  /** ... and the attribution's position in that article. */
  quotePositions: Int32Array;
  /** Where each speaker's quotes end in `quoteArticles` and `quotePositions`. */
  quoteEnds: Uint32Array;
}

/**
 * Who said each attribution of `source`, as decided by the registry `makeRegistry` makes, with
 * the lists over it: each speaker's quotes in corpus order (within an article, by paragraph),
 * how articles mention them, and which speaker each folded name is given to (null where the
 * corpus gives it to several). Two passes over the articles: the first numbers and counts, the
 * second places each quote in its speaker's run of one array, so no list grows an id at a time.
 */
export function decideBook(source: BookSource, makeRegistry: () => SpeakerRegistry): DecidedBook {
  // Let go once every article is numbered: the second pass reads only the numbers.
  let registry: SpeakerRegistry | null = makeRegistry();
  const speakers = registry.speakers.map((s) => ({ ...s }));
  const numbers = new Map(speakers.map((s, n) => [s.id, n]));
  const { ids } = source;
  let assigned = new Int32Array(1024);
  const assignedEnds = new Uint32Array(ids.length);
  const quoteCounts = new Uint32Array(speakers.length);
  const names = new Map<string, string | null>();
  const mentionCounts = new Map<string, Map<string, number>>();
  let at = 0;
  for (const [i, articleId] of ids.entries()) {
    const facts = parseSpeakerFacts(source.facts(i));
    const start = at;
    if (assigned.length < at + facts.names.length) {
      const grown = new Int32Array(Math.max(2 * assigned.length, at + facts.names.length));
      grown.set(assigned.subarray(0, at));
      assigned = grown;
    }
    for (const name of facts.names) {
      const speakerId = name ? registry.idFor(articleId, name) : null;
      assigned[at++] = speakerId === null ? -1 : (numbers.get(speakerId) ?? -1);
    }
    assignedEnds[i] = at;
    for (const k of byParagraph(source.paragraphs(i))) {
      const n = k < at - start ? (assigned[start + k] as number) : -1;
      const name = facts.names[k];
      if (n < 0 || !name) continue;
      const speakerId = (speakers[n] as Speaker).id;
      quoteCounts[n] = (quoteCounts[n] as number) + 1;
      const mention = facts.mentions[k];
      if (mention) {
        let counts = mentionCounts.get(speakerId);
        if (!counts) {
          counts = new Map();
          mentionCounts.set(speakerId, counts);
        }
        counts.set(mention, (counts.get(mention) ?? 0) + 1);
      }
      const folded = fold(name);
      const before = names.get(folded);
      if (before === undefined) names.set(folded, speakerId);
      else if (before !== speakerId) names.set(folded, null);
    }
  }
  registry = null;
  const quoteEnds = new Uint32Array(speakers.length);
  const next = new Uint32Array(speakers.length);
  let total = 0;
  quoteCounts.forEach((count, n) => {
    next[n] = total;
    total += count;
    quoteEnds[n] = total;
  });
  const quoteArticles = new Int32Array(total);
  const quotePositions = new Int32Array(total);
  ids.forEach((_, i) => {
    const start = i > 0 ? (assignedEnds[i - 1] as number) : 0;
    const count = (assignedEnds[i] as number) - start;
    for (const k of byParagraph(source.paragraphs(i))) {
      const n = k < count ? (assigned[start + k] as number) : -1;
      if (n < 0) continue;
      const q = next[n] as number;
      next[n] = q + 1;
      quoteArticles[q] = i;
      quotePositions[q] = k;
    }
  });
  return {
    speakers,
    names: [...names],
    mentions: [...mentionCounts].map(([id, counts]) => [id, [...counts]]),
    assigned: assigned.slice(0, at),
    assignedEnds,
    quoteArticles,
    quotePositions,
    quoteEnds,
  };
}

/** An article's attribution positions by paragraph, then by position. */
function byParagraph(paragraphs: ArrayLike<number>): number[] {
  return Array.from({ length: paragraphs.length }, (_, k) => k).sort(
    (x, y) => (paragraphs[x] as number) - (paragraphs[y] as number) || x - y,
  );
}

/**
 * Who said each attribution, corpus-wide, and the lists over it: a speaker's quotes in corpus
 * order and the lookup for names typed. Made whole from the registry's decision (`fromDecided`), or
 * from what a saved index recorded (`restore`), so a start-up does not run the registry; then kept
 * up to date article by article (`add`, `remove`) until the next whole rebuild.
 *
 * Between rebuilds an added article's speakers are found by name among those the corpus knows:
 * a name only ever given to one speaker is that speaker, a name never seen becomes a speaker of
 * its own, and a name given to several (a lone surname) stays unclear until the rebuild decides.
 */
export class SpeakerBook {
  private readonly byId = new Map<string, Speaker>();
  /** Speaker ids in the order `Assigned` numbers them, and back. */
  private readonly table: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly quotes = new Map<string, string[]>();
  /** Saved quote lists not split yet: a speaker's list is split when first read or changed. */
  private readonly packedQuotes = new Map<string, string>();
  /** Folded name -> the one speaker id it is given; null when the corpus gives it to several. */
  private readonly names = new Map<string, string | null>();
  private readonly mentionCounts = new Map<string, Map<string, number>>();
  /** Each article's speaker facts as counted, so they are uncounted after its entry is replaced. */
  private readonly countedFacts = new Map<string, string | Uint8Array>();
  private lookupCache: SpeakerLookup | null = null;
  private rankedCache: Speaker[] | null = null;

  private constructor(
    speakers: readonly Speaker[],
    readonly assigned: Map<string, Assigned>,
    private readonly entries: ReadonlyMap<string, BookEntry>,
  ) {
    for (const s of speakers) this.register({ ...s });
    for (const [id, entry] of entries) this.countedFacts.set(id, entry.speakerFacts);
  }

  /**
   * The book the registry decided (`decideBook`) over the articles `ids` names, in that order;
   * throws when the decision is not over them.
   */
  static fromDecided(
    decided: DecidedBook,
    ids: readonly string[],
    entries: ReadonlyMap<string, BookEntry>,
  ): SpeakerBook {
    const { speakers, assignedEnds, quoteEnds, quoteArticles, quotePositions } = decided;
    if (assignedEnds.length !== ids.length || quoteEnds.length !== speakers.length) {
      throw new Error("the speakers were decided over another catalog");
    }
    const assigned = new Map<string, Assigned>();
    let start = 0;
    ids.forEach((id, i) => {
      const end = assignedEnds[i] as number;
      assigned.set(id, Array.from(decided.assigned.subarray(start, end)));
      start = end;
    });
    const quotes: [string, string][] = [];
    let from = 0;
    speakers.forEach((speaker, n) => {
      const end = quoteEnds[n] as number;
      const list: string[] = [];
      for (let q = from; q < end; q++) {
        const articleId = ids[quoteArticles[q] as number];
        if (articleId === undefined)
          throw new Error("the speakers were decided over another catalog");
        list.push(attributionId(articleId, quotePositions[q] as number));
      }
      if (list.length > 0) quotes.push([speaker.id, list.join(" ")]);
      from = end;
    });
    const { names, mentions } = decided;
    return SpeakerBook.restore({ speakers, names, mentions, quotes }, assigned, entries);
  }

  static restore(
    saved: SavedBook,
    assigned: Map<string, Assigned>,
    entries: ReadonlyMap<string, BookEntry>,
  ): SpeakerBook {
    const book = new SpeakerBook(saved.speakers, assigned, entries);
    const count = book.table.length;
    for (const numbers of assigned.values()) {
      for (const n of numbers) {
        if (!Number.isInteger(n) || n < -1 || n >= count) {
          throw new Error("the saved catalog names a speaker the index does not have");
        }
      }
    }
    for (const [name, id] of saved.names) book.names.set(name, id);
    for (const [id, counts] of saved.mentions) book.mentionCounts.set(id, new Map(counts));
    for (const [id, list] of saved.quotes) book.packedQuotes.set(id, list);
    return book;
  }

  /** The book as saved. */
  save(): SavedBook {
    const quotes: [string, string][] = [...this.packedQuotes];
    for (const [id, list] of this.quotes) if (list.length > 0) quotes.push([id, list.join(" ")]);
    return {
      speakers: this.table.map((id) => this.byId.get(id) as Speaker),
      names: [...this.names],
      mentions: [...this.mentionCounts].map(([id, counts]) => [id, [...counts]]),
      quotes,
    };
  }

  /** Most quoted first. */
  speakers(): Speaker[] {
    this.rankedCache ??= [...this.byId.values()].sort(
      (a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name),
    );
    return [...this.rankedCache];
  }

  speaker(id: string): Speaker | undefined {
    return this.byId.get(id);
  }

  speakerOf(articleId: string, index: number): string | null {
    return this.idOf(this.assigned.get(articleId)?.[index] ?? -1);
  }

  /** A speaker's attribution ids, newest article first, then by paragraph. */
  quotesOf(speakerId: string): readonly string[] {
    return this.list(speakerId);
  }

  get lookup(): SpeakerLookup {
    this.lookupCache ??= new SpeakerLookup(
      this.speakers(),
      new Map([...this.mentionCounts].map(([id, counts]) => [id, [...counts.keys()]])),
    );
    return this.lookupCache;
  }

  /** Takes an article out: its quotes leave the lists and the speakers' counts. */
  remove(articleId: string): void {
    const assigned = this.assigned.get(articleId);
    if (!assigned) return;
    this.rankedCache = null;
    this.assigned.delete(articleId);
    const counted = this.countedFacts.get(articleId);
    this.countedFacts.delete(articleId);
    const mentions = counted ? parseSpeakerFacts(counted).mentions : [];
    const ids = new Set<string>();
    assigned.forEach((n, i) => {
      const speakerId = this.idOf(n);
      this.countMention(speakerId, mentions[i], -1);
      if (speakerId) ids.add(speakerId);
    });
    for (const speakerId of ids) {
      const list = this.list(speakerId);
      const kept = list.filter((q) => parseAttributionId(q).articleId !== articleId);
      const speaker = this.byId.get(speakerId);
      if (speaker) {
        speaker.quotes -= list.length - kept.length;
        speaker.articles -= 1;
      }
      this.quotes.set(speakerId, kept);
    }
  }

  /** Puts a new or changed article in (its catalog entry must be in `entries` already). */
  add(articleId: string): void {
    this.remove(articleId);
    const entry = this.entries.get(articleId);
    if (!entry) return;
    this.rankedCache = null;
    const facts = parseSpeakerFacts(entry.speakerFacts);
    const byName = new Map(facts.entities.map((e) => [e.name, e]));
    const ids = facts.names.map((name) => {
      if (!name) return null;
      const known = this.names.get(fold(name));
      if (known !== undefined) return known;
      // A name the corpus has never quoted: a speaker of its own until the next rebuild.
      const entity = byName.get(name);
      let id = slug(name);
      for (let n = 2; this.byId.has(id); n++) id = `${slug(name)}-${n}`;
      this.register({
        id,
        name,
        kind: entity?.kind ?? "unknown",
        aliases: entity?.aliases.filter((x) => x !== name) ?? [],
        quotes: 0,
        articles: 0,
      });
      this.names.set(fold(name), id);
      this.lookupCache = null;
      return id;
    });
    this.assigned.set(
      articleId,
      ids.map((id) => this.numberOf(id)),
    );
    this.countedFacts.set(articleId, entry.speakerFacts);
    const here = new Set<string>();
    ids.forEach((speakerId, i) => {
      if (!speakerId) return;
      this.countMention(speakerId, facts.mentions[i], 1);
      const speaker = this.byId.get(speakerId);
      if (speaker) speaker.quotes++;
      if (!here.has(speakerId) && speaker) speaker.articles++;
      here.add(speakerId);
      const list = this.list(speakerId);
      const id = attributionId(articleId, i);
      list.splice(this.position(list, id), 0, id);
    });
  }

  private register(speaker: Speaker): void {
    this.byId.set(speaker.id, speaker);
    this.numbers.set(speaker.id, this.table.length);
    this.table.push(speaker.id);
  }

  private numberOf(id: string | null): number {
    return id === null ? -1 : (this.numbers.get(id) ?? -1);
  }

  private idOf(n: number): string | null {
    return n >= 0 ? (this.table[n] ?? null) : null;
  }

  /** A speaker's quote list, split from its saved form on first use. */
  private list(speakerId: string): string[] {
    let list = this.quotes.get(speakerId);
    if (list) return list;
    const packed = this.packedQuotes.get(speakerId);
    list = packed ? packed.split(" ") : [];
    this.packedQuotes.delete(speakerId);
    this.quotes.set(speakerId, list);
    return list;
  }

  /** Keeps the lookup's mentions whole: one that comes or goes rebuilds it when next asked. */
  private countMention(speakerId: string | null, text: string | null | undefined, by: 1 | -1) {
    if (!speakerId || !text) return;
    let counts = this.mentionCounts.get(speakerId);
    if (!counts) {
      counts = new Map();
      this.mentionCounts.set(speakerId, counts);
    }
    const n = (counts.get(text) ?? 0) + by;
    if (n > 0) counts.set(text, n);
    else counts.delete(text);
    if (n === 0 || (n === 1 && by === 1)) this.lookupCache = null;
  }

  /** Where an attribution id goes in a list kept in corpus order. */
  private position(list: readonly string[], id: string): number {
    return partitionPoint(0, list.length, (i) => this.compare(list[i] as string, id) < 0);
  }

  private compare(x: string, y: string): number {
    const { articleId: xa, position: xi } = parseAttributionId(x);
    const { articleId: ya, position: yi } = parseAttributionId(y);
    const ex = this.entries.get(xa);
    const ey = this.entries.get(ya);
    if (!ex || !ey) return 0;
    if (xa !== ya) return byCorpusOrder(ex.summary, ey.summary);
    const px = ex.paragraphs[xi] ?? 0;
    const py = ey.paragraphs[yi] ?? 0;
    return px - py || xi - yi;
  }
}
