import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibrary } from "../../src/library/open-library.ts";
import { Coverage } from "../../src/live/coverage.ts";
import { readFeedList } from "../../src/live/feed-list.ts";
import { politeFetcher } from "../../src/live/polite.ts";
import { testFetcher } from "./guard.ts";

/** A data folder, its library and live coverage, all local; `close` checks no stray connection. */
export async function liveFixture(options: { dataDir?: string; timeoutMs?: number } = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "whosaid-live-")));
  await mkdir(join(dataDir, "articles"), { recursive: true });
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const handle = await openLibrary({ dataDir, watch: false, log });
  const { fetcher, strays } = testFetcher({ timeoutMs: options.timeoutMs ?? 1000 });
  const polite = politeFetcher({ fetcher, robotsAgent: "whosaid", delayMs: 0 });
  const coverage = await Coverage.open({
    dataDir,
    fetcher: polite,
    feeds: () => readFeedList(dataDir, null),
    index: (files) => handle.refresh(files),
    log,
  });
  return {
    dataDir,
    logs,
    handle,
    coverage,
    strays,
    async close(removeDir = true) {
      await coverage.stop();
      await fetcher.close();
      await handle.close();
      if (removeDir) await rm(dataDir, { recursive: true, force: true });
      return strays;
    },
  };
}
