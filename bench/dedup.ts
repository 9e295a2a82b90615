/**
 * Same-story detection, measured: PolNeAR train articles (read from ../shared at run time, never
 * copied here) each syndicated to one to four outlets (bench/syndicate.ts), mixed with the other
 * train articles, which are distinct stories on the same topics (the 2016 campaign). Every pair
 * of articles is judged; precision and recall of "same story" are reported, with the threshold's
 * margin on both sides and the cost of a sketch.
 *
 *   npx tsx bench/dedup.ts [--bases 200] [--seed 13]
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseText } from "../src/corpus/parse-text.ts";
import { SAME_STORY_CONTAINMENT } from "../src/story/same-story.ts";
import { overlap, type Sketch, sketchText } from "../src/story/sketch.ts";
import { loadPolnearTexts } from "./polnear-source.ts";
import { Rng } from "./random.ts";
import { OUTLETS, syndicate } from "./syndicate.ts";

const { values } = parseArgs({
  options: { bases: { type: "string", default: "200" }, seed: { type: "string", default: "13" } },
});
const textDir = fileURLToPath(new URL("../../shared/corpora/polnear/train/text", import.meta.url));
const texts = await loadPolnearTexts(textDir);
if (!texts) {
  console.log(`bench/dedup: skipped (${textDir} not found)`);
  process.exit(0);
}

interface Doc {
  group: number;
  title: string;
  outlet: string;
  sketch: Sketch;
}

const sources = texts
  .map((text) => parseText(text))
  .map((a) => ({ title: a.title ?? "", paragraphs: a.paragraphs.map((p) => p.text) }))
  .filter((a) => a.paragraphs.length >= 3);
const rng = new Rng(Number(values.seed));
const order = sources.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = rng.int(i + 1);
  [order[i], order[j]] = [order[j] as number, order[i] as number];
}
const bases = Math.min(Number(values.bases), Math.floor(order.length / 2));

const docs: Doc[] = [];
let sketchMs = 0;
let words = 0;
const add = (group: number, title: string, outlet: string, paragraphs: string[]) => {
  const text = paragraphs.join("\n");
  words += text.split(/\s+/).length;
  const started = performance.now();
  const sketch = sketchText(text);
  sketchMs += performance.now() - started;
  docs.push({ group, title, outlet, sketch });
};
order.forEach((index, rank) => {
  const source = sources[index];
  if (!source) return;
  add(rank, source.title, "original", source.paragraphs);
  if (rank >= bases) return;
  const outlets = [...OUTLETS];
  for (let c = rng.between(1, 4); c > 0; c--) {
    const outlet = outlets.splice(rng.int(outlets.length), 1)[0] as string;
    const lender = sources[order[bases + rng.int(order.length - bases)] as number];
    const copy = syndicate(rng, source, outlet, lender?.paragraphs ?? []);
    add(rank, copy.title, outlet, copy.paragraphs);
  }
});

let tp = 0;
let fp = 0;
let fn = 0;
let pairs = 0;
let minPositive = 1;
let maxNegative = 0;
const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7];
const sweep = thresholds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
const misses: string[] = [];
const compareStarted = performance.now();
for (let i = 0; i < docs.length; i++) {
  const a = docs[i] as Doc;
  for (let j = i + 1; j < docs.length; j++) {
    const b = docs[j] as Doc;
    pairs++;
    const { containment } = overlap(a.sketch, b.sketch);
    const truth = a.group === b.group;
    const said = containment >= SAME_STORY_CONTAINMENT;
    if (truth) minPositive = Math.min(minPositive, containment);
    else maxNegative = Math.max(maxNegative, containment);
    if (said && truth) tp++;
    else if (said) fp++;
    else if (truth) fn++;
    if (said !== truth && misses.length < 10) {
      misses.push(
        `${truth ? "missed" : "false "} ${containment.toFixed(2)}  ${a.outlet}: ${a.title.slice(0, 50)} | ${b.outlet}: ${b.title.slice(0, 50)}`,
      );
    }
    thresholds.forEach((t, k) => {
      const s = sweep[k] as { tp: number; fp: number; fn: number };
      const yes = containment >= t;
      if (yes && truth) s.tp++;
      else if (yes) s.fp++;
      else if (truth) s.fn++;
    });
  }
}
const compareMs = performance.now() - compareStarted;
const ratio = (x: number, y: number) => (y === 0 ? 1 : x / y);
const f3 = (n: number) => n.toFixed(3);
const copies = docs.length - order.length;

console.log(
  `Same-story benchmark: ${bases} PolNeAR train articles syndicated as ${copies} copies, ` +
    `mixed with ${order.length - bases} distinct articles on the same topics (${docs.length} articles, ${pairs.toLocaleString("en")} pairs, seed ${values.seed}).`,
);
console.log("");
console.log("| measure | result | target |");
console.log("| --- | --- | --- |");
console.log(
  `| precision of "same story" (containment ≥ ${SAME_STORY_CONTAINMENT}) | ${tp}/${tp + fp} = ${f3(ratio(tp, tp + fp))} | ≥ 0.97 |`,
);
console.log(`| recall of "same story" | ${tp}/${tp + fn} = ${f3(ratio(tp, tp + fn))} | ≥ 0.97 |`);
console.log(`| lowest containment of a true copy | ${f3(minPositive)} | |`);
console.log(`| highest containment of two distinct stories | ${f3(maxNegative)} | |`);
console.log(
  `| sketch of one article (5-word shingles, bottom-128 MinHash) | ${(sketchMs / docs.length).toFixed(3)} ms (${Math.round(words / docs.length)} words) | |`,
);
console.log(`| one comparison of two sketches | ${((compareMs / pairs) * 1000).toFixed(2)} µs | |`);
console.log("");
console.log(
  `Threshold sweep (precision / recall): ${thresholds
    .map((t, k) => {
      const s = sweep[k] as { tp: number; fp: number; fn: number };
      return `${t}: ${f3(ratio(s.tp, s.tp + s.fp))} / ${f3(ratio(s.tp, s.tp + s.fn))}`;
    })
    .join(" · ")}`,
);
if (misses.length) console.log(`\nFirst misses:\n${misses.join("\n")}`);
