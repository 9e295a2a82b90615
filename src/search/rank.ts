import type { Scores } from "./score.ts";

/** How many more slots the second selection takes than asked for. */
const WIDEN = 16;

/**
 * The first `count` matching slots in MiniSearch's order (score descending, then key) that
 * `accept` takes. Only the best few are selected and sorted, and `accept` is asked only of those,
 * in order; when it turns too many away, more are selected, and past that (a filter that keeps
 * few of many) `accept` is asked of all and the best it takes are selected.
 */
export function topSlots(
  scores: Scores,
  count: number,
  accept: (slot: number) => boolean,
): number[] {
  if (count <= 0) return [];
  const matching = countMatching(scores.has);
  for (const taking of [count * 2, count * WIDEN]) {
    const out: number[] = [];
    for (const slot of best(scores, scores.has, Math.min(taking, matching))) {
      if (!accept(slot)) continue;
      out.push(slot);
      if (out.length === count) return out;
    }
    if (taking >= matching) return out;
  }
  const taken = scores.has.map((has, slot) => (has === 1 && accept(slot) ? 1 : 0));
  return best(scores, taken, count);
}

function countMatching(has: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < has.length; i++) n += has[i] as number;
  return n;
}

/** The `size` best of the slots `has` marks, best first, in a heap whose root is the worst kept. */
function best({ score, key }: Scores, has: Uint8Array, size: number): number[] {
  const worse = (a: number, b: number) => {
    const sa = score[a] as number;
    const sb = score[b] as number;
    return sa < sb || (sa === sb && (key[a] as number) > (key[b] as number));
  };
  const heap: number[] = [];
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      const t = heap[i] as number;
      heap[i] = heap[m] as number;
      heap[m] = t;
      i = m;
    }
  };
  for (let i = 0; i < has.length && size > 0; i++) {
    if (has[i] === 0) continue;
    if (heap.length < size) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >>> 1;
        if (!worse(heap[c] as number, heap[p] as number)) break;
        const t = heap[c] as number;
        heap[c] = heap[p] as number;
        heap[p] = t;
        c = p;
      }
    } else if (
      (score[i] as number) >= (score[heap[0] as number] as number) &&
      worse(heap[0] as number, i)
    ) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
