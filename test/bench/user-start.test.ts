import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BenchQuery } from "../../bench/queries.ts";
import { type BenchResult, userTable } from "../../bench/report.ts";
import { shellLine, treeOf, treeRss, userStartPart } from "../../bench/user-start.ts";

const root = join(import.meta.dirname, "../..");

describe("what the user waits for", () => {
  it("types each query as the shell takes it, on one line", () => {
    const q = (command: BenchQuery["command"], text: string): BenchQuery => ({
      kind: "words",
      command,
      text,
    });
    expect(shellLine(q("search", "crude\nmethods"))).toBe("/search query:crude methods");
    expect(shellLine(q("quote", "Peskov"))).toBe("/quote speaker:Peskov");
    expect(shellLine(q("who", "Russia interfered"))).toBe("/who claim:Russia interfered");
    expect(shellLine(q("find-source", "a b"))).toBe("/find-source text:a b");
    expect(shellLine(q("autocomplete", "Pes"))).toBeNull();
  });

  it("follows a process tree through /proc's stat lines, names with spaces included", () => {
    const stats = new Map([
      [10, "10 (npm start) S 1 10 10"],
      [11, "11 (sh) S 10 10 10"],
      [12, "12 (node) S 11 10 10"],
      [13, "13 (other) S 1 13 13"],
    ]);
    expect(treeOf(10, stats)).toEqual([10, 11, 12]);
    expect(treeRss(process.pid)).toBeGreaterThan(10 * 2 ** 20);
  });

  const dir = mkdtempSync(join(tmpdir(), "whosaid-user-start-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts npm start and npx whosaid ask over the seeds, and reads the shell's RSS", async () => {
    const dataDir = join(dir, "data");
    cpSync(join(root, "data/articles"), join(dataDir, "articles"), { recursive: true });
    const queries: BenchQuery[] = [
      { kind: "words", command: "search", text: "crude intelligence methods" },
      { kind: "speaker", command: "quote", text: "Peskov" },
      { kind: "prefix", command: "autocomplete", text: "Pes" },
    ];
    // Warm only: a test must not drop the page cache of the machine it shares.
    const paths = { dataDir, indexDir: join(dir, "index") };
    const user = await userStartPart(paths, queries, { runs: 1, cold: false });
    expect(user.warm.runs).toBe(1);
    expect(user.warm.firstAnswerMs).toBeGreaterThan(0);
    expect(user.warm.askMs).toBeGreaterThan(0);
    expect(user.answered).toBe(2);
    // npm, tsx and node together hold tens of megabytes at the least.
    expect(user.rssReady).toBeGreaterThan(30 * 2 ** 20);
    expect(user.rssPeak).toBeGreaterThanOrEqual(user.rssReady);
    expect(user.cold).toBeNull();
    const table = userTable({ serve: { error: "-" }, user } as unknown as BenchResult);
    expect(table).toContain("npm start, warm");
    expect(table).toMatch(/median of 1 starts/);
  }, 120_000);
});
