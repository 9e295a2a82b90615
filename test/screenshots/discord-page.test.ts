import { beforeAll, describe, expect, it } from "vitest";
import { type Captured, captureScenes } from "../../scripts/screenshots/capture.ts";
import { discordPage, markdown, type Scene } from "../../scripts/screenshots/discord-page.ts";

/**
 * The README's pictures are built from what the bot sends: these tests capture the real bot's
 * messages (seed articles, real commands, discord.js against the local stand-in) and check that
 * the page shows them, without a browser.
 */
let captured: Captured;
let page: string;

beforeAll(async () => {
  captured = await captureScenes();
  page = discordPage(captured.scenes, captured.users);
});

interface Embed {
  title?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

const section = (id: string) => {
  const start = page.indexOf(`<section class="scene" id="${id}">`);
  expect(start).toBeGreaterThan(0);
  return page.slice(start, page.indexOf("</section>", start));
};
const scene = (id: string): Scene => {
  const found = captured.scenes.find((s) => s.id === id);
  if (!found) throw new Error(`no scene ${id}`);
  return found;
};
const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("the Discord page of the README's pictures", () => {
  it("has the four scenes, each from a message the bot sent", () => {
    expect(captured.scenes.map((s) => s.id)).toEqual([
      "quote-peskov",
      "who-denial",
      "find-source-close",
      "shared-passage",
    ]);
    for (const s of captured.scenes) {
      const bot = s.entries.filter((e) => e.message.author.bot);
      expect(bot.length).toBeGreaterThan(0);
      for (const e of bot) {
        const embed = e.message.embeds[0] as Embed;
        // Every title, field and footer the bot sent is on the page, as text.
        const part = section(s.id);
        expect(part).toContain(html(embed.title ?? "missing title"));
        for (const f of embed.fields ?? []) expect(part).toContain(html(f.name));
        expect(part).toContain(html(embed.footer?.text ?? "missing footer"));
      }
    }
  });

  it("shows /quote speaker:Peskov privately, with its paging and Share buttons", () => {
    const quote = scene("quote-peskov").entries[0]?.message;
    expect((quote?.embeds[0] as Embed | undefined)?.title).toMatch(/^Dmitry Peskov: \d+ quotes$/);
    const part = section("quote-peskov");
    expect(part).toContain('used <span class="command">/quote speaker:Peskov</span>');
    expect(part).toMatch(/<span class="button secondary disabled">◀<\/span>/);
    expect(part).toMatch(/<span class="button secondary">▶<\/span>/);
    expect(part).toMatch(/<span class="button primary">Share<\/span>/);
    expect(part).toContain("Only you can see this");
    expect(part).toContain("<strong>Dmitry Peskov</strong>");
  });

  it("shows a denial in /who, and Find source's close wording with its difference", () => {
    // The first denial of the MI5 chief's claims is Moscow's, in the headline.
    expect(section("who-denial")).toMatch(/<strong>Moscow<\/strong> rejects · denial/);
    const source = section("find-source-close");
    expect(source).toContain("Peskov says “the United States has been using crude");
    expect(source).toContain("close wording");
    expect(source).toMatch(/Difference \(article → message\):.*\[-attempts-\]/s);
  });

  it("shows the shared passage in the channel, naming who shared it, for everyone", () => {
    const shared = scene("shared-passage").entries[0]?.message;
    expect(shared?.content).toMatch(/^Shared by <@\d+>$/);
    const part = section("shared-passage");
    expect(part).toContain('Shared by <span class="mention">@reader</span>');
    expect(part).not.toContain("Only you can see this");
    expect(part).not.toContain("&lt;@");
  });
});

describe("markdown", () => {
  it("renders the Markdown the bot sends and nothing else", () => {
    expect(markdown("> quoted\n— **Name** said")).toBe(
      "<blockquote>quoted</blockquote><div>— <strong>Name</strong> said</div>",
    );
    expect(markdown("a \\*b\\* \\<script> [t](https://x.test/a)")).toBe(
      '<div>a *b* &lt;script&gt; <a href="https://x.test/a">t</a></div>',
    );
    expect(markdown("<@42> hi", new Map([["42", "reader"]]))).toBe(
      '<div><span class="mention">@reader</span> hi</div>',
    );
  });
});
