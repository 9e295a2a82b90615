import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  GROUP_NOUNS,
  NOT_NAME_ADJECTIVES,
  NOT_NAME_LEADS,
  NOT_NAMES,
  ROLE_NOUNS,
  TITLES,
} from "../../src/attribution/lexicon.ts";
import { isSpeechForm } from "../../src/attribution/speech-verbs.ts";
import type { Attribution, Span } from "../../src/types.ts";

/** One gold attribution of PolNeAR, with spans as JavaScript string offsets. */
export interface GoldAttribution {
  source: Span[];
  cue: Span[];
  content: Span[];
  cueText: string;
}

export interface PolnearDoc {
  name: string;
  text: string;
  gold: GoldAttribution[];
}

/** Maps code-point offsets (brat) to UTF-16 offsets (JavaScript strings). */
function codePointMap(text: string): number[] {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return map;
}

/** Parses brat standoff: T lines (possibly discontinuous) linked by E lines. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const map = codePointMap(text);
  const at = (cp: number) => map[Math.min(cp, map.length - 1)] as number;
  const spans = new Map<string, { label: string; spans: Span[] }>();
  const events: string[][] = [];
  for (const line of ann.split("\n")) {
    const cols = line.split("\t");
    const id = cols[0] ?? "";
    if (id.startsWith("T") && cols[1]) {
      const [label, ...rest] = cols[1].split(" ");
      const ranges = rest
        .join(" ")
        .split(";")
        .map((r) => r.trim().split(" ").map(Number))
        .filter((r) => r.length === 2 && r.every(Number.isFinite))
        .map(([s, e]) => ({ start: at(s as number), end: at(e as number) }));
      spans.set(id, { label: label ?? "", spans: ranges });
    } else if (id.startsWith("E") && cols[1]) {
      events.push(cols[1].split(" "));
    }
  }
  const out: GoldAttribution[] = [];
  for (const args of events) {
    const g: GoldAttribution = { source: [], cue: [], content: [], cueText: "" };
    for (const arg of args) {
      const [role, ref] = arg.split(":");
      const t = ref ? spans.get(ref) : undefined;
      if (!t) continue;
      if (role === "Source") g.source.push(...t.spans);
      else if (role === "Cue") g.cue.push(...t.spans);
      else if (role === "Content") g.content.push(...t.spans);
    }
    g.cueText = g.cue.map((s) => text.slice(s.start, s.end)).join(" ");
    if (g.content.length > 0) out.push(g);
  }
  return out;
}

/** The documents of one split, each with the first annotator's file in sorted order. */
export function readSplit(dir: string): PolnearDoc[] {
  const annFiles = readdirSync(join(dir, "attributions")).sort();
  const docs: PolnearDoc[] = [];
  for (const file of readdirSync(join(dir, "text")).sort()) {
    const stem = file.replace(/\.txt$/, "");
    const ann = annFiles.find((a) => a.startsWith(`${stem}_`) && a.endsWith(".ann"));
    if (!ann) continue;
    const text = readFileSync(join(dir, "text", file), "utf8");
    docs.push({
      name: file,
      text,
      gold: parseAnn(readFileSync(join(dir, "attributions", ann), "utf8"), text),
    });
  }
  return docs;
}

/** Whether a cue is a verb of speech (any verb of the speech-verb table, or "according to"). */
export function isSpeechCue(cue: string): boolean {
  const lower = cue.toLowerCase();
  if (lower.includes("according to")) return true;
  return lower.split(/[^\p{L}-]+/u).some(isSpeechForm);
}

function length(spans: Span[]): number {
  return spans.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
}

