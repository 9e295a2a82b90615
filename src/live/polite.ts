import robotsModule from "robots-parser";
import { type FetchedPage, type Fetcher, FetchFailure, type FetchOptions } from "./safe-fetch.ts";

// robots-parser is CommonJS exporting the function itself; its typings declare it as `default`.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/**
 * Fetching as a good guest: one request at a time to each host, a pause between requests to
 * one host (longer where its robots.txt asks, up to a minute), and the host's robots.txt obeyed
 * for whosaid's User-Agent.
 */
export interface PoliteFetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedPage>;
}

export interface PoliteOptions {
  fetcher: Fetcher;
  /** The product token robots.txt rules are matched against ("whosaid"). */
  robotsAgent: string;
  /** Pause between the end of one request to a host and the start of the next. */
  delayMs: number;
  /** How long a host's robots.txt is trusted before it is read again. */
  robotsTtlMs?: number;
  now?: () => number;
}

interface Robots {
  isAllowed(url: string, agent?: string): boolean | undefined;
  getCrawlDelay(agent?: string): number | undefined;
}

/** A robots.txt Crawl-delay is obeyed up to this; a larger one would stall a feed for hours. */
const MAX_CRAWL_DELAY_MS = 60_000;

const ROBOTS_TTL_MS = 6 * 60 * 60 * 1000;
/** An unreachable robots.txt is asked for again this soon, not after the full TTL. */
const UNREACHABLE_TTL_MS = 10 * 60 * 1000;

export function politeFetcher(options: PoliteOptions): PoliteFetcher {
  const now = options.now ?? Date.now;
  const ttl = options.robotsTtlMs ?? ROBOTS_TTL_MS;
  /** Per host: the end of the last request, and the queue of requests waiting for it. */
  const hosts = new Map<string, { tail: Promise<unknown>; last: number; delay: number }>();
  const robots = new Map<string, { rules: Robots | "all" | "none"; until: number }>();

  const inTurn = <T>(host: string, task: (slot: { delay: number }) => Promise<T>): Promise<T> => {
    const slot = hosts.get(host) ?? { tail: Promise.resolve(), last: 0, delay: options.delayMs };
    hosts.set(host, slot);
    const run = slot.tail.then(async () => {
      const wait = slot.last + slot.delay - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await task(slot);
      } finally {
        slot.last = now();
      }
    });
    slot.tail = run.catch(() => undefined);
    return run;
  };

  /** robots.txt as RFC 9309 reads it: missing (4xx) allows all; unreachable (5xx) allows none. */
  const rulesFor = async (origin: string) => {
    const known = robots.get(origin);
    if (known && now() < known.until) return known.rules;
    const url = `${origin}/robots.txt`;
    let rules: Robots | "all" | "none";
    try {
      const page = await options.fetcher.fetch(url, { accept: () => true });
      rules = robotsParser(url, Buffer.from(page.body).toString("utf8"));
    } catch (error) {
      const status = error instanceof FetchFailure ? /HTTP (\d+)/.exec(error.message)?.[1] : null;
      if (error instanceof FetchFailure && error.kind === "refused") throw error;
      rules = status && Number(status) < 500 ? "all" : "none";
    }
    robots.set(origin, { rules, until: now() + (rules === "none" ? UNREACHABLE_TTL_MS : ttl) });
    return rules;
  };

  /** The host's rules, once they allow the URL; throws when they do not. */
  const obey = async (url: URL) => {
    const rules = await rulesFor(url.origin);
    const allowed =
      rules === "all"
        ? true
        : rules === "none"
          ? false
          : rules.isAllowed(url.href, options.robotsAgent);
    if (allowed === false) {
      throw new FetchFailure(
        "robots",
        rules === "none"
          ? `${url.host}'s robots.txt cannot be read, so whosaid does not fetch from it`
          : `${url.host}'s robots.txt does not allow whosaid to fetch ${url.pathname}`,
      );
    }
    return rules;
  };

  return {
    fetch(url, fetchOptions) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return options.fetcher.fetch(url, fetchOptions);
      }
      return inTurn(parsed.host, async (slot) => {
        if (parsed.protocol === "http:" || parsed.protocol === "https:") {
          const rules = await obey(parsed);
          const asked = typeof rules === "object" ? rules.getCrawlDelay(options.robotsAgent) : 0;
          slot.delay = Math.max(options.delayMs, Math.min((asked ?? 0) * 1000, MAX_CRAWL_DELAY_MS));
        }
        // A redirect's target is held to its own host's robots.txt.
        const beforeRedirect = async (next: URL) => {
          await obey(next);
        };
        return options.fetcher.fetch(url, { ...fetchOptions, beforeRedirect });
      });
    },
  };
}
