import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";
import { MAX_READABILITY_BLOCKS } from "../../src/corpus/parse-html.ts";

const page = (paragraphs: number) => `<html><head><title>Hearing transcript | The Courier</title>
  <meta property="og:site_name" content="The Courier"></head><body>
  <header><p>The Courier: news you can use every day of the week</p></header>
  <nav><ul><li>Home page of the site</li><li>World news and politics</li></ul></nav>
  <main><h1>Hearing transcript</h1>
  ${Array.from({ length: paragraphs }, (_, i) => `<p>“Line ${i} of the record stands,” Anna Berg said.</p>`).join("\n")}
  <aside><p>Read more stories like this one in our newsletter</p></aside>
  <form><p>Sign in to comment on this story today</p></form></main>
  <footer><p>Copyright The Courier, all rights reserved worldwide</p></footer></body></html>`;

describe("a page of more paragraphs than any article", () => {
  it("is read whole, less its menus, headers, footers, asides and forms, with a warning", () => {
    const n = MAX_READABILITY_BLOCKS + 10;
    const outcome = parseArticleFile("transcript.html", new TextEncoder().encode(page(n)));
    if (!outcome.ok) throw new Error(outcome.reason);
    const [article] = outcome.articles;
    const texts = article?.paragraphs.map((p) => p.text) ?? [];
    expect(texts).toHaveLength(n);
    expect(texts[0]).toBe("“Line 0 of the record stands,” Anna Berg said.");
    expect(texts.at(-1)).toBe(`“Line ${n - 1} of the record stands,” Anna Berg said.`);
    expect(article?.title).toBe("Hearing transcript");
    expect(article?.outlet).toBe("The Courier");
    // The n lines, and four more paragraphs, two list items and a heading around them.
    expect(outcome.warnings).toContain(
      `the page has ${(n + 7).toLocaleString("en-US")} paragraphs and the like, more than 5,000; read whole, less its menus, headers and footers`,
    );
  });

  it("is left to Readability below the limit", () => {
    const outcome = parseArticleFile("short.html", new TextEncoder().encode(page(40)));
    if (!outcome.ok) throw new Error(outcome.reason);
    const texts = outcome.articles[0]?.paragraphs.map((p) => p.text) ?? [];
    expect(texts.filter((t) => t.startsWith("“Line "))).toHaveLength(40);
    expect(texts.join("\n")).not.toMatch(/Copyright|Home page|news you can use/);
    expect(outcome.warnings.join("\n")).not.toContain("read whole");
  });

  it("is read whole, with the reason, when Readability gives up on it", () => {
    // 120,000 stray "<" after a short article: Readability's second try ran past the stack.
    const html = `<html><head><title>Talks</title></head><body><main><p>"The plan is sound," Anna Berg said.</p></main>${"<".repeat(120_000)}</body></html>`;
    const outcome = parseArticleFile("stray.html", new TextEncoder().encode(html));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.articles[0]?.paragraphs.map((p) => p.text)).toEqual([
      '"The plan is sound," Anna Berg said.',
    ]);
    expect(outcome.warnings.join("\n")).toMatch(
      /^Readability could not read the page \(.+\); read whole, less its menus, headers and footers$/m,
    );
  });
});
