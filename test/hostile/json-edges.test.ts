import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";
import { MAX_JSON_DEPTH, MAX_JSON_ITEMS } from "../../src/corpus/parse-json.ts";

const item = (i: number) => ({
  title: `Item ${i}`,
  text: `"All is well," Anna Berg said of plan ${i}.`,
});
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("JSON files built to overwhelm", () => {
  it("reads 1,000 articles among a million non-objects, with a few warnings, not a stack overflow", () => {
    const items: unknown[] = Array.from({ length: 1000 }, (_, i) => item(i));
    for (let i = 0; i < 1_000_000; i++) items.push(i);
    const outcome = parseArticleFile("mixed.json", encode(items));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.articles).toHaveLength(1000);
    expect(outcome.warnings.length).toBeLessThan(10);
    expect(outcome.warnings[0]).toBe(
      `the file holds 1,001,000 items; only the first ${MAX_JSON_ITEMS.toLocaleString("en-US")} are read (split it into smaller files)`,
    );
    expect(outcome.warnings.at(-1)).toMatch(/^[\d,]+ more items skipped or warned of$/);
  });

  it("names the first few bad items and counts the rest", () => {
    const items: unknown[] = [item(0), ...Array.from({ length: 500 }, () => "x")];
    const outcome = parseArticleFile("bad.json", encode(items));
    expect(outcome.warnings).toEqual([
      "item 2 is not an object; skipped",
      "item 3 is not an object; skipped",
      "item 4 is not an object; skipped",
      "item 5 is not an object; skipped",
      "item 6 is not an object; skipped",
      "item 7 is not an object; skipped",
      "494 more items skipped or warned of",
    ]);
  });

  it("refuses JSON nested deeper than the limit, with the reason, and reads an article at the limit", () => {
    const deep = `${"[".repeat(500_000)}${"]".repeat(500_000)}`;
    expect(parseArticleFile("deep.json", new TextEncoder().encode(deep))).toMatchObject({
      ok: false,
      reason: `nested deeper than ${MAX_JSON_DEPTH} levels (an article file needs 3); not read`,
    });
    // Brackets in strings are text, after an escaped quote too; an article at the limit is read.
    const nested = (depth: number) =>
      `[{"text":${JSON.stringify(item(0).text)},"note":"\\"[[[[","extra":${"[".repeat(depth - 2)}${"]".repeat(depth - 2)}}]`;
    expect(JSON.parse(nested(4))[0].note).toBe('"[[[[');
    const read = (depth: number) =>
      parseArticleFile("nested.json", new TextEncoder().encode(nested(depth))).ok;
    expect(read(MAX_JSON_DEPTH)).toBe(true);
    expect(read(MAX_JSON_DEPTH + 1)).toBe(false);
  });

  it("reads at most the first 10,000 of 150,000 tiny articles, quickly", () => {
    const tiny = Array.from({ length: 150_000 }, (_, i) => ({ text: `x${i} said y.` }));
    const started = performance.now();
    const outcome = parseArticleFile("tiny.json", encode(tiny));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcome.ok && outcome.articles.length).toBe(MAX_JSON_ITEMS);
  });
});
