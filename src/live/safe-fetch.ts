import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Agent, buildConnector, request } from "undici";
import type { AddressPolicy } from "./address-policy.ts";

/**
 * Fetching on a user's word, defended: http(s) only; every address checked by the policy after
 * DNS resolution and before a connection is opened, at every redirect; a redirect limit, a size
 * cap, a timeout, and only the content types asked for.
 */

/** Why a fetch failed; the poller logs each cause once per source. */
export type FetchFailureKind =
  | "url"
  | "refused"
  | "dns"
  | "network"
  | "timeout"
  | "status"
  | "redirects"
  | "too-large"
  | "content-type"
  | "robots";

export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "FetchFailure";
  }
}

export interface FetchedPage {
  /** 200 with a body, or 304 when the conditional request found nothing new (empty body). */
  status: 200 | 304;
  /** The URL the body came from, after redirects. */
  url: string;
  contentType: string;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  /** Content types accepted; the fetcher's default (HTML, XML, JSON) when absent. */
  accept?: (contentType: string) => boolean;
  etag?: string | null;
  lastModified?: string | null;
  /** Asked before following a redirect; throws to refuse it (robots.txt of the new address). */
  beforeRedirect?: (url: URL) => Promise<void>;
}

/** Resolves a host name to its addresses (the system resolver by default; tests inject one). */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface FetcherOptions {
  policy: AddressPolicy;
  userAgent: string;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  resolve?: Resolver;
  /** Opens the socket to an address the policy allowed; undici's own connector by default. */
  connect?: buildConnector.connector;
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedPage>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** HTML, XML (feeds included) and JSON (JSON Feed, JSON articles). */
export function isDocumentType(contentType: string): boolean {
  const type = mediaType(contentType);
  return (
    type === "text/html" ||
    type === "application/xhtml+xml" ||
    type === "text/xml" ||
    type === "application/xml" ||
    type === "application/json" ||
    type.endsWith("+xml") ||
    type.endsWith("+json")
  );
}

/** "text/html; charset=utf-8" -> "text/html". */
export function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export function createFetcher(options: FetcherOptions): Fetcher {
  const resolve = options.resolve ?? systemResolver;
  const base = options.connect ?? buildConnector({});
  const maxRedirects = options.maxRedirects ?? 5;

  /** The address to connect to: the host's first, once every one it resolves to is allowed. */
  const checkedAddress = async (hostname: string): Promise<string> => {
    const host = hostname.replace(/^\[|\]$/g, "");
    let addresses: string[];
    if (isIP(host)) addresses = [host];
    else {
      try {
        addresses = await resolve(host);
      } catch (error) {
        throw new FetchFailure("dns", `cannot resolve ${host}: ${messageOf(error)}`);
      }
      if (addresses.length === 0) throw new FetchFailure("dns", `${host} has no address`);
    }
    // Every address must pass: a name with one public and one private address could be
    // connected to either.
    for (const address of addresses) {
      const why = options.policy.refusal(address);
      if (why) {
        const named = isIP(host) ? "" : `${host} resolves to `;
        throw new FetchFailure("refused", `refused: ${named}${why}`);
      }
    }
    return addresses[0] as string;
  };

  // The policy decides inside the connector, so the address checked is the address connected to:
  // a name cannot resolve to a public address for the check and a private one for the connection.
  const connect: buildConnector.connector = (opts, callback) => {
    checkedAddress(opts.hostname).then(
      (address) => {
        const servername = isIP(opts.hostname)
          ? opts.servername
          : (opts.servername ?? opts.hostname);
        base({ ...opts, hostname: address, ...(servername ? { servername } : {}) }, callback);
      },
      (error: Error) => callback(error, null),
    );
  };
  const agent = new Agent({ connect, maxResponseSize: options.maxBytes });

  const once = async (url: URL, fetchOptions: FetchOptions, signal: AbortSignal) => {
    // Refuse a literal address before undici sees the URL: the clearest message, no socket.
    await checkedAddress(url.hostname);
    const headers: Record<string, string> = {
      "user-agent": options.userAgent,
      accept: "text/html, application/xhtml+xml, application/xml;q=0.9, application/json;q=0.9",
    };
    if (fetchOptions.etag) headers["if-none-match"] = fetchOptions.etag;
    if (fetchOptions.lastModified) headers["if-modified-since"] = fetchOptions.lastModified;
    return request(url, { dispatcher: agent, method: "GET", headers, signal });
  };

  return {
    async fetch(raw, fetchOptions = {}) {
      let url = parseUrl(raw);
      const accept = fetchOptions.accept ?? isDocumentType;
      const signal = AbortSignal.timeout(options.timeoutMs);
      const seen = new Set<string>();
      try {
        for (let hop = 0; ; hop++) {
          seen.add(url.href);
          const response = await once(url, fetchOptions, signal);
          const header = (name: string) => {
            const value = response.headers[name];
            return (Array.isArray(value) ? value[0] : value) ?? null;
          };
          const location = header("location");
          if (REDIRECTS.has(response.statusCode) && location) {
            await response.body.dump();
            const next = parseUrl(new URL(location, url).href);
            if (seen.has(next.href)) {
              throw new FetchFailure("redirects", `redirect loop at ${next.href}`);
            }
            if (hop + 1 > maxRedirects) {
              throw new FetchFailure("redirects", `more than ${maxRedirects} redirects`);
            }
            await fetchOptions.beforeRedirect?.(next);
            url = next;
            continue;
          }
          const meta = {
            url: url.href,
            etag: header("etag"),
            lastModified: header("last-modified"),
          };
          if (response.statusCode === 304) {
            await response.body.dump();
            return { status: 304, contentType: "", body: new Uint8Array(), ...meta };
          }
          if (response.statusCode !== 200) {
            await response.body.dump();
            throw new FetchFailure("status", `HTTP ${response.statusCode} from ${url.href}`);
          }
          const contentType = header("content-type") ?? "";
          if (!accept(contentType)) {
            discard(response.body);
            throw new FetchFailure(
              "content-type",
              `${url.href} is ${contentType ? mediaType(contentType) : "of no stated type"}, not HTML, XML or JSON`,
            );
          }
          const declared = Number(header("content-length"));
          if (declared > options.maxBytes) {
            discard(response.body);
            throw new FetchFailure("too-large", tooLarge(url.href, options.maxBytes));
          }
          const body = await readCapped(response.body, options.maxBytes, url.href);
          return { status: 200, contentType, body, ...meta };
        }
      } catch (error) {
        throw asFailure(error, url.href, options);
      }
    },
    close: () => agent.close(),
  };
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchFailure("url", `“${raw}” is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchFailure("url", `only http and https links can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new FetchFailure("url", "links with a user name or password are not fetched");
  }
  return url;
}

async function readCapped(
  body: AsyncIterable<Uint8Array> & Parameters<typeof discard>[0],
  max: number,
  url: string,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) {
      discard(body);
      throw new FetchFailure("too-large", tooLarge(url, max));
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Drops a body unread; the abort it causes is expected, not an error to report. */
function discard(body: {
  destroy(): void;
  on(event: "error", listener: () => void): unknown;
}): void {
  body.on("error", () => undefined);
  body.destroy();
}

function tooLarge(url: string, max: number): string {
  return `${url} is larger than ${Math.round((max / 1024 / 1024) * 10) / 10} MB (MAX_ARTICLE_MB)`;
}

function asFailure(error: unknown, url: string, options: FetcherOptions): FetchFailure {
  if (error instanceof FetchFailure) return error;
  const e = error as Error & { code?: string; cause?: unknown };
  if (e.cause instanceof FetchFailure) return e.cause;
  if (e.name === "TimeoutError" || e.name === "AbortError" || e.code?.includes("TIMEOUT")) {
    return new FetchFailure("timeout", `${url} did not answer within ${options.timeoutMs} ms`);
  }
  if (e.code === "UND_ERR_RES_EXCEEDED_MAX_SIZE") {
    return new FetchFailure("too-large", tooLarge(url, options.maxBytes));
  }
  return new FetchFailure("network", `cannot fetch ${url}: ${messageOf(error)}`);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
