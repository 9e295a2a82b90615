/**
 * The fastest of `runs` timings of `work`, in ms: what the work costs, not how busy the machine
 * (or the other test files running beside it) happened to be during one run.
 */
export function bestOf(runs: number, work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
