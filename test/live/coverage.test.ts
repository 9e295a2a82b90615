import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feeds } from "../../commands/feeds.ts";
import { scanArticleFiles } from "../../src/corpus/load-corpus.ts";
import { FetchFailure } from "../../src/live/safe-fetch.ts";
import { liveFixture } from "./fixtures.ts";
import { articlePage, atomFeed, jsonFeed, rssFeed, startSite, type TestSite } from "./server.ts";

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

/** A short news story with quotes whosaid attributes: two statements by one named speaker. */
function story(path: string, outlet: string, title: string, speaker: string, topic: string) {
  const surname = speaker.split(" ").at(-1);
  site.page(
    path,
    articlePage({
      title,
      outlet,
      date: "2018-09-03T10:00:00Z",
      paragraphs: [
        `MOSCOW, September 3. Foreign Minister ${speaker} said on Monday that ${topic} would be discussed at the summit in Vienna next month.`,
        `“We are ready to talk about ${topic} with every partner who wants to,” ${surname} told reporters after meeting his counterparts.`,
        `The talks were first proposed last year and have been delayed several times since then, officials in the capital said.`,
      ],
    }),
  );
  return `${site.origin}${path}`;
}

describe("/add: one link", () => {
  it("fetches, saves and indexes the article, and answers with its statements", async () => {
    const live = await liveFixture();
    const url = story(
      "/tass/lavrov-1",
      "TASS",
      "Lavrov ready to discuss arms control",
      "Sergei Lavrov",
      "arms control",
    );
    const added = await live.coverage.add(url);
    expect(added).toMatchObject({
      fresh: true,
      title: "Lavrov ready to discuss arms control",
      outlet: "TASS",
      url,
    });
    expect(added.file).toBe(
      "articles/feeds/tass/2018-09-03-lavrov-ready-to-discuss-arms-control.json",
    );
    expect(added.statements).toBeGreaterThanOrEqual(2);
    expect(added.speakers).toBe(1);
    const saved = JSON.parse(await readFile(join(live.dataDir, added.file), "utf8"));
    expect(saved).toMatchObject({ title: added.title, outlet: "TASS", date: "2018-09-03", url });
    expect(saved.dateline).toBe("MOSCOW, September 3");
    expect(saved.body[0]).toMatch(/^Foreign Minister Sergei Lavrov said on Monday/);
    expect(saved.body.join(" ")).not.toMatch(/All rights reserved|Home/);
    // Indexed at once: the quote answers, and its citation carries the link.
    const library = live.handle.library;
    const [lavrov] = library.findSpeakers("Lavrov");
    expect(lavrov?.name).toBe("Sergei Lavrov");
    const [hit] = library.quotesBy(lavrov?.id ?? "");
    expect(library.citation(hit?.attribution.articleId ?? "", 1).url).toBe(url);
    // Asked again: answered from the saved file, not fetched again.
    const again = await live.coverage.add(url);
    expect(again).toMatchObject({ fresh: false, file: added.file, statements: added.statements });
    expect(site.count("/tass/lavrov-1")).toBe(1);
    // Deleted by the owner since: added again, it is fetched again.
    await rm(join(live.dataDir, added.file));
    expect(await live.coverage.add(url)).toMatchObject({ fresh: true, file: added.file });
    expect(site.count("/tass/lavrov-1")).toBe(2);
    expect(await live.close()).toEqual([]);
  });

  it("refuses unsafe links without connecting anywhere", async () => {
    const live = await liveFixture();
    for (const [url, why] of [
      ["file:///etc/passwd", /only http and https/],
      ["http://169.254.169.254/latest/meta-data/", /metadata address/],
      ["http://intranet.test/news", /resolves to 10\.0\.0\.5/],
      ["http://metadata.test/", /resolves to 169\.254\.169\.254/],
    ] as const) {
      const error = await live.coverage.add(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchFailure);
      expect((error as Error).message).toMatch(why);
    }
    expect(await live.close()).toEqual([]);
  });

  it("says so when the page has no article, or is not a page", async () => {
    const live = await liveFixture();
    site.page("/empty", "<html><body><nav>Home</nav></body></html>");
    site.page("/photo.png", Buffer.from([1, 2, 3]), "image/png");
    await expect(live.coverage.add(`${site.origin}/empty`)).rejects.toThrow(/no article text/);
    await expect(live.coverage.add(`${site.origin}/photo.png`)).rejects.toThrow(/image\/png/);
    await expect(live.coverage.add(`${site.origin}/gone`)).rejects.toThrow(/HTTP 404/);
    await live.close();
  });

  it("reads a page whose declared charset is wrong", async () => {
    const live = await liveFixture();
    const html = articlePage({
      title: "Zakharova on the café talks",
      outlet: "RT",
      date: "2018-09-04",
      paragraphs: [
        "“Nothing was agreed at the café,” spokeswoman Maria Zakharova told a briefing in Moscow on Tuesday.",
        "She said the next round of talks would take place in Genève later this month, according to the ministry’s website.",
      ],
    }).replace('<meta charset="utf-8">', "");
    site.page("/rt/cafe", Buffer.from(html, "utf8"), "text/html; charset=iso-8859-1");
    const added = await live.coverage.add(`${site.origin}/rt/cafe`);
    const saved = JSON.parse(await readFile(join(live.dataDir, added.file), "utf8"));
    expect(saved.body[0]).toContain("“Nothing was agreed at the café,”");
    expect(saved.body[1]).toContain("Genève");
    await live.close();
  });
});

