import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { runLine } from "../../src/surfaces/run-line.ts";

let dir: string;
let handle: LibraryHandle;

/**
 * A council member quoted once in each of 60 stories on other things, and in two stories about
 * her, which come last in the corpus's order.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "whosaid-quote-pages-"));
  mkdirSync(join(dir, "articles"));
  const places = [
    "pier",
    "dock",
    "canal",
    "lock",
    "quay",
    "wharf",
    "basin",
    "jetty",
    "slip",
    "marina",
  ];
  const acts = ["study", "money", "staff", "survey", "debate", "review"];
  for (let n = 1; n <= 60; n++) {
    const place = places[n % 10];
    const act = acts[Math.floor(n / 10)];
    writeFileSync(
      join(dir, "articles", `a-${String(n).padStart(2, "0")}.txt`),
      `Board weighs ${place} repairs, item ${n}\n\nThe board met on day ${n} to discuss the ${place}.\n\n"The ${place} needs ${n} more weeks of ${act}," council member Mara Quist told reporters.\n`,
    );
  }
  const stories: [string, string, string][] = [
    [
      "z-1.txt",
      "Quist defends her harbour budget",
      "This budget keeps the harbour open all winter",
    ],
    [
      "z-2.txt",
      "Council member Mara Quist's school plan faces a vote",
      "Closing three schools would hurt every family",
    ],
  ];
  for (const [name, title, said] of stories) {
    writeFileSync(
      join(dir, "articles", name),
      `${title}\n\nThe council votes on Friday.\n\n"${said}," Mara Quist said on Tuesday.\n`,
    );
  }
  handle = await openLibrary({ dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (line: string) => runLine(line, commands, handle.library);

describe("/quote lists a speaker's stories first, a page at a time", () => {
  it("opens with the stories about the speaker, then the passing mentions", async () => {
    const answer = await ask("/quote speaker:Quist");
    expect(answer.heading).toBe("Mara Quist: 62 quotes");
    expect(answer.items).toHaveLength(50);
    expect(
      answer.items
        .slice(0, 2)
        .map((i) => i.citation?.articleId)
        .sort(),
    ).toEqual(["z-1", "z-2"]);
    expect(answer.notice).toBe("Showing the first 50. Ask with page:2 for the next.");
  });

  it("turns to the next page with page:N, and says when a page is past the last", async () => {
    const first = await ask("/quote speaker:Quist");
    const second = await ask("/quote speaker:Quist page:2");
    expect(second.items).toHaveLength(12);
    expect(second.notice).toBe("Showing 51–62.");
    const seen = new Set(first.items.map((i) => i.citation?.articleId));
    expect(second.items.filter((i) => seen.has(i.citation?.articleId))).toEqual([]);
    const past = await ask("/quote speaker:Quist page:3");
    expect(past.items).toEqual([]);
    expect(past.notice).toContain("past the last quote");
    expect((await ask("/quote speaker:Quist page:0")).status).toBe("invalid");
  });
});
