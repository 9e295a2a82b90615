import type { SpeakerRegistry } from "../attribution/speakers.ts";
import { slug } from "../attribution/speakers.ts";
import { attributionId } from "../search/attribution-index.ts";
import { SpeakerLookup } from "../search/speaker-index.ts";
import { fold } from "../search/tokenize.ts";
import type { ArticleSummary, Speaker } from "../types.ts";
import { type CatalogEntry, entitiesOf } from "./catalog.ts";
import { byCorpusOrder } from "./order.ts";

/** Speaker id per attribution of an article, in extraction order; null where unclear. */
export type Assigned = (string | null)[];

/** A SpeakerBook as saved: restoring it reads these lists rather than a million attributions. */
export interface SavedBook {
  speakers: Speaker[];
  /** Folded name -> the one speaker id it is given, or null (see `names`). */
  names: [string, string | null][];
  /** Speaker id -> how articles name them where they quote them, with how often. */
  mentions: [string, [string, number][]][];
  /** Speaker id -> their quotes' ids in corpus order, joined by spaces (article ids are slugs). */
  quotes: [string, string][];
}

/**
 * Who said each attribution, corpus-wide, and the lists over it: a speaker's quotes in corpus
 * order and the lookup for names typed. Made whole from the speaker registry (`fromRegistry`), or
 * from what a saved index recorded (`restore`), so a start-up does not run the registry; then kept
 * up to date article by article (`add`, `remove`) until the next whole rebuild.
 *
 * Between rebuilds an added article's speakers are found by name among those the corpus knows:
 * a name only ever given to one speaker is that speaker, a name never seen becomes a speaker of
 * its own, and a name given to several (a lone surname) stays unclear until the rebuild decides.
 */
export class SpeakerBook {
  private readonly byId = new Map<string, Speaker>();
  private readonly quotes = new Map<string, string[]>();
  /** Saved quote lists not split yet: a speaker's list is split when first read or changed. */
  private readonly packedQuotes = new Map<string, string>();
  /** Folded name -> the one speaker id it is given; null when the corpus gives it to several. */
  private readonly names = new Map<string, string | null>();
  private readonly mentionCounts = new Map<string, Map<string, number>>();
  /** Each article's mentions as counted, so they are uncounted even after its entry is replaced. */
  private readonly mentionsOf = new Map<string, readonly (string | null)[]>();
  private lookupCache: SpeakerLookup | null = null;
  private rankedCache: Speaker[] | null = null;

  private constructor(
    speakers: readonly Speaker[],
    readonly assigned: Map<string, Assigned>,
    private readonly entries: ReadonlyMap<string, CatalogEntry>,
  ) {
    for (const s of speakers) this.byId.set(s.id, { ...s });
    for (const [id, entry] of entries) this.mentionsOf.set(id, entry.facts.mention);
  }

  static fromRegistry(
    registry: SpeakerRegistry,
    entries: ReadonlyMap<string, CatalogEntry>,
    ordered: readonly ArticleSummary[],
  ): SpeakerBook {
    const assigned = new Map<string, Assigned>();
    for (const [id, entry] of entries) {
      assigned.set(
        id,
        entry.facts.speaker.map((name) => (name ? registry.idFor(id, name) : null)),
      );
    }
    const book = new SpeakerBook(registry.speakers, assigned, entries);
    for (const article of ordered) book.index(article.id);
    return book;
  }

  static restore(
    saved: SavedBook,
    assigned: Map<string, Assigned>,
    entries: ReadonlyMap<string, CatalogEntry>,
  ): SpeakerBook {
    const book = new SpeakerBook(saved.speakers, assigned, entries);
    for (const [name, id] of saved.names) book.names.set(name, id);
    for (const [id, counts] of saved.mentions) book.mentionCounts.set(id, new Map(counts));
    for (const [id, list] of saved.quotes) book.packedQuotes.set(id, list);
    return book;
  }

  save(): SavedBook {
    const quotes: [string, string][] = [...this.packedQuotes];
    for (const [id, list] of this.quotes) if (list.length > 0) quotes.push([id, list.join(" ")]);
    return {
      speakers: [...this.byId.values()],
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
    return this.assigned.get(articleId)?.[index] ?? null;
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
    const mentions = this.mentionsOf.get(articleId) ?? [];
    this.mentionsOf.delete(articleId);
    assigned.forEach((speakerId, i) => {
      this.countMention(speakerId, mentions[i], -1);
    });
    const ids = new Set(assigned.filter((id): id is string => id !== null));
    for (const speakerId of ids) {
      const list = this.list(speakerId);
      const kept = list.filter((q) => q.slice(0, q.lastIndexOf("@")) !== articleId);
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
    let byName: Map<string, { kind: Speaker["kind"]; aliases: string[] }> | null = null;
    const assigned = entry.facts.speaker.map((name) => {
      if (!name) return null;
      const known = this.names.get(fold(name));
      if (known !== undefined) return known;
      // A name the corpus has never quoted: a speaker of its own until the next rebuild.
      byName ??= new Map(entitiesOf(entry).map((e) => [e.name, e]));
      const entity = byName.get(name);
      let id = slug(name);
      for (let n = 2; this.byId.has(id); n++) id = `${slug(name)}-${n}`;
      this.byId.set(id, {
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
    this.assigned.set(articleId, assigned);
    this.mentionsOf.set(articleId, entry.facts.mention);
    const here = new Set<string>();
    assigned.forEach((speakerId, i) => {
      if (!speakerId) return;
      this.countMention(speakerId, entry.facts.mention[i], 1);
      const speaker = this.byId.get(speakerId);
      if (speaker) speaker.quotes++;
      if (!here.has(speakerId) && speaker) speaker.articles++;
      here.add(speakerId);
      const list = this.list(speakerId);
      const id = attributionId(articleId, i);
      list.splice(this.position(list, id), 0, id);
    });
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

  /** Adds an article's quotes to the lists, at the end: `index` is called in corpus order. */
  private index(articleId: string): void {
    const entry = this.entries.get(articleId);
    const assigned = this.assigned.get(articleId);
    if (!entry || !assigned) return;
    const { paragraph, speaker, mention } = entry.facts;
    const inOrder = paragraph
      .map((_, i) => i)
      .sort((x, y) => (paragraph[x] as number) - (paragraph[y] as number) || x - y);
    for (const i of inOrder) {
      const speakerId = assigned[i] ?? null;
      const name = speaker[i];
      if (!speakerId || !name) continue;
      this.countMention(speakerId, mention[i], 1);
      const list = this.quotes.get(speakerId);
      const id = attributionId(articleId, i);
      if (list) list.push(id);
      else this.quotes.set(speakerId, [id]);
      const folded = fold(name);
      const before = this.names.get(folded);
      if (before === undefined) this.names.set(folded, speakerId);
      else if (before !== speakerId) this.names.set(folded, null);
    }
  }

  /** Where an attribution id goes in a list kept in corpus order. */
  private position(list: readonly string[], id: string): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(list[mid] as string, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compare(x: string, y: string): number {
    const [xa, xi] = split(x);
    const [ya, yi] = split(y);
    const ex = this.entries.get(xa);
    const ey = this.entries.get(ya);
    if (!ex || !ey) return 0;
    if (xa !== ya) return byCorpusOrder(ex.summary, ey.summary);
    const px = ex.facts.paragraph[xi] ?? 0;
    const py = ey.facts.paragraph[yi] ?? 0;
    return px - py || xi - yi;
  }
}

function split(id: string): [string, number] {
  const at = id.lastIndexOf("@");
  return [id.slice(0, at), Number(id.slice(at + 1))];
}
