import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "../../src/store/format.ts";
import { PartReader, readSavedIndex, writeSavedIndex } from "../../src/store/saved-index.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-store-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const index = (text: string) => ({
  engine: "e1",
  files: [],
  parts: new Map([
    ["articles", `[${JSON.stringify(text)}]`],
    ["passages", '{"x":1}'],
  ]),
});

describe("saved index files", () => {
  it("reports a missing index as missing", async () => {
    expect(await readSavedIndex(join(tempDir(), "none"))).toEqual({ status: "missing" });
  });

  it("writes and reads back every part", async () => {
    const dir = tempDir();
    await writeSavedIndex(dir, index("héllo ‘quotes’"));
    const saved = await readSavedIndex(dir);
    expect(saved.status).toBe("loaded");
    if (saved.status !== "loaded") return;
    expect(saved.manifest.engine).toBe("e1");
    expect(saved.parts.get("articles")?.toString("utf8")).toBe('["héllo ‘quotes’"]');
    expect(saved.parts.get("passages")).toEqual(Buffer.from('{"x":1}'));
  });

  it("replaces the previous generation and leaves other files alone", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shell_history"), "/search x\n");
    await writeSavedIndex(dir, index("one"));
    await writeSavedIndex(dir, index("two"));
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(4);
    expect(files).toContain("shell_history");
    expect(files).toContain(MANIFEST_FILE);
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const saved = await readSavedIndex(dir);
    expect(saved.status === "loaded" && saved.parts.get("articles")?.toString()).toBe('["two"]');
  });

  it("keeps the parts it is told to keep and writes only the others", async () => {
    const dir = tempDir();
    const base = await writeSavedIndex(dir, index("base"));
    const kept = base.filter((p) => p.name === "articles");
    const written = await writeSavedIndex(dir, {
      engine: "e1",
      files: [],
      parts: new Map([["delta", Buffer.from([1, 2, 3])]]),
      keep: kept,
    });
    expect(written.map((p) => p.name).sort()).toEqual(["articles", "delta"]);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_FILE, ...written.map((p) => p.file)].sort());
    const saved = await readSavedIndex(dir);
    expect(saved.status === "loaded" && saved.parts.get("articles")?.toString()).toBe('["base"]');
    expect(saved.status === "loaded" && [...(saved.parts.get("delta") ?? [])]).toEqual([1, 2, 3]);
  });

  it("detects a truncated or corrupted part", async () => {
    const dir = tempDir();
    await writeSavedIndex(dir, index("a longer text so that half of it is missing"));
    const part = readdirSync(dir).find((f) => f.startsWith("articles."));
    if (!part) throw new Error("no articles part");
    const path = join(dir, part);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length / 2));
    expect(await readSavedIndex(dir)).toEqual({
      status: "invalid",
      reason: `part ${part} is truncated`,
    });
    writeFileSync(path, Buffer.alloc(bytes.length, 0x41));
    expect(await readSavedIndex(dir)).toEqual({
      status: "invalid",
      reason: `part ${part} is corrupt (checksum mismatch)`,
    });
    rmSync(path);
    expect(await readSavedIndex(dir)).toEqual({
      status: "invalid",
      reason: `part ${part} is missing`,
    });
  });

  it("reads parts left on disk one at a time into one scratch, checked as they are read", async () => {
    const dir = tempDir();
    const records = await writeSavedIndex(dir, index("a text longer than the other part"));
    const saved = await readSavedIndex(dir, (name) => name === "articles");
    expect(saved.status === "loaded" && [...saved.parts.keys()]).toEqual(["passages"]);
    const reader = new PartReader(dir, records);
    expect(reader.names.sort()).toEqual(["articles", "passages"]);
    const articles = reader.read("articles");
    expect(articles.toString()).toBe('["a text longer than the other part"]');
    // The next read reuses the same memory: a part's bytes are good until then.
    const passages = reader.read("passages");
    expect(passages.toString()).toBe('{"x":1}');
    expect(passages.buffer).toBe(articles.buffer);
    expect(() => reader.read("derived")).toThrow("the saved index has no derived part");
    const part = records.find((p) => p.name === "articles")?.file ?? "";
    writeFileSync(join(dir, part), Buffer.alloc(articles.length, 0x41));
    expect(() => reader.read("articles")).toThrow(`part ${part} is corrupt (checksum mismatch)`);
    rmSync(join(dir, part));
    expect(() => reader.read("articles")).toThrow(`part ${part} is missing`);
  });

  it("detects a corrupt manifest", async () => {
    const dir = tempDir();
    await writeSavedIndex(dir, index("x"));
    writeFileSync(join(dir, MANIFEST_FILE), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1, 2]));
    const saved = await readSavedIndex(dir);
    expect(saved.status).toBe("invalid");
  });
});
