import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readArticle } from "../../scripts/lib/articles.ts";
import { scoreSeeds } from "../../scripts/lib/seed-score.ts";
import { extractAttributions } from "../../src/attribution/extract.ts";
import { buildSpeakerRegistry } from "../../src/attribution/speakers.ts";
import type { Attribution, Extraction } from "../../src/types.ts";
import { gold } from "../helpers/gold.ts";

const dir = fileURLToPath(new URL("../../data/articles", import.meta.url));
const extractions = new Map<string, Extraction>();
const byFile = new Map<string, Attribution[]>();
for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
  const article = readArticle(`${dir}/${file}`, file);
  if (!article) throw new Error(`seed ${file} did not parse`);
  const extraction = extractAttributions(article);
  extractions.set(article.id, extraction);
  byFile.set(file, extraction.attributions);
}

describe("the seed articles against the gold answer key", () => {
  it("finds every gold attribution with its speaker, type and stance, and no non-attribution", () => {
    const score = scoreSeeds(gold, byFile);
    expect(score.failures).toEqual([]);
    expect(score.found).toBe(score.total);
    expect(score.total).toBe(24);
    expect(score.wrongly).toBe(0);
  });

  it("gives every gold entity its roles as aliases, across both seeds", () => {
    const registry = buildSpeakerRegistry(extractions);
    const peskov = registry.speakers.find((s) => s.name === "Dmitry Peskov");
    expect(peskov?.articles).toBe(2);
    expect(peskov?.aliases).toEqual(
      // The caption is no attribution, but it names his post.
      expect.arrayContaining([
        "Peskov",
        "Kremlin spokesman",
        "Russian presidential spokesman",
        "Russia's Presidential Press Secretary",
        "senior Russian official",
      ]),
    );
    const parker = registry.speakers.find((s) => s.name === "Andrew Parker");
    expect(parker?.aliases).toEqual(
      expect.arrayContaining(["Parker", "MI5 head", "MI5 chief", "director general of the MI5"]),
    );
    expect(registry.speakers.filter((s) => /peskov/i.test(s.name))).toHaveLength(1);
  });

  it("points every span back at the article text", () => {
    for (const [file, list] of byFile) {
      const text = readArticle(`${dir}/${file}`, file)?.text ?? "";
      for (const a of list) {
        for (const s of [a.mention, a.cue, a.evidence, ...a.content]) {
          if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
        }
      }
    }
  });
});
