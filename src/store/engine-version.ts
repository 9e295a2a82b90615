import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { installedMiniSearch } from "../search/minisearch-internals.ts";
import { FORMAT_VERSION, sha256 } from "./format.ts";

/**
 * The code whose output the saved index holds: parsing, extraction, and the indexed terms, with
 * the generic helpers they run on (the fold, the memo, the binary search).
 */
const SOURCE_FOLDERS = ["../corpus/", "../attribution/", "../text/", "../cache/", "../sorted/"];
const SOURCE_FILES = [
  "../search/tokenize.ts",
  "../search/passage-index.ts",
  "../search/attribution-index.ts",
  "../search/packed-index.ts",
  "../library/docs-codec.ts",
  "../library/catalog.ts",
];

/**
 * A fingerprint of the code that built an index. Saved parsed articles and extractions are only
 * as good as the code that made them: when it changes, the saved index is rebuilt rather than
 * answering with stale attributions. The saved postings are MiniSearch's own structures, so its
 * release counts too. Where the sources cannot be read (an installed build), the format version
 * and the MiniSearch release decide.
 */
export async function engineVersion(miniSearch = installedMiniSearch()): Promise<string> {
  const files: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.[cm]?[jt]s$/.test(n)).sort()) {
      files.push(`${dir}${name}`);
    }
  }
  for (const file of SOURCE_FILES) files.push(fileURLToPath(new URL(file, import.meta.url)));
  const hash: string[] = [String(FORMAT_VERSION), `minisearch ${miniSearch}`];
  for (const file of files) {
    const text = await readFile(file).catch(() => null);
    if (text) hash.push(file.slice(file.lastIndexOf("/src/") + 1), sha256(text));
  }
  return sha256(hash.join("\n")).slice(0, 16);
}
