import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BaselineKey,
  digestFiles,
  digestJson,
  digestPassages,
  minisearchVersion,
  readKept,
  writeKept,
} from "../../bench/baseline-cache.ts";
import { thisMachine } from "../../bench/machine.ts";

const dir = await mkdtemp(join(tmpdir(), "whosaid-baseline-test-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

function key(overrides: Partial<BaselineKey> = {}): BaselineKey {
  return {
    minisearch: "7.2.0",
    machine: thisMachine(),
    passages: digestPassages([{ id: "a#1", text: "The mayor said so." }]),
    queries: digestJson([{ kind: "words", command: "search", text: "mayor" }]),
    method: "m1",
    budgetMs: 1000,
    minPerKind: 1,
    ...overrides,
  };
}

describe("the baseline's key", () => {
  it("changes with any passage's id or text, or their order", () => {
    const base = digestPassages([
      { id: "a#1", text: "one" },
      { id: "a#2", text: "two" },
    ]);
    expect(
      digestPassages([
        { id: "a#1", text: "one" },
        { id: "a#2", text: "two" },
      ]),
    ).toBe(base);
    expect(
      digestPassages([
        { id: "a#1", text: "one" },
        { id: "a#2", text: "twO" },
      ]),
    ).not.toBe(base);
    expect(
      digestPassages([
        { id: "a#2", text: "two" },
        { id: "a#1", text: "one" },
      ]),
    ).not.toBe(base);
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    expect(digestPassages([{ id: "ab", text: "c" }])).not.toBe(
      digestPassages([{ id: "a", text: "bc" }]),
    );
  });

  it("digests files by content", async () => {
    const a = join(dir, "a.ts");
    await writeFile(a, "one");
    const first = await digestFiles([a]);
    expect(await digestFiles([a])).toBe(first);
    await writeFile(a, "two");
    expect(await digestFiles([a])).not.toBe(first);
  });

  it("reads the installed MiniSearch's version", async () => {
    expect(await minisearchVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("kept baseline figures", () => {
  it("are reused under the same key and under no other", async () => {
    const file = join(dir, "baseline.json");
    expect(await readKept(file, key())).toBeNull();
    await writeKept(file, key(), { buildMs: 123 });
    expect(await readKept(file, key())).toEqual({ buildMs: 123 });
    for (const other of [
      key({ passages: "other" }),
      key({ queries: "other" }),
      key({ minisearch: "7.3.0" }),
      key({ method: "m2" }),
      key({ budgetMs: 3000 }),
      key({ minPerKind: 5 }),
      key({ machine: { ...thisMachine(), cores: 64 } }),
    ])
      expect(await readKept(file, other)).toBeNull();
  });

  it("ignore a damaged file", async () => {
    const file = join(dir, "damaged.json");
    await writeFile(file, '{"key": ');
    expect(await readKept(file, key())).toBeNull();
    await writeKept(file, key(), { buildMs: 1 });
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ result: { buildMs: 1 } });
  });
});
