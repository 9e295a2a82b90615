import type { Settings } from "../config.ts";
import type { LibraryHandle } from "../library/open-library.ts";
import { addressPolicy } from "./address-policy.ts";
import { Coverage } from "./coverage.ts";
import { readFeedList } from "./feed-list.ts";
import { politeFetcher } from "./polite.ts";
import { createFetcher, type FetcherOptions } from "./safe-fetch.ts";

/** The name robots.txt rules address whosaid by, and the User-Agent that says who is asking. */
export const ROBOTS_AGENT = "whosaid";
export const USER_AGENT =
  "whosaid/0.1 (news attribution bot run by this server's operators; follows robots.txt)";

export interface Live {
  coverage: Coverage;
  /** Stops polling and closes the connections. */
  close(): Promise<void>;
}

/**
 * Live coverage over an open library, from the settings: the safe fetcher, politeness, and the
 * feeds. `poll` starts following the feeds on FEED_INTERVAL; `whosaid add` leaves it off.
 * `fetcher` overrides are for tests (an injected resolver or connector).
 */
export async function startLive(
  settings: Settings,
  handle: LibraryHandle,
  options: {
    poll: boolean;
    log: (line: string) => void;
    fetcher?: Partial<FetcherOptions>;
  },
): Promise<Live> {
  const fetcher = createFetcher({
    policy: addressPolicy(settings.live.allowAddresses),
    userAgent: USER_AGENT,
    maxBytes: settings.maxArticleBytes,
    timeoutMs: settings.live.timeoutMs,
    ...options.fetcher,
  });
  const coverage = await Coverage.open({
    dataDir: settings.dataDir,
    fetcher: politeFetcher({
      fetcher,
      robotsAgent: ROBOTS_AGENT,
      delayMs: settings.live.hostDelayMs,
    }),
    feeds: () => readFeedList(settings.dataDir, settings.live.feeds),
    index: (files) => handle.refresh(files),
    log: options.log,
  });
  if (options.poll) coverage.start(settings.live.feedIntervalMs);
  return {
    coverage,
    async close() {
      await coverage.stop();
      await fetcher.close();
    },
  };
}
