import { foldName } from "../text/fold.ts";

/**
 * Word alignment: lines up a short text with the stretch of a longer one it most nearly
 * repeats, and says how the two differ word by word. Find source uses it to tell a quote copied
 * exactly from one reworded, or turned around by a dropped "not".
 */

/** A word of a text, where it stands, and the form words are compared in. */
export interface Word {
  raw: string;
  norm: string;
  start: number;
  end: number;
}

export interface Alignment {
  /** Words of the short text found, in order, in the stretch. */
  matches: number;
  /** How many words of the long text the stretch spans. */
  window: number;
  /** Offsets of the stretch in the long text. */
  start: number;
  end: number;
  /** Word diff, long → short: `[-removed-]` and `{+added+}`, long same stretches cut. */
  diff: string;
  /** A negation ("not", "cannot", "never" …) is added, dropped or swapped in the short text. */
  negationChanged: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘\-‐][\p{L}\p{N}]+)*/gu;

/** The words of a text, in order; punctuation and marks between them are not words. */
export function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    raw: m[0],
    norm: foldName(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

type Edit = { kind: "same" | "sub" | "add" | "del"; from?: Word; to?: Word };

/**
 * Lines `wanted` up with a stretch of `text`: the fewest word edits, with the stretch free to
 * start and end anywhere in `text` (semi-global edit distance). Null when either is empty.
 */
export function align(wanted: Word[], text: Word[]): Alignment | null {
  const n = wanted.length;
  const m = text.length;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const cost = new Int32Array((n + 1) * width);
  for (let i = 1; i <= n; i++) cost[i * width] = i;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = wanted[i - 1]?.norm === text[j - 1]?.norm;
      const diagonal = (cost[(i - 1) * width + j - 1] ?? 0) + (same ? 0 : 1);
      const skipWanted = (cost[(i - 1) * width + j] ?? 0) + 1;
      const skipText = (cost[i * width + j - 1] ?? 0) + 1;
      cost[i * width + j] = Math.min(diagonal, skipWanted, skipText);
    }
  }
  let endJ = 1;
  for (let j = 1; j <= m; j++) {
    if ((cost[n * width + j] ?? 0) < (cost[n * width + endJ] ?? 0)) endJ = j;
  }
  // Walk back to recover the edits, newest first.
  const edits: Edit[] = [];
  let i = n;
  let j = endJ;
  while (i > 0) {
    const here = cost[i * width + j] ?? 0;
    const from = text[j - 1];
    const to = wanted[i - 1];
    if (j > 0 && from && to) {
      const same = to.norm === from.norm;
      if (here === (cost[(i - 1) * width + j - 1] ?? 0) + (same ? 0 : 1)) {
        edits.push({ kind: same ? "same" : "sub", from, to });
        i--;
        j--;
        continue;
      }
      if (here === (cost[i * width + j - 1] ?? 0) + 1) {
        edits.push({ kind: "del", from });
        j--;
        continue;
      }
    }
    edits.push({ kind: "add", to });
    i--;
  }
  edits.reverse();
  const inText = edits.filter((e) => e.from).map((e) => e.from as Word);
  const first = inText[0];
  const last = inText.at(-1);
  if (!first || !last) return null;
  return {
    matches: edits.filter((e) => e.kind === "same").length,
    window: inText.length,
    start: first.start,
    end: last.end,
    diff: wordDiff(edits),
    negationChanged: edits.some(
      (e) => e.kind !== "same" && isNegation(e.from?.norm) !== isNegation(e.to?.norm),
    ),
  };
}

const NEGATION = /^(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|.+n't)$/;

function isNegation(word: string | undefined): boolean {
  return word !== undefined && NEGATION.test(word);
}

/** `We [-cannot-] {+can't+} take …`: long unchanged stretches folded to their ends. */
function wordDiff(edits: Edit[]): string {
  const out: string[] = [];
  let same: string[] = [];
  const flush = (edge: boolean) => {
    if (same.length > 6)
      out.push(...(edge && out.length === 0 ? [] : same.slice(0, 3)), "…", ...same.slice(-3));
    else out.push(...same);
    same = [];
  };
  for (const edit of edits) {
    if (edit.kind === "same") {
      same.push(edit.to?.raw ?? "");
      continue;
    }
    flush(true);
    if (edit.from) out.push(`[-${edit.from.raw}-]`);
    if (edit.to) out.push(`{+${edit.to.raw}+}`);
  }
  if (same.length > 6) out.push(...same.slice(0, 3), "…");
  else out.push(...same);
  return out.join(" ");
}
