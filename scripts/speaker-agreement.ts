/**
 * How often the resolved speaker agrees with the PolNeAR gold source, where the gold source
 * names someone: `tsx scripts/speaker-agreement.ts <split-dir> [--dump file]`. A prediction
 * matched to a gold attribution agrees when the gold source text holds the speaker's surname,
 * disagrees when it names a person of the article and not the speaker. A proxy for "the right
 * words in the right mouth", which the content and mention scores do not see.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractAttributions } from "../src/attribution/extract.ts";
import { readArticle } from "./lib/articles.ts";
import { contentMatch, readSplit } from "./lib/polnear.ts";

const args = process.argv.slice(2);
const dir = args[0] ?? "../shared/corpora/polnear/dev";
const dumpAt = args.indexOf("--dump");
let agree = 0;
let disagree = 0;
let unresolved = 0;
const rows: string[] = [];
for (const doc of readSplit(dir)) {
  const article = readArticle(join(dir, "text", doc.name), doc.name);
  if (!article) continue;
  const x = extractAttributions(article);
  const surnames = new Set(
    x.entities
      .filter((e) => e.kind === "person")
      .map(
        (e) =>
          e.name
            .split(" ")
            .pop()
            ?.replace(/['’]s?$/u, "") ?? "",
      ),
  );
  for (const p of x.attributions) {
    const g = doc.gold.find((gold) => contentMatch(p.content, gold.content));
    if (!g) continue;
    const source = g.source.map((s) => doc.text.slice(s.start, s.end)).join(" ");
    const named = [...surnames].filter(
      (s) => s.length > 1 && new RegExp(`\\b${s}\\b`, "u").test(source),
    );
    if (named.length === 0) continue;
    if (!p.speaker) {
      unresolved++;
      continue;
    }
    const words = p.speaker.split(" ").map((w) => w.replace(/['’]s?$/u, ""));
    if (words.some((w) => w.length > 1 && source.includes(w))) agree++;
    else {
      disagree++;
      rows.push(`${doc.name}\t${p.speaker}\t<= "${p.mention?.text ?? ""}"\tgold: "${source}"`);
    }
  }
}
const total = agree + disagree;
console.log(`gold sources naming a person: ${total + unresolved}`);
console.log(
  `  speaker agrees ${agree}, disagrees ${disagree} (${((100 * agree) / total).toFixed(1)}%), unresolved ${unresolved}`,
);
if (dumpAt >= 0) writeFileSync(args[dumpAt + 1] as string, `${rows.join("\n")}\n`);
