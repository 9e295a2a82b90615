import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { MANIFEST_FILE } from "../../src/store/format.ts";
import { writeSavedIndex } from "../../src/store/saved-index.ts";

const dirs: string[] = [];
const handles: LibraryHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-small-"));
  dirs.push(dir);
  return dir;
};

describe("a save that fails", () => {
  it("leaves no .tmp files behind", async () => {
    const dir = tempDir();
    // The manifest cannot be renamed into place, as when the disk fills at that moment.
    mkdirSync(join(dir, MANIFEST_FILE, "in-the-way"), { recursive: true });
    const save = writeSavedIndex(dir, {
      engine: "test",
      files: [],
      parts: new Map([["catalog", "{}"]]),
    });
    await expect(save).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("killed in the middle, leaves halves of parts that the next save removes", async () => {
    const dir = tempDir();
    // What a process killed while writing leaves: a part and a manifest never renamed into place.
    writeFileSync(join(dir, "catalog.mfx0aa1b2c.bin.mfx0aa1b2c.tmp"), "half a part");
    writeFileSync(join(dir, `${MANIFEST_FILE}.mfx0aa1b2c.tmp`), "half a manifest");
    writeFileSync(join(dir, "notes.tmp"), "not ours");
    await writeSavedIndex(dir, { engine: "test", files: [], parts: new Map([["catalog", "{}"]]) });
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual(["notes.tmp"]);
  });
});

describe("a file caught while it is written", () => {
  it("is read once it is whole, not skipped as empty", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), `Talks\n\n"All is well," Anna Berg said on Monday.\n`);
    const logs: string[] = [];
    const handle = await openLibrary({ dataDir: dir, watch: true, log: (l) => logs.push(l) });
    handles.push(handle);
    await handle.watching;
    // Created empty, then written a little later, as a slow copy does.
    writeFileSync(join(dir, "b.txt"), "");
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(dir, "b.txt"), `Grain\n\n"The zqgrain deal holds," Anna Berg said.\n`);
    const end = Date.now() + 10_000;
    while (handle.library.searchPassages("zqgrain").length === 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(handle.library.searchPassages("zqgrain").length).toBe(1);
    expect(logs.filter((l) => l.includes("b.txt"))).toEqual([]);
  });
});
