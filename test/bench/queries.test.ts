import { describe, expect, it } from "vitest";
import { openGenerator } from "../../bench/generate-corpus.ts";
import { COMMAND_OF, makeQueries, misspell, type QueryKind } from "../../bench/queries.ts";
import { Rng } from "../../bench/random.ts";

async function sample() {
  const { generator } = await openGenerator({ seed: 11, fallback: true });
  return Array.from({ length: 80 }, (_, i) => generator.article(i));
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

describe("benchmark queries", () => {
  it("draws at least the count asked, every kind, the same for the same seed", async () => {
    const articles = await sample();
    const queries = makeQueries(articles, { seed: 1, count: 1000 });
    expect(queries.length).toBeGreaterThanOrEqual(1000);
    const kinds = new Set(queries.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(Object.keys(COMMAND_OF).sort());
    for (const q of queries) expect(q.command).toBe(COMMAND_OF[q.kind]);
    expect(makeQueries(articles, { seed: 1, count: 1000 })).toEqual(queries);
    expect(makeQueries(articles, { seed: 2, count: 1000 })).not.toEqual(queries);
  });

  it("makes each kind the way users type it", async () => {
    const articles = await sample();
    const text = articles
      .map((a) => a.text)
      .join("\n")
      .toLowerCase();
    const names = new Set(
      articles.flatMap((a) => [...a.people, ...a.quotes.map((q) => q.speaker)]),
    );
    const of = (kind: QueryKind) =>
      makeQueries(articles, { seed: 3, count: 1000 })
        .filter((q) => q.kind === kind)
        .map((q) => q.text);
    for (const q of of("words")) {
      expect(q.split(" ").length).toBeLessThanOrEqual(4);
      for (const w of q.split(" ")) expect(text).toContain(w);
    }
    for (const q of [...of("pasted"), ...of("source")]) {
      const n = q.split(" ").length;
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(60);
      expect(articles.some((a) => a.text.includes(q))).toBe(true);
    }
    for (const q of of("prefix")) {
      expect(q.length).toBeGreaterThanOrEqual(2);
      expect(q.length).toBeLessThanOrEqual(5);
      expect(
        [...names].some((n) =>
          n
            .toLowerCase()
            .split(" ")
            .some((part) => part.startsWith(q.toLowerCase())),
        ),
      ).toBe(true);
    }
    for (const q of of("speaker")) {
      expect([...names].some((n) => n.toLowerCase().includes(q.toLowerCase()))).toBe(true);
    }
    for (const q of of("who")) expect(q).toMatch(/^who said \S+( \S+){3,9}$/);
  });

  it("misspells with exactly one edit", () => {
    const rng = new Rng(4);
    for (const word of ["election", "campaign", "intelligence", "peskov", "kremlin"]) {
      for (let i = 0; i < 20; i++) expect(levenshtein(word, misspell(rng, word))).toBe(1);
    }
  });
});