describe("feeds", () => {
  it("takes new items from RSS, Atom and JSON Feed, each page once, and survives restarts", async () => {
    const a = story("/tass/1", "TASS", "Lavrov on arms control", "Sergei Lavrov", "arms control");
    const b = story("/rt/1", "RT", "Shoigu on the exercises", "Sergei Shoigu", "the exercises");
    const c = story(
      "/ptv/1",
      "Press TV",
      "Zarif on the nuclear deal",
      "Javad Zarif",
      "the nuclear deal",
    );
    site.page(
      "/feeds/tass.xml",
      rssFeed("TASS", [{ title: "Lavrov", link: a, date: "2018-09-03" }]),
      "application/rss+xml",
    );
    site.page(
      "/feeds/rt.atom",
      atomFeed("RT", [{ title: "Shoigu", link: b }]),
      "application/atom+xml",
    );
    site.page(
      "/feeds/ptv.json",
      jsonFeed("Press TV", [{ title: "Zarif", link: c }]),
      "application/feed+json",
    );
    const live = await liveFixture();
    const feeds = ["/feeds/tass.xml", "/feeds/rt.atom", "/feeds/ptv.json"].map(
      (p) => `${site.origin}${p}`,
    );
    await writeFile(join(live.dataDir, "feeds.txt"), `# news\n${feeds.join("\n")}\n`);

    const first = await live.coverage.poll();
    expect(first).toMatchObject({ feeds: 3, failed: 0 });
    expect(first.added).toHaveLength(3);
    const library = live.handle.library;
    for (const name of ["Lavrov", "Shoigu", "Zarif"]) {
      expect(library.findSpeakers(name)[0]?.quotes ?? 0).toBeGreaterThan(0);
    }

    // A new item appears in one feed; the others answer 304 to the conditional request.
    const d = story("/tass/2", "TASS", "Lavrov on Syria", "Sergei Lavrov", "Syria");
    site.page(
      "/feeds/tass.xml",
      rssFeed("TASS", [
        { title: "Syria", link: d },
        { title: "Lavrov", link: a },
      ]),
      "application/rss+xml",
    );
    const second = await live.coverage.poll();
    expect(second.added).toEqual([
      expect.stringMatching(/feeds\/tass\/2018-09-03-lavrov-on-syria\.json$/),
    ]);
    for (const p of ["/tass/1", "/rt/1", "/ptv/1", "/tass/2"]) expect(site.count(p)).toBe(1);
    expect(site.notModified).toEqual(expect.arrayContaining(["/feeds/rt.atom", "/feeds/ptv.json"]));
    expect(site.notModified).not.toContain("/feeds/tass.xml");
    const status = live.coverage.status();
    expect(status.map((s) => [s.title, s.items, s.lastError])).toEqual([
      ["TASS", 2, null],
      ["RT", 1, null],
      ["Press TV", 1, null],
    ]);
    expect(status.every((s) => s.lastSuccess !== null)).toBe(true);
    await live.close(false);

    // After a restart nothing is fetched again, and the feeds are asked conditionally.
    const before = site.requests.length;
    const again = await liveFixture({ dataDir: live.dataDir });
    const third = await again.coverage.poll();
    expect(third.added).toEqual([]);
    const asked = site.requests.slice(before);
    expect(asked.filter((r) => !r.startsWith("/feeds/") && r !== "/robots.txt")).toEqual([]);
    expect(again.coverage.status().map((s) => s.items)).toEqual([2, 1, 1]);
    expect(await again.close()).toEqual([]);
  });

  it("goes on when feeds fail, and logs each failure once per cause", async () => {
    const ok = story(
      "/ok/1",
      "Reuters",
      "Stoltenberg on NATO spending",
      "Jens Stoltenberg",
      "spending",
    );
    site.page(
      "/feeds/ok.xml",
      rssFeed("Reuters", [
        { title: "NATO", link: ok },
        { title: "missing", link: `${site.origin}/ok/missing` },
      ]),
      "application/rss+xml",
    );
    site.page(
      "/feeds/bad.xml",
      "<rss><channel><item><title>broken</tit></item>",
      "application/rss+xml",
    );
    site.route("/feeds/500.xml", (_q, r) => r.writeHead(500).end());
    site.route("/feeds/hang.xml", () => undefined);
    site.page("/feeds/image", Buffer.from([1, 2]), "image/gif");
    const live = await liveFixture({ timeoutMs: 400 });
    const urls = [
      "/feeds/missing.xml",
      "/feeds/bad.xml",
      "/feeds/500.xml",
      "/feeds/hang.xml",
      "/feeds/image",
      "/feeds/ok.xml",
    ];
    await writeFile(
      join(live.dataDir, "feeds.txt"),
      `${urls.map((u) => site.origin + u).join("\n")}\nftp://nope\n`,
    );
    const first = await live.coverage.poll();
    expect(first.failed).toBe(5);
    expect(first.added).toHaveLength(1);
    const errors = Object.fromEntries(
      live.coverage.status().map((s) => [new URL(s.url).pathname, s.lastError]),
    );
    expect(errors).toEqual({
      "/feeds/missing.xml": expect.stringMatching(/HTTP 404/),
      "/feeds/bad.xml": expect.stringMatching(/not a readable feed/),
      "/feeds/500.xml": expect.stringMatching(/HTTP 500/),
      "/feeds/hang.xml": expect.stringMatching(/did not answer within 400 ms/),
      "/feeds/image": expect.stringMatching(/image\/gif/),
      "/feeds/ok.xml": null,
    });
    await live.coverage.poll();
    for (const path of ["/feeds/500.xml", "/feeds/hang.xml", "/ok/missing"]) {
      expect(live.logs.filter((l) => l.includes(path))).toHaveLength(1);
    }
    expect(live.logs.filter((l) => l.includes("ftp://nope"))).toHaveLength(1);
    // /feeds, as managers see it: each feed with its last success, last error and articles.
    const answer = await feeds.run({}, { library: live.handle.library, live: live.coverage });
    expect(answer.heading).toBe("6 feeds, 5 failing");
    const working = answer.items.find((i) => i.text.startsWith("Reuters · "));
    expect(working?.details).toEqual([
      expect.stringMatching(/^last success: 20\d\d-/),
      "1 article taken in",
    ]);
    const hang = answer.items.find((i) => i.text.endsWith("/feeds/hang.xml"));
    expect(hang?.details).toEqual([
      "last success: never",
      expect.stringMatching(/^last error \(20\d\d-.+\): .*did not answer within 400 ms$/),
      "0 articles taken in",
    ]);
    expect(site.count("/ok/1")).toBe(1);
    expect(await live.close()).toEqual([]);
  });

  it("fetches an item in two feeds once, and reads a 10,000-item feed a slice at a time", async () => {
    const shared = story("/wire/1", "AP", "Guterres calls for calm", "Antonio Guterres", "calm");
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Item ${i}`,
      link: `${site.origin}/many/${i}`,
    }));
    for (let i = 0; i < 60; i++)
      story(`/many/${i}`, "Xinhua", `Wang Yi remarks ${i}`, "Wang Yi", `trade round ${i}`);
    site.page(
      "/feeds/one.xml",
      rssFeed("One", [{ title: "calm", link: shared }]),
      "application/rss+xml",
    );
    site.page(
      "/feeds/two.json",
      jsonFeed("Two", [{ title: "calm", link: shared }]),
      "application/json",
    );
    site.page("/feeds/many.xml", rssFeed("Xinhua", many), "application/rss+xml");
    const live = await liveFixture({ timeoutMs: 5000 });
    await writeFile(
      join(live.dataDir, "feeds.txt"),
      ["/feeds/one.xml", "/feeds/two.json", "/feeds/many.xml"]
        .map((u) => site.origin + u)
        .join("\n"),
    );
    const started = Date.now();
    const first = await live.coverage.poll();
    expect(site.count("/wire/1")).toBe(1);
    expect(first.added.filter((f) => f.includes("guterres"))).toHaveLength(1);
    expect(first.added.filter((f) => f.includes("wang-yi"))).toHaveLength(50);
    expect(site.count("/many/50")).toBe(0);
    const second = await live.coverage.poll();
    // The big feed is asked in full again (no validators while items wait) and the next slice taken.
    expect(second.added.filter((f) => f.includes("wang-yi"))).toHaveLength(10);
    expect(site.count("/many/0")).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    await live.close();
  }, 30_000);
});

describe("the data folder", () => {
  it("does not read feeds.txt as an article when articles sit in the data folder itself", async () => {
    const dir = await mkdtemp(join(tmpdir(), "whosaid-flat-"));
    await writeFile(join(dir, "feeds.txt"), "https://tass.com/rss/v2.xml\n");
    await writeFile(join(dir, "story.txt"), "Title\n\nPeskov said the talks would go on.\n");
    const scan = await scanArticleFiles(dir);
    expect(scan.files.map((f) => f.file)).toEqual(["story.txt"]);
    expect(scan.skipped).toEqual([]);
    await rm(dir, { recursive: true });
  });
});

describe("latency", () => {
  it("answers an item's quotes within one poll interval plus 5 seconds of it appearing", async () => {
    const live = await liveFixture();
    site.page("/feeds/live.xml", rssFeed("Live", []), "application/rss+xml");
    await writeFile(join(live.dataDir, "feeds.txt"), `${site.origin}/feeds/live.xml\n`);
    const interval = 1000;
    live.coverage.start(interval);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const link = story(
      "/live/1",
      "Anadolu",
      "Cavusoglu on the Idlib talks",
      "Mevlut Cavusoglu",
      "Idlib",
    );
    const appeared = Date.now();
    site.page(
      "/feeds/live.xml",
      rssFeed("Live", [{ title: "Idlib", link }]),
      "application/rss+xml",
    );
    let answered = 0;
    while (Date.now() - appeared < interval + 5000) {
      if ((live.handle.library.findSpeakers("Cavusoglu")[0]?.quotes ?? 0) > 0) {
        answered = Date.now() - appeared;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(interval + 5000);
    await live.close();
  });
});
