import { EventEmitter } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, type watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function watching(dir: string, seen: FolderChanges[]) {
  return watchFolder({
    dataDir: dir,
    indexDir: join(dir, ".whosaid"),
    debounceMs: 50,
    onChange: (changes) => seen.push(changes),
    onError: (error) => {
      throw error;
    },
  });
}

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
    const fake = Object.assign(new EventEmitter(), { close: () => undefined });
    const errors: string[] = [];
    const { stop, ready } = watchFolder({
      dataDir: folder(),
      indexDir: "/nowhere",
      debounceMs: 50,
      onChange: () => undefined,
      onError: (error) => errors.push(error.code ?? error.message),
      watch: (() => fake) as unknown as typeof watch,
    });
    await ready;
    // 100,000 files past the limit would be 100,000 errors: one line, not 100,000.
    for (let i = 0; i < 3; i++) fake.emit("error", failure("ENOSPC"));
    fake.emit("error", failure("EMFILE"));
    expect(errors).toEqual(["ENOSPC", "EMFILE"]);
    await stop();
  });

  it("watches folders, not files: one watch a folder, hidden ones, the index and links left out", async () => {
    const dir = folder();
    const outside = folder();
    for (const sub of ["", "tass", ".hidden", ".whosaid"]) {
      mkdirSync(join(dir, sub), { recursive: true });
      for (let i = 0; i < 30; i++) writeFileSync(join(dir, sub, `${i}.txt`), "text");
    }
    symlinkSync(outside, join(dir, "linked"));
    const seen: FolderChanges[] = [];
    const w = watching(dir, seen);
    try {
      await w.ready;
      expect(w.watched()).toBe(2);
      writeFileSync(join(dir, "tass", "7.txt"), "edited");
      await until(() => seen.length > 0, "the edit in a subfolder");
      expect(seen[0]?.edited).toEqual(new Set(["tass/7.txt"]));
    } finally {
      await w.stop();
    }
  });

  it("watches a folder made while running, and the files put in it", async () => {
    const dir = folder();
    const seen: FolderChanges[] = [];
    const w = watching(dir, seen);
    try {
      await w.ready;
      mkdirSync(join(dir, "reuters"));
      writeFileSync(join(dir, "reuters", "a.txt"), "new");
      await until(() => w.watched() === 2 && seen.some((c) => c.addedOrRemoved), "the new folder");
      seen.length = 0;
      writeFileSync(join(dir, "reuters", "a.txt"), "edited");
      await until(() => seen.length > 0, "the edit in the new folder");
      expect(seen[0]?.edited).toEqual(new Set(["reuters/a.txt"]));
      rmSync(join(dir, "reuters"), { recursive: true });
      await until(() => w.watched() === 1, "the removed folder to be let go");
    } finally {
      await w.stop();
    }
  });

  it("tells a watch the system refuses, once, and answers on", async () => {
    const errors: string[] = [];
    const { stop, ready, watched } = watchFolder({
      dataDir: folder(),
      indexDir: "/nowhere",
      debounceMs: 50,
      onChange: () => undefined,
      onError: (error) => errors.push(error.code ?? error.message),
      watch: (() => {
        throw failure("ENOSPC");
      }) as unknown as typeof watch,
    });
    await ready;
    expect(errors).toEqual(["ENOSPC"]);
    expect(watched()).toBe(0);
    await stop();
  });

  it("says what a watcher error means and what to do", () => {
    expect(watchProblem(failure("ENOSPC"))).toMatch(/limit on watches.*max_user_watches/);
    expect(watchProblem(failure("EMFILE"))).toMatch(/too many open files/);
    expect(watchProblem(new Error("boom"))).toMatch(/boom.*next start/);
  });
});
