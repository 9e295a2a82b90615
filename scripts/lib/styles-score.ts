/**
 * Scores whosaid on the styles set (test/fixtures/styles): short articles written in the house
 * styles of outlets the engine was not tuned on (Reuters, TASS, AP, Xinhua, Anadolu, IRNA;
 * business and court stories), each statement with the speaker a careful reader names. Held out:
 * never used to tune a rule, only to see whether the rules carry over.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../../commands/index.ts";
import { extractAttributions } from "../../src/attribution/extract.ts";
import type { Command } from "../../src/command.ts";
import type { Library } from "../../src/library/api.ts";
import { openLibrary } from "../../src/library/open-library.ts";
import type { Attribution } from "../../src/types.ts";
import { readArticle } from "./articles.ts";

export interface StylesGold {
  statements: {
    file: string;
    says: string;
    /** Null: a careful reader could not tell, so the speaker must be left unresolved. */
    speaker: string | null;
    accept?: string[];
    stance?: "allegation" | "denial";
  }[];
  notStatements: { file: string; speaker: string; why: string }[];
  who: { ask: string; speaker: string }[];
  denials: { ask: string; denier: string[] }[];
  notSaid: string[];
}

export interface StylesScore {
  statements: number;
  right: number;
  wrong: number;
  unresolved: number;
  missed: number;
  stance: { right: number; total: number };
  who: { right: number; total: number };
  denials: { right: number; total: number };
  nobody: { right: number; total: number };
  failures: string[];
}

export const STYLES_DIR = new URL("../../test/fixtures/styles/", import.meta.url);

export function readStylesGold(): StylesGold {
  return JSON.parse(readFileSync(new URL("gold.json", STYLES_DIR), "utf8")) as StylesGold;
}

export function stylesArticleFiles(): string[] {
  return readdirSync(new URL("articles/", STYLES_DIR)).filter((f) => f.endsWith(".txt"));
}

const norm = (s: string | null | undefined) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^the\s+/, "")
    .replace(/[.,]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Whether a predicted speaker is the one wanted: the same name, or one of the accepted ones;
 * for a statement a careful reader cannot place, no speaker (or an accepted description).
 */
export function sameSpeaker(
  got: string | null,
  want: string | null,
  accept: string[] = [],
): boolean {
  if (want === null) return got === null || accept.some((a) => norm(got).includes(norm(a)));
  return got !== null && [want, ...accept].some((n) => norm(got) === norm(n));
}

/** Scores the attributions found in each file (by file name) and the answers of `/who`. */
export async function scoreStyles(
  gold: StylesGold,
  found: ReadonlyMap<string, readonly Attribution[]>,
  who: Command,
  library: Library,
): Promise<StylesScore> {
  const failures: string[] = [];
  const score: StylesScore = {
    statements: gold.statements.length,
    right: 0,
    wrong: 0,
    unresolved: 0,
    missed: 0,
    stance: { right: 0, total: 0 },
    who: { right: 0, total: gold.who.length },
    denials: { right: 0, total: gold.denials.length },
    nobody: { right: 0, total: gold.notSaid.length },
    failures,
  };
  for (const s of gold.statements) {
    const words = norm(s.says);
    const a = (found.get(s.file) ?? []).find((x) =>
      norm(x.content.map((c) => c.text).join(" ")).includes(words),
    );
    if (!a) {
      score.missed++;
      failures.push(`missed ${s.file}: "${s.says}" (${s.speaker})`);
      continue;
    }
    if (sameSpeaker(a.speaker, s.speaker, s.accept)) score.right++;
    else if (a.speaker === null) {
      score.unresolved++;
      failures.push(`unresolved ${s.file}: "${s.says}", "${a.mention?.text}" (want ${s.speaker})`);
    } else {
      score.wrong++;
      failures.push(`wrong ${s.file}: "${s.says}" -> ${a.speaker} (want ${s.speaker})`);
    }
    if (s.stance) {
      score.stance.total++;
      if (a.stance === s.stance) score.stance.right++;
      else failures.push(`stance ${s.file}: "${s.says}" -> ${a.stance} (want ${s.stance})`);
    }
  }
  for (const n of gold.notStatements) {
    const last = norm(n.speaker).split(" ").pop() as string;
    if ((found.get(n.file) ?? []).some((a) => norm(a.speaker).includes(last))) {
      score.wrong++;
      failures.push(`not a statement ${n.file}: ${n.speaker} (${n.why})`);
    }
  }
  const ask = async (claim: string) => (await who.run({ claim }, { library })).items;
  const claims = (items: Awaited<ReturnType<typeof ask>>) =>
    items.filter((i) => i.role === undefined || i.role === "claim");
  for (const q of gold.who) {
    const first = claims(await ask(q.ask))[0]?.speaker ?? null;
    if (sameSpeaker(first, q.speaker)) score.who.right++;
    else failures.push(`who "${q.ask}" -> ${first} (want ${q.speaker})`);
  }
  for (const q of gold.denials) {
    const deniers = (await ask(q.ask)).filter((i) => i.role === "denial").map((i) => i.speaker);
    if (deniers.some((d) => q.denier.some((n) => sameSpeaker(d, n)))) score.denials.right++;
    else failures.push(`denial "${q.ask}" -> ${JSON.stringify(deniers)} (want ${q.denier})`);
  }
  for (const claim of gold.notSaid) {
    const made = claims(await ask(claim));
    if (made.length === 0) score.nobody.right++;
    else failures.push(`nobody "${claim}" -> ${made[0]?.speaker ?? "unclear"}`);
  }
  return score;
}

/**
 * The whole set scored as a user meets it: each file's attributions as extraction gives them,
 * and /who over a library of the set, its index kept in a temporary folder.
 */
export async function runStyles(): Promise<StylesScore> {
  const dir = fileURLToPath(new URL("articles/", STYLES_DIR));
  const found = new Map<string, Attribution[]>();
  for (const file of stylesArticleFiles()) {
    const article = readArticle(join(dir, file));
    if (article) found.set(file, extractAttributions(article).attributions);
  }
  const indexDir = mkdtempSync(join(tmpdir(), "whosaid-styles-"));
  const handle = await openLibrary({ dataDir: dir, indexDir, log: () => {} });
  try {
    const who = commands.find((c) => c.name === "who");
    if (!who) throw new Error("no /who command in the registry");
    return await scoreStyles(readStylesGold(), found, who, handle.library);
  } finally {
    await handle.close();
    rmSync(indexDir, { recursive: true, force: true });
  }
}
