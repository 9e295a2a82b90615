import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { scoreNotSaid, scoreQuestions } from "../../scripts/lib/questions.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { runLine } from "../../src/surfaces/run-line.ts";
import { gold } from "../helpers/gold.ts";

let dir: string;
let handle: LibraryHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "whosaid-questions-"));
  cpSync(join(import.meta.dirname, "../../data/articles"), join(dir, "articles"), {
    recursive: true,
  });
  handle = await openLibrary({ dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the seeds' questions, asked as users type them", () => {
  it("every question names the right speaker first, with the required quotes", async () => {
    const results = await scoreQuestions(gold.questions, commands, handle.library);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(gold.questions.length);
  });

  it("names nobody for a claim nobody in the seeds makes, and shows the closest as related", async () => {
    expect(gold.not_said.length).toBeGreaterThanOrEqual(7);
    const results = await scoreNotSaid(gold.not_said, commands, handle.library);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const putin = await runLine(
      "/who claim:Putin said Russia interfered in the US election",
      commands,
      handle.library,
    );
    expect(putin.heading).toBe("Nobody in the coverage is reported saying that");
    expect(putin.notice).toMatch(/Putin/);
    expect(putin.items.length).toBeGreaterThan(0);
    expect(new Set(putin.items.map((i) => i.role))).toEqual(new Set(["related"]));
  });

  it("/quote about: says how many quotes are on the topic, and when none is", async () => {
    const all = await runLine("/quote speaker:Peskov", commands, handle.library);
    const on = await runLine("/quote speaker:Peskov about:allegations", commands, handle.library);
    const matching = on.items.filter((i) => /allegation/i.test(`${i.text} ${i.evidence ?? ""}`));
    expect(matching.length).toBeGreaterThan(0);
    expect(on.heading).toBe(
      `${all.heading}, ${on.items.findIndex((i) => !matching.includes(i))} about “allegations” first`,
    );
    const off = await runLine("/quote speaker:Peskov about:zeppelins", commands, handle.library);
    expect(off.heading).toBe(`${all.heading}, none about “zeppelins”`);
    expect(off.items).toEqual(all.items);
  });

  it("/quote speaker:Peskov shows only Peskov's words, each with its evidence and citation", async () => {
    const answer = await runLine("/quote speaker:Peskov", commands, handle.library);
    expect(answer.items.length).toBeGreaterThanOrEqual(8);
    for (const item of answer.items) {
      expect(item.speaker).toBe("Dmitry Peskov");
      expect(item.evidence).toContain(item.text.split(" … ")[0]?.slice(0, 20));
      expect(item.citation?.paragraph).toBeGreaterThan(0);
    }
    // Both seeds quote him; one person is one speaker across the corpus.
    expect(new Set(answer.items.map((i) => i.citation?.outlet))).toEqual(
      new Set(["TASS", "Press TV"]),
    );
  });

  it("/who on an allegation also says who denied it", async () => {
    const answer = await runLine(
      "/who claim:Who said Russia pushes its foreign policy abroad in increasingly aggressive ways?",
      commands,
      handle.library,
    );
    expect(answer.items[0]?.speaker).toBe("Andrew Parker");
    expect(answer.items[0]?.stance).toBe("allegation");
    const denials = answer.items.filter((i) => i.role === "denial");
    expect(denials.map((d) => d.speaker)).toContain("Dmitry Peskov");
  });

  it("/who names only the denials that answer that allegation, and no weak matches", async () => {
    const answer = await runLine(
      "/who claim:Who accused Russia of trying to interfere in the US presidential election?",
      commands,
      handle.library,
    );
    expect(answer.items.filter((i) => i.role === "claim").map((i) => i.speaker)).toEqual([
      "Washington",
    ]);
    // The Kremlin's dismissal of "the charges" and Putin's denial answer Washington; Peskov's
    // and Moscow's answer the MI5 chief, Deripaska's the FBI.
    expect(answer.items.filter((i) => i.role === "denial").map((i) => i.speaker)).toEqual([
      "Kremlin",
      "Vladimir Putin",
    ]);
  });

  it("/search lists only passages that hold the words, not every paragraph under a matching title", async () => {
    const answer = await runLine("/search crude", commands, handle.library);
    // "crude" is in the TASS title and in two of its paragraphs.
    expect(answer.items).toHaveLength(2);
    for (const item of answer.items) expect(item.text).toMatch(/crude/i);
  });

  it("a name that fits nobody says so and points at /speakers", async () => {
    const answer = await runLine("/quote speaker:Zelensky", commands, handle.library);
    expect(answer.status).toBe("empty");
    expect(answer.notice).toMatch(/\/speakers/);
  });
});
