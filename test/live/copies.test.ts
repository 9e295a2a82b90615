import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { quote } from "../../commands/quote.ts";
import { search } from "../../commands/search.ts";
import { who } from "../../commands/who.ts";
import type { Answer } from "../../src/answer/answer.ts";
import { renderAnswer } from "../../src/discord/render.ts";
import { renderText } from "../../src/surfaces/render-text.ts";
import { liveFixture } from "./fixtures.ts";
import { articlePage, rssFeed, startSite, type TestSite } from "./server.ts";

/** One wire story (Reuters style), as each outlet republishes it. */
const WIRE = [
  "Iranian Foreign Minister Javad Zarif accused the United States on Tuesday of violating the nuclear deal by reimposing sanctions on Iran's oil exports.",
  "“Washington has broken its word, and the world can see it,” Zarif told reporters in Tehran after meeting European diplomats.",
  "Zarif said Iran would keep to the agreement for now as long as the European signatories protected its trade, but warned that patience was running out.",
  "The European Union said it regretted the decision and would work to preserve the agreement, which lifted sanctions in exchange for curbs on Iran's nuclear programme.",
  "Oil prices rose more than two percent on the news, with Brent crude trading above 80 dollars a barrel for the first time since May.",
];

let site: TestSite;
let live: Awaited<ReturnType<typeof liveFixture>>;

function outletCopy(
  path: string,
  outlet: string,
  title: string,
  date: string,
  before: string[],
  after: string[],
  paragraphs = WIRE,
) {
  site.page(
    path,
    articlePage({ title, outlet, date, paragraphs: [...before, ...paragraphs, ...after] }),
  );
  return `${site.origin}${path}`;
}

beforeAll(async () => {
  site = await startSite();
  const rt = outletCopy(
    "/rt/zarif",
    "RT",
    "Zarif slams US for breaking its word on nuclear deal",
    "2018-08-07",
    ["Follow RT on Telegram for breaking news."],
    ["Read more: Tehran says Europe must act now"],
  );
  const ptv = outletCopy(
    "/ptv/zarif",
    "Press TV",
    "FM: Washington broke its word on JCPOA",
    "2018-08-07",
    [],
    [
      "Press TV is not responsible for the content of external websites.",
      "© 2018 Press TV. All rights reserved.",
    ],
    WIRE.map((p) => p.replace("programme", "program")),
  );
  const sabah = outletCopy(
    "/sabah/zarif",
    "Daily Sabah",
    "Iran accuses US of violating deal",
    "2018-08-07",
    ["ISTANBUL"],
    ["Subscribe to our newsletter."],
  );
  // An unrelated story on the same topic, quoting Zarif differently.
  const other = outletCopy(
    "/rt/zarif-2",
    "RT",
    "Zarif meets EU envoys in Vienna",
    "2018-08-09",
    [],
    [],
    [
      "Iranian Foreign Minister Javad Zarif met European envoys in Vienna on Thursday to discuss ways of keeping trade with Iran open despite US sanctions.",
      "“We expect deeds, not words, from Europe,” Zarif told the state news agency after the talks.",
      "The envoys promised a payment channel within weeks, according to diplomats present at the meeting.",
    ],
  );
  site.page(
    "/feeds/rt.xml",
    rssFeed("RT", [
      { title: "a", link: rt },
      { title: "b", link: other },
    ]),
    "application/rss+xml",
  );
  site.page(
    "/feeds/ptv.xml",
    rssFeed("Press TV", [{ title: "a", link: ptv }]),
    "application/rss+xml",
  );
  site.page(
    "/feeds/sabah.xml",
    rssFeed("Daily Sabah", [{ title: "a", link: sabah }]),
    "application/rss+xml",
  );
  live = await liveFixture();
  await writeFile(
    join(live.dataDir, "feeds.txt"),
    ["rt", "ptv", "sabah"].map((f) => `${site.origin}/feeds/${f}.xml`).join("\n"),
  );
  expect((await live.coverage.poll()).added).toHaveLength(4);
});

afterAll(async () => {
  expect(await live.close()).toEqual([]);
  await site.close();
});

const run = async (command: typeof quote, args: Record<string, string>) =>
  (await command.run(args, { library: live.handle.library })) as Answer;

it("/quote shows each statement of a wire story once, also in the other outlets", async () => {
  const answer = await run(quote, { speaker: "Zarif" });
  const washington = answer.items.filter((i) => i.text.includes("Washington has broken its word"));
  expect(washington).toHaveLength(1);
  const [shown] = washington;
  const outlets = [shown?.citation?.outlet, ...(shown?.alsoIn ?? []).map((c) => c.outlet)].sort();
  expect(outlets).toEqual(["Daily Sabah", "Press TV", "RT"]);
  for (const c of [shown?.citation, ...(shown?.alsoIn ?? [])])
    expect(c?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(rt|ptv|sabah)\/zarif$/);
  // The other story's quote is its own statement.
  const deeds = answer.items.filter((i) => i.text.includes("deeds, not words"));
  expect(deeds).toHaveLength(1);
  expect(deeds[0]?.alsoIn).toBeUndefined();
  expect(answer.notice).toMatch(/copies of the same stories are shown with the originals/);
  const text = renderText(answer);
  expect(text).toMatch(/also in: (RT|Press TV|Daily Sabah), (RT|Press TV|Daily Sabah)\n/);
  // In Discord: the line under the citation, and each appearance's linked citation in a field.
  const page = answer.items.indexOf(shown as (typeof answer.items)[number]);
  const embed = renderAnswer(answer, page, null, { share: false }).embeds[0];
  expect(embed?.description).toMatch(/\nalso in: [A-Za-z ]+, [A-Za-z ]+$/);
  const field = embed?.fields?.find((f) => f.name === "Also in")?.value ?? "";
  expect(field.split("\n")).toHaveLength(2);
  expect(field).toMatch(/^\[.+\]\(http:\/\/127\.0\.0\.1:\d+\/(rt|ptv|sabah)\/zarif\) · /);
});

it("/search groups copies of a passage, and /who names the speaker once with the others", async () => {
  const found = await run(search, { query: "Brent crude above 80 dollars" });
  expect(found.items).toHaveLength(1);
  expect(found.items[0]?.alsoIn).toHaveLength(2);
  const answer = await run(who, {
    claim: "who accused the United States of violating the nuclear deal?",
  });
  expect(answer.heading).toMatch(/^Javad Zarif/);
  const accusing = answer.items.filter((i) => i.text.includes("violating the nuclear deal"));
  expect(accusing).toHaveLength(1);
  expect(accusing[0]?.alsoIn).toHaveLength(2);
});

it("shows an updated version in place of the earlier one, which stays for its citation", async () => {
  const updated = outletCopy(
    "/rt/zarif-updated",
    "RT",
    "Zarif slams US for breaking its word (updated)",
    "2018-08-08",
    ["Follow RT on Telegram for breaking news."],
    ["UPDATE: Germany and France said they would defend their companies' trade with Iran."],
  );
  await live.coverage.add(updated);
  const answer = await run(quote, { speaker: "Zarif" });
  const [shown, ...rest] = answer.items.filter((i) =>
    i.text.includes("Washington has broken its word"),
  );
  expect(rest).toEqual([]);
  expect(shown?.citation?.url).toBe(updated);
  expect(shown?.alsoIn?.map((c) => c.url)).toContain(`${site.origin}/rt/zarif`);
  expect(renderText(answer)).toMatch(/earlier version 2018-08-07/);
});
