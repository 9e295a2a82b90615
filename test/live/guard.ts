import { buildConnector } from "undici";
import { addressPolicy } from "../../src/live/address-policy.ts";
import { createFetcher, type FetcherOptions, type Resolver } from "../../src/live/safe-fetch.ts";

/**
 * A connector that opens sockets to 127.0.0.1 only and records any other address it is asked
 * for, refusing it: a test asserts `strays` is empty, so no test ever sends a packet elsewhere.
 */
export function loopbackOnly(): { connect: buildConnector.connector; strays: string[] } {
  const real = buildConnector({});
  const strays: string[] = [];
  return {
    strays,
    connect(options, callback) {
      if (options.hostname !== "127.0.0.1") {
        strays.push(options.hostname);
        callback(new Error(`test connector: refused to connect to ${options.hostname}`), null);
        return;
      }
      real(options, callback);
    },
  };
}

/** Names the tests use, mapped without DNS: a news site on loopback and two hostile names. */
export const testResolver: Resolver = async (name) => {
  const table: Record<string, string[]> = {
    "news.test": ["127.0.0.1"],
    "intranet.test": ["10.0.0.5"],
    "metadata.test": ["169.254.169.254"],
    "mixed.test": ["127.0.0.1", "10.0.0.5"],
  };
  const found = table[name];
  if (!found) throw Object.assign(new Error(`no such test host ${name}`), { code: "ENOTFOUND" });
  return found;
};

/** A fetcher as the tests use it: 127.0.0.1 allowed explicitly, the injected resolver and guard. */
export function testFetcher(overrides: Partial<FetcherOptions> = {}) {
  const guard = loopbackOnly();
  const fetcher = createFetcher({
    policy: addressPolicy(["127.0.0.1"]),
    userAgent: "whosaid-test",
    maxBytes: 2 * 1024 * 1024,
    timeoutMs: 1000,
    resolve: testResolver,
    connect: guard.connect,
    ...overrides,
  });
  return { fetcher, strays: guard.strays };
}
