import type MiniSearch from "minisearch";
import { buildSpeakerRegistry, type SpeakerRegistry } from "../attribution/speakers.ts";
import type {
  AttributionHit,
  AttributionQuery,
  Library,
  PassageHit,
  PassageQuery,
} from "../library.ts";
import {
  type AttributionDocument,
  attributionDocuments,
  attributionId,
  createAttributionIndex,
  loadAttributionIndex,
  searchAttributionIndex,
} from "../search/attribution-index.ts";
import { encodeIndex, packIndex } from "../search/packed-index.ts";
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
import { SpeakerLookup } from "../search/speaker-index.ts";
import { fold } from "../search/tokenize.ts";
import type { Article, Attribution, Citation, Extraction, Speaker } from "../types.ts";
import { decodeDocs, encodeDocs } from "./docs-codec.ts";
import { byCorpusOrder } from "./order.ts";
import type { Progress } from "./progress.ts";

/** An article with what the attribution engine found in it. */
export interface AnalyzedArticle {
  article: Article;
  extraction: Extraction;
}

export interface LibraryChange {
  /** Ids of articles to drop (removed or about to be replaced). */
  remove: readonly string[];
  add: readonly AnalyzedArticle[];
}

/** Builds the corpus-wide speakers; the attribution engine's registry unless a test needs another. */
export type RegistryBuilder = (extractions: ReadonlyMap<string, Extraction>) => SpeakerRegistry;

/**
 * The saved form of a library: named binary pieces (see src/store for how they are kept).
 * `docs.<n>`, `passages.<n>` and `attributions.<n>` are the base; `delta` the articles added,
 * changed and removed since it, so that saving one change does not rewrite the base.
 */
export type LibraryParts = Map<string, Uint8Array>;

export const DELTA_PART = "delta";
/** Articles a docs piece holds, so that no piece nears a size limit. */
const DOCS_PER_PIECE = 2000;
/** A large change is indexed in batches of this many articles, packed after each. */
const PACK_BATCH = 2000;
/** Past this many articles changed since the base was saved, the next save rewrites the base. */
export const MAX_DELTA_ARTICLES = 1000;
/** A question's verb agreeing with an attribution's stance lifts it this much within its rank. */
const STANCE_BOOST = 1.5;
const MAX_NAME_CHARS = 200;

/**
 * The corpus, its extractions and the indexes over them, answering the Library queries. Pure and
 * in memory: reading files, saving and watching are done by whoever owns it (open-library.ts).
 * `update` applies a change in place, so commands holding this object see new articles.
 */
export class LibraryIndex implements Library {
  private readonly byId = new Map<string, Article>();
  private readonly extractions = new Map<string, Extraction>();
  private derived: Derived;
  /** What changed since the base was saved: ids removed, and articles added or replaced. */
  private readonly pending = {
    remove: new Set<string>(),
    add: new Map<string, AnalyzedArticle>(),
  };

  private constructor(
    private readonly passageIndex: MiniSearch<PassageDocument>,
    private readonly attributionIndex: MiniSearch<AttributionDocument>,
    analyzed: Iterable<AnalyzedArticle>,
    private readonly registry: RegistryBuilder,
  ) {
    for (const { article, extraction } of analyzed) {
      this.byId.set(article.id, article);
      this.extractions.set(article.id, extraction);
    }
    this.derived = derive(this.byId, this.extractions, registry);
  }

  static build(
    analyzed: readonly AnalyzedArticle[],
    registry: RegistryBuilder = buildSpeakerRegistry,
  ): LibraryIndex {
    const library = new LibraryIndex(createPassageIndex(), createAttributionIndex(), [], registry);
    library.update({ remove: [], add: analyzed });
    return library;
  }

  /** Restores a library from `toParts`; throws when a part is missing or malformed. */
  static fromParts(
    parts: LibraryParts,
    registry: RegistryBuilder = buildSpeakerRegistry,
  ): LibraryIndex {
    const analyzed = pieces(parts, "docs").flatMap((piece) => decodeDocs(piece));
    const library = new LibraryIndex(
      loadPassageIndex(pieces(parts, "passages")),
      loadAttributionIndex(pieces(parts, "attributions")),
      analyzed,
      registry,
    );
    const delta = parts.get(DELTA_PART);
    if (delta) {
      const change = decodeDelta(delta);
      library.update(change);
    }
    return library;
  }

