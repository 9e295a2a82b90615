import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** A size as people read it: "1.9 GB", "50.0 MB", "1.5 KB", "900 B"; `trim` drops a ".0" (for limits). */
export function sizeText(bytes: number, trim = false): string {
  const [value, unit] =
    bytes >= GB
      ? [bytes / GB, "GB"]
      : bytes >= MB
        ? [bytes / MB, "MB"]
        : bytes >= KB
          ? [bytes / KB, "KB"]
          : [bytes, "B"];
  const text = unit === "B" ? String(value) : value.toFixed(1);
  return `${trim ? text.replace(/\.0$/, "") : text} ${unit}`;
}

/** Bytes of the files in a folder and its subfolders (0 when it does not exist). */
export async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile())
      total += await stat(path).then(
        (s) => s.size,
        () => 0,
      );
  }
  return total;
}
