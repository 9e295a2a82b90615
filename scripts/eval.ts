/**
 * Scores the attribution engine: against the seeds' gold answer key, against PolNeAR (dev by
 * default; `--split train` to tune; `--dump <file>` writes the errors for study), and against
 * the styles set of articles written in house styles the engine was not tuned on. Then it runs
 * the two scorers the project is judged by (`../shared/eval/`) and prints one table of figures
 * beside their targets; `--quick` leaves the official question scorer out (it takes minutes).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.ts";
import { extractAttributions } from "../src/attribution/extract.ts";
import { parseText } from "../src/corpus/parse-text.ts";
import { openLibrary } from "../src/library/open-library.ts";
import type { Article, Attribution } from "../src/types.ts";
import { readArticle } from "./lib/articles.ts";
import {
  emptyTally,
  type NameTally,
  type PolnearTally,
  readSplit,
  scoreDoc,
} from "./lib/polnear.ts";
import { type GoldQuestion, type NotSaid, scoreNotSaid, scoreQuestions } from "./lib/questions.ts";
import { type SeedGold, scoreSeeds } from "./lib/seed-score.ts";
import { runStyles } from "./lib/styles-score.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = fileURLToPath(new URL("../../shared", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

async function seeds(): Promise<void> {
  const goldFile = existsSync(`${shared}/gold/seeds.json`)
    ? `${shared}/gold/seeds.json`
    : `${root}test/fixtures/gold-seeds.json`;
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as SeedGold;
  const dir = `${root}data/articles`;
  const predictions = new Map<string, Attribution[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    const article = readArticle(`${dir}/${file}`);
    if (article) predictions.set(file, extractAttributions(article).attributions);
  }
  const score = scoreSeeds(gold, predictions);
  // The questions go through the commands, as a user asks them, over an index kept out of data/.
  const indexDir = mkdtempSync(join(tmpdir(), "whosaid-eval-"));
  const handle = await openLibrary({ dataDir: `${root}data`, indexDir, log: () => {} });
  const questions = (gold as unknown as { questions: GoldQuestion[] }).questions;
  const answered = await scoreQuestions(questions, commands, handle.library);
  const notSaid = (gold as unknown as { not_said?: NotSaid[] }).not_said ?? [];
  const unsaid = await scoreNotSaid(notSaid, commands, handle.library);
  await handle.close();
  rmSync(indexDir, { recursive: true, force: true });
  const right = answered.filter((r) => r.ok).length;
  console.log("Seeds (gold answer key)");
  console.log(
    table([
      ["attributions found", `${score.found}/${score.total}`, pct(score.found, score.total)],
      ["non-attributions reported", `${score.wrongly}/${score.notTotal}`, ""],
      [
        "questions, right first speaker",
        `${right}/${answered.length}`,
        pct(right, answered.length),
      ],
      [
        "/who lines nobody said, answered with nobody",
        `${unsaid.filter((r) => r.ok).length}/${unsaid.length}`,
        pct(unsaid.filter((r) => r.ok).length, unsaid.length),
      ],
    ]),
  );
  for (const f of score.failures) console.log(`  FAIL ${f}`);
  for (const r of [...answered, ...unsaid]) if (!r.ok) console.log(`  FAIL ${r.ask}: ${r.problem}`);
}

function polnear(): void {
  const split = option("--split") ?? "dev";
  const dir = `${shared}/corpora/polnear/${split}`;
  if (!existsSync(dir)) {
    console.log(`PolNeAR: skipped (${dir} not found)`);
    return;
  }
  const docs = readSplit(dir);
  const tally: PolnearTally = emptyTally();
  const dump: string[] = [];
  for (const doc of docs) {
    const article = toArticle(doc.name, doc.text);
    const predictions = extractAttributions(article).attributions;
    const r = scoreDoc(doc, predictions, tally);
    for (const p of r.falsePositives)
      dump.push(
        `FP\t${doc.name}\t${p.mention?.text ?? "-"}\t${p.cue?.text ?? "-"}\t${p.evidence.text}`,
      );
    for (const g of r.misses) {
      const content = g.content.map((s) => doc.text.slice(s.start, s.end)).join(" … ");
      const src = g.source.map((s) => doc.text.slice(s.start, s.end)).join(" ");
      dump.push(`FN\t${doc.name}\t${src}\t${g.cueText}\t${content}`);
    }
    for (const [tag, list] of [
      ["NAME", r.wrongName],
      ["UNRES", r.unresolvedName],
    ] as const) {
      for (const w of list) {
        const p = w.prediction;
        dump.push(
          `${tag}${w.pronoun ? "-PRON" : ""}\t${doc.name}\t${p.speaker}\t${p.mention?.text ?? "-"}\t${w.source}\t${p.evidence.text}`,
        );
      }
    }
    for (const { prediction, gold } of r.wrongSource) {
      const src = gold.source.map((s) => doc.text.slice(s.start, s.end)).join(" ");
      dump.push(
        `SRC\t${doc.name}\t${prediction.mention?.text}\t${src}\t${prediction.evidence.text}`,
      );
    }
  }
  const t = tally;
  console.log(`\nPolNeAR ${split} (${docs.length} articles, first annotator)`);
  console.log(
    table([
      [
        "content precision",
        `${t.matchedPredictions}/${t.predicted}`,
        pct(t.matchedPredictions, t.predicted),
        ">= 0.90",
      ],
      ["content recall", `${t.matchedGold}/${t.gold}`, pct(t.matchedGold, t.gold), ""],
      [
        "recall, speech cues",
        `${t.matchedSpeechGold}/${t.speechGold}`,
        pct(t.matchedSpeechGold, t.speechGold),
        ">= 0.85",
      ],
      [
        "source accuracy",
        `${t.sourceRight}/${t.withMention}`,
        pct(t.sourceRight, t.withMention),
        ">= 0.90",
      ],
      ["matched without mention", `${t.matchedPredictions - t.withMention}`, "", ""],
    ]),
  );
  console.log("\nSpeaker names of matched predictions (right / wrong / unresolved)");
  console.log(
    table([
      ["gold source names someone", ...nameRow(t.named)],
      ["gold source he/she (nearest named gold source before: approximate)", ...nameRow(t.pronoun)],
    ]),
  );
  const out = option("--dump");
  if (out) writeFileSync(out, `${dump.join("\n")}\n`);
}

function toArticle(name: string, text: string): Article {
  const content = parseText(text);
  return { ...content, id: name.replace(/\.txt$/, ""), file: name, format: "text" };
}

function nameRow(n: NameTally): string[] {
  const all = n.right + n.wrong + n.unresolved;
  return [
    `${n.right} / ${n.wrong} / ${n.unresolved}`,
    `right ${pct(n.right, all)}`,
    `wrong ${pct(n.wrong, all)}`,
    `wrong among resolved ${pct(n.wrong, n.right + n.wrong)}`,
  ];
}

function pct(n: number, d: number): string {
  return d === 0 ? "-" : (n / d).toFixed(3);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) => `  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd())
    .join("\n");
}

/** The styles set: extraction per file, and /who over a library of the set. */
async function styles(): Promise<string[][]> {
  const score = await runStyles();
  console.log(
    "\nStyles set (held out: wire, agency, business and court articles written for whosaid)",
  );
  for (const f of score.failures) console.log(`  ${f}`);
  const n = score.statements;
  return [
    [
      "styles: statements right / wrong / unresolved / missed",
      `${score.right} / ${score.wrong} / ${score.unresolved} / ${score.missed} of ${n}`,
      "0 wrong",
    ],
    ["styles: /who right first speaker", `${score.who.right}/${score.who.total}`, "all"],
    ["styles: /who denials listed", `${score.denials.right}/${score.denials.total}`, "all"],
    [
      "styles: claims nobody made, answered with nobody",
      `${score.nobody.right}/${score.nobody.total}`,
      "all",
    ],
  ];
}

