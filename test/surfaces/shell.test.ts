import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import xterm from "@xterm/headless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { LogRelay } from "../../src/surfaces/log-relay.ts";
import { runShell } from "../../src/surfaces/shell.ts";

const root = join(import.meta.dirname, "../..");
let data: string;
let handle: LibraryHandle;
const logs = new LogRelay(() => {});

/** An article of 25 paragraphs: longer than a list page, shorter than any real limit. */
const LONG_ARTICLE = [
  "Port strike enters third week",
  "",
  ...Array.from({ length: 25 }, (_, i) => [
    `Dock workers stayed out for day ${i + 1}, union leader Maria Lopes said on Monday.`,
    "",
  ]).flat(),
].join("\n");

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), "whosaid-shell-"));
  cpSync(join(root, "data/articles"), join(data, "articles"), { recursive: true });
  writeFileSync(join(data, "articles/port-strike.txt"), LONG_ARTICLE);
  handle = await openLibrary({
    dataDir: data,
    indexDir: join(data, ".whosaid"),
    watch: true,
    log: logs.write,
  });
  // A file the tests write is found by the watcher, which is up from here.
  await handle.watching;
});

afterAll(async () => {
  await handle.close();
  rmSync(data, { recursive: true, force: true });
});

/**
 * The real shell, its readline loop reading keys from a stream. On a terminal its output goes
 * to a headless xterm, so tests read the screen as a user sees it, escape codes applied.
 */
