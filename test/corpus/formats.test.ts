import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readSidecar } from "../../src/corpus/meta.ts";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";
import { withoutSiteName } from "../../src/corpus/parse-html.ts";
import type { Article } from "../../src/types.ts";

const fixtures = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const bytes = (name: string) => readFileSync(fixtures + name);
const utf8 = (s: string) => new TextEncoder().encode(s);

function articlesOf(
  file: string,
  data: Uint8Array = bytes(file),
  meta?: Parameters<typeof parseArticleFile>[2],
) {
  const outcome = parseArticleFile(file, data, meta);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  for (const a of outcome.articles) expectSpans(a);
  return outcome;
}

function expectSpans(a: Article) {
  a.paragraphs.forEach((p, i) => {
    expect(p.n).toBe(i + 1);
    expect(a.text.slice(p.start, p.end)).toBe(p.text);
  });
  for (const c of a.captions) expect(a.text.slice(c.start, c.end)).toBe(c.text);
}

describe("Markdown with front matter", () => {
  it("takes the fields from the front matter and strips Markdown from the paragraphs", () => {
    const { articles, warnings } = articlesOf("deripaska-wire.md");
    expect(warnings).toEqual([]);
    const a = articles[0] as Article;
    expect(a).toMatchObject({
      id: "deripaska-wire",
      format: "markdown",
      title: "Deripaska says he refused FBI approach",
      outlet: "World Wire",
      date: "2018-09-04",
      url: "https://worldwire.example/deripaska-fbi",
      author: "Ivan Smirnov",
      dateline: "MOSCOW, Sept. 4",
    });
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "Russian businessman Oleg Deripaska said on Tuesday that he had turned down an approach by the FBI, according to a statement posted on his website.",
      '"I told them their theories were wrong," the statement said.',
      "The Kremlin said it had no information about the contacts:",
      'Peskov said the report was "food for thought";\nthe Foreign Ministry declined to comment.',
      '"This is how they work," a Russian diplomat said, speaking on condition of anonymity.',
    ]);
    expect(a.captions.map((c) => c.text)).toEqual(["Oleg Deripaska at an economic forum"]);
    expect(a.text).toContain("\n\n");
  });

  it("uses the first heading as the title when the front matter has none", () => {
    const md = "# Talks resume in Geneva\n\nDiplomats met *again* on Monday, the UN said.\n";
    const a = articlesOf("notes/geneva.md", utf8(md)).articles[0] as Article;
    expect(a.title).toBe("Talks resume in Geneva");
    expect(a.id).toBe("notes/geneva");
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "Diplomats met again on Monday, the UN said.",
    ]);
  });

  it("reduces inline Markdown to its words", () => {
    const read = (line: string) =>
      (articlesOf("inline.md", utf8(`${line}\n`)).articles[0] as Article).paragraphs[0]?.text;
    expect(read("See [the report](https://example.org/a_(b)) and ![a map](m.png).")).toBe(
      "See the report) and a map.",
    );
    expect(read("Read [the brief][1] and <https://example.org/x>, <b>now</b>.")).toBe(
      "Read the brief and https://example.org/x, now.",
    );
    expect(read("**Bold *and slanted* words**, ~~struck~~, `code` and _this_.")).toBe(
      "Bold and slanted words, struck, code and this.",
    );
    // Link text holds no bracket, as CommonMark reads it; neither does strong text a delimiter.
    expect(read("Text [a [b](c) here.")).toBe("Text [a b here.");
    expect(read("It **was **very** good.")).toBe("It **was very good.");
  });

  it("loads the body of a file with broken front matter, with a warning naming the problem", () => {
    const { articles, warnings } = articlesOf("broken-front-matter.md");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^front matter is not valid YAML \(.+\); read the body without it$/,
    );
    const a = articles[0] as Article;
    expect(a.title).toBeNull();
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "Officials said on Monday that the talks would resume next week.",
      'A second paragraph follows, with "unbalanced quotes.',
    ]);
  });

  it("reads past front matter that is never closed", () => {
    const md = "---\ntitle: Lost\noutlet: Nowhere\n\nThe body still loads, officials said.\n";
    const { articles, warnings } = articlesOf("open.md", utf8(md));
    expect(warnings).toEqual(["front matter has no closing --- line; read the body without it"]);
    expect(articles[0]?.paragraphs.map((p) => p.text)).toEqual([
      "The body still loads, officials said.",
    ]);
  });

  it("skips a Markdown file whose front matter is all there is", () => {
    const outcome = parseArticleFile(
      "meta-only.md",
      utf8("---\ntitle: Only fields\n---\n\n# Just a title\n"),
    );
    expect(outcome).toMatchObject({ ok: false, reason: "no body paragraphs" });
  });
});

describe("HTML page", () => {
  const { articles, warnings } = articlesOf("kremlin-page.html");
  const a = articles[0] as Article;

  it("reads the title, byline, site name, date and URL", () => {
    expect(warnings).toEqual([]);
    expect(a).toMatchObject({
      id: "kremlin-page",
      format: "html",
      title: "Kremlin denies hacking claims",
      outlet: "World Wire",
      date: "2018-10-04",
      author: "Anna Petrova",
      url: "https://worldwire.example/world/kremlin-denies-hacking-claims",
      dateline: "MOSCOW, October 4",
    });
  });

  it("keeps the article's paragraphs and its caption, and none of the page around them", () => {
    expect(a.paragraphs.map((p) => p.text.slice(0, 40))).toEqual([
      "The Kremlin on Thursday rejected accusat",
      '"We categorically reject these allegatio',
      "Dutch Defence Minister Ank Bijleveld sai",
      "British Foreign Secretary Jeremy Hunt sa",
      "The Russian Foreign Ministry said the ac",
    ]);
    expect(a.captions.map((c) => c.text)).toEqual([
      "Kremlin spokesman Dmitry Peskov speaks to reporters in Moscow (file photo)",
    ]);
    for (const chrome of [
      "Share on",
      "Advertisement",
      "Sponsored",
      "Most read",
      "All rights",
      "Privacy",
      "dataLayer",
      "Markets fall",
      "Related",
    ]) {
      expect(a.text).not.toContain(chrome);
    }
  });
});

