import { distance } from "fastest-levenshtein";

/**
 * The known name closest to a mistyped one (`qoute` → `quote`, `speakr` → `speaker`,
 * `jsn` → `json`, `aks` → `ask`), or null when none is close enough to be a typo rather than
 * another word. Two edits are allowed, one for names of three letters or fewer, where two reach
 * too many words; two neighbouring letters swapped count as one edit.
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  const word = typed.toLowerCase();
  const allowed = word.length <= 3 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = allowed + 1;
  for (const name of known) {
    const other = name.toLowerCase();
    const d = swapped(word, other) ? 1 : distance(word, other);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** True when `b` is `a` with one pair of neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
