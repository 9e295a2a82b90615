/**
 * Checks /who on claims made from PolNeAR train articles (not the dev set the thresholds were
 * set on): for statements whose speaker whosaid resolves, asks
 *   "Who said <content>?"              right when the first claim names that speaker;
 *   "<surname> said <content>"          right when it is a claim;
 *   "<another speaker> said <content>"  right when nobody is named (a speaker swap);
 *   "<surname> said <content, negated>" right when nobody is named (a polarity flip).
 *
 *   npx tsx scripts/who-synthetic.ts [--split train] [--articles 60]
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.ts";
import { quoteText } from "../src/answer/present.ts";
import { openLibrary } from "../src/library/open-library.ts";
import { runLine } from "../src/surfaces/run-line.ts";

const shared = fileURLToPath(new URL("../../shared", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const textDir = `${shared}/corpora/polnear/${option("--split", "train")}/text`;
const files = readdirSync(textDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .slice(0, Number(option("--articles", "60")));
const dir = mkdtempSync(join(tmpdir(), "who-synthetic-"));
mkdirSync(join(dir, "articles"));
for (const f of files) copyFileSync(join(textDir, f), join(dir, "articles", f));
const handle = await openLibrary({ dataDir: dir, log: () => {} });
const library = handle.library;

const AUX = /\b(is|are|was|were|will|would|can|could|should|has|have|had|does|did|do)\b/;
/** The content with its first negation dropped, or one added after its first auxiliary. */
function negated(text: string): string | null {
  if (/\bnot\b/.test(text)) return text.replace(/\bnot\s+/, "");
  if (/n't\b/.test(text)) return null;
  return AUX.test(text) ? text.replace(AUX, "$1 not") : null;
}
const surname = (name: string) => name.split(/\s+/).pop() ?? name;

const tally = new Map<string, { right: number; n: number }>();
const misses: string[] = [];
async function trial(kind: string, line: string, ok: (claims: (string | null)[]) => boolean) {
  const answer = await runLine(`/who claim:${line}`, commands, library, () => {});
  const claims = answer.items.filter((i) => i.role === "claim").map((i) => i.speaker);
  const t = tally.get(kind) ?? { right: 0, n: 0 };
  t.n++;
  if (ok(claims)) t.right++;
  else misses.push(`${kind}: ${line.slice(0, 120)} -> ${claims[0] ?? "nobody"}`);
  tally.set(kind, t);
}

for (const f of files) {
  const statements = library
    .statementsIn(f.replace(/\.txt$/, ""))
    .filter((h) => h.speaker && h.attribution.type !== "direct")
    .filter((h) => quoteText(h.attribution).split(/\s+/).length >= 8);
  const speakers = [...new Set(statements.map((h) => h.speaker?.name as string))];
  for (const h of statements.slice(0, 3)) {
    const name = h.speaker?.name as string;
    const content = quoteText(h.attribution);
    await trial("who said", `Who said ${content}?`, (c) => c[0] === name);
    await trial("named", `${surname(name)} said ${content}`, (c) => c.includes(name));
    const other = speakers.find((s) => s !== name && surname(s) !== surname(name));
    if (other) await trial("swap", `${surname(other)} said ${content}`, (c) => !c.includes(other));
    const flipped = negated(content);
    if (flipped) await trial("negated", `${surname(name)} said ${flipped}`, (c) => c.length === 0);
  }
}
await handle.close();
rmSync(dir, { recursive: true, force: true });
if (args.includes("--misses")) for (const m of misses) console.log(m);
console.log([...tally].map(([k, v]) => `${k} ${v.right}/${v.n}`).join(", "));
