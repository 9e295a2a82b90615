import type MiniSearch from "minisearch";
import { buildSpeakerRegistry } from "../attribution/speakers.ts";
import {
  type AttributionDocument,
  attributionDocuments,
  attributionId,
  createAttributionIndex,
  parseAttributionId,
  searchAttributionIndex,
} from "../search/attribution-index.ts";
import { IndexBatch } from "../search/index-batch.ts";
import { prepareForChanges } from "../search/packed-index.ts";
import {
  createPassageIndex,
  type PassageDocument,
  passageDocuments,
  passageId,
  searchPassageIndex,
} from "../search/passage-index.ts";
import { documentFrequency } from "../search/plan.ts";
import { parseQuery } from "../search/query.ts";
import { parseClaim } from "../search/question.ts";
import { fold } from "../text/fold.ts";
import type { Article, ArticleSummary, Attribution, Citation, Speaker } from "../types.ts";
import type { AnalyzedArticle, LibraryChange, RegistryBuilder } from "./analyzed.ts";
import type {
  AttributionHit,
  AttributionQuery,
  Library,
  PassageHit,
  PassageQuery,
  QuotesQuery,
} from "./api.ts";
import { addDocuments } from "./article-terms.ts";
import { Bodies } from "./bodies.ts";
import { type CatalogEntry, catalogEntry, factCount } from "./catalog.ts";
import type { Progress } from "./progress.ts";
import { SpeakerLists } from "./speaker-lists.ts";
import { storiesFirst } from "./stories-about.ts";

/** Documents hashed in one warm-up step: about 0.1 s, at 100,000 articles' 1.8 M passages. */
const IDS_PER_STEP = 100_000;
/** Changes of this many articles or more are indexed with an IndexBatch. */
const BATCH_FROM = 200;
/** A question's verb agreeing with an attribution's stance lifts it this much within its rank. */
const STANCE_BOOST = 1.5;
const MAX_NAME_CHARS = 200;

/**
 * What a library is made of: the catalog, the articles' text, the two indexes and the speaker
 * lists. The saved index (src/store/library-parts.ts) is written from these and read into them.
 */
export interface LibraryContents {
  readonly entries: Map<string, CatalogEntry>;
  readonly bodies: Bodies;
  readonly passageIndex: MiniSearch<PassageDocument>;
  readonly attributionIndex: MiniSearch<AttributionDocument>;
  readonly lists: SpeakerLists;
}

/**
 * The corpus, its extractions and the indexes over them: applies changes and answers the
 * Library queries. Pure and in memory: reading files, saving and watching are done by whoever
 * owns it (open-library.ts, with src/store/library-store.ts for the saved form). `update`
 * applies a change in place, so commands holding this object see new articles.
 */
export class LibraryIndex implements Library {
  private readonly entries: Map<string, CatalogEntry>;
  private readonly bodies: Bodies;
  private readonly passageIndex: MiniSearch<PassageDocument>;
  private readonly attributionIndex: MiniSearch<AttributionDocument>;
  private readonly lists: SpeakerLists;
  /** Each speaker's statement ids stories first, by the list they order (see storiesFirst). */
  private readonly storyOrder = new WeakMap<readonly string[], readonly string[]>();

  constructor(readonly contents: LibraryContents) {
    ({
      entries: this.entries,
      bodies: this.bodies,
      passageIndex: this.passageIndex,
      attributionIndex: this.attributionIndex,
      lists: this.lists,
    } = contents);
  }

  /** A library of no articles, to which `update` adds. */
  static empty(
    registry: RegistryBuilder = buildSpeakerRegistry,
    report: (message: string) => void = () => undefined,
  ): LibraryIndex {
    const entries = new Map<string, CatalogEntry>();
    return new LibraryIndex({
      entries,
      bodies: new Bodies(report),
      passageIndex: createPassageIndex(),
      attributionIndex: createAttributionIndex(),
      lists: SpeakerLists.decide(entries, registry),
    });
  }

  static build(
    analyzed: readonly AnalyzedArticle[],
    registry: RegistryBuilder = buildSpeakerRegistry,
    report: (message: string) => void = () => undefined,
  ): LibraryIndex {
    const library = LibraryIndex.empty(registry, report);
    library.update({ remove: [], add: analyzed });
    return library;
  }

  /**
   * Work a start-up leaves for later, in steps short enough to run between commands (the
   * generator pauses after each): the id hashes the first change needs, `IDS_PER_STEP`
   * documents a step, then the speaker lookup the first name typed needs.
   */
  *warmUpSteps(): Generator<void> {
    yield* prepareForChanges(this.passageIndex, IDS_PER_STEP);
    yield;
    yield* prepareForChanges(this.attributionIndex, IDS_PER_STEP);
    yield;
    this.lists.book.lookup;
  }

