import { afterAll, beforeAll, expect, it } from "vitest";
import { politeFetcher } from "../../src/live/polite.ts";
import { testFetcher } from "./guard.ts";
import { startSite, type TestSite } from "./server.ts";

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

it("obeys robots.txt for whosaid and says why a page is not fetched", async () => {
  site.route("/robots.txt", (_q, r) =>
    r
      .writeHead(200, { "content-type": "text/plain" })
      .end("User-agent: whosaid\nDisallow: /private/\n"),
  );
  site.page("/private/x", "<p>secret</p>");
  site.page("/public/x", "<p>open</p>");
  const { fetcher, strays } = testFetcher();
  const polite = politeFetcher({ fetcher, robotsAgent: "whosaid", delayMs: 0 });
  await expect(polite.fetch(`${site.origin}/private/x`)).rejects.toThrow(
    /robots\.txt does not allow whosaid to fetch \/private\/x/,
  );
  expect(site.count("/private/x")).toBe(0);
  expect((await polite.fetch(`${site.origin}/public/x`)).status).toBe(200);
  // A redirect into a disallowed path is refused before it is followed.
  site.route("/public/moved", (_q, r) => r.writeHead(302, { location: "/private/x" }).end());
  await expect(polite.fetch(`${site.origin}/public/moved`)).rejects.toThrow(
    /does not allow whosaid/,
  );
  expect(site.count("/private/x")).toBe(0);
  // robots.txt is read once for the host, not before every page.
  expect(site.count("/robots.txt")).toBe(1);
  expect(strays).toEqual([]);
  await fetcher.close();
});

it("sends one request at a time to a host, with a pause between them", async () => {
  let open = 0;
  let most = 0;
  const starts: number[] = [];
  for (let i = 0; i < 4; i++) {
    site.route(`/slow/${i}`, (_q, r) => {
      open++;
      most = Math.max(most, open);
      starts.push(Date.now());
      setTimeout(() => {
        open--;
        r.writeHead(200, { "content-type": "text/html" }).end("<p>x</p>");
      }, 30);
    });
  }
  const { fetcher } = testFetcher();
  const polite = politeFetcher({ fetcher, robotsAgent: "whosaid", delayMs: 50 });
  await Promise.all([0, 1, 2, 3].map((i) => polite.fetch(`${site.origin}/slow/${i}`)));
  expect(most).toBe(1);
  for (let i = 1; i < starts.length; i++) {
    expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(30 + 45);
  }
  await fetcher.close();
});

it("waits the Crawl-delay a host's robots.txt asks for", async () => {
  const slow = await startSite();
  slow.route("/robots.txt", (_q, r) =>
    r.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nCrawl-delay: 0.3\n"),
  );
  const times: number[] = [];
  for (const p of ["/a", "/b"]) {
    slow.route(p, (_q, r) => {
      times.push(Date.now());
      r.writeHead(200, { "content-type": "text/html" }).end("<p>x</p>");
    });
  }
  const { fetcher } = testFetcher();
  const polite = politeFetcher({ fetcher, robotsAgent: "whosaid", delayMs: 0 });
  await Promise.all(["/a", "/b"].map((p) => polite.fetch(`${slow.origin}${p}`)));
  expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(280);
  await fetcher.close();
  await slow.close();
});
