import type MiniSearch from "minisearch";
import {
  buildSpeakerRegistry,
  type SpeakerEvidence,
  type SpeakerRegistry,
} from "../attribution/speakers.ts";
import {
  type AttributionDocument,
  attributionDocuments,
  attributionId,
  createAttributionIndex,
  loadAttributionIndex,
  searchAttributionIndex,
} from "../search/attribution-index.ts";
import { IndexBatch } from "../search/index-batch.ts";
import { encodeIndex, prepareForChanges } from "../search/packed-index.ts";
import {
  createPassageIndex,
  loadPassageIndex,
  type PassageDocument,
  passageDocuments,
  passageId,
  searchPassageIndex,
} from "../search/passage-index.ts";
import { documentFrequency } from "../search/plan.ts";
import { parseQuery } from "../search/query.ts";
import { parseClaim } from "../search/question.ts";
import { fold } from "../text/fold.ts";
import type {
  Article,
  ArticleSummary,
  Attribution,
  Citation,
  Extraction,
  Speaker,
} from "../types.ts";
import type { AttributionHit, AttributionQuery, Library, PassageHit, PassageQuery } from "./api.ts";
import { type ArticleTerms, addDocuments } from "./article-terms.ts";
import { Bodies, type BodyPlan, type PieceSource } from "./bodies.ts";
import {
  type CatalogEntry,
  catalogEntry,
  decodeCatalog,
  encodeCatalog,
  factCount,
} from "./catalog.ts";
import { decodeDocs, encodeDocs } from "./docs-codec.ts";
import { byCorpusOrder } from "./order.ts";
import type { Progress } from "./progress.ts";
import { registryBook, settleOnWorker } from "./settle-speakers.ts";
import { type Assigned, type SavedBook, SpeakerBook } from "./speaker-book.ts";

/** An article with what the attribution engine found in it. */
export interface AnalyzedArticle {
  article: Article;
  extraction: Extraction;
  /** Its index terms, when a worker made them (see articleTerms). */
  terms?: ArticleTerms | null;
}

export interface LibraryChange {
  /** Ids of articles to drop (removed or about to be replaced). */
  remove: readonly string[];
  add: readonly AnalyzedArticle[];
}

/** Builds the corpus-wide speakers; the attribution engine's registry unless a test needs another. */
export type RegistryBuilder = (evidence: ReadonlyMap<string, SpeakerEvidence>) => SpeakerRegistry;

/**
 * The saved form of a library: named binary pieces (see src/store for how they are kept).
 * `catalog.<n>`, `passages.<n>` and `attributions.<n>` are the base, `docs.<n>` the articles'
 * text, read one article at a time when shown, and `delta` the articles added, changed and
 * removed since the base, so that saving one change does not rewrite it.
 */
export type LibraryParts = Map<string, Uint8Array>;

/** The library as base parts: see `LibraryIndex.baseParts`. */
export interface BaseParts {
  parts: LibraryParts;
  keep: Set<string>;
  plan: BodyPlan;
}

export const DELTA_PART = "delta";
/** Docs pieces are read an article at a time, never whole; the saved index keeps them as files. */
export const isDocsPart = (name: string) => name.startsWith("docs.");
/** Articles a catalog piece holds, so that no piece nears a size limit. */
const CATALOG_PER_PIECE = 10_000;
/** The corpus order and the speaker lists, as `SavedDerived`. */
const DERIVED_PART = "derived";
/** From this many articles the speakers are decided on a worker thread (see `settle`). */
const SETTLE_ON_WORKER_FROM = 10_000;
/** Changes of this many articles or more are indexed with an IndexBatch. */
const BATCH_FROM = 200;
/** Past this many articles changed since the base was saved, the next save rewrites the base. */
export const MAX_DELTA_ARTICLES = 1000;
/** A question's verb agreeing with an attribution's stance lifts it this much within its rank. */
const STANCE_BOOST = 1.5;
const MAX_NAME_CHARS = 200;
/** Changes up to this many articles are applied to the speaker lists article by article. */
const QUICK_CHANGE = MAX_DELTA_ARTICLES;

