/**
 * Audits the corpus-wide speaker registry on a folder of PolNeAR texts (or any .txt folder):
 * `tsx scripts/speaker-audit.ts <split-dir> [--top N] [--json out.json]`. Prints the number of
 * speakers, the top speakers with their aliases, and attributions whose mention names another
 * person than the speaker it was given to.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractAttributions } from "../src/attribution/extract.ts";
import { buildSpeakerRegistry } from "../src/attribution/speakers.ts";
import type { Extraction } from "../src/types.ts";
import { readArticle } from "./lib/articles.ts";

const args = process.argv.slice(2);
const dir = args[0] ?? "../shared/corpora/polnear/train";
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const top = Number(option("--top") ?? 50);
const textDir = join(dir, "text");
const extractions = new Map<string, Extraction>();
for (const file of readdirSync(textDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const article = readArticle(join(textDir, file));
  if (article) extractions.set(article.id, extractAttributions(article));
}
const registry = buildSpeakerRegistry(extractions);
const speakers = [...registry.speakers].sort((a, b) => b.quotes - a.quotes);
console.log(`articles ${extractions.size}, speakers ${speakers.length}`);
console.log(`people ${speakers.filter((s) => s.kind === "person").length}`);
for (const s of speakers.slice(0, top)) {
  console.log(`\n${s.name} [${s.kind}] quotes ${s.quotes} articles ${s.articles}`);
  for (const a of s.aliases) console.log(`    | ${a}`);
}
// Mentions that hold another person's full name than the speaker they were given to.
let crossed = 0;
const lines: string[] = [];
for (const [id, x] of extractions) {
  const people = x.entities.filter((e) => e.kind === "person" && e.name.includes(" "));
  for (const a of x.attributions) {
    if (!a.speaker || !a.mention) continue;
    const mention = a.mention.text;
    const speaker = a.speaker;
    const other = people.find(
      (p) => p.name !== speaker && mention.includes(p.name) && !speaker.includes(p.name),
    );
    if (!other) continue;
    crossed++;
    lines.push(`${id}: "${mention}" -> ${speaker} (names ${other.name})`);
  }
}
console.log(`\nmentions naming another person than their speaker: ${crossed}`);
for (const l of lines.slice(0, Number(option("--crossed") ?? 40))) console.log(`  ${l}`);
// Lone surnames: which full-name speaker each article's lone surname went to, if any.
const idName = new Map(speakers.map((s) => [s.id, s.name]));
const lone: string[] = [];
for (const [id, x] of extractions) {
  const counts = new Map<string, number>();
  for (const a of x.attributions) {
    if (a.speaker && !a.speaker.includes(" "))
      counts.set(a.speaker, (counts.get(a.speaker) ?? 0) + 1);
  }
  for (const [name, n] of counts) {
    const e = x.entities.find((en) => en.name === name);
    if (e?.kind !== "person") continue;
    const to = idName.get(registry.idFor(id, name) ?? "") ?? "?";
    lone.push(
      `${to === name ? "APART" : "MERGED"}\t${name} -> ${to}\t${n}\t${id}\t[${e.aliases.join("; ")}]`,
    );
  }
}
console.log(`\nlone surnames (article, quotes): ${lone.length}`);
for (const l of lone.sort()) console.log(`  ${l}`);
const groups = speakers.filter((s) => / and | & /.test(s.name));
console.log(
  `\ngroup speakers: ${groups.length}, quotes ${groups.reduce((n, s) => n + s.quotes, 0)}`,
);
for (const g of groups.slice(0, 10))
  console.log(`  ${g.name} [${g.kind}] ${g.quotes} | ${g.aliases.join("; ")}`);
const out = option("--json");
if (out) writeFileSync(out, JSON.stringify({ speakers, crossed: lines }, null, 1));