/** The official scorers' closing lines, as rows of the summary beside the issue's targets. */
function official(): string[][] {
  const run = (script: string, extra: string[] = []) => {
    const path = join(shared, "eval", script);
    if (!existsSync(path)) return null;
    const r = spawnSync(process.execPath, [path, ...extra], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    return (r.stdout ?? "").trim().split("\n").at(-1) ?? "";
  };
  const rows: string[][] = [];
  const dev = run("polnear-score.mjs", ["--split", "dev"]);
  const m = dev?.match(
    /P ([\d.]+) .*R\(speech\) ([\d.]+) \((\d+\/\d+)\) source ([\d.]+) named right\/wrong\/unresolved (\d+)\/(\d+)\/(\d+)/,
  );
  if (m) {
    const [right, wrong, unresolved] = [Number(m[5]), Number(m[6]), Number(m[7])];
    const named = right + wrong + unresolved;
    rows.push(
      ["PolNeAR dev: precision", m[1] as string, ">= 0.95"],
      ["PolNeAR dev: recall, statements", `${m[2]} (${m[3]})`, ">= 0.85"],
      ["PolNeAR dev: source accuracy", m[4] as string, ">= 0.94"],
      [
        "PolNeAR dev: named sources unresolved",
        `${unresolved}/${named} = ${pct(unresolved, named)}`,
        "<= 0.05",
      ],
      ["PolNeAR dev: named sources wrong", `${wrong}/${named} = ${pct(wrong, named)}`, "<= 0.02"],
    );
  } else
    rows.push([
      "PolNeAR dev (official scorer)",
      dev === null ? "skipped: ../shared not found" : dev,
      "",
    ]);
  if (!args.includes("--quick")) {
    const q = run("questions-score.mjs");
    const top = q?.match(/top-1 ([\d.]+)/);
    const who = q?.match(/who \d+\/\d+ \(([^)]*)\)/);
    const nobody = q?.match(/nobody (\d+\/\d+) = ([\d.]+)/);
    if (top) {
      rows.push(
        ["dev questions: top-1", top[1] as string, ">= 0.90"],
        ["dev questions: by kind", who?.[1] ?? "-", "denial >= 5/6"],
        [
          "dev questions: claims nobody made, answered with nobody",
          nobody ? `${nobody[1]} = ${nobody[2]}` : "-",
          ">= 0.90",
        ],
      );
    } else if (q !== null) rows.push(["dev questions (official scorer)", q, ""]);
  }
  return rows;
}

await seeds();
polnear();
const summary = [["measure", "now", "target"], ...(await styles()), ...official()];
console.log("\nSummary (the official scorers in ../shared/eval and the styles set)");
console.log(table(summary));
