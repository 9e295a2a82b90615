import { describe, expect, it } from "vitest";
import {
  contentHash,
  diffFiles,
  fileRecord,
  type ScannedFile,
} from "../../src/store/fingerprint.ts";
import { makeArticle } from "../library/fixtures.ts";

const scanned = (
  file: string,
  size = 10,
  mtimeMs = 1,
  extra: Partial<ScannedFile> = {},
): ScannedFile => ({
  file,
  id: file.replace(/\..*$/, ""),
  size,
  mtimeMs,
  ...extra,
});
const article = makeArticle("a", "Title", ["Body"]);

describe("diffFiles", () => {
  const records = [
    fileRecord(scanned("a.txt"), { articles: [article] }),
    fileRecord(scanned("b.txt"), { articles: [article] }),
    fileRecord(scanned("c.txt"), { reason: "binary file" }),
    fileRecord(scanned("d.txt"), { articles: [article] }),
  ];

  it("sorts files into unchanged, changed, added and removed", () => {
    const diff = diffFiles(
      [scanned("a.txt"), scanned("b.txt", 11), scanned("c.txt"), scanned("e.txt")],
      records,
    );
    expect(diff.unchanged.map((r) => r.file)).toEqual(["a.txt", "c.txt"]);
    expect(diff.changed.map((c) => c.scanned.file)).toEqual(["b.txt"]);
    expect(diff.added.map((f) => f.file)).toEqual(["e.txt"]);
    expect(diff.removed.map((r) => r.file)).toEqual(["d.txt"]);
  });

  it("counts a new modification time, sidecar or id as a change", () => {
    const diff = diffFiles(
      [
        scanned("a.txt", 10, 2),
        scanned("b.txt", 10, 1, { metaFile: "b.meta.json", metaMtimeMs: 5 }),
        { ...scanned("d.txt"), id: "d-txt" },
      ],
      records,
    );
    expect(diff.changed.map((c) => c.scanned.file)).toEqual(["a.txt", "b.txt", "d.txt"]);
  });

  it("records a skipped file with its reason and a read one with its content hash", () => {
    expect(records[2]).toMatchObject({ skipped: "binary file", hash: null, articleIds: [] });
    expect(records[0]).toMatchObject({
      skipped: null,
      hash: contentHash([article]),
      articleIds: ["a"],
    });
    expect(contentHash([article])).not.toBe(contentHash([{ ...article, title: "Other" }]));
  });
});
