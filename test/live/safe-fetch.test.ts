import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addressPolicy } from "../../src/live/address-policy.ts";
import { FetchFailure } from "../../src/live/safe-fetch.ts";
import { testFetcher } from "./guard.ts";
import { startSite, type TestSite } from "./server.ts";

let site: TestSite;
const port = () => new URL(site.origin).port;
beforeAll(async () => {
  site = await startSite();
  site.page("/a", "<p>Hello</p>");
});
afterAll(() => site.close());

async function failure(promise: Promise<unknown>): Promise<FetchFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchFailure);
  return error as FetchFailure;
}

describe("address policy", () => {
  const policy = addressPolicy();
  it("allows public unicast and refuses loopback, private, link-local and metadata", () => {
    expect(policy.refusal("93.184.216.34")).toBeNull();
    expect(policy.refusal("2606:4700::1111")).toBeNull();
    expect(policy.refusal("127.0.0.1")).toMatch(/loopback/);
    expect(policy.refusal("::1")).toMatch(/loopback/);
    expect(policy.refusal("10.0.0.5")).toMatch(/private/);
    expect(policy.refusal("192.168.1.1")).toMatch(/private/);
    expect(policy.refusal("fd12::1")).toMatch(/private/);
    expect(policy.refusal("169.254.169.254")).toMatch(/metadata/);
    expect(policy.refusal("fe80::1")).toMatch(/link-local/);
    expect(policy.refusal("::ffff:10.0.0.5")).toMatch(/private/);
    expect(policy.refusal("0.0.0.0")).toMatch(/unspecified/);
  });
  it("allows what the setting names, and only that", () => {
    const allowing = addressPolicy(["127.0.0.1", "10.1.0.0/16"]);
    expect(allowing.refusal("127.0.0.1")).toBeNull();
    expect(allowing.refusal("127.0.0.2")).toMatch(/loopback/);
    expect(allowing.refusal("10.1.2.3")).toBeNull();
    expect(allowing.refusal("10.2.0.1")).toMatch(/private/);
    expect(() => addressPolicy(["localhost"])).toThrow(/FETCH_ALLOW_ADDRESSES: “localhost”/);
  });
});

