import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { runLine } from "../../src/surfaces/run-line.ts";

const FIRST = [
  "Anna",
  "Boris",
  "Carla",
  "Dmitri",
  "Elena",
  "Farid",
  "Greta",
  "Hugo",
  "Irina",
  "Jonas",
  "Karin",
];
const LAST = [
  "Abbott",
  "Brennan",
  "Castillo",
  "Dunmore",
  "Eriksen",
  "Fairweather",
  "Galvez",
  "Holloway",
  "Ivers",
  "Jaskolski",
  "Kowalczyk",
];

let dir: string;
let handle: LibraryHandle;

// 121 articles, each quoting a different person: more than any chat list should hold.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "whosaid-lists-"));
  mkdirSync(join(dir, "articles"));
  let n = 0;
  for (const first of FIRST) {
    for (const last of LAST) {
      n++;
      writeFileSync(
        join(dir, "articles", `story-${n}.txt`),
        `Council debates the harbour plan ${n}\n\n"The harbour plan needs another year of study," ${first} ${last} told reporters on Monday.\n\nThe council meets again next week.\n`,
      );
    }
  }
  handle = await openLibrary({ dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("long lists", () => {
  it("/speakers shows at most 100 speakers and says how to narrow the list", async () => {
    const answer = await runLine("/speakers", commands, handle.library);
    expect(answer.heading).toBe("121 speakers quoted in 121 articles");
    expect(answer.items).toHaveLength(100);
    expect(answer.notice).toMatch(/add a filter/);
    const filtered = await runLine("/speakers Kowalczyk", commands, handle.library);
    expect(filtered.items.map((i) => i.speaker)).toHaveLength(11);
    expect(filtered.notice).toBeNull();
  });

  it("/articles shows at most 100 articles and says how to narrow the list", async () => {
    const answer = await runLine("/articles", commands, handle.library);
    expect(answer.heading).toBe("121 articles");
    expect(answer.items).toHaveLength(100);
    expect(answer.notice).toMatch(/add a filter/);
  });
});
