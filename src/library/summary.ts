import { logSafe } from "../text/log-text.ts";
import { plural } from "../text/plural.ts";
import type { LibraryHandle } from "./open-library.ts";

/** What `npm run index` prints: the figures, then every skipped file with its reason. */
export function summarize(handle: Pick<LibraryHandle, "stats" | "skipped">): string[] {
  const { stats, skipped } = handle;
  const how = stats.loadedFromSaved
    ? `loaded the saved index, ${plural(stats.reread, "file")} re-read`
    : `built from ${plural(stats.reread, "file")}`;
  return [
    `${plural(stats.articles, "article")}, ${plural(stats.passages, "passage")}, ` +
      `${plural(stats.attributions, "attribution")}, ${plural(stats.speakers, "speaker")}`,
    `${how} in ${formatMs(stats.ms)}`,
    `${plural(skipped.length, "file")} skipped${skipped.length ? ":" : ""}`,
    ...skipped.map((s) => logSafe(`  ${s.file}: ${s.reason}`)),
  ];
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