describe("safe fetch", () => {
  const made: ReturnType<typeof testFetcher>[] = [];
  const make = (overrides = {}) => {
    const t = testFetcher(overrides);
    made.push(t);
    return t;
  };
  afterEach(async () => {
    for (const t of made.splice(0)) {
      expect(t.strays).toEqual([]);
      await t.fetcher.close();
    }
  });

  it("fetches a page from an allowed address, by address or by name", async () => {
    const { fetcher } = make();
    const page = await fetcher.fetch(`${site.origin}/a`);
    expect(page.status).toBe(200);
    expect(Buffer.from(page.body).toString()).toBe("<p>Hello</p>");
    expect(page.etag).toMatch(/^"/);
    const byName = await fetcher.fetch(`http://news.test:${port()}/a`);
    expect(Buffer.from(byName.body).toString()).toBe("<p>Hello</p>");
  });

  it("answers a conditional request with 304", async () => {
    const { fetcher } = make();
    const first = await fetcher.fetch(`${site.origin}/a`);
    const again = await fetcher.fetch(`${site.origin}/a`, { etag: first.etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("refuses loopback without the setting, before any connection", async () => {
    const before = site.requests.length;
    const { fetcher } = make({ policy: addressPolicy() });
    const f = await failure(fetcher.fetch(`${site.origin}/a`));
    expect(f.kind).toBe("refused");
    expect(f.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(site.requests.length).toBe(before);
  });

  it("refuses loopback written in any form a URL allows", async () => {
    const before = site.requests.length;
    const { fetcher } = make({ policy: addressPolicy() });
    for (const host of [
      "127.1",
      "2130706433",
      "0x7f.0.0.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "0.0.0.0",
    ]) {
      const f = await failure(fetcher.fetch(`http://${host}:${port()}/a`));
      expect(f.kind).toBe("refused");
    }
    expect(site.requests.length).toBe(before);
  });

  it("refuses other schemes, and credentials in links", async () => {
    const { fetcher } = make();
    for (const url of [
      "file:///etc/passwd",
      "ftp://news.test/a",
      "gopher://x",
      "javascript:alert(1)",
    ]) {
      const f = await failure(fetcher.fetch(url));
      expect(f.kind).toBe("url");
      expect(f.message).toMatch(/only http and https/);
    }
    expect((await failure(fetcher.fetch("not a url"))).message).toMatch(/is not a URL/);
    expect((await failure(fetcher.fetch(`http://me:pw@127.0.0.1:${port()}/a`))).kind).toBe("url");
  });

  it("refuses a metadata address and names that resolve to private or link-local addresses", async () => {
    const { fetcher, strays } = make();
    const meta = await failure(fetcher.fetch("http://169.254.169.254/latest/meta-data/"));
    expect(meta.message).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
    const intranet = await failure(fetcher.fetch("http://intranet.test/"));
    expect(intranet.kind).toBe("refused");
    expect(intranet.message).toMatch(/intranet\.test resolves to 10\.0\.0\.5 is a private address/);
    const metaName = await failure(fetcher.fetch("https://metadata.test/"));
    expect(metaName.message).toMatch(/metadata address/);
    // One private address among a name's addresses is enough to refuse it.
    expect((await failure(fetcher.fetch(`http://mixed.test:${port()}/a`))).kind).toBe("refused");
    expect(strays).toEqual([]);
  });

  it("checks every redirect: to a private name, to the metadata address", async () => {
    site.route("/to-intranet", (_q, r) =>
      r.writeHead(302, { location: "http://intranet.test/x" }).end(),
    );
    site.route("/to-meta", (_q, r) =>
      r.writeHead(301, { location: "http://169.254.169.254/" }).end(),
    );
    site.route("/to-file", (_q, r) => r.writeHead(302, { location: "file:///etc/passwd" }).end());
    const { fetcher } = make();
    expect((await failure(fetcher.fetch(`${site.origin}/to-intranet`))).message).toMatch(
      /10\.0\.0\.5/,
    );
    expect((await failure(fetcher.fetch(`${site.origin}/to-meta`))).message).toMatch(/metadata/);
    expect((await failure(fetcher.fetch(`${site.origin}/to-file`))).kind).toBe("url");
  });

  it("follows redirects up to the limit and stops loops", async () => {
    site.route("/moved", (_q, r) => r.writeHead(301, { location: "/a" }).end());
    site.route("/loop1", (_q, r) => r.writeHead(302, { location: "/loop2" }).end());
    site.route("/loop2", (_q, r) => r.writeHead(302, { location: "/loop1" }).end());
    for (let i = 0; i < 8; i++)
      site.route(`/chain${i}`, (_q, r) => r.writeHead(302, { location: `/chain${i + 1}` }).end());
    const { fetcher } = make();
    const moved = await fetcher.fetch(`${site.origin}/moved`);
    expect(moved.url).toBe(`${site.origin}/a`);
    expect((await failure(fetcher.fetch(`${site.origin}/loop1`))).message).toMatch(/redirect loop/);
    expect((await failure(fetcher.fetch(`${site.origin}/chain0`))).message).toMatch(
      /more than 5 redirects/,
    );
  });

  it("reports 404 and 500, a hanging server, a slow body, and refuses other content types", async () => {
    site.route("/500", (_q, r) => r.writeHead(500).end("oops"));
    site.route("/hang", () => undefined);
    site.route("/slow", (_q, r) => {
      r.writeHead(200, { "content-type": "text/html" });
      r.write("<p>a");
      // never ends
    });
    site.page("/img", Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png");
    const { fetcher } = make({ timeoutMs: 300 });
    expect((await failure(fetcher.fetch(`${site.origin}/missing`))).message).toMatch(/HTTP 404/);
    expect((await failure(fetcher.fetch(`${site.origin}/500`))).message).toMatch(/HTTP 500/);
    expect((await failure(fetcher.fetch(`${site.origin}/hang`))).kind).toBe("timeout");
    expect((await failure(fetcher.fetch(`${site.origin}/slow`))).kind).toBe("timeout");
    const img = await failure(fetcher.fetch(`${site.origin}/img`));
    expect(img.message).toMatch(/image\/png, not HTML, XML or JSON/);
  });

  it("stops reading a 50 MB page at the size cap", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    site.route("/huge", (_q, r) => {
      r.writeHead(200, { "content-type": "text/html" });
      let sent = 0;
      const more = () => {
        while (sent < 50 && r.write(chunk)) sent++;
        if (sent >= 50) r.end();
        else
          r.once("drain", () => {
            sent++;
            more();
          });
      };
      more();
    });
    site.route("/huge-declared", (_q, r) => {
      r.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
      r.write(chunk);
    });
    const { fetcher } = make({ timeoutMs: 5000 });
    const started = Date.now();
    const f = await failure(fetcher.fetch(`${site.origin}/huge`));
    expect(f.kind).toBe("too-large");
    expect(f.message).toMatch(/larger than 2 MB \(MAX_ARTICLE_MB\)/);
    expect((await failure(fetcher.fetch(`${site.origin}/huge-declared`))).kind).toBe("too-large");
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
