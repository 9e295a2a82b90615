import { describe, expect, it } from "vitest";
import { planSync } from "../../src/library/sync.ts";
import { diffFiles, fileRecord, type ScannedFile } from "../../src/store/fingerprint.ts";
import { makeArticle } from "./fixtures.ts";

const scanned = (file: string, id: string, mtimeMs = 1): ScannedFile => ({
  file,
  id,
  size: 10,
  mtimeMs,
});
const a = makeArticle("a", "A", ["Alpha paragraph."]);
const b = makeArticle("b", "B", ["Beta paragraph."]);

describe("planSync", () => {
  it("changes nothing for a file re-read with the same content", async () => {
    const records = [fileRecord(scanned("a.txt", "a"), { articles: [a] })];
    const touched = scanned("a.txt", "a", 2);
    const plan = await planSync(diffFiles([touched], records), [
      {
        scanned: touched,
        previous: records[0] ?? null,
        outcome: { ok: true, articles: [a], warnings: [] },
      },
    ]);
    expect(plan.change).toEqual({ remove: [], add: [] });
    expect(plan.changed).toEqual([]);
    expect(plan.records).toEqual([{ ...fileRecord(touched, { articles: [a] }) }]);
  });

  it("replaces an edited file's articles and records a newly unreadable one", async () => {
    const records = [
      fileRecord(scanned("a.txt", "a"), { articles: [a] }),
      fileRecord(scanned("b.txt", "b"), { articles: [b] }),
    ];
    const editedA = { ...a, title: "A, edited" };
    const brokenB = scanned("b.txt", "b", 2);
    const plan = await planSync(diffFiles([scanned("a.txt", "a", 2), brokenB], records), [
      {
        scanned: scanned("a.txt", "a", 2),
        previous: records[0] ?? null,
        outcome: { ok: true, articles: [editedA], warnings: ["odd quote"] },
      },
      {
        scanned: brokenB,
        previous: records[1] ?? null,
        outcome: { ok: false, reason: "binary file", warnings: [] },
      },
    ]);
    expect(plan.change.remove).toEqual(["a", "b"]);
    expect(plan.change.add.map((x) => x.article.title)).toEqual(["A, edited"]);
    expect(plan.changed).toEqual(["a.txt"]);
    expect(plan.removed).toEqual(["b.txt"]);
    expect(plan.skipped).toEqual([{ file: "b.txt", message: "binary file" }]);
    expect(plan.warnings).toEqual([{ file: "a.txt", message: "odd quote" }]);
  });

  it("gives an article whose id another file holds a free id, with a warning", async () => {
    const records = [fileRecord(scanned("a.txt", "a"), { articles: [a] })];
    const json = scanned("items.json", "items");
    const plan = await planSync(diffFiles([scanned("a.txt", "a"), json], records), [
      {
        scanned: json,
        previous: null,
        outcome: { ok: true, articles: [{ ...b, id: "a" }], warnings: [] },
      },
    ]);
    expect(plan.change.add.map((x) => x.article.id)).toEqual(["a-2"]);
    expect(plan.records.find((r) => r.file === "items.json")?.articleIds).toEqual(["a-2"]);
    expect(plan.warnings[0]?.message).toMatch(/id "a" is taken/);
    expect(plan.added).toEqual(["items.json"]);
  });
});
