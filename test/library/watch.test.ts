import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { watch } from "chokidar";
import { afterEach, describe, expect, it } from "vitest";
import { type FolderChanges, watchFolder, watchProblem } from "../../src/library/watch.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-watch-"));
  dirs.push(dir);
  writeFileSync(join(dir, "a.txt"), "first");
  return dir;
}

const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe("watchFolder", () => {
  it("names an edited file once the watcher is ready", async () => {
    const dir = folder();
    const seen: FolderChanges[] = [];
    const { stop, ready } = watchFolder({
      dataDir: dir,
      indexDir: join(dir, ".whosaid"),
      debounceMs: 50,
      onChange: (changes) => seen.push(changes),
      onError: (error) => {
        throw error;
      },
    });
    try {
      await ready;
      writeFileSync(join(dir, "a.txt"), "second");
      const deadline = Date.now() + 5000;
      while (seen.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(seen[0]?.edited).toEqual(new Set(["a.txt"]));
    } finally {
      await stop();
    }
  });

  it("tells each kind of watcher error once and goes on", async () => {
    const fake = Object.assign(new EventEmitter(), { close: async () => undefined });
    const errors: string[] = [];
    const { stop } = watchFolder({
      dataDir: folder(),
      indexDir: "/nowhere",
      debounceMs: 50,
      onChange: () => undefined,
      onError: (error) => errors.push(error.code ?? error.message),
      watch: (() => fake) as unknown as typeof watch,
    });
    // 100,000 files past the limit would be 100,000 errors: one line, not 100,000.
    for (let i = 0; i < 3; i++) fake.emit("error", failure("ENOSPC"));
    fake.emit("error", failure("EMFILE"));
    expect(errors).toEqual(["ENOSPC", "EMFILE"]);
    await stop();
  });

  it("says what a watcher error means and what to do", () => {
    expect(watchProblem(failure("ENOSPC"))).toMatch(/limit on watched files.*max_user_watches/);
    expect(watchProblem(failure("EMFILE"))).toMatch(/too many open files/);
    expect(watchProblem(new Error("boom"))).toMatch(/boom.*next start/);
  });
});
