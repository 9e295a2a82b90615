import type { SpeakerRegistry } from "../attribution/speakers.ts";
import { slug } from "../attribution/speakers.ts";
import { attributionId } from "../search/attribution-index.ts";
import { SpeakerLookup } from "../search/speaker-index.ts";
import { fold } from "../search/tokenize.ts";
import type { ArticleSummary, Speaker } from "../types.ts";
import type { CatalogEntry } from "./catalog.ts";
import { byCorpusOrder } from "./order.ts";

/** Speaker id per attribution of an article, in extraction order; null where unclear. */
export type Assigned = (string | null)[];

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
  /** Folded name -> the one speaker id it is given; null when the corpus gives it to several. */
  private readonly names = new Map<string, string | null>();
  private lookupCache: SpeakerLookup | null = null;
  private rankedCache: Speaker[] | null = null;

  private constructor(
    speakers: readonly Speaker[],
    readonly assigned: Map<string, Assigned>,
    private readonly entries: ReadonlyMap<string, CatalogEntry>,
    ordered: readonly ArticleSummary[],
  ) {
    for (const s of speakers) this.byId.set(s.id, { ...s });
    for (const article of ordered) this.index(article.id);
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
        entry.attributions.map((a) => (a.speaker ? registry.idFor(id, a.speaker) : null)),
      );
    }
    return new SpeakerBook(registry.speakers, assigned, entries, ordered);
  }

  static restore(
    speakers: readonly Speaker[],
    assigned: Map<string, Assigned>,
    entries: ReadonlyMap<string, CatalogEntry>,
    ordered: readonly ArticleSummary[],
  ): SpeakerBook {
    return new SpeakerBook(speakers, assigned, entries, ordered);
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
    return this.quotes.get(speakerId) ?? [];
  }

  get lookup(): SpeakerLookup {
    this.lookupCache ??= new SpeakerLookup(this.speakers(), this.mentions());
    return this.lookupCache;
  }

  /** Takes an article out: its quotes leave the lists and the speakers' counts. */
  remove(articleId: string): void {
    const assigned = this.assigned.get(articleId);
    if (!assigned) return;
    this.rankedCache = null;
    this.assigned.delete(articleId);
    const ids = new Set(assigned.filter((id): id is string => id !== null));
    for (const speakerId of ids) {
      const list = this.quotes.get(speakerId) ?? [];
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
    const byName = new Map(entry.entities.map((e) => [e.name, e]));
    const assigned = entry.attributions.map((a) => {
      if (!a.speaker) return null;
      const known = this.names.get(fold(a.speaker));
      if (known !== undefined) return known;
      // A name the corpus has never quoted: a speaker of its own until the next rebuild.
      const entity = byName.get(a.speaker);
      let id = slug(a.speaker);
      for (let n = 2; this.byId.has(id); n++) id = `${slug(a.speaker)}-${n}`;
      this.byId.set(id, {
        id,
        name: a.speaker,
        kind: entity?.kind ?? "unknown",
        aliases: entity?.aliases.filter((x) => x !== a.speaker) ?? [],
        quotes: 0,
        articles: 0,
      });
      this.names.set(fold(a.speaker), id);
      this.lookupCache = null;
      return id;
    });
    this.assigned.set(articleId, assigned);
    const here = new Set<string>();
    assigned.forEach((speakerId, i) => {
      if (!speakerId) return;
      const speaker = this.byId.get(speakerId);
      if (speaker) speaker.quotes++;
      if (!here.has(speakerId) && speaker) speaker.articles++;
      here.add(speakerId);
      const list = this.quotes.get(speakerId) ?? [];
      const id = attributionId(articleId, i);
      list.splice(this.position(list, id), 0, id);
      this.quotes.set(speakerId, list);
    });
  }

  /** Adds an article's quotes to the lists, at the end: `index` is called in corpus order. */
  private index(articleId: string): void {
    const entry = this.entries.get(articleId);
    const assigned = this.assigned.get(articleId);
    if (!entry || !assigned) return;
    const inOrder = entry.attributions
      .map((a, i) => ({ a, i }))
      .sort((x, y) => x.a.paragraph - y.a.paragraph || x.i - y.i);
    for (const { a, i } of inOrder) {
      const speakerId = assigned[i] ?? null;
      if (!speakerId || !a.speaker) continue;
      const list = this.quotes.get(speakerId);
      const id = attributionId(articleId, i);
      if (list) list.push(id);
      else this.quotes.set(speakerId, [id]);
      const name = fold(a.speaker);
      const before = this.names.get(name);
      if (before === undefined) this.names.set(name, speakerId);
      else if (before !== speakerId) this.names.set(name, null);
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
    const px = ex.attributions[xi]?.paragraph ?? 0;
    const py = ey.attributions[yi]?.paragraph ?? 0;
    return px - py || xi - yi;
  }

  /** How articles name each speaker where they quote them, for the lookup. */
  private mentions(): Map<string, string[]> {
    const found = new Map<string, Set<string>>();
    for (const [articleId, assigned] of this.assigned) {
      const facts = this.entries.get(articleId)?.attributions ?? [];
      assigned.forEach((speakerId, i) => {
        const mention = facts[i]?.mention?.text;
        if (!speakerId || !mention) return;
        const named = found.get(speakerId) ?? new Set<string>();
        named.add(mention);
        found.set(speakerId, named);
      });
    }
    return new Map([...found].map(([id, named]) => [id, [...named]]));
  }
}

function split(id: string): [string, number] {
  const at = id.lastIndexOf("@");
  return [id.slice(0, at), Number(id.slice(at + 1))];
}
