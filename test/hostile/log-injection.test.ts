import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { summarize } from "../../src/library/summary.ts";
import { logSafe } from "../../src/text/log-text.ts";

const dirs: string[] = [];
const handles: LibraryHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("logSafe", () => {
  it("shows control characters as escapes and leaves the rest", () => {
    expect(logSafe("a\nb\r\tc\u001b[2Jd\u2028e\u202ef")).toBe(
      "a\\nb\\r\\tc\\x1b[2Jd\\u2028e\\u202ef",
    );
    expect(logSafe("Grüße «ok» 東京 C:\\data")).toBe("Grüße «ok» 東京 C:\\data");
  });
});

describe("a file name with a newline", () => {
  it("cannot print a forged log line, in the log or in the index summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-log-"));
    dirs.push(dir);
    mkdirSync(join(dir, "articles"));
    const forged = "warning: index rebuilt; all articles OK";
    writeFileSync(join(dir, "articles", `x\n${forged}\n.pdf`), "%PDF");
    writeFileSync(join(dir, "articles", `y\n${forged}.txt`), "");
    const logs: string[] = [];
    const handle = await openLibrary({ dataDir: dir, log: (l) => logs.push(l) });
    handles.push(handle);
    const lines = [...logs, ...summarize(handle)].flatMap((l) => l.split("\n"));
    expect(lines).not.toContain(forged);
    expect(lines.filter((l) => l.startsWith(forged))).toEqual([]);
    expect(logs.some((l) => l.includes(`x\\n${forged}\\n.pdf: unsupported file type .pdf`))).toBe(
      true,
    );
    expect(logs.some((l) => l.includes(`y\\n${forged}.txt: empty file`))).toBe(true);
  });
});
