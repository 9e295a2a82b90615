import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { runLine } from "../../src/surfaces/run-line.ts";

let dir: string;
let handle: LibraryHandle;

/** A candidate quoted in two wire stories, her aides and supporters in the same stories. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "whosaid-group-quote-"));
  mkdirSync(join(dir, "articles"));
  writeFileSync(
    join(dir, "articles", "reno.txt"),
    "Whitcombe vows to stay in the race\n\n" +
      "RENO, Nev. (AP) — Senator Dana Whitcombe said on Monday that she would stay in the race.\n\n" +
      "Whitcombe aides said the campaign had money for three more months.\n\n" +
      "Supporters of Whitcombe said the polls were wrong.\n",
  );
  writeFileSync(
    join(dir, "articles", "ames.txt"),
    "Whitcombe courts farmers in Iowa\n\n" +
      "AMES, Iowa (Reuters) - Dana Whitcombe told farmers on Friday that ethanol rules would stay.\n\n" +
      "Advisers to Whitcombe said she would visit the state again in June.\n",
  );
  handle = await openLibrary({ dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (line: string) => runLine(line, commands, handle.library);

describe("/quote keeps a person's words apart from her aides' and supporters'", () => {
  it("lists only what the person said under her name", async () => {
    const answer = await ask("/quote speaker:Whitcombe");
    expect(answer.status).toBe("ok");
    expect(answer.items.map((i) => i.speaker)).toEqual(["Dana Whitcombe", "Dana Whitcombe"]);
    const said = answer.items.map((i) => i.text).join(" | ");
    expect(said).toContain("stay in the race");
    expect(said).toContain("ethanol rules would stay");
    for (const theirs of ["three more months", "polls were wrong", "again in June"]) {
      expect(said).not.toContain(theirs);
    }
  });

  it("answers for the aides as a speaker of their own", async () => {
    const answer = await ask("/quote speaker:Whitcombe aides");
    expect(answer.items.map((i) => i.speaker)).toEqual(["Whitcombe aides"]);
    expect(answer.items[0]?.text).toContain("three more months");
  });
});
