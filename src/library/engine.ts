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
import { byCorpusOrder } from "./order.ts";

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

/** The saved form of a library: one JSON text per part (see src/store for how they are kept). */
export type LibraryParts = Map<string, string>;

const PARTS = ["articles", "extractions", "passages", "attributions"] as const;
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
    const part = (name: (typeof PARTS)[number]) => {
      const text = parts.get(name);
      if (text === undefined) throw new Error(`the saved index has no ${name} part`);
      return text;
    };
    const articles = JSON.parse(part("articles")) as Article[];
    const extractions = new Map(JSON.parse(part("extractions")) as [string, Extraction][]);
    const analyzed = articles.map((article) => {
      const extraction = extractions.get(article.id);
      if (!extraction) throw new Error(`the saved index has no extraction for ${article.id}`);
      return { article, extraction };
    });
    return new LibraryIndex(
      loadPassageIndex(part("passages")),
      loadAttributionIndex(part("attributions")),
      analyzed,
      registry,
    );
  }

  toParts(): LibraryParts {
    return new Map<string, string>([
      ["articles", JSON.stringify([...this.byId.values()])],
      ["extractions", JSON.stringify([...this.extractions])],
      ["passages", JSON.stringify(this.passageIndex)],
      ["attributions", JSON.stringify(this.attributionIndex)],
    ]);
  }

  update(change: LibraryChange): void {
    for (const id of change.remove) this.drop(id);
    for (const { article, extraction } of change.add) {
      this.drop(article.id);
      this.byId.set(article.id, article);
      this.extractions.set(article.id, extraction);
      this.passageIndex.addAll(passageDocuments(article));
      this.attributionIndex.addAll(attributionDocuments(article.id, extraction));
    }
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
