import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ARTICLES_PER_FOLDER, CorpusGenerator, speakerPool } from "../../bench/corpus.ts";
import { openGenerator, writeCorpus } from "../../bench/generate-corpus.ts";
import { polnearSource } from "../../bench/polnear-source.ts";
import { mixSeed, Rng } from "../../bench/random.ts";
import { blocksOf, shapeOf } from "../../bench/shape.ts";
import { WEEKDAYS } from "../../bench/vocabulary.ts";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "whosaid-bench-test-"));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of await readdir(dir)) {
    for (const name of await readdir(join(dir, folder))) {
      files.set(`${folder}/${name}`, await readFile(join(dir, folder, name), "utf8"));
    }
  }
  return files;
}

describe("corpus generator (fallback text, no ../shared needed)", () => {
  it("writes the same 20 files for the same seed, and other files for another seed", async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    const first = await openGenerator({ seed: 42, fallback: true });
    expect(first.generator.source.kind).toBe("fallback");
    await writeCorpus(first.generator, { out: a, articles: 20 });
    await writeCorpus((await openGenerator({ seed: 42, fallback: true })).generator, {
      out: b,
      articles: 20,
    });
    await writeCorpus((await openGenerator({ seed: 43, fallback: true })).generator, {
      out: c,
      articles: 20,
    });
    const [filesA, filesB, filesC] = [await filesOf(a), await filesOf(b), await filesOf(c)];
    expect(filesA.size).toBe(20);
    expect(filesB).toEqual(filesA);
    expect([...filesC.values()]).not.toEqual([...filesA.values()]);
    // Any article can be drawn again on its own, identical to its file.
    const again = first.generator.article(13);
    expect(filesA.get(again.file)).toBe(again.text);
  });

  it("writes news-shaped text: title, blank line, paragraphs, quotes with reporting verbs", async () => {
    const { generator } = await openGenerator({ seed: 5, fallback: true });
    const articles = Array.from({ length: 60 }, (_, i) => generator.article(i));
    for (const a of articles) {
      expect(a.text).toMatch(/^[^\n]+\n\n[^\n]/);
      expect(blocksOf(a.text)).toEqual([a.title, ...a.paragraphs]);
      expect(a.paragraphs.length).toBeGreaterThan(0);
    }
    const shape = shapeOf(articles.map((a) => a.text));
    // PolNeAR train: 18.4 paragraphs per article and 39.8 words per paragraph on average.
    expect(shape.paragraphsPerArticle.mean).toBeGreaterThan(12);
    expect(shape.paragraphsPerArticle.mean).toBeLessThan(26);
    expect(shape.wordsPerParagraph.mean).toBeGreaterThan(30);
    expect(shape.wordsPerParagraph.mean).toBeLessThan(55);
    expect(shape.quoted).toBeGreaterThan(0.1);
    expect(shape.reported).toBeGreaterThan(0.2);
    const text = articles.map((a) => a.text).join("\n");
    expect(text).toMatch(/[”"] [A-Z][a-z]+ [A-Z][a-z]+ said\./);
    expect(text).toMatch(/according to/i);
    // Every attributed quote stands in its article under its speaker's name.
    for (const a of articles) {
      for (const q of a.quotes) expect(a.text).toContain(q.speaker);
    }
  });

  it("puts 1,000 articles in each numbered folder", async () => {
    const { generator } = await openGenerator({ seed: 1, fallback: true });
    expect(generator.article(0).file).toMatch(/^000\/000000-[a-z0-9-]+\.txt$/);
    expect(generator.article(ARTICLES_PER_FOLDER - 1).file).toMatch(/^000\/000999/);
    expect(generator.article(ARTICLES_PER_FOLDER).file).toMatch(/^001\/001000/);
  });

  it("adds datelines the corpus parser reads: place, date, outlet", async () => {
    const { generator } = await openGenerator({ seed: 9, fallback: true });
    const dated = Array.from({ length: 40 }, (_, i) => generator.article(i)).filter((a) => a.date);
    expect(dated.length).toBeGreaterThan(5);
    for (const a of dated) {
      expect(a.paragraphs[0]).toMatch(/^[A-Z][A-Z .]+, [A-Z][a-z]+ \d{1,2}, \d{4} \([^)]+\) - /);
      expect(a.paragraphs[0]).toContain(`(${a.outlet})`);
    }
  });
});

describe("recombined source text", () => {
  const texts = [
    "Trump visits Ohio\n\nDonald Trump spoke in Ohio on Monday.\n\nTrump said the plan would work, and Trump repeated it on Wednesday.\n\nDonald Trump left on Thursday.",
    "Clinton answers\n\nHillary Clinton answered on Friday.\n\nClinton said she would not comment.\n\nHillary Clinton flew home on Saturday.",
    // An abstract only: too short to build an article on, so it is left out.
    "Sanders speaks\n\nABSTRACT.",
  ];

  it("finds the people named in full and makes slots of their names and of weekdays", () => {
    const source = polnearSource(texts);
    expect(source.people.map((p) => `${p.first} ${p.last}`).sort()).toEqual([
      "Donald Trump",
      "Hillary Clinton",
    ]);
    const draft = source.draft(new Rng(mixSeed(3, 0)));
    for (const template of draft.paragraphs) {
      expect(template.some((piece) => typeof piece !== "string")).toBe(true);
    }
  });

  it("gives every article at least three body paragraphs", () => {
    const source = polnearSource(texts);
    for (let i = 0; i < 20; i++) {
      const draft = source.draft(new Rng(mixSeed(5, i)));
      expect(draft.paragraphs.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("recasts a person everywhere at once, full name and surname alike", () => {
    const source = polnearSource(texts);
    const generator = new CorpusGenerator(source, speakerPool(3), 3);
    let recast = 0;
    for (let i = 0; i < 40; i++) {
      const article = generator.article(i);
      for (const [first, last] of [
        ["Donald", "Trump"],
        ["Hillary", "Clinton"],
      ] as const) {
        if (new RegExp(`\\b${last}\\b`).test(article.text))
          expect(article.people).toContain(`${first} ${last}`);
      }
      if (article.people.some((p) => p !== "Donald Trump" && p !== "Hillary Clinton")) recast++;
      for (const day of article.text.match(/\b[A-Z][a-z]+day\b/g) ?? [])
        expect(WEEKDAYS).toContain(day);
    }
    expect(recast).toBeGreaterThan(10);
  });
});
