import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { articlePage, startSite, type TestSite } from "./server.ts";

let data: string;
let site: TestSite;

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), "whosaid-add-"));
  mkdirSync(join(data, "articles"));
  site = await startSite();
  site.page(
    "/news/stoltenberg",
    articlePage({
      title: "Stoltenberg urges allies to spend more",
      outlet: "Reuters",
      date: "2018-07-11",
      paragraphs: [
        "BRUSSELS, July 11. NATO Secretary General Jens Stoltenberg said on Wednesday that every ally must meet the spending target agreed in Wales.",
        "“We have to do more, and we have to do it faster,” Stoltenberg told reporters before the summit opened.",
        "German Chancellor Angela Merkel said Germany would raise its defence budget, according to officials at the summit.",
      ],
    }),
  );
});
afterAll(async () => {
  rmSync(data, { recursive: true, force: true });
  await site.close();
});

/** The real CLI in a child process. Every URL here is 127.0.0.1, so nothing is resolved. */
function cli(env: Record<string, string>, ...args: string[]) {
  return runCli([...args, "--data", data], {
    cwd: data,
    env: { ...process.env, DISCORD_TOKEN: "", DATA_DIR: "", FEED_HOST_DELAY: "0", ...env },
  });
}

const allowLoopback = { FETCH_ALLOW_ADDRESSES: "127.0.0.1" };

it("refuses loopback unless allowed, and other schemes, without fetching", async () => {
  const url = `${site.origin}/news/stoltenberg`;
  const refused = await cli({ FETCH_ALLOW_ADDRESSES: "" }, "add", url);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/Could not add .*127\.0\.0\.1 is a loopback address/);
  const file = await cli(allowLoopback, "add", "file:///etc/passwd");
  expect(file.code).toBe(1);
  expect(file.stdout).toMatch(/only http and https/);
  const meta = await cli(allowLoopback, "add", "http://169.254.169.254/latest/meta-data/");
  expect(meta.stdout).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
  expect(site.requests).toEqual([]);
  expect((await cli({ FETCH_ALLOW_ADDRESSES: "localhost" }, "add", url)).stderr).toMatch(
    /FETCH_ALLOW_ADDRESSES: “localhost” is not an IP address/,
  );
});

it("adds an article, says what it found, and its quotes answer with the link", async () => {
  const url = `${site.origin}/news/stoltenberg`;
  const added = await cli(allowLoopback, "add", url);
  expect(added.code).toBe(0);
  expect(added.stdout).toMatch(
    /^Added “Stoltenberg urges allies to spend more” \(Reuters\): \d+ statements by 2 speakers/,
  );
  expect(added.stdout).toContain(
    "saved as articles/feeds/reuters/2018-07-11-stoltenberg-urges-allies-to-spend-more.json",
  );
  const quote = await cli({}, "ask", "/quote speaker:Stoltenberg", "--json");
  const answer = JSON.parse(quote.stdout);
  expect(answer.items[0].citation.url).toBe(url);
  const text = await cli({}, "ask", "/quote speaker:Stoltenberg");
  expect(text.stdout).toContain(`  ${url}`);
  const again = await cli(allowLoopback, "add", url, "--json");
  expect(JSON.parse(again.stdout).heading).toMatch(/^Already in the coverage/);
  expect(site.count("/news/stoltenberg")).toBe(1);
}, 30_000);
