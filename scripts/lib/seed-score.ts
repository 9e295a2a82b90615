import type { Attribution } from "../../src/types.ts";

/** The parts of the gold answer key that score attributions (shared/gold/seeds.json). */
export interface SeedGold {
  attributions: {
    file: string;
    speaker: string;
    accept?: string[];
    type: string;
    stance?: string;
    reported_by?: string;
    contains: string;
  }[];
  not_attributions: { file: string; text: string; why: string }[];
}

export interface SeedScore {
  found: number;
  total: number;
  /** not_attributions that some prediction reports anyway. */
  wrongly: number;
  notTotal: number;
  failures: string[];
}

/** Folds quote marks, dashes and white space so that gold snippets match article text. */
export function normalise(text: string): string {
  return text
    .replace(/[“”„«»″]/g, '"')
    .replace(/[‘’′]/g, "'")
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .toLowerCase();
}

const sameName = (a: string | null, names: string[]) =>
  a !== null &&
  names.some((n) => normalise(n).replace(/^the /, "") === normalise(a).replace(/^the /, ""));

/**
 * Scores predictions against the seeds' gold: a gold attribution is found when one prediction's
 * joined content contains its `contains` with an accepted speaker, the type, the stance (absent
 * means none) and, where given, who reports it.
 */
export function scoreSeeds(
  gold: SeedGold,
  predictions: ReadonlyMap<string, Attribution[]>,
): SeedScore {
  const failures: string[] = [];
  let found = 0;
  for (const g of gold.attributions) {
    const want = normalise(g.contains);
    const names = [g.speaker, ...(g.accept ?? [])];
    const candidates = (predictions.get(g.file) ?? []).filter((p) =>
      normalise(p.content.map((c) => c.text).join(" ")).includes(want),
    );
    const ok = candidates.find(
      (p) =>
        sameName(p.speaker, names) &&
        p.type === g.type &&
        p.stance === (g.stance ?? null) &&
        (!g.reported_by || sameName(p.reportedBy, [g.reported_by])),
    );
    if (ok) {
      found++;
      continue;
    }
    const seen = candidates
      .map((p) => `${p.speaker ?? "?"}/${p.type}/${p.stance ?? "-"}/${p.reportedBy ?? "-"}`)
      .join(", ");
    failures.push(
      `${g.file} "${g.contains.slice(0, 50)}": want ${g.speaker}/${g.type}/${g.stance ?? "-"}, got ${seen || "nothing"}`,
    );
  }
  let wrongly = 0;
  for (const n of gold.not_attributions) {
    const text = normalise(n.text);
    const hit = (predictions.get(n.file) ?? []).find((p) => {
      const content = normalise(p.content.map((c) => c.text).join(" "));
      return content.length > 0 && (content.includes(text) || text.includes(content));
    });
    if (hit) {
      wrongly++;
      failures.push(`${n.file} reports a non-attribution (${n.why}): "${n.text}"`);
    }
  }
  return {
    found,
    total: gold.attributions.length,
    wrongly,
    notTotal: gold.not_attributions.length,
    failures,
  };
}
