import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { articlesRoot } from "../corpus/load-corpus.ts";
import { parseArticleFile } from "../corpus/parse-article.ts";
import { analyzeArticle } from "../library/analyze.ts";
import type { FeedList } from "./feed-list.ts";
import {
  emptyFeed,
  type FeedRecord,
  type LiveState,
  loadState,
  MAX_PAGE_TRIES,
  type PageRecord,
  saveState,
} from "./feed-state.ts";
import { articlePath, type ItemHints, readFetchedArticle, saveArticle } from "./fetched-article.ts";
import { absolute, type FeedItem, parseFeed } from "./parse-feed.ts";
import type { PoliteFetcher } from "./polite.ts";
import { FetchFailure } from "./safe-fetch.ts";

/**
 * Live coverage: articles taken in from feeds and from links people paste. Each page is fetched
 * once, its article saved as a JSON file in the data folder, and the library told to index it.
 */
export interface CoverageOptions {
  dataDir: string;
  fetcher: PoliteFetcher;
  /** The feeds to follow, read afresh at each poll so edits to feeds.txt apply. */
  feeds: () => Promise<FeedList>;
  /** Indexes the named files (relative to the data folder) now, rather than when the watcher sees them. */
  index: (files: ReadonlySet<string>) => Promise<unknown>;
  log: (line: string) => void;
  /** New items taken from one feed in one poll; the rest wait for the next polls. */
  maxItemsPerPoll?: number;
}

/** What /add and `whosaid add` answer with. */
export interface AddedArticle {
  /** False when the page had been fetched before: it is not fetched again. */
  fresh: boolean;
  /** Relative to the data folder. */
  file: string;
  title: string | null;
  outlet: string | null;
  url: string;
  statements: number;
  speakers: number;
}

export interface FeedStatus {
  url: string;
  title: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  items: number;
}

export interface PollSummary {
  feeds: number;
  failed: number;
  added: string[];
}

const MAX_ITEMS_PER_POLL = 50;

/** One page asked for: its record, whether this call saved it, and for a link, why it failed. */
interface PageTaken {
  record: PageRecord;
  fresh: boolean;
  error?: unknown;
}

export class Coverage {
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<PollSummary> | null = null;
  /** Pages being fetched now, so an item in two feeds is fetched once. */
  private inflight = new Map<string, Promise<PageTaken>>();
  /** Each source's causes of failure already logged: one line per cause until it recovers. */
  private told = new Map<string, Set<string>>();
  private listed: string[] = [];

  private constructor(
    private readonly options: CoverageOptions,
    private readonly state: LiveState,
    private readonly root: string,
  ) {}

  static async open(options: CoverageOptions): Promise<Coverage> {
    const state = await loadState(options.dataDir, options.log);
    const coverage = new Coverage(options, state, await articlesRoot(options.dataDir));
    // /feeds lists the feeds from the start, before the first poll has reached them.
    coverage.listed = await options.feeds().then(
      (list) => list.urls,
      () => [],
    );
    return coverage;
  }

  /** Fetches, saves and indexes one article; a page fetched before is answered from its file. */
  async add(raw: string): Promise<AddedArticle> {
    const url = absolute(raw.trim(), raw.trim()) ?? raw.trim();
    const known = this.state.pages[url];
    if (known?.file) {
      const saved = await this.describe(known.file, url, false).catch(() => null);
      if (saved) return saved;
      // Its file was deleted or moved since: the owner's choice; a link added again is fetched again.
      for (const [page, record] of Object.entries(this.state.pages)) {
        if (record.file === known.file) delete this.state.pages[page];
      }
    }
    const taken = await this.page(url, null);
    if (taken.error !== undefined) throw taken.error;
    if (!taken.record.file) throw new Error(`nothing was saved from ${url}`);
    if (taken.fresh) await this.options.index(new Set([taken.record.file]));
    await this.persist();
    return this.describe(taken.record.file, url, taken.fresh);
  }