  /**
   * Applies a change; `onProgress` hears how many of the added articles are indexed. The speaker
   * lists are brought up to date at the end, unless `deferDerived` (a large build in batches
   * does that once, after the last, with `refreshDerived`).
   */
  update(
    change: LibraryChange,
    onProgress?: Progress,
    options: { deferDerived?: boolean } = {},
  ): void {
    for (const id of change.remove) this.drop(id);
    // Many articles go in through IndexBatch: postings appended to packed arrays in one pass
    // rather than a Map a term and a posting (what makes a large build slow and big).
    const batched = change.add.length >= BATCH_FROM;
    const passages = batched ? new IndexBatch(this.passageIndex) : this.passageIndex;
    const attributions = batched ? new IndexBatch(this.attributionIndex) : this.attributionIndex;
    change.add.forEach(({ article, extraction, terms }, i) => {
      const analyzed = { article, extraction };
      this.drop(article.id);
      this.entries.set(article.id, catalogEntry(analyzed));
      this.bodies.put(analyzed);
      addDocuments(passages, passageDocuments(article), terms?.words, terms?.passages);
      addDocuments(
        attributions,
        attributionDocuments(article.id, extraction),
        terms?.words,
        terms?.attributions,
      );
      onProgress?.(i + 1, change.add.length);
    });
    if (passages instanceof IndexBatch) passages.flush();
    if (attributions instanceof IndexBatch) attributions.flush();
    this.lists.follow(change, { defer: options.deferDerived });
  }

  /** Rebuilds the speaker registry and the lists over it from the catalog. */
  refreshDerived(): void {
    this.lists.refresh();
  }

  /** See `SpeakerLists.settle`. */
  settle(options: { onWorker?: boolean; heapMb?: number } = {}): Promise<"worker" | "here" | null> {
    return this.lists.settle(options);
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (let n = 1; n <= entry.summary.paragraphCount; n++) {
      this.passageIndex.discard(passageId(id, n));
    }
    for (let i = 0; i < factCount(entry); i++) this.attributionIndex.discard(attributionId(id, i));
    this.entries.delete(id);
    this.bodies.forget(id);
  }

  get articleCount(): number {
    return this.entries.size;
  }

  get passageCount(): number {
    return this.passageIndex.documentCount;
  }

  get attributionCount(): number {
    return this.attributionIndex.documentCount;
  }

  article(id: string): Article | undefined {
    return this.entries.has(id) ? this.bodies.get(id)?.article : undefined;
  }

  /** Calls `heal` with the id of each saved article whose text is found damaged. */
  onDamaged(heal: (id: string) => void): void {
    this.bodies.onDamaged = heal;
  }

  articles(): ArticleSummary[] {
    return [...this.lists.articles];
  }

  citation(articleId: string, paragraph: number): Citation {
    const a = this.entries.get(articleId)?.summary;
    return {
      articleId,
      title: a?.title ?? null,
      outlet: a?.outlet ?? null,
      date: a?.date ?? null,
      dateline: a?.dateline ?? null,
      url: a?.url ?? null,
      paragraph,
    };
  }

  searchPassages(query: string, options: PassageQuery = {}): PassageHit[] {
    const { words } = parseQuery(query, (t) => documentFrequency(this.passageIndex, t));
    if (words.length === 0) return [];
    const keeps: ((articleId: string, paragraph: number) => boolean)[] = [];
    if (options.outlet !== undefined) {
      const outlet = fold(options.outlet.trim());
      keeps.push((id) => fold(this.entries.get(id)?.summary.outlet ?? "") === outlet);
    }
    if (options.speakerId !== undefined) {
      const passages = this.passagesQuoting(options.speakerId);
      keeps.push((id, n) => passages.has(passageId(id, n)));
    }
    const keep = keeps.length ? (id: string, n: number) => keeps.every((k) => k(id, n)) : undefined;
    const matches = searchPassageIndex(this.passageIndex, words, options.limit ?? 10, keep);
    const hits: PassageHit[] = [];
    for (const m of matches) {
      const text = this.article(m.articleId)?.paragraphs[m.paragraph - 1]?.text;
      if (text === undefined) continue;
      const id = passageId(m.articleId, m.paragraph);
      hits.push({
        passage: { id, articleId: m.articleId, paragraph: m.paragraph, text },
        score: m.score,
      });
    }
    return hits;
  }

  findSpeakers(name: string, limit = 10): Speaker[] {
    return this.lists.book.lookup.find(name.slice(0, MAX_NAME_CHARS), limit);
  }

  speaker(id: string): Speaker | undefined {
    return this.lists.book.speaker(id);
  }

  speakers(): Speaker[] {
    return this.lists.book.speakers();
  }

