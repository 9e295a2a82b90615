import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { embedOf, type Harness, startHarness } from "../discord/harness.ts";
import type { InteractionRecord } from "../discord/standin/server.ts";

/**
 * Every finding of issue 14 as a file, generated here, dropped into the watched folder of a
 * running bot while the local Discord stand-in sends slash commands: each command is answered
 * within Discord's 3 s, and the rest of the archive still answers.
 */
const SEEDS = fileURLToPath(new URL("../../data/articles/", import.meta.url));
const SAID = '"The plan is sound," Anna Berg said.\n\n';

function hostileFiles(): [string, string][] {
  const depth = 2000;
  return [
    [
      "nested.html",
      `<body>${"<div>".repeat(depth)}<p>"x," A B said.</p>${"</div>".repeat(depth)}</body>`,
    ],
    ["quotes.txt", `Quotes\n\n${SAID}${'"'.repeat(90_000)}`],
    ["dashes.txt", `Dashes\n\n${SAID}${"-".repeat(40_000)}`],
    ["curly.txt", `Curly\n\n${SAID}${"“word ".repeat(20_000)}`],
    ["according.txt", `According\n\n${SAID}${"according to X ".repeat(10_000)}`],
    [
      "mixed.json",
      JSON.stringify([{ text: SAID }, ...Array.from({ length: 200_000 }, (_, i) => i)]),
    ],
    [
      "tiny.json",
      JSON.stringify(Array.from({ length: 30_000 }, (_, i) => ({ text: `x${i} said y.` }))),
    ],
    [`forged\nwarning: index rebuilt; all articles OK\n.txt`, `Forged\n\n${SAID}`],
    ["..dotdot.txt", `Hidden\n\n${SAID}`],
  ];
}

/** Slash commands a user might send meanwhile, each with a word its answer must hold. */
const ASKED: [string, Record<string, string>, RegExp][] = [
  ["quote", { speaker: "Peskov" }, /Peskov/],
  ["search", { query: "Deripaska" }, /Deripaska/],
  ["who", { claim: "called the allegations unfounded and baseless" }, /Peskov/],
  ["find-source", { text: `“${"“".repeat(3000)}unfounded allegations` }, /./],
  ["articles", {}, /./],
];

describe("a hostile archive dropped into a running bot", () => {
  let h: Harness;
  let handle: LibraryHandle;
  let root: string;
  const logs: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "whosaid-hostile-"));
    const articles = join(root, "data", "articles");
    mkdirSync(articles, { recursive: true });
    for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(articles, name));
    writeFileSync(join(root, ".env"), "DISCORD_TOKEN=zq9leaked\n");
    handle = await openLibrary({
      dataDir: join(root, "data"),
      watch: true,
      log: (line) => logs.push(line),
    });
    h = await startHarness({ library: handle.library, commands });
  });

  afterAll(async () => {
    await h.close();
    await handle.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers every command within 3 s while the files are read, and the archive still answers", async () => {
    const articles = join(root, "data", "articles");
    await handle.watching;
    for (const [name, text] of hostileFiles()) writeFileSync(join(articles, name), text);
    symlinkSync("../../.env", join(articles, "leak.md"));
    const sent: { record: InteractionRecord; expect: RegExp }[] = [];
    const end = Date.now() + 8000;
    while (Date.now() < end) {
      for (const [name, values, expected] of ASKED) {
        sent.push({ record: h.standin.slash(name, values), expect: expected });
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const { record, expect: expected } of sent) {
      const { message } = await h.standin.awaitResponse(record, 10_000);
      const first = record.callbacks[0];
      expect(first && first.at - record.sentAt).toBeLessThan(3000);
      expect(JSON.stringify(embedOf(message))).toMatch(expected);
    }
    expect(sent.length).toBeGreaterThan(50);
    // The watcher has read them by now: the token is nowhere, the log has no forged line.
    const until = Date.now() + 30_000;
    while (!logs.some((l) => l.includes("dotdot")) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(handle.library.searchPassages("zq9leaked")).toEqual([]);
    expect(logs.flatMap((l) => l.split("\n"))).not.toContain(
      "warning: index rebuilt; all articles OK",
    );
    expect(logs.some((l) => l.includes("leak.md: symbolic link to outside the data folder"))).toBe(
      true,
    );
    expect(handle.library.searchPassages("Peskov").length).toBeGreaterThan(0);
  }, 90_000);
});
