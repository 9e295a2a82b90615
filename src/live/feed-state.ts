import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * What whosaid remembers of the web between runs, in `<dataDir>/.whosaid-feeds.json`: each page
 * it fetched (so nothing is fetched twice) and each feed's validators and health.
 */
export interface LiveState {
  feeds: Record<string, FeedRecord>;
  pages: Record<string, PageRecord>;
}

export interface FeedRecord {
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO times. */
  lastSuccess: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Articles taken in from this feed, ever. */
  items: number;
}

export interface PageRecord {
  /** The saved article, relative to the data folder; null while the page has not been saved. */
  file: string | null;
  /** Failed attempts; a page is given up after MAX_PAGE_TRIES. */
  tries: number;
  error?: string;
}

export const STATE_FILE = ".whosaid-feeds.json";
export const MAX_PAGE_TRIES = 3;

export function emptyFeed(): FeedRecord {
  return {
    title: null,
    etag: null,
    lastModified: null,
    lastSuccess: null,
    lastError: null,
    lastErrorAt: null,
    items: 0,
  };
}

/** Reads the state; a missing file is a first run, a damaged one is set aside and reported. */
export async function loadState(dataDir: string, log: (line: string) => void): Promise<LiveState> {
  const path = join(dataDir, STATE_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      log(`warning: cannot read ${path} (${(error as Error).message}); feeds start afresh`);
    }
    return { feeds: {}, pages: {} };
  }
  try {
    const data = JSON.parse(text) as Partial<LiveState>;
    if (typeof data !== "object" || data === null) throw new Error("not an object");
    return { feeds: data.feeds ?? {}, pages: data.pages ?? {} };
  } catch (error) {
    const aside = `${path}.damaged`;
    await rename(path, aside).catch(() => undefined);
    log(
      `warning: ${path} is damaged (${(error as Error).message}); kept as ${aside}, feeds start afresh`,
    );
    return { feeds: {}, pages: {} };
  }
}

/** Writes the state beside itself and renames it into place, so a crash leaves the old one whole. */
export async function saveState(dataDir: string, state: LiveState): Promise<void> {
  const path = join(dataDir, STATE_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(state));
  await rename(temp, path);
}