  quotesBy(speakerId: string, options: QuotesQuery = {}): AttributionHit[] {
    const ids = this.lists.book.quotesOf(speakerId);
    if (ids.length === 0) return [];
    const offset = options.offset ?? 0;
    const end = offset + (options.limit ?? ids.length);
    const words = options.about ? parseQuery(options.about).words : [];
    const ranked: { id: string; score: number }[] = [];
    if (words.length > 0) {
      const own = new Set(ids);
      ranked.push(
        ...searchAttributionIndex(this.attributionIndex, words, {
          limit: ids.length,
          boost: { content: 2, evidence: 1 },
          keep: (id) => own.has(id),
        }),
      );
    }
    const seen = new Set(ranked.map((r) => r.id));
    const rest = options.storiesFirst ? this.storiesFirst(speakerId, ids) : ids;
    for (const id of rest) {
      if (ranked.length >= end) break;
      if (!seen.has(id)) ranked.push({ id, score: 0 });
    }
    return this.hits(ranked.slice(offset, end));
  }

  /**
   * A speaker's statement ids, stories first, remembered until the list changes: a speaker
   * quoted 100,000 times is ordered once, not on every /quote. The book grows a list in place
   * and replaces it when statements leave, so its length and identity say when it changed.
   */
  private storiesFirst(speakerId: string, ids: readonly string[]): readonly string[] {
    const known = this.storyOrder.get(ids);
    if (known && known.length === ids.length) return known;
    const speaker = this.lists.book.speaker(speakerId);
    if (!speaker) return ids;
    const ordered = storiesFirst(
      ids,
      speaker,
      (id) => parseAttributionId(id).articleId,
      (articleId) => this.entries.get(articleId)?.summary.title ?? null,
    );
    this.storyOrder.set(ids, ordered);
    return ordered;
  }

  searchAttributions(text: string, options: AttributionQuery = {}): AttributionHit[] {
    const limit = options.limit ?? 10;
    const claim = parseClaim(text);
    const { words } = parseQuery(claim.text, (t) => documentFrequency(this.attributionIndex, t));
    if (words.length === 0) return [];
    const stance = options.stance;
    const matches = searchAttributionIndex(this.attributionIndex, words, {
      limit: limit * 3,
      boost: { content: 2, evidence: 1, cue: 0.5 },
      ...(stance && { keep: (id: string) => this.fact(id)?.stance === stance }),
    });
    if (claim.stance) {
      // A hint, not a filter: "who accused ..." may be answered by a plain statement.
      for (const m of matches) {
        if (this.fact(m.id)?.stance === claim.stance) m.score *= STANCE_BOOST;
      }
      matches.sort((a, b) => b.score - a.score);
    }
    return this.hits(matches.slice(0, limit));
  }

  statementsIn(articleId: string): AttributionHit[] {
    const count = this.entries.get(articleId)?.paragraphs.length ?? 0;
    return this.hits(
      Array.from({ length: count }, (_, i) => ({ id: attributionId(articleId, i), score: 0 })),
    );
  }

  suggestArticles(text: string, limit = 25): ArticleSummary[] {
    const query = fold(text.trim()).slice(0, MAX_NAME_CHARS);
    const ordered = this.lists.articles;
    if (query === "") return ordered.slice(0, limit);
    const titles = this.lists.titles;
    const starts: ArticleSummary[] = [];
    const contains: ArticleSummary[] = [];
    ordered.forEach((a, i) => {
      const title = titles[i] ?? "";
      if (a.id.startsWith(query) || title.startsWith(query)) starts.push(a);
      else if (contains.length < limit && (a.id.includes(query) || title.includes(query))) {
        contains.push(a);
      }
    });
    return [...starts, ...contains].slice(0, limit);
  }

  /** What the catalog knows of an attribution, without reading its article. */
  private fact(id: string): Pick<Attribution, "paragraph" | "stance"> | undefined {
    const { articleId, position } = parseAttributionId(id);
    const entry = this.entries.get(articleId);
    const paragraph = entry?.paragraphs[position];
    if (!entry || paragraph === undefined) return undefined;
    return { paragraph, stance: entry.stances[position] ?? null };
  }

  /**
   * The hits of ranked attribution ids. Each article is read and decoded once per call: an
   * article's statements often stand together in a ranking, and reading is the costly part.
   */
  private hits(ranked: readonly { id: string; score: number }[]): AttributionHit[] {
    const hits: AttributionHit[] = [];
    const read = new Map<string, readonly Attribution[] | undefined>();
    for (const { id, score } of ranked) {
      const { articleId, position } = parseAttributionId(id);
      if (!read.has(articleId)) {
        const known = this.entries.has(articleId);
        read.set(
          articleId,
          known ? this.bodies.get(articleId)?.extraction.attributions : undefined,
        );
      }
      const attribution = read.get(articleId)?.[position];
      if (!attribution) continue;
      const speakerId = this.lists.book.speakerOf(articleId, position);
      const speaker = speakerId ? (this.lists.book.speaker(speakerId) ?? null) : null;
      hits.push({ attribution, speaker, score });
    }
    return hits;
  }

  private passagesQuoting(speakerId: string): Set<string> {
    const ids = this.lists.book.quotesOf(speakerId);
    const passages = new Set<string>();
    for (const id of ids) {
      const a = this.fact(id);
      if (a && a.paragraph > 0)
        passages.add(passageId(parseAttributionId(id).articleId, a.paragraph));
    }
    return passages;
  }
}
