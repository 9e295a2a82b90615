import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local news site on 127.0.0.1: tests set what each path answers and read what was asked. */
export interface TestSite {
  origin: string;
  /** Every request's path, in order. */
  requests: string[];
  /** The paths answered 304 Not Modified, in order. */
  notModified: string[];
  route(path: string, handler: Handler): void;
  /** Answers `path` with this body and content type (and an ETag, so polls can be conditional). */
  page(path: string, body: string | Buffer, type?: string): void;
  count(path: string): number;
  close(): Promise<void>;
}

export async function startSite(): Promise<TestSite> {
  const routes = new Map<string, Handler>();
  const requests: string[] = [];
  const notModified: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { "content-type": "text/html" }).end("<p>not found</p>");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    notModified,
    route: (path, handler) => routes.set(path, handler),
    page(path, body, type = "text/html; charset=utf-8") {
      routes.set(path, (req, res) => {
        const etag = `"${Buffer.byteLength(body)}-${hashOf(body)}"`;
        if (req.headers["if-none-match"] === etag) {
          notModified.push(path);
          return res.writeHead(304).end();
        }
        res.writeHead(200, { "content-type": type, etag }).end(body);
      });
    },
    count: (path) => requests.filter((r) => r === path).length,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function hashOf(body: string | Buffer): number {
  let h = 0;
  for (const b of Buffer.from(body)) h = (h * 31 + b) >>> 0;
  return h;
}

/** A news page as outlets publish it: chrome around an article with quotes. */
export function articlePage(options: {
  title: string;
  outlet: string;
  paragraphs: string[];
  date?: string;
  author?: string;
}): string {
  const body = options.paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${options.title} | ${options.outlet}</title>
<meta property="og:title" content="${options.title}">
<meta property="og:site_name" content="${options.outlet}">
${options.date ? `<meta property="article:published_time" content="${options.date}">` : ""}
${options.author ? `<meta name="author" content="${options.author}">` : ""}
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${options.title}</h1>${body}</article>
<footer>© ${options.outlet}. All rights reserved.</footer></body></html>`;
}

export interface TestItem {
  title: string;
  link: string;
  date?: string;
}

export function rssFeed(title: string, items: TestItem[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid>${i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ""}</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.invalid/</link>${entries}</channel></rss>`;
}

export function atomFeed(title: string, items: TestItem[]): string {
  const entries = items
    .map(
      (i) =>
        `<entry><title>${i.title}</title><id>${i.link}</id><link rel="alternate" href="${i.link}"/><updated>${i.date ?? "2018-09-03T10:00:00Z"}</updated></entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:feed</id><updated>2018-09-03T10:00:00Z</updated>${entries}</feed>`;
}

export function jsonFeed(title: string, items: TestItem[]): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title,
    items: items.map((i) => ({ id: i.link, url: i.link, title: i.title, date_published: i.date })),
  });
}