describe("an HTML page's title", () => {
  const page = (title: string, site: string) =>
    utf8(
      `<html><head><title>${title}</title><meta property="og:site_name" content="${site}"></head><body><article><h1>Minister denies bribery report</h1>` +
        "<p>The finance minister on Monday denied a newspaper report that he took a bribe, calling it a fabrication from start to finish.</p>" +
        "<p>“I have never taken money from anyone,” the minister told reporters outside parliament in the capital.</p>" +
        "<p>The newspaper said it stood by its reporting and would publish further documents later this week.</p></article></body></html>",
    );

  it("drops the site's name after the headline when it is og:site_name", () => {
    const { articles } = articlesOf(
      "bribery.html",
      page("Minister denies bribery report | The Capital Times", "The Capital Times"),
    );
    expect(articles[0]).toMatchObject({
      title: "Minister denies bribery report",
      outlet: "The Capital Times",
    });
  });

  it("drops the outlet a sidecar names, where the page names no site", () => {
    const { articles } = articlesOf(
      "bribery.html",
      page("Capital Times - Minister denies bribery report", ""),
      { outlet: "Capital Times" },
    );
    expect(articles[0]?.title).toBe("Minister denies bribery report");
  });

  it("drops a site name before the headline, and keeps a part that is not the site", () => {
    expect(withoutSiteName("TASS: Kremlin rejects claims", ["TASS"])).toBe(
      "Kremlin rejects claims",
    );
    expect(withoutSiteName("Minister quits — capital times", [undefined, "Capital Times"])).toBe(
      "Minister quits",
    );
    expect(withoutSiteName("Brexit: talks resume", ["BBC News"])).toBe("Brexit: talks resume");
    expect(withoutSiteName("The Capital Times", ["The Capital Times"])).toBe("The Capital Times");
  });
});

describe("JSON", () => {
  it("reads one article object, one paragraph per line", () => {
    const { articles } = articlesOf("single-article.json");
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: "single-article",
      format: "json",
      title: "Oil prices climb after OPEC meeting",
      outlet: "Energy Daily",
      date: "2019-03-05",
    });
    expect(articles[0]?.paragraphs).toHaveLength(3);
  });

  it("reads an array as several articles, with ids from the item or its place", () => {
    const { articles, warnings } = articlesOf("wire-items.json");
    expect(articles.map((a) => a.id)).toEqual(["wire-001", "wire-items-3"]);
    expect(warnings).toEqual(['item 2 has no "body" or "text"; skipped']);
    const [first, third] = articles as [Article, Article];
    expect(first).toMatchObject({
      title: "Kremlin rejects MI5 claims",
      outlet: "World Wire",
      date: "2016-11-01",
      dateline: "LONDON",
      author: "Anna Petrova",
    });
    expect(first.paragraphs[0]?.text).toMatch(/^The Kremlin on Tuesday rejected/);
    expect(third.paragraphs.map((p) => p.n)).toEqual([1, 2]);
    expect(third.file).toBe("wire-items.json");
  });

  it("rejects JSON it cannot read, naming the problem", () => {
    expect(parseArticleFile("bad.json", utf8('{ "title": '))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not valid JSON \(/),
    });
    expect(parseArticleFile("none.json", utf8("[]"))).toMatchObject({
      ok: false,
      reason: "no articles in the JSON array",
    });
  });
});

describe("plain text with a sidecar", () => {
  it("lays the sidecar's fields over what the text gives", () => {
    const { meta, warnings } = readSidecar(
      bytes("plain-with-meta.meta.json"),
      "plain-with-meta.meta.json",
    );
    expect(warnings).toEqual([]);
    const a = articlesOf("plain-with-meta.txt", bytes("plain-with-meta.txt"), meta)
      .articles[0] as Article;
    expect(a).toMatchObject({
      title: "Sanctions talk stalls in Brussels",
      outlet: "Brussels Post",
      date: "2019-02-18",
      url: "https://brusselspost.example/sanctions",
      author: "Marie Dupont",
    });
    expect(a.paragraphs).toHaveLength(2);
  });

  it("reports a sidecar that is not JSON, or a date that is not a date", () => {
    expect(readSidecar(utf8("{ outlet: x"), "a.meta.json").warnings[0]).toMatch(
      /^a\.meta\.json is not valid JSON \(.+\); ignored$/,
    );
    const outcome = parseArticleFile(
      "a.txt",
      bytes("plain-with-meta.txt"),
      { date: "someday" },
      { metaName: "a.meta.json" },
    );
    expect(outcome.warnings).toEqual(['a.meta.json: date "someday" is not a date; ignored']);
  });

  it("rejects files of other types", () => {
    expect(parseArticleFile("scan.pdf", utf8("%PDF"))).toMatchObject({
      ok: false,
      reason: "unsupported file type .pdf",
    });
  });
});
