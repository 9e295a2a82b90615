import { readdirSync, readlinkSync } from "node:fs";

/**
 * The postings files under `dir` this process holds open, as the kernel lists its descriptors
 * (/proc/self/fd): those still named, and those removed but kept on disk by the descriptor.
 */
export function postingsFilesOpen(dir: string): { live: string[]; deleted: string[] } {
  const live: string[] = [];
  const deleted: string[] = [];
  for (const fd of readdirSync("/proc/self/fd")) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed since it was listed (the listing's own descriptor, for one)
    }
    if (!target.startsWith(`${dir}/`) || !target.includes(".postings.")) continue;
    if (target.endsWith(" (deleted)")) deleted.push(target);
    else live.push(target);
  }
  return { live: live.sort(), deleted: deleted.sort() };
}