  /** Polls every feed once; one feed failing never stops the others. */
  poll(): Promise<PollSummary> {
    this.polling ??= this.pollAll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Polls now and then every `intervalMs`, until stop(). */
  start(intervalMs: number): void {
    const tick = () => {
      this.poll()
        .catch((error) => this.options.log(`feeds: poll failed: ${(error as Error).message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling?.catch(() => undefined);
  }

  /** Each listed feed's health, for /feeds. */
  status(): FeedStatus[] {
    return this.listed.map((url) => {
      const f = this.state.feeds[url] ?? emptyFeed();
      return {
        url,
        title: f.title,
        lastSuccess: f.lastSuccess,
        lastError: f.lastError,
        lastErrorAt: f.lastErrorAt,
        items: f.items,
      };
    });
  }

  private async pollAll(): Promise<PollSummary> {
    const list = await this.options.feeds();
    for (const problem of list.problems) this.tell("feeds.txt", problem, `feeds: ${problem}`);
    this.listed = list.urls;
    const added: string[] = [];
    let failed = 0;
    // Feeds on different hosts are polled at once; the fetcher keeps one request per host.
    await Promise.all(
      list.urls.map(async (url) => {
        try {
          added.push(...(await this.pollFeed(url)));
        } catch (error) {
          failed++;
          const feed = this.feed(url);
          feed.lastError = messageOf(error);
          feed.lastErrorAt = new Date().toISOString();
          this.tell(url, causeOf(error), `feed ${url}: ${feed.lastError}`);
        }
      }),
    );
    await this.persist();
    return { feeds: list.urls.length, failed, added };
  }

  private async pollFeed(url: string): Promise<string[]> {
    const feed = this.feed(url);
    const page = await this.options.fetcher.fetch(url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    if (page.status === 304) {
      this.recovered(url, feed);
      return [];
    }
    const parsed = parseFeed(page);
    feed.title = parsed.title ?? feed.title;
    const waiting = parsed.items.filter((item) => this.wanted(item.link));
    const now = waiting.slice(0, this.options.maxItemsPerPoll ?? MAX_ITEMS_PER_POLL);
    const saved: string[] = [];
    for (const item of now) {
      const { record, fresh } = await this.page(item.link, hintsOf(item, parsed.title));
      if (record.file && fresh) {
        saved.push(record.file);
        feed.items++;
      }
    }
    if (saved.length > 0) await this.options.index(new Set(saved));
    // Validators are kept only once every item is taken: a 304 must not hide items still waiting.
    const left = waiting.length > now.length || now.some((item) => this.wanted(item.link));
    feed.etag = left ? null : page.etag;
    feed.lastModified = left ? null : page.lastModified;
    this.recovered(url, feed);
    return saved;
  }

  /** Whether an item's page is still to be fetched: never fetched, or failed fewer than the limit. */
  private wanted(link: string): boolean {
    const known = this.state.pages[link];
    return !known || (!known.file && known.tries < MAX_PAGE_TRIES);
  }

  /**
   * Fetches and saves one page, once, however many feeds or people ask for it at the same time.
   * `hints` are what a feed says of the item; null for a link someone added, whose failure is
   * theirs to see rather than a page to try again at the next poll.
   */
  private page(url: string, hints: ItemHints | null): Promise<PageTaken> {
    const running = this.inflight.get(url);
    if (running) return running.then((taken) => ({ ...taken, fresh: false }));
    const done = this.fetchPage(url, hints).finally(() => this.inflight.delete(url));
    this.inflight.set(url, done);
    return done;
  }

  private async fetchPage(url: string, hints: ItemHints | null): Promise<PageTaken> {
    const before = this.state.pages[url];
    if (before?.file) return { record: before, fresh: false };
    try {
      const page = await this.options.fetcher.fetch(url);
      // The same article reached through another link (a redirect to a page already saved).
      const landed = this.state.pages[page.url];
      if (page.url !== url && landed?.file) {
        this.state.pages[url] = landed;
        return { record: landed, fresh: false };
      }
      const article = readFetchedArticle(page, hints ?? {});
      if (!article) throw new FetchFailure("content-type", `no article text found at ${page.url}`);
      const inRoot = await saveArticle(this.root, articlePath(article), article);
      const file = relative(this.options.dataDir, join(this.root, inRoot)).split("\\").join("/");
      const record: PageRecord = { file, tries: 0 };
      this.state.pages[url] = record;
      this.state.pages[page.url] = record;
      this.forget(url);
      return { record, fresh: true };
    } catch (error) {
      const record: PageRecord = { file: null, tries: (before?.tries ?? 0) + 1 };
      if (!hints) return { record, fresh: false, error };
      record.error = messageOf(error);
      this.state.pages[url] = record;
      this.tell(url, causeOf(error), `page ${url}: ${record.error}`);
      return { record, fresh: false };
    }
  }

  /** The reply to /add: the article's title and outlet and what whosaid found in it. */
  private async describe(file: string, url: string, fresh: boolean): Promise<AddedArticle> {
    const bytes = await readFile(join(this.options.dataDir, file));
    const outcome = parseArticleFile(file, bytes);
    const article = outcome.ok ? outcome.articles[0] : undefined;
    const attributions = article ? analyzeArticle(article).analyzed.extraction.attributions : [];
    const speakers = new Set(attributions.map((a) => a.speaker).filter((s) => s !== null));
    return {
      fresh,
      file,
      title: article?.title ?? null,
      outlet: article?.outlet ?? null,
      url: article?.url ?? url,
      statements: attributions.length,
      speakers: speakers.size,
    };
  }

  private feed(url: string): FeedRecord {
    this.state.feeds[url] ??= emptyFeed();
    return this.state.feeds[url];
  }

  private recovered(url: string, feed: FeedRecord): void {
    feed.lastSuccess = new Date().toISOString();
    if (feed.lastError) this.options.log(`feed ${url}: working again`);
    feed.lastError = null;
    this.forget(url);
  }

  /** Logs a failure once per source and cause, until the source works again. */
  private tell(source: string, cause: string, line: string): void {
    const causes = this.told.get(source) ?? new Set<string>();
    this.told.set(source, causes);
    if (causes.has(cause)) return;
    causes.add(cause);
    this.options.log(line);
  }

  private forget(source: string): void {
    this.told.delete(source);
  }

  private async persist(): Promise<void> {
    try {
      await saveState(this.options.dataDir, this.state);
    } catch (error) {
      this.tell("state", "save", `warning: cannot save feed state: ${messageOf(error)}`);
    }
  }
}

function hintsOf(item: FeedItem, feedTitle: string | null): ItemHints {
  return { title: item.title, date: item.published, author: item.author, outlet: feedTitle };
}

function causeOf(error: unknown): string {
  if (error instanceof FetchFailure) {
    return error.kind === "status" ? (/HTTP \d+/.exec(error.message)?.[0] ?? "status") : error.kind;
  }
  return error instanceof Error ? error.message.replace(/\d+/g, "#") : "unknown";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