  /** The whole library as base parts, with no delta. */
  toParts(): LibraryParts {
    const parts: LibraryParts = new Map();
    const analyzed = [...this.byId.values()].map((article) => ({
      article,
      extraction: this.extractions.get(article.id) ?? { attributions: [], entities: [] },
    }));
    for (let i = 0; i * DOCS_PER_PIECE < Math.max(analyzed.length, 1); i++) {
      const batch = analyzed.slice(i * DOCS_PER_PIECE, (i + 1) * DOCS_PER_PIECE);
      parts.set(`docs.${i}`, encodeDocs(batch));
    }
    for (const [name, index] of [
      ["passages", this.passageIndex],
      ["attributions", this.attributionIndex],
    ] as const) {
      for (const [i, piece] of encodeIndex(index).entries()) parts.set(`${name}.${i}`, piece);
    }
    return parts;
  }

  /**
   * The changes since the base was saved, as the `delta` part; null when they are too many and
   * the base should be saved again instead.
   */
  deltaPart(): Uint8Array | null {
    const { remove, add } = this.pending;
    if (add.size + remove.size > MAX_DELTA_ARTICLES) return null;
    return Buffer.from(
      JSON.stringify({ remove: [...remove], add: [...add.values()].map((a) => a.article.id) }) +
        "\n" +
        encodeDocs([...add.values()]).toString("utf8"),
    );
  }

  /** Marks the current state as the saved base: later deltas are counted from here. */
  rebase(): void {
    this.pending.remove.clear();
    this.pending.add.clear();
  }

  /** Applies a change; `onProgress` hears how many of the added articles are indexed. */
  update(change: LibraryChange, onProgress?: Progress): void {
    for (const id of change.remove) {
      this.drop(id);
      this.pending.add.delete(id);
      this.pending.remove.add(id);
    }
    const large = change.add.length >= PACK_BATCH;
    change.add.forEach((analyzed, i) => {
      const { article, extraction } = analyzed;
      this.drop(article.id);
      this.byId.set(article.id, article);
      this.extractions.set(article.id, extraction);
      this.passageIndex.addAll(passageDocuments(article));
      this.attributionIndex.addAll(attributionDocuments(article.id, extraction));
      this.pending.add.set(article.id, analyzed);
      // Packing as the index grows keeps the memory of a large build bounded.
      if (large && ((i + 1) % PACK_BATCH === 0 || i === change.add.length - 1)) {
        packIndex(this.passageIndex);
        packIndex(this.attributionIndex);
      }
      onProgress?.(i + 1, change.add.length);
    });
    this.derived = derive(this.byId, this.extractions, this.registry);
  }

  private drop(id: string): void {
    const article = this.byId.get(id);
    if (!article) return;
    for (const p of article.paragraphs) this.passageIndex.discard(passageId(id, p.n));
    const extraction = this.extractions.get(id);
    extraction?.attributions.forEach((_, i) => {
      this.attributionIndex.discard(attributionId(id, i));
    });
    this.byId.delete(id);
    this.extractions.delete(id);
  }

  get articleCount(): number {
    return this.byId.size;
  }

  get passageCount(): number {
    return this.passageIndex.documentCount;
  }

