/**
 * Prints attributions for reading by hand: `tsx scripts/speaker-sample.ts <folder> [--n 50]
 * [--seed 1] [--speaker Trump]`. Each with its speaker, mention, evidence and the text before
 * it, so a reader can say whether the words are in the right mouth.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { extractAttributions } from "../src/attribution/extract.ts";
import type { Article, Attribution } from "../src/types.ts";
import { readArticle } from "./lib/articles.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args[0] ?? "../shared/corpora/polnear/train/text";
const n = Number(option("--n") ?? 50);
const speaker = option("--speaker");
let seed = Number(option("--seed") ?? 1);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const all: { article: Article; a: Attribution }[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const article = readArticle(join(dir, file));
  if (!article) continue;
  for (const a of extractAttributions(article).attributions) {
    if (speaker && !(a.speaker ?? "").includes(speaker)) continue;
    all.push({ article, a });
  }
}
const picked = speaker ? all : all.map((x) => ({ x, r: random() })).sort((p, q) => p.r - q.r);
const list = speaker ? all : picked.slice(0, n).map((p) => (p as { x: (typeof all)[number] }).x);
list.forEach(({ article, a }, i) => {
  const before = article.text.slice(Math.max(0, a.evidence.start - 400), a.evidence.start);
  console.log(`\n#${i + 1} ${article.id} ¶${a.paragraph}`);
  console.log(`  speaker: ${a.speaker ?? "(unresolved)"}   mention: ${a.mention?.text ?? "-"}`);
  console.log(`  before: …${before.replace(/\s+/g, " ")}`);
  console.log(`  evidence: ${a.evidence.text.replace(/\s+/g, " ")}`);
});
console.log(`\n${list.length} of ${all.length} attributions`);