function overlap(a: Span[], b: Span[]): number {
  let n = 0;
  for (const x of a)
    for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

/** Content spans match when they overlap by at least half of the shorter. */
export function contentMatch(a: Span[], b: Span[]): boolean {
  const shorter = Math.min(length(a), length(b));
  return shorter > 0 && overlap(a, b) >= shorter / 2;
}

export interface PolnearTally {
  predicted: number;
  matchedPredictions: number;
  gold: number;
  matchedGold: number;
  speechGold: number;
  matchedSpeechGold: number;
  /** Matched predictions that show a mention, and those whose mention overlaps the gold source. */
  withMention: number;
  sourceRight: number;
  /** Speaker names of matched predictions whose gold source names someone. */
  named: NameTally;
  /** The same for gold sources that are "he"/"she", read as the nearest named gold source before. */
  pronoun: NameTally;
}

/** Right: the predicted speaker's surname stands in the gold source; unresolved: speaker null. */
export interface NameTally {
  right: number;
  wrong: number;
  unresolved: number;
}

export function emptyTally(): PolnearTally {
  return {
    predicted: 0,
    matchedPredictions: 0,
    gold: 0,
    matchedGold: 0,
    speechGold: 0,
    matchedSpeechGold: 0,
    withMention: 0,
    sourceRight: 0,
    named: { right: 0, wrong: 0, unresolved: 0 },
    pronoun: { right: 0, wrong: 0, unresolved: 0 },
  };
}

export interface DocResult {
  /** Predictions that match no gold attribution. */
  falsePositives: Attribution[];
  /** Gold attributions no prediction matches. */
  misses: GoldAttribution[];
  /** Matched predictions whose mention misses the gold source. */
  wrongSource: { prediction: Attribution; gold: GoldAttribution }[];
  /** Matched predictions given a speaker whose surname the gold source (or antecedent) lacks. */
  wrongName: NameCase[];
  /** Matched predictions left without a speaker where the gold source names someone. */
  unresolvedName: NameCase[];
}

export interface NameCase {
  prediction: Attribution;
  /** The gold source, or for "he"/"she" the named gold source taken as its antecedent. */
  source: string;
  pronoun: boolean;
}

/** Scores one document's predictions into the tally. */
export function scoreDoc(
  doc: PolnearDoc,
  predictions: Attribution[],
  tally: PolnearTally,
): DocResult {
  const result: DocResult = {
    falsePositives: [],
    misses: [],
    wrongSource: [],
    wrongName: [],
    unresolvedName: [],
  };
  const matchedGold = new Set<GoldAttribution>();
  for (const p of predictions) {
    tally.predicted++;
    const matches = doc.gold.filter((g) => contentMatch(p.content, g.content));
    if (matches.length === 0) {
      result.falsePositives.push(p);
      continue;
    }
    tally.matchedPredictions++;
    for (const g of matches) matchedGold.add(g);
    checkName(doc, p, best(p, matches), tally, result);
    if (!p.mention) continue;
    tally.withMention++;
    const mention = p.mention;
    const right = matches.some((g) => overlap([mention], g.source) > 0);
    if (right) tally.sourceRight++;
    else result.wrongSource.push({ prediction: p, gold: matches[0] as GoldAttribution });
  }
  for (const g of doc.gold) {
    const speech = isSpeechCue(g.cueText);
    tally.gold++;
    if (speech) tally.speechGold++;
    if (matchedGold.has(g)) {
      tally.matchedGold++;
      if (speech) tally.matchedSpeechGold++;
    } else result.misses.push(g);
  }
  return result;
}

function best(p: Attribution, matches: GoldAttribution[]): GoldAttribution {
  let top = matches[0] as GoldAttribution;
  for (const g of matches)
    if (overlap(p.content, g.content) > overlap(p.content, top.content)) top = g;
  return top;
}

/**
 * Capitalised words that are not titles, roles, groups, function words or adjectives: the
 * name words ("Aides", "Critics", "American" name nobody).
 */
const NOT_NAME_WORDS = new Set([
  ...NOT_NAMES,
  ...TITLES,
  ...ROLE_NOUNS,
  ...GROUP_NOUNS,
  ...NOT_NAME_LEADS,
  ...NOT_NAME_ADJECTIVES,
  ..."gop other others many some most several political".split(" "),
]);

function nameWords(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s?$|\.$/u, ""))
    .filter((w) => /^\p{Lu}/u.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase()));
}

const sourceText = (doc: PolnearDoc, g: GoldAttribution) =>
  g.source.map((s) => doc.text.slice(s.start, s.end)).join(" ");

const PERSONAL = new Set(["he", "she"]);

/**
 * The speaker-NAME check. A gold source that names someone is the reference; a gold source that
 * is "he"/"she" stands for the nearest gold source before it, when that one names someone (an
 * approximation: PolNeAR does not link pronouns to antecedents). Other sources (descriptions,
 * "they", "it") are not scored.
 */
function checkName(
  doc: PolnearDoc,
  p: Attribution,
  g: GoldAttribution,
  tally: PolnearTally,
  result: DocResult,
): void {
  const text = sourceText(doc, g).trim();
  let reference = text;
  let bucket: NameTally | null = null;
  if (PERSONAL.has(text.toLowerCase())) {
    // The nearest gold source before that is not itself "he"/"she"; a description there
    // ("the Wisconsin Republican") leaves the pronoun unscored.
    const at = g.source[0]?.start ?? 0;
    let antecedent: GoldAttribution | null = null;
    for (const other of doc.gold) {
      const start = other.source[0]?.start ?? -1;
      if (start < 0 || start >= at || PERSONAL.has(sourceText(doc, other).trim().toLowerCase()))
        continue;
      if (!antecedent || start > (antecedent.source[0]?.start ?? -1)) antecedent = other;
    }
    if (!antecedent || nameWords(sourceText(doc, antecedent)).length === 0) return;
    reference = sourceText(doc, antecedent);
    bucket = tally.pronoun;
  } else if (nameWords(text).length > 0) bucket = tally.named;
  if (!bucket) return;
  if (!p.speaker) {
    bucket.unresolved++;
    result.unresolvedName.push({
      prediction: p,
      source: reference,
      pronoun: bucket === tally.pronoun,
    });
    return;
  }
  const words = new Set(nameWords(reference).map((w) => w.toLowerCase()));
  const surname = nameWords(p.speaker).pop()?.toLowerCase() ?? p.speaker.toLowerCase();
  if (words.has(surname)) bucket.right++;
  else {
    bucket.wrong++;
    result.wrongName.push({ prediction: p, source: reference, pronoun: bucket === tally.pronoun });
  }
}