/**
 * The corpus, its extractions and the indexes over them, answering the Library queries. Pure and
 * in memory: reading files, saving and watching are done by whoever owns it (open-library.ts).
 * `update` applies a change in place, so commands holding this object see new articles.
 */
export class LibraryIndex implements Library {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly bodies: Bodies;
  private derived: Derived;
  /** What changed since the base was saved: ids removed, and ids added or replaced. */
  private readonly pending = { remove: new Set<string>(), add: new Set<string>() };

  private constructor(
    private readonly passageIndex: MiniSearch<PassageDocument>,
    private readonly attributionIndex: MiniSearch<AttributionDocument>,
    private readonly registry: RegistryBuilder,
    report: (message: string) => void,
  ) {
    this.bodies = new Bodies(report);
    const empty = { speakers: [], names: [], mentions: [], quotes: [] };
    this.derived = restored(this.entries, { order: [], book: empty }, new Map());
  }

  /** Whether the speakers were last decided by the registry over the whole corpus. */
  private settled = true;
  /** Counts changes, so that work done meanwhile elsewhere can tell it is stale. */
  private version = 0;

  static build(
    analyzed: readonly AnalyzedArticle[],
    registry: RegistryBuilder = buildSpeakerRegistry,
    report: (message: string) => void = () => undefined,
  ): LibraryIndex {
    const library = new LibraryIndex(
      createPassageIndex(),
      createAttributionIndex(),
      registry,
      report,
    );
    library.update({ remove: [], add: analyzed });
    return library;
  }

  /**
   * Restores a library from its saved parts; throws when one is missing or malformed. The docs
   * pieces may be left out of `parts` and named in `files` instead: they are then read from
   * disk an article at a time.
   */
  static fromParts(
    parts: LibraryParts,
    registry: RegistryBuilder = buildSpeakerRegistry,
    options: { files?: ReadonlyMap<string, string>; report?: (message: string) => void } = {},
  ): LibraryIndex {
    const library = new LibraryIndex(
      loadPassageIndex(pieces(parts, "passages")),
      loadAttributionIndex(pieces(parts, "attributions")),
      registry,
      options.report ?? (() => undefined),
    );
    const source = (piece: string): PieceSource => {
      const found = parts.get(piece) ?? options.files?.get(piece);
      if (found === undefined) throw new Error(`the saved index has no ${piece} part`);
      return found;
    };
    const assigned = new Map<string, Assigned>();
    for (const piece of pieces(parts, "catalog")) {
      for (const [entry, at, speakers] of decodeCatalog(piece)) {
        library.entries.set(entry.summary.id, entry);
        library.bodies.place(entry.summary.id, at, source(at.piece));
        assigned.set(entry.summary.id, speakers);
      }
    }
    // The speakers as the registry last decided them: a start-up does not run it again.
    const derived = parts.get(DERIVED_PART);
    if (!derived) throw new Error(`the saved index has no ${DERIVED_PART} part`);
    library.derived = restored(
      library.entries,
      JSON.parse(Buffer.from(derived).toString("utf8")) as SavedDerived,
      assigned,
    );
    const delta = parts.get(DELTA_PART);
    if (delta) library.update(decodeDelta(delta));
    return library;
  }