  get attributionCount(): number {
    return this.attributionIndex.documentCount;
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  articles(): Article[] {
    return [...this.derived.ordered];
  }

  citation(articleId: string, paragraph: number): Citation {
    const a = this.byId.get(articleId);
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
      keeps.push((id) => fold(this.byId.get(id)?.outlet ?? "") === outlet);
    }
    if (options.speakerId !== undefined) {
      const passages = this.passagesQuoting(options.speakerId);
      keeps.push((id, n) => passages.has(passageId(id, n)));
    }
    const keep = keeps.length ? (id: string, n: number) => keeps.every((k) => k(id, n)) : undefined;
    const matches = searchPassageIndex(this.passageIndex, words, options.limit ?? 10, keep);
    const hits: PassageHit[] = [];
    for (const m of matches) {
      const text = this.byId.get(m.articleId)?.paragraphs[m.paragraph - 1]?.text;
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
    return this.derived.lookup.find(name.slice(0, MAX_NAME_CHARS), limit);
  }

  speaker(id: string): Speaker | undefined {
    return this.derived.speakerById.get(id);
  }

  speakers(): Speaker[] {
    return [...this.derived.speakers];
  }

  quotesBy(speakerId: string, options: { about?: string; limit?: number } = {}): AttributionHit[] {
    const ids = this.derived.quotesBySpeaker.get(speakerId) ?? [];
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
    for (const id of ids) if (!seen.has(id)) ranked.push({ id, score: 0 });
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
      ...(stance && { keep: (id: string) => this.attribution(id)?.stance === stance }),
    });
    if (claim.stance) {
      // A hint, not a filter: "who accused ..." may be answered by a plain statement.
      for (const m of matches) {
        if (this.attribution(m.id)?.stance === claim.stance) m.score *= STANCE_BOOST;
      }
      matches.sort((a, b) => b.score - a.score);
    }
    return this.hits(matches.slice(0, limit));
  }

  suggestArticles(text: string, limit = 25): Article[] {
    const query = fold(text.trim()).slice(0, MAX_NAME_CHARS);
    const { ordered, titles } = this.derived;
    if (query === "") return ordered.slice(0, limit);
    const starts: Article[] = [];
    const contains: Article[] = [];
    ordered.forEach((a, i) => {
      const title = titles[i] ?? "";
      if (a.id.startsWith(query) || title.startsWith(query)) starts.push(a);
      else if (contains.length < limit && (a.id.includes(query) || title.includes(query))) {
        contains.push(a);
      }
    });
    return [...starts, ...contains].slice(0, limit);
  }

  private attribution(id: string): Attribution | undefined {
    const at = id.lastIndexOf("@");
    return this.extractions.get(id.slice(0, at))?.attributions[Number(id.slice(at + 1))];
  }

  private hits(ranked: readonly { id: string; score: number }[]): AttributionHit[] {
    const hits: AttributionHit[] = [];
    for (const { id, score } of ranked) {
      const attribution = this.attribution(id);
      if (!attribution) continue;
      const speakerId = this.derived.speakerOf.get(id);
      const speaker = speakerId ? (this.derived.speakerById.get(speakerId) ?? null) : null;
      hits.push({ attribution, speaker, score });
    }
    return hits;
  }

  private passagesQuoting(speakerId: string): Set<string> {
    const ids = this.derived.quotesBySpeaker.get(speakerId) ?? [];
    const passages = new Set<string>();
    for (const id of ids) {
      const a = this.attribution(id);
      if (a && a.paragraph > 0) passages.add(passageId(a.articleId, a.paragraph));
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

/** Everything recomputed from the articles and extractions after each change. */
interface Derived {
  ordered: Article[];
  /** Folded titles, parallel to `ordered`, for article suggestions. */
  titles: string[];
  speakers: Speaker[];
  speakerById: Map<string, Speaker>;
  lookup: SpeakerLookup;
  /** Attribution id -> corpus-wide speaker id, for attributions with a known speaker. */
  speakerOf: Map<string, string>;
  /** Speaker id -> attribution ids in corpus order. */
  quotesBySpeaker: Map<string, string[]>;
}

function derive(
  articles: ReadonlyMap<string, Article>,
  extractions: ReadonlyMap<string, Extraction>,
  buildRegistry: RegistryBuilder,
): Derived {
  const ordered = [...articles.values()].sort(byCorpusOrder);
  const registry = buildRegistry(extractions);
  const speakers = [...registry.speakers].sort(
    (a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name),
  );
  const speakerOf = new Map<string, string>();
  const quotesBySpeaker = new Map<string, string[]>();
  const mentions = new Map<string, Set<string>>();
  for (const article of ordered) {
    const extraction = extractions.get(article.id);
    const inOrder = (extraction?.attributions ?? [])
      .map((a, i) => ({ a, i }))
      .sort((x, y) => x.a.paragraph - y.a.paragraph || x.i - y.i);
    for (const { a, i } of inOrder) {
      const speakerId = a.speaker ? registry.idFor(article.id, a.speaker) : null;
      if (!speakerId) continue;
      const id = attributionId(article.id, i);
      speakerOf.set(id, speakerId);
      const list = quotesBySpeaker.get(speakerId);
      if (list) list.push(id);
      else quotesBySpeaker.set(speakerId, [id]);
      if (a.mention) {
        const named = mentions.get(speakerId) ?? new Set<string>();
        named.add(a.mention.text);
        mentions.set(speakerId, named);
      }
    }
  }
  return {
    ordered,
    titles: ordered.map((a) => fold(a.title ?? "")),
    speakers,
    speakerById: new Map(speakers.map((s) => [s.id, s])),
    lookup: new SpeakerLookup(
      speakers,
      new Map([...mentions].map(([id, named]) => [id, [...named]])),
    ),
    speakerOf,
    quotesBySpeaker,
  };
}
