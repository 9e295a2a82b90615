import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The feeds file in the data folder: one URL a line, `#` starts a comment. */
export const FEEDS_FILE = "feeds.txt";

export interface FeedList {
  urls: string[];
  /** Lines that are not http(s) URLs, with their line number, to tell the operator once. */
  problems: string[];
}

/** The feeds to follow: `<dataDir>/feeds.txt` and the FEEDS setting (URLs separated by spaces or commas). */
export async function readFeedList(dataDir: string, setting: string | null): Promise<FeedList> {
  const text = await readFile(join(dataDir, FEEDS_FILE), "utf8").catch((error) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw new Error(`cannot read ${join(dataDir, FEEDS_FILE)}: ${(error as Error).message}`);
  });
  const urls: string[] = [];
  const problems: string[] = [];
  const take = (entry: string, where: string) => {
    if (!/^https?:\/\/\S+$/i.test(entry)) {
      problems.push(`${where}: “${entry}” is not an http(s) URL; skipped`);
      return;
    }
    if (!urls.includes(entry)) urls.push(entry);
  };
  text.split(/\r?\n/).forEach((line, i) => {
    const entry = line.replace(/#.*/, "").trim();
    if (entry) take(entry, `${FEEDS_FILE} line ${i + 1}`);
  });
  for (const entry of (setting ?? "").split(/[\s,]+/).filter(Boolean)) take(entry, "FEEDS");
  return { urls, problems };
}