  /**
   * The whole library as base parts, with no delta: the catalog and indexes, and docs pieces
   * for the articles not saved yet. `keep` names the docs pieces saved before that the base still
   * reads; `plan.commit` is to be called once the parts are written.
   */
  baseParts(): BaseParts {
    const steps = this.basePartSteps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * `baseParts` with a pause between its parts, each a few seconds at most at 100,000 articles
   * where the whole takes ~5 s: the caller answers commands in between. Nothing may change the
   * library until it is done; an index is encoded whole, as a search may tidy its postings.
   */
  async basePartsInSteps(pause: () => Promise<void>): Promise<BaseParts> {
    const steps = this.basePartSteps();
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    return step.value;
  }

  private *basePartSteps(): Generator<void, BaseParts> {
    if (!this.settled) this.refreshDerived();
    const plan = this.bodies.plan();
    const parts: LibraryParts = new Map(plan.parts);
    const keep = this.bodies.pieces();
    const locate = (id: string) => plan.locations.get(id) ?? this.bodies.location(id);
    const book = this.derived.book;
    const entries = [...this.entries.values()];
    for (let i = 0; i * CATALOG_PER_PIECE < Math.max(entries.length, 1); i++) {
      const batch = entries.slice(i * CATALOG_PER_PIECE, (i + 1) * CATALOG_PER_PIECE);
      parts.set(
        `catalog.${i}`,
        encodeCatalog(batch, locate, (id) => book.assigned.get(id)),
      );
      yield;
    }
    const saved: SavedDerived = {
      order: this.derived.ordered.map((a) => a.id),
      book: book.save(),
    };
    parts.set(DERIVED_PART, Buffer.from(JSON.stringify(saved)));
    for (const [name, index] of [
      ["passages", this.passageIndex],
      ["attributions", this.attributionIndex],
    ] as const) {
      yield;
      for (const [i, piece] of encodeIndex(index).entries()) parts.set(`${name}.${i}`, piece);
    }
    return { parts, keep, plan };
  }

  /**
   * Work a start-up leaves for later, in steps short enough to run between commands: the id
   * hashes the first change needs, and the speaker lookup the first name typed needs.
   */
  warmUpSteps(): (() => void)[] {
    return [
      () => prepareForChanges(this.passageIndex),
      () => prepareForChanges(this.attributionIndex),
      () => this.derived.book.lookup,
    ];
  }

  /** The whole library as parts in memory (docs pieces included), as tests and tools keep it. */
  toParts(): LibraryParts {
    const { parts, keep } = this.baseParts();
    if (keep.size > 0) throw new Error("articles are on disk; save with baseParts instead");
    return parts;
  }

  /**
   * Docs pieces for the articles held in memory, so that a large build can write them as it
   * goes rather than hold every article's text until the end.
   */
  spill(): BodyPlan {
    return this.bodies.plan();
  }

  /** How many articles are held in memory waiting to be saved. */
  get unsaved(): number {
    return this.bodies.unsaved;
  }

  /**
   * The changes since the base was saved, as the `delta` part; null when they are too many and
   * the base should be saved again instead.
   */
  deltaPart(): Uint8Array | null {
    const { remove, add } = this.pending;
    if (add.size + remove.size > MAX_DELTA_ARTICLES) return null;
    const added: AnalyzedArticle[] = [];
    for (const id of add) {
      const analyzed = this.bodies.get(id);
      if (!analyzed) return null;
      added.push(analyzed);
    }
    return Buffer.from(
      JSON.stringify({ remove: [...remove], add: [...add] }) +
        "\n" +
        encodeDocs(added).toString("utf8"),
    );
  }

  /** Marks the current state as the saved base: later deltas are counted from here. */
  rebase(): void {
    this.pending.remove.clear();
    this.pending.add.clear();
  }

  /**
   * Applies a change; `onProgress` hears how many of the added articles are indexed. The speaker
   * registry and lists are brought up to date at the end, unless `deferDerived` (a large build
   * in batches does that once, after the last).
   */
  update(
    change: LibraryChange,
    onProgress?: Progress,
    options: { deferDerived?: boolean } = {},
  ): void {
    this.version++;
    for (const id of change.remove) {
      this.drop(id);
      this.pending.add.delete(id);
      this.pending.remove.add(id);
    }
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
      this.pending.add.add(article.id);
      onProgress?.(i + 1, change.add.length);
    });
    if (passages instanceof IndexBatch) passages.flush();
    if (attributions instanceof IndexBatch) attributions.flush();
    if (options.deferDerived) return;
    // A change large beside the corpus (a first build) is worth the registry's whole pass.
    const size = change.remove.length + change.add.length;
    if (size > QUICK_CHANGE || size * 10 > this.entries.size) this.refreshDerived();
    else this.applyQuickly(change);
  }

  /** Rebuilds the speaker registry and the lists over it from the catalog. */
  refreshDerived(): void {
    this.derived = derive(this.entries, this.registry);
    this.settled = true;
  }

  /**
   * Decides the speakers over the whole archive if edits left them undecided: on a worker thread
   * for a large archive (or when asked), so that commands are answered meanwhile. Changes made
   * while the worker runs send it back to this thread. Says where it was decided, if it was.
   */
  async settle(options: { onWorker?: boolean } = {}): Promise<"worker" | "here" | null> {
    if (this.settled) return null;
    const onWorker = options.onWorker ?? this.entries.size >= SETTLE_ON_WORKER_FROM;
    const version = this.version;
    const ordered = corpusOrder(this.entries);
    const settled =
      onWorker && this.registry === buildSpeakerRegistry
        ? await settleOnWorker(this.entries, ordered)
        : null;
    if (this.settled) return null;
    if (!settled || version !== this.version) {
      this.refreshDerived();
      return "here";
    }
    this.derived = restored(
      this.entries,
      { order: ordered.map((s) => s.id), book: settled.book },
      new Map(settled.assigned),
    );
    this.settled = true;
    return "worker";
  }

  /**
   * Brings the lists up to date article by article, without running the registry over the whole
   * corpus: what keeps an edit quick at 100,000 articles. The registry decides again at the next
   * full save (see `SpeakerBook` for what waits until then).
   */
  private applyQuickly(change: LibraryChange): void {
    const { ordered, book } = this.derived;
    const titles = this.derived.titles;
    const changed = new Set([...change.remove, ...change.add.map((a) => a.article.id)]);
    for (let i = ordered.length - 1; i >= 0; i--) {
      if (changed.has((ordered[i] as ArticleSummary).id)) {
        ordered.splice(i, 1);
        titles?.splice(i, 1);
      }
    }
    for (const id of changed) {
      book.remove(id);
      const summary = this.entries.get(id)?.summary;
      if (!summary) continue;
      const at = insertionPoint(ordered, summary);
      ordered.splice(at, 0, summary);
      titles?.splice(at, 0, fold(summary.title ?? ""));
      book.add(id);
    }
    this.settled = false;
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
    return [...this.derived.ordered];
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
    return this.derived.book.lookup.find(name.slice(0, MAX_NAME_CHARS), limit);
  }

  speaker(id: string): Speaker | undefined {
    return this.derived.book.speaker(id);
  }

  speakers(): Speaker[] {
    return this.derived.book.speakers();
  }

  quotesBy(speakerId: string, options: { about?: string; limit?: number } = {}): AttributionHit[] {
    const ids = this.derived.book.quotesOf(speakerId);
    if (ids.length === 0) return [];
    const limit = options.limit ?? ids.length;
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
    for (const id of ids) {
      if (ranked.length >= limit) break;
      if (!seen.has(id)) ranked.push({ id, score: 0 });
    }
    return this.hits(ranked.slice(0, limit));
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
      Array.from({ length: count }, (_, i) => ({ id: `${articleId}@${i}`, score: 0 })),
    );
  }

  suggestArticles(text: string, limit = 25): ArticleSummary[] {
    const query = fold(text.trim()).slice(0, MAX_NAME_CHARS);
    const { ordered } = this.derived;
    if (query === "") return ordered.slice(0, limit);
    this.derived.titles ??= ordered.map((a) => fold(a.title ?? ""));
    const titles = this.derived.titles;
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
    const at = id.lastIndexOf("@");
    const entry = this.entries.get(id.slice(0, at));
    const i = Number(id.slice(at + 1));
    const paragraph = entry?.paragraphs[i];
    if (!entry || paragraph === undefined) return undefined;
    return { paragraph, stance: entry.stances[i] ?? null };
  }

  /**
   * The hits of ranked attribution ids. Each article is read and decoded once per call: an
   * article's statements often stand together in a ranking, and reading is the costly part.
   */
  private hits(ranked: readonly { id: string; score: number }[]): AttributionHit[] {
    const hits: AttributionHit[] = [];
    const read = new Map<string, readonly Attribution[] | undefined>();
    for (const { id, score } of ranked) {
      const at = id.lastIndexOf("@");
      const articleId = id.slice(0, at);
      if (!read.has(articleId)) {
        const known = this.entries.has(articleId);
        read.set(
          articleId,
          known ? this.bodies.get(articleId)?.extraction.attributions : undefined,
        );
      }
      const attribution = read.get(articleId)?.[Number(id.slice(at + 1))];
      if (!attribution) continue;
      const speakerId = this.derived.book.speakerOf(articleId, Number(id.slice(at + 1)));
      const speaker = speakerId ? (this.derived.book.speaker(speakerId) ?? null) : null;
      hits.push({ attribution, speaker, score });
    }
    return hits;
  }

  private passagesQuoting(speakerId: string): Set<string> {
    const ids = this.derived.book.quotesOf(speakerId);
    const passages = new Set<string>();
    for (const id of ids) {
      const a = this.fact(id);
      const at = id.lastIndexOf("@");
      if (a && a.paragraph > 0) passages.add(passageId(id.slice(0, at), a.paragraph));
    }
    return passages;
  }
}

