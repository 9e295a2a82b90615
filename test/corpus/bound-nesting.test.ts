import { describe, expect, it } from "vitest";
import { boundNesting, MAX_HTML_DEPTH } from "../../src/corpus/bound-nesting.ts";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";

const SAID =
  '<p>"The plan is sound and it will go ahead in the spring," Anna Berg, the minister, said on Monday.</p>';

function nested(depth: number, inner = SAID + SAID): string {
  return `<html><head><title>Plan</title></head><body>${"<div>".repeat(depth)}${inner}${"</div>".repeat(depth)}</body></html>`;
}

/** The depth of the deepest element, counted as the tags open and close. */
function depthOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, close] of html.matchAll(/<(\/?)(?:div|p)\b[^>]*>/g)) {
    depth += close ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe("boundNesting", () => {
  it("leaves a page that nests no deeper than the limit as it was", () => {
    const page = nested(40);
    expect(boundNesting(page)).toEqual({ html: page, cut: 0 });
  });

  it("drops the tags below the limit and keeps their text", () => {
    const { html, cut } = boundNesting(nested(500));
    expect(cut).toBeGreaterThan(0);
    expect(depthOf(html)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    expect(html).toContain("Anna Berg, the minister, said on Monday.");
  });

  it("counts implied closes as an HTML parser does: unclosed <p> and <li> do not nest", () => {
    const page = `<body>${"<p>line ".repeat(5000)}<ul>${"<li>item ".repeat(5000)}</ul></body>`;
    expect(boundNesting(page).cut).toBe(0);
  });

  it("sees no tags in a script, and does not let a self-closing <div/> escape the count", () => {
    const script = `<script>${"<div>".repeat(500)}</script><p>text</p>`;
    expect(boundNesting(script).cut).toBe(0);
    expect(boundNesting(`<body>${"<div/>".repeat(500)}</body>`).cut).toBeGreaterThan(0);
  });

  it("takes linear time on deep nesting", () => {
    const started = performance.now();
    boundNesting(nested(100_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("an HTML file nested thousands deep", () => {
  it("is read in seconds, not minutes, its text kept, with a warning", () => {
    // 2,000 nested divs took Readability 143 s; 50,000 overflowed the stack.
    for (const depth of [2000, 50_000]) {
      const started = performance.now();
      const outcome = parseArticleFile("deep.html", new TextEncoder().encode(nested(depth)));
      expect(performance.now() - started).toBeLessThan(5000);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(outcome.articles[0]?.text).toContain(
        '"The plan is sound and it will go ahead in the spring," Anna Berg, the minister, said on Monday.',
      );
      expect(outcome.warnings).toContain(
        `elements nest deeper than ${MAX_HTML_DEPTH}; the tags below that depth were dropped, their text kept`,
      );
    }
  });
});
