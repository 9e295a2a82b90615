import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readSettings } from "../../src/config.ts";
import { readFeedList } from "../../src/live/feed-list.ts";

it("reads the live settings with their defaults, and names a bad one", () => {
  const live = readSettings({}, {}, "/tmp").live;
  expect(live).toEqual({
    feeds: null,
    feedIntervalMs: 15 * 60_000,
    allowAddresses: [],
    timeoutMs: 20_000,
    hostDelayMs: 2000,
  });
  const set = readSettings(
    { FEED_INTERVAL: "0.5", FETCH_ALLOW_ADDRESSES: "127.0.0.1, 10.0.0.0/8", FEED_HOST_DELAY: "0" },
    {},
    "/tmp",
  ).live;
  expect(set).toMatchObject({
    feedIntervalMs: 30_000,
    allowAddresses: ["127.0.0.1", "10.0.0.0/8"],
    hostDelayMs: 0,
  });
  expect(() => readSettings({ FEED_INTERVAL: "soon" }, {}, "/tmp")).toThrow(
    "FEED_INTERVAL: “soon” is not a positive number",
  );
  expect(() => readSettings({ FETCH_ALLOW_ADDRESSES: "10.0.0.0/99" }, {}, "/tmp")).toThrow(
    /FETCH_ALLOW_ADDRESSES: “10\.0\.0\.0\/99” is not an IP address or CIDR range/,
  );
});

it("lists feeds from feeds.txt and FEEDS once each, and names the lines it skips", async () => {
  const dir = await mkdtemp(join(tmpdir(), "whosaid-feedlist-"));
  expect(await readFeedList(dir, null)).toEqual({ urls: [], problems: [] });
  await writeFile(
    join(dir, "feeds.txt"),
    "# wires\nhttps://tass.com/rss/v2.xml\n\nhttps://www.rt.com/rss/  # RT\nfile:///etc/passwd\n",
  );
  const list = await readFeedList(dir, "https://tass.com/rss/v2.xml, https://www.presstv.ir/rss");
  expect(list.urls).toEqual([
    "https://tass.com/rss/v2.xml",
    "https://www.rt.com/rss/",
    "https://www.presstv.ir/rss",
  ]);
  expect(list.problems).toEqual([
    "feeds.txt line 5: “file:///etc/passwd” is not an http(s) URL; skipped",
  ]);
  await rm(dir, { recursive: true });
});