/** The parts named `<name>.0`, `<name>.1`, ... in order; throws when there is none. */
function pieces(parts: LibraryParts, name: string): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (let i = 0; parts.has(`${name}.${i}`); i++)
    found.push(parts.get(`${name}.${i}`) as Uint8Array);
  if (found.length === 0) throw new Error(`the saved index has no ${name} part`);
  return found;
}

/** The `delta` part: a JSON line of the ids removed and added, then the added articles. */
function decodeDelta(bytes: Uint8Array): LibraryChange {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = text.indexOf(10);
  const head = JSON.parse(text.toString("utf8", 0, newline < 0 ? text.length : newline)) as {
    remove: string[];
    add: string[];
  };
  const add = newline < 0 ? [] : decodeDocs(text.subarray(newline + 1));
  if (add.length !== head.add.length) throw new Error("the saved index's delta is malformed");
  return { remove: head.remove, add };
}

/** The lists over the catalog: articles in corpus order, and who said what. */
interface Derived {
  ordered: ArticleSummary[];
  /** Folded titles, parallel to `ordered`, for article suggestions; made when first asked. */
  titles: string[] | null;
  book: SpeakerBook;
}

/** The lists as saved, so that a start-up neither sorts the corpus nor walks every attribution. */
interface SavedDerived {
  /** Article ids in corpus order. */
  order: string[];
  book: SavedBook;
}

