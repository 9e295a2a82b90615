import { afterAll, beforeAll, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { applicationCommands } from "../../src/discord/builders.ts";
import { TEXTS } from "../../src/discord/deps.ts";
import { buttons, embedOf, type Harness, startHarness } from "../discord/harness.ts";
import { liveFixture } from "./fixtures.ts";
import { articlePage, startSite, type TestSite } from "./server.ts";

const EPHEMERAL = 64;
let site: TestSite;
let live: Awaited<ReturnType<typeof liveFixture>>;
let h: Harness;
let url: string;

beforeAll(async () => {
  site = await startSite();
  site.page(
    "/politics/peskov",
    articlePage({
      title: "Kremlin dismisses new sanctions",
      outlet: "TASS",
      date: "2018-09-03",
      paragraphs: [
        "MOSCOW, September 3. Kremlin spokesman Dmitry Peskov said on Monday that the new sanctions would not change Russia's course.",
        "“Such decisions only harm those who take them,” Peskov told reporters.",
      ],
    }),
  );
  url = `${site.origin}/politics/peskov`;
  live = await liveFixture();
  h = await startHarness({
    commands,
    library: live.handle.library,
    bot: { library: () => live.handle.library, live: live.coverage },
  });
});

afterAll(async () => {
  await h.close();
  expect(await live.close()).toEqual([]);
  await site.close();
});

it("registers /add and /feeds for managers only, with no public option", () => {
  const registered = applicationCommands(commands) as unknown as Record<string, unknown>[];
  for (const name of ["add", "feeds"]) {
    const command = registered.find((c) => c.name === name) ?? {};
    expect(command.default_member_permissions).toBe("32");
    expect(command.contexts).toEqual([0]);
    expect((command.options as { name: string }[]).map((o) => o.name)).not.toContain("public");
  }
  const quote = registered.find((c) => c.name === "quote") ?? {};
  expect(quote.default_member_permissions).toBeUndefined();
});

it("refuses /add to a member without Manage Server, without fetching", async () => {
  const sent = h.standin.slash("add", { url });
  const { message } = await h.standin.awaitResponse(sent);
  expect(message?.flags).toBe(EPHEMERAL);
  expect(embedOf(message).description).toBe(TEXTS.managersOnly("add"));
  expect(site.count("/politics/peskov")).toBe(0);
});

it("adds a link for a manager, privately, and its quotes open the article", async () => {
  h.standin.managers.add(h.standin.user.id);
  const sent = h.standin.slash("add", { url });
  const { message } = await h.standin.awaitResponse(sent);
  expect(message?.flags).toBe(EPHEMERAL);
  expect(embedOf(message).title).toMatch(
    /^Added “Kremlin dismisses new sanctions” \(TASS\): 2 statements by 1 speaker$/,
  );
  expect(buttons(message).at(-1)).toMatchObject({ label: "Open article", style: 5, url });

  const quote = await h.standin.awaitResponse(h.standin.slash("quote", { speaker: "Peskov" }));
  expect(embedOf(quote.message).title).toBe("Dmitry Peskov: 2 quotes");
  expect(buttons(quote.message).find((b) => b.label === "Open article")).toMatchObject({ url });

  const refused = await h.standin.awaitResponse(
    h.standin.slash("add", { url: "http://169.254.169.254/latest/meta-data/" }),
  );
  expect(embedOf(refused.message).description).toMatch(
    /169\.254\.169\.254 is a cloud metadata address/,
  );
  const feeds = await h.standin.awaitResponse(h.standin.slash("feeds"));
  expect(embedOf(feeds.message).title).toBe("No feeds are followed");
  expect(site.count("/politics/peskov")).toBe(1);
  for (const r of h.standin.requests) expect(r.problems).toEqual([]);
});
