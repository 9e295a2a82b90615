import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";

const HANG_WORKER = new URL("./hang-worker.ts", import.meta.url);
const handles: LibraryHandle[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const article = (word: string) =>
  `Talks\n\n"We will sign the ${word} accord," Foreign Minister Anna Berg told reporters on Monday.\n`;

/** Waits until `check` holds, looking every 50 ms, for up to `ms`. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a file that stalls its reader", () => {
  it("is skipped with one line naming it, at the first build and at a watched edit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-budget-"));
    dirs.push(dir);
    writeFileSync(join(dir, "a.txt"), article("grain"));
    writeFileSync(join(dir, "hang.txt"), article("stalled"));
    const logs: string[] = [];
    const handle = await openLibrary({
      dataDir: dir,
      log: (line) => logs.push(line),
      watch: true,
      pool: { budgetMs: 300, workerUrl: HANG_WORKER },
    });
    handles.push(handle);
    const reason = "took over 0.3 s (the time limit per file) while reading it";
    const skipLines = () => logs.filter((l) => l.includes("hang.txt"));
    expect(skipLines()).toEqual([`skipped ${join(dir, "hang.txt")}: ${reason}`]);
    expect(handle.library.searchPassages("grain").length).toBe(1);
    expect(handle.library.searchPassages("stalled")).toEqual([]);

    // Watched edits: the stalling file again, and a good one, which its replaced worker reads.
    await handle.watching;
    writeFileSync(join(dir, "hang.txt"), article("stalled again"));
    writeFileSync(join(dir, "a.txt"), article("barley"));
    await until(() => handle.library.searchPassages("barley").length === 1);
    expect(handle.library.searchPassages("stalled")).toEqual([]);
    expect(handle.skipped).toEqual([{ file: join(dir, "hang.txt"), reason }]);
  });
});
