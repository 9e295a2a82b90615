import { describe, expect, it } from "vitest";
import { articleId, assignArticleIds, MAX_ID_LENGTH } from "../../src/corpus/article-id.ts";

describe("articleId", () => {
  it("is the path without its extension, in safe characters", () => {
    expect(articleId("000_0d28011d82771a06.txt")).toBe("000_0d28011d82771a06");
    expect(articleId("World News/Kremlin: “Crude” Attempts (1).HTML")).toBe(
      "world-news/kremlin-crude-attempts-1",
    );
    expect(articleId("2018\\tass\\a.b.md")).toBe("2018/tass/a-b");
  });

  it("cuts long paths to the limit and tells them apart by a hash", () => {
    const long = `${"a".repeat(100)}-one.txt`;
    const other = `${"a".repeat(100)}-two.txt`;
    expect(articleId(long)).toHaveLength(MAX_ID_LENGTH);
    expect(articleId(long)).not.toBe(articleId(other));
    expect(articleId(long)).toBe(articleId(long));
  });
});

describe("assignArticleIds", () => {
  it("keeps files that differ only by extension apart, whatever order they come in", () => {
    const files = ["a.md", "a.txt", "A.json", "b.txt"];
    const ids = assignArticleIds(files);
    expect(Object.fromEntries(ids)).toEqual({
      "a.txt": "a",
      "a.md": "a-md",
      "A.json": "a-json",
      "b.txt": "b",
    });
    expect(assignArticleIds([...files].reverse())).toEqual(ids);
  });

  it("falls back to a hash when the extension id is taken too", () => {
    const ids = assignArticleIds(["a.txt", "A.txt", "a-txt.md"]);
    expect(ids.get("A.txt")).toBe("a");
    expect(ids.get("a-txt.md")).toBe("a-txt");
    expect(ids.get("a.txt")).toMatch(/^a-[0-9a-z]{7}$/);
    expect(new Set(ids.values()).size).toBe(3);
  });
});