function derive(
  entries: ReadonlyMap<string, CatalogEntry>,
  buildRegistry: RegistryBuilder,
): Derived {
  const ordered = corpusOrder(entries);
  return { ordered, titles: null, book: registryBook(entries, ordered, buildRegistry) };
}

function corpusOrder(entries: ReadonlyMap<string, CatalogEntry>): ArticleSummary[] {
  return [...entries.values()].map((e) => e.summary).sort(byCorpusOrder);
}

function restored(
  entries: ReadonlyMap<string, CatalogEntry>,
  saved: SavedDerived,
  assigned: Map<string, Assigned>,
): Derived {
  if (!Array.isArray(saved?.order) || saved.order.length !== entries.size || !saved.book) {
    throw new Error("the saved corpus order does not match the catalog");
  }
  const ordered = saved.order.map((id) => {
    const summary = entries.get(id)?.summary;
    if (!summary) throw new Error("the saved corpus order does not match the catalog");
    return summary;
  });
  return { ordered, titles: null, book: SpeakerBook.restore(saved.book, assigned, entries) };
}

/** Where a summary goes in a list kept in corpus order. */
function insertionPoint(ordered: readonly ArticleSummary[], summary: ArticleSummary): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byCorpusOrder(ordered[mid] as ArticleSummary, summary) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
