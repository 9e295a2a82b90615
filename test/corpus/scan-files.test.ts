import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArticleScan, scanArticleFiles } from "../../src/corpus/load-corpus.ts";
import { scanFolder } from "./scan-folder.ts";

let folder: ReturnType<typeof scanFolder>;
let scan: ArticleScan;

beforeAll(async () => {
  folder = scanFolder();
  scan = await scanArticleFiles(folder.dir);
});

afterAll(() => folder.remove());

/** Root reads a folder whatever its permissions say; anyone else is refused. */
const asRoot = process.getuid?.() === 0;

describe("scanArticleFiles", () => {
  it("lists the article files depth first in name order, with ids unique among them", () => {
    expect(scan.files.map((f) => [f.file, f.id])).toEqual([
      ["articles/B.TXT", "b"],
      ["articles/a.md", "a-md"],
      ["articles/a.txt", "a"],
      ["articles/folder.txt/inner.txt", "folder-txt/inner"],
      ["articles/link.txt", "link"],
      ...(asRoot ? [["articles/locked/inner.txt", "locked/inner"]] : []),
      ["articles/nested/deep/c.html", "nested/deep/c"],
      ["articles/nested/deep/d.json", "nested/deep/d"],
      // Listed though nobody may read it: a scan only looks, reading it is what fails.
      ["articles/unreadable.txt", "unreadable"],
      ["articles/with-meta.txt", "with-meta"],
      ["articles/y.meta.json/z.txt", "y-meta-json/z"],
      ["articles/y.txt", "y"],
    ]);
  });

  it("gives each file its size and time, and its sidecar's when it has one", () => {
    const at = (file: string) => statSync(join(folder.dir, file));
    for (const info of scan.files) {
      const expected = at(info.file);
      expect(info.size).toBe(expected.size);
      expect(info.mtimeMs).toBe(expected.mtimeMs);
    }
    const withMeta = scan.files.filter((f) => "metaFile" in f);
    expect(withMeta.map((f) => [f.file, f.metaFile])).toEqual([
      ["articles/nested/deep/c.html", "articles/nested/deep/c.meta.json"],
      ["articles/with-meta.txt", "articles/with-meta.meta.json"],
    ]);
    for (const info of withMeta) {
      expect(info.metaMtimeMs).toBe(at(info.metaFile as string).mtimeMs);
    }
    // A folder named like a sidecar is walked, and pairs with nothing.
    expect(scan.files.find((f) => f.file === "articles/y.txt")).not.toHaveProperty("metaFile");
  });

  it("names each entry it passes over with the reason, and says nothing of hidden folders and sidecars", () => {
    expect(scan.skipped).toEqual([
      {
        file: "articles/.hidden.txt",
        reason: "hidden file (its name starts with a dot); not read",
      },
      { file: "articles/README", reason: "no file extension" },
      {
        file: "articles/broken.txt",
        reason: "cannot read: no such file (removed, or a broken link) (ENOENT)",
      },
      {
        file: "articles/dev.txt",
        reason: "symbolic link to outside the data folder; not followed",
      },
      ...(asRoot
        ? []
        : [{ file: "articles/locked", reason: "cannot read folder: permission denied (EACCES)" }]),
      { file: "articles/notes.pdf", reason: "unsupported file type .pdf" },
    ]);
  });

  it("gives the same whatever form the data folder's path takes", async () => {
    for (const form of [`${folder.dir}/`, `${folder.dir}//articles/../.`]) {
      expect(await scanArticleFiles(form)).toStrictEqual(scan);
    }
  });

  it("scans the articles/ folder itself, with paths and ids from there", async () => {
    const inner = await scanArticleFiles(join(folder.dir, "articles"));
    expect(inner.files.map((f) => f.id)).toEqual(scan.files.map((f) => f.id));
    expect(inner.files[0]).toMatchObject({ file: "B.TXT", id: "b" });
    expect(inner.files.find((f) => f.id === "with-meta")?.metaFile).toBe("with-meta.meta.json");
    expect(inner.skipped.map((s) => s.file)).toEqual(
      scan.skipped.map((s) => s.file.slice("articles/".length)),
    );
  });
});
