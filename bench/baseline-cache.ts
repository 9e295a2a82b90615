/**
 * Plain MiniSearch's figures kept from an earlier run. They depend only on the passages, the
 * queries, MiniSearch, Node, the machine and the bench code that measures them, none of which
 * work on our engine changes; so a run whose key matches all of these reuses them rather than
 * spending minutes measuring them again.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Machine } from "./machine.ts";

export interface BaselineKey {
  minisearch: string;
  machine: Machine;
  /** Digest of every passage's id and text, in order. */
  passages: string;
  /** Digest of the query set. */
  queries: string;
  /** Digest of the bench code that measures the baseline. */
  method: string;
  budgetMs: number;
  minPerKind: number;
}

interface Kept<T> {
  key: BaselineKey;
  result: T;
}

export function digestPassages(passages: Iterable<{ id: string; text: string }>): string {
  const hash = createHash("sha256");
  for (const p of passages) hash.update(p.id).update("\0").update(p.text).update("\0");
  return hash.digest("hex");
}

export function digestJson(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

export async function digestFiles(paths: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const path of paths) hash.update(await readFile(path)).update("\0");
  return hash.digest("hex");
}

/** The installed MiniSearch's version, from the package.json above its entry point. */
export async function minisearchVersion(): Promise<string> {
  let dir = dirname(createRequire(import.meta.url).resolve("minisearch"));
  for (;;) {
    const text = await readFile(join(dir, "package.json"), "utf8").catch(() => null);
    const pkg = text ? (JSON.parse(text) as { name?: string; version?: string }) : null;
    if (pkg?.name === "minisearch" && pkg.version) return pkg.version;
    if (dirname(dir) === dir) throw new Error("cannot find MiniSearch's package.json");
    dir = dirname(dir);
  }
}

/** The figures kept under this exact key; null when there are none or the key differs. */
export async function readKept<T>(file: string, key: BaselineKey): Promise<T | null> {
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const kept = JSON.parse(text) as Kept<T>;
    return isDeepStrictEqual(kept.key, key) ? kept.result : null;
  } catch {
    return null;
  }
}

/** Written whole then renamed, so a run stopped halfway leaves no half file to be trusted. */
export async function writeKept<T>(file: string, key: BaselineKey, result: T): Promise<void> {
  const kept: Kept<T> = { key, result };
  await writeFile(`${file}.tmp`, JSON.stringify(kept));
  await rename(`${file}.tmp`, file);
}
