import { buildSpeakerRegistry } from "../attribution/speakers.ts";
import { partitionPoint } from "../sorted/partition-point.ts";
import { fold } from "../text/fold.ts";
import type { ArticleSummary } from "../types.ts";
import type { Assigned, LibraryChange, RegistryBuilder } from "./analyzed.ts";
import type { CatalogEntry } from "./catalog.ts";
import { byCorpusOrder } from "./order.ts";
import { registryBook, settleOnWorker } from "./settle-speakers.ts";
import { type SavedBook, SpeakerBook } from "./speaker-book.ts";

/** From this many articles the speakers are decided on a worker thread (see `settle`). */
const SETTLE_ON_WORKER_FROM = 10_000;
/** Changes up to this many articles are applied to the lists article by article. */
const QUICK_CHANGE = 1000;

/** The lists as saved, so that a start-up neither sorts the corpus nor walks every attribution. */
export interface SavedLists {
  /** Article ids in corpus order. */
  order: string[];
  book: SavedBook;
}

/**
 * The lists over the catalog: articles in corpus order, their folded titles, and who said what
 * (the `SpeakerBook`). They follow the catalog they are given, which the library changes first;
 * who decides the speakers, and where (this thread or a worker), is decided here.
 */
export class SpeakerLists {
  private ordered: ArticleSummary[];
  /** Folded titles, parallel to `ordered`, for article suggestions; made when first asked. */
  private titleCache: string[] | null = null;
  private bookNow: SpeakerBook;
  /** Whether the speakers were last decided by the registry over the whole corpus. */
  private settled = true;
  /** Counts changes, so that work done meanwhile elsewhere can tell it is stale. */
  private version = 0;

  private constructor(
    private readonly entries: ReadonlyMap<string, CatalogEntry>,
    private readonly registry: RegistryBuilder,
    ordered: ArticleSummary[],
    book: SpeakerBook,
  ) {
    this.ordered = ordered;
    this.bookNow = book;
  }

  /** Lists decided by the registry over `entries`. */
  static decide(
    entries: ReadonlyMap<string, CatalogEntry>,
    registry: RegistryBuilder,
  ): SpeakerLists {
    const ordered = corpusOrder(entries);
    return new SpeakerLists(entries, registry, ordered, registryBook(entries, ordered, registry));
  }

  /** The lists as a saved index recorded them: a start-up does not run the registry again. */
  static restore(
    entries: ReadonlyMap<string, CatalogEntry>,
    registry: RegistryBuilder,
    saved: SavedLists,
    assigned: Map<string, Assigned>,
  ): SpeakerLists {
    const { ordered, book } = restored(entries, saved, assigned);
    return new SpeakerLists(entries, registry, ordered, book);
  }

  get book(): SpeakerBook {
    return this.bookNow;
  }

  /** Articles in corpus order. */
  get articles(): readonly ArticleSummary[] {
    return this.ordered;
  }

  get titles(): readonly string[] {
    this.titleCache ??= this.ordered.map((a) => fold(a.title ?? ""));
    return this.titleCache;
  }

  save(): SavedLists {
    return { order: this.ordered.map((a) => a.id), book: this.bookNow.save() };
  }

  /**
   * Follows a change the catalog has taken: a change large beside the corpus (a first build) is
   * worth the registry's whole pass; a small one is applied article by article. `defer` leaves
   * the lists as they are (a large build in batches calls `refresh` after the last).
   */
  follow(change: LibraryChange, options: { defer?: boolean } = {}): void {
    this.version++;
    if (options.defer) return;
    const size = change.remove.length + change.add.length;
    if (size > QUICK_CHANGE || size * 10 > this.entries.size) this.refresh();
    else this.applyQuickly(change);
  }

  /** Rebuilds the speaker registry and the lists over it from the catalog. */
  refresh(): void {
    this.ordered = corpusOrder(this.entries);
    this.titleCache = null;
    this.bookNow = registryBook(this.entries, this.ordered, this.registry);
    this.settled = true;
  }

  /**
   * Decides the speakers over the whole archive if edits left them undecided: on a worker thread
   * for a large archive (or when asked), so that commands are answered meanwhile. Changes made
   * while the worker runs, or a worker that fails or runs past its heap (`heapMb`, see
   * `settleHeapMb`), send it back to this thread. Says where it was decided, if it was.
   */
  async settle(
    options: { onWorker?: boolean; heapMb?: number } = {},
  ): Promise<"worker" | "here" | null> {
    if (this.settled) return null;
    const onWorker = options.onWorker ?? this.entries.size >= SETTLE_ON_WORKER_FROM;
    const version = this.version;
    const ordered = corpusOrder(this.entries);
    const settled =
      onWorker && this.registry === buildSpeakerRegistry
        ? await settleOnWorker(this.entries, ordered, undefined, options.heapMb)
        : null;
    if (this.settled) return null;
    if (!settled || version !== this.version) {
      this.refresh();
      return "here";
    }
    let book: SpeakerBook;
    try {
      book = SpeakerBook.fromDecided(
        settled,
        ordered.map((s) => s.id),
        this.entries,
      );
    } catch {
      this.refresh();
      return "here";
    }
    this.ordered = ordered;
    this.titleCache = null;
    this.bookNow = book;
    this.settled = true;
    return "worker";
  }

  /** Settles on this thread: what a save does before it writes the speakers. */
  settleHere(): void {
    if (!this.settled) this.refresh();
  }

  /**
   * Brings the lists up to date article by article, without running the registry over the whole
   * corpus: what keeps an edit quick at 100,000 articles. The registry decides again at the next
   * full save (see `SpeakerBook` for what waits until then).
   */
  private applyQuickly(change: LibraryChange): void {
    const { ordered, titleCache: titles, bookNow: book } = this;
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
}

function corpusOrder(entries: ReadonlyMap<string, CatalogEntry>): ArticleSummary[] {
  return [...entries.values()].map((e) => e.summary).sort(byCorpusOrder);
}

function restored(
  entries: ReadonlyMap<string, CatalogEntry>,
  saved: SavedLists,
  assigned: Map<string, Assigned>,
): { ordered: ArticleSummary[]; book: SpeakerBook } {
  if (!Array.isArray(saved?.order) || saved.order.length !== entries.size || !saved.book) {
    throw new Error("the saved corpus order does not match the catalog");
  }
  const ordered = saved.order.map((id) => {
    const summary = entries.get(id)?.summary;
    if (!summary) throw new Error("the saved corpus order does not match the catalog");
    return summary;
  });
  return { ordered, book: SpeakerBook.restore(saved.book, assigned, entries) };
}

/** Where a summary goes in a list kept in corpus order. */
function insertionPoint(ordered: readonly ArticleSummary[], summary: ArticleSummary): number {
  return partitionPoint(
    0,
    ordered.length,
    (i) => byCorpusOrder(ordered[i] as ArticleSummary, summary) < 0,
  );
}