function session(terminal: boolean) {
  const input = new PassThrough();
  const screen = new xterm.Terminal({ cols: 100, rows: 60, allowProposedApi: true });
  let raw = "";
  let written = Promise.resolve();
  const output = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      raw += text;
      written = written.then(() => new Promise<void>((r) => screen.write(text, r)));
      done();
    },
  });
  if (terminal) Object.assign(output, { isTTY: true, columns: 100, rows: 60 });
  const ended = runShell({
    commands,
    library: handle.library,
    input,
    output,
    historyFile: null,
    greeting: "whosaid test shell",
    logs,
  });
  const lines = async () => {
    await written;
    const buffer = screen.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++)
      out.push(buffer.getLine(i)?.translateToString(true) ?? "");
    while (out.length && out.at(-1) === "") out.pop();
    return out;
  };
  return {
    ended,
    type: (keys: string) => input.write(keys),
    raw: () => raw,
    lines,
    /** Waits until the output so far matches. */
    async waitFor(pattern: RegExp, ms = 5000): Promise<void> {
      const until = Date.now() + ms;
      while (!pattern.test(raw)) {
        if (Date.now() > until)
          throw new Error(`timed out waiting for ${pattern}; output:\n${raw}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** Types lines into a shell on a plain stream and returns everything it printed. */
async function typed(...lines: string[]): Promise<string> {
  const shell = session(false);
  shell.type(`${lines.join("\n")}\n/quit\n`);
  await shell.ended;
  return shell.raw();
}

describe("the shell on a terminal", () => {
  it("prints a watcher's message above the prompt and redraws what was typed", async () => {
    const shell = session(true);
    await shell.waitFor(/whosaid> /);
    shell.type("/quote speaker:Pes");
    await shell.waitFor(/speaker:Pes/);
    writeFileSync(join(data, "articles/empty.txt"), "");
    await shell.waitFor(/empty\.txt: empty file/, 8000);
    const screen = await shell.lines();
    const log = screen.findIndex((l) => /empty\.txt: empty file/.test(l));
    expect(screen[log]).toMatch(/^skipped .*empty\.txt: empty file$/);
    // The prompt is drawn again under the message, with the half-typed command, and nothing of
    // it is left on the line above.
    expect(screen[log + 1]).toBe("whosaid> /quote speaker:Pes");
    expect(screen.filter((l) => l.startsWith("whosaid> /quote"))).toHaveLength(1);
    // The command goes on from where it was left, as one line.
    shell.type("kov\r");
    await shell.waitFor(/Dmitry Peskov: \d+ quotes/);
    shell.type("/quit\r");
    await shell.ended;
    rmSync(join(data, "articles/empty.txt"));
  });

  it("clears a half-typed line on Ctrl+C and quits on Ctrl+C at an empty prompt", async () => {
    const shell = session(true);
    await shell.waitFor(/whosaid> /);
    shell.type("/search crude intel");
    await shell.waitFor(/crude intel/);
    shell.type("\x03");
    await shell.waitFor(/\^C/);
    shell.type("/speakers Parker\r");
    await shell.waitFor(/1 speaker matches “Parker”/);
    // What was cleared was never run: the only answer is the one to /speakers.
    expect(shell.raw()).not.toMatch(/passages? match/);
    const screen = await shell.lines();
    expect(screen).toContain("whosaid> /search crude intel^C");
    expect(screen).toContain("whosaid> /speakers Parker");
    shell.type("\x03");
    await shell.ended;
  });

  it("quits when Ctrl+C is pressed twice on a half-typed line", async () => {
    const shell = session(true);
    await shell.waitFor(/whosaid> /);
    shell.type("/who claim:half");
    await shell.waitFor(/half/);
    shell.type("\x03");
    await shell.waitFor(/\^C/);
    shell.type("\x03");
    await shell.ended;
    expect(shell.raw()).not.toMatch(/Can't answer|Nobody/);
  });
});

describe("the shell's answers", () => {
  it("reads a plain question as the command it means and says so", async () => {
    const out = await typed(
      "what did Peskov say?",
      "who accused Russia of interfering?",
      "/what did the MI5 chief say?",
    );
    expect(out).toMatch(/Dmitry Peskov: \d+ quotes\nNote: Answered as \/quote speaker:Peskov\./);
    expect(out).toMatch(/Andrew Parker: \d+ quotes\nNote: Answered as \/quote speaker:MI5 chief\./);
    expect(out).toContain("Note: Answered as /who claim:who accused Russia of interfering?");
    expect(out).not.toContain("Unknown command");
  });

  it("suggests commands for plain text it cannot read as a question", async () => {
    const out = await typed("Peskov");
    expect(out).toContain("/quote speaker:Peskov lists what someone said");
  });

  it("offers the command or option a typo was meant to be", async () => {
    const out = await typed("/qoute Peskov", "/quote speakr:Peskov");
    expect(out).toContain("Unknown command /qoute. Did you mean /quote?");
    expect(out).toContain("“speakr” is not an option of /quote; did you mean speaker:?");
    expect(out).not.toMatch(/No speaker called/);
  });

  it("agrees the verb with a count of one", async () => {
    const out = await typed("/speakers Parker", "/articles TASS", "/articles moscow september");
    expect(out).toContain("1 speaker matches “Parker”");
    // The outlet and the dateline match, not only the title and id.
    expect(out).toContain("1 article matches “TASS”");
    expect(out).toContain("1 article matches “moscow september”");
    expect(out).not.toMatch(/\b1 \w+ match\b/);
  });

  it("cuts a long query's echo at a word, with an ellipsis", async () => {
    // Long, yet within the 500 characters /search takes on every surface.
    const query = "crude intelligence methods ".repeat(15).trim();
    const out = await typed(`/search ${query}`);
    const line = out.split("\n").find((l) => /passages? match/.test(l)) ?? "";
    const heading = line.replace(/^whosaid> /, "");
    expect(heading).toMatch(
      /^\d+ passages? match “crude intelligence methods crude .*(?:crude|intelligence|methods)…”$/,
    );
    expect(heading.length).toBeLessThan(120);
  });

  it("shows in /help what works in the shell, and not Discord's public option", async () => {
    const out = await typed("/help");
    expect(out).toContain("/quote speaker:<speaker> [about:<about>]");
    expect(out).toContain("/more shows the next results");
    expect(out).not.toContain("public");
  });

  it("shows an article's citation once, then every paragraph of it, numbered", async () => {
    const out = await typed("/article port-strike");
    expect(out.match(/\[port-strike\]/g)).toHaveLength(1);
    expect(out).not.toContain("Type /more");
    for (let n = 1; n <= 25; n++) {
      expect(out).toContain(`¶${n} Dock workers stayed out for day ${n}, union leader`);
    }
  });

  it("lists a statement an article prints twice once, cited to its body paragraph", async () => {
    const out = await typed("/quote speaker:New York Times");
    const repeated = "US secret services had tried but failed to persuade Deripaska";
    expect(out.split(repeated)).toHaveLength(3); // the quote and its evidence, once each
    expect(out).toMatch(/tried but failed[^\n]*\n[^\n]*\n[^\n]*\[000_0d28011d82771a06 ¶6\]/);
    expect(out).not.toContain("[000_0d28011d82771a06 lead]");
  });
});
