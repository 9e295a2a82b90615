/**
 * Asks a question set's `/who` lines in-process, as ../shared/eval/questions-score.mjs does
 * through the CLI, but in seconds: for tuning the claim check. Scored the same way: a `none`
 * line is right when no item has the role "claim"; any other is right when the first claim
 * item names the expected speaker.
 *
 *   npx tsx scripts/who-questions.ts [--set FILE] [--dir TEXTDIR] [--show]
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.ts";
import { checkClaim } from "../src/claims/check.ts";
import { openLibrary } from "../src/library/open-library.ts";
import { parseClaim } from "../src/search/question.ts";
import { runLine } from "../src/surfaces/run-line.ts";

const shared = fileURLToPath(new URL("../../shared", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const setFile = option("--set", `${shared}/gold/polnear-dev-questions.json`);
const textDir = option("--dir", `${shared}/corpora/polnear/dev/text`);
const show = args.includes("--show");
/** With --why, each statement looked at: its coverage, role and what did not match. */
const why = args.includes("--why");

interface WhoQuestion {
  article: string;
  ask: string;
  speaker: string | null;
  accept?: string[];
  kind: string;
}
const set = JSON.parse(readFileSync(setFile, "utf8")) as { articles: string[]; who: WhoQuestion[] };
const dir = mkdtempSync(join(tmpdir(), "who-questions-"));
mkdirSync(join(dir, "articles"));
const texts = new Map<string, string>();
for (const a of set.articles) {
  copyFileSync(join(textDir, a), join(dir, "articles", a));
  texts.set(a, readFileSync(join(textDir, a), "utf8"));
}
const handle = await openLibrary({ dataDir: dir, log: () => {} });
const norm = (s: string | null | undefined) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[.,]/g, "")
    .replace(/\s+/g, " ")
    .trim();
const kinds = new Map<string, { right: number; n: number }>();
for (const q of set.who) {
  const ask = q.ask.replace(/\{\{(\d+):(\d+)\}\}/g, (_, x, y) =>
    (texts.get(q.article) ?? "").slice(Number(x), Number(y)),
  );
  const answer = await runLine(`/who claim:${ask}`, commands, handle.library, () => {});
  const claims = answer.items.filter((i) => i.role === "claim");
  const got = claims[0]?.speaker ?? null;
  const ok =
    q.kind === "none"
      ? claims.length === 0
      : [q.speaker, ...(q.accept ?? [])].some((n) => norm(n) === norm(got));
  const k = kinds.get(q.kind) ?? { right: 0, n: 0 };
  k.n++;
  if (ok) k.right++;
  kinds.set(q.kind, k);
  if (!ok || show) {
    console.log(`${ok ? "ok  " : "MISS"} [${q.kind}] ${ask.slice(0, 110)}`);
    console.log(`     want ${q.speaker ?? "nobody"}; ${answer.heading}`);
    if (answer.notice) console.log(`     note: ${answer.notice.slice(0, 200)}`);
    for (const i of answer.items.slice(0, show ? 6 : 3))
      console.log(`     - ${i.role} ${i.speaker}: ${i.text.slice(0, 100)}`);
    if (why) {
      const wanted = (n: string | null | undefined) =>
        q.kind === "none" || [q.speaker, ...(q.accept ?? [])].some((s) => norm(s) === norm(n));
      for (const c of checkClaim(parseClaim(ask), handle.library).checked) {
        if (!wanted(c.hit.speaker?.name) && c.role !== "claim") continue;
        console.log(
          `       ${c.alignment.coverage.toFixed(2)}/${c.alignment.predicate.toFixed(2)} ${c.role ?? "-"} ${c.hit.speaker?.name}: ${c.why ?? ""} | ${c.hit.attribution.content
            .map((x) => x.text)
            .join(" … ")
            .slice(0, 70)}`,
        );
      }
    }
  }
}
await handle.close();
rmSync(dir, { recursive: true, force: true });
console.log([...kinds].map(([k, v]) => `${k} ${v.right}/${v.n}`).join(", "));
