import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Standin } from "./standin/server.ts";

const root = join(import.meta.dirname, "../..");

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm start with a token in .env", () => {
  let standin: Standin;
  let dir: string;
  let child: ChildProcess;
  let output = "";

  beforeAll(async () => {
    standin = await new Standin().listen();
    dir = mkdtempSync(join(tmpdir(), "whosaid-start-"));
    cpSync(join(root, "data/articles"), join(dir, "data/articles"), { recursive: true });
    // The same .env a user writes, read from the working folder by dotenv.
    writeFileSync(
      join(dir, ".env"),
      [
        `DISCORD_TOKEN=${standin.token}`,
        `DISCORD_CLIENT_ID=${standin.appId}`,
        `DISCORD_API_URL=${standin.apiUrl}`,
        "WATCH=false",
      ].join("\n"),
    );
    const env = { ...process.env };
    for (const name of [
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_API_URL",
      "DATA_DIR",
      "INDEX_DIR",
    ])
      delete env[name];
    // As `npm start` runs it (node with tsx's loader), from the user's folder.
    child = spawn(
      process.execPath,
      [
        "--import",
        pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href,
        join(root, "src/main.ts"),
      ],
      // Its own process group, so that whatever it starts ends with it.
      { cwd: dir, env, detached: true },
    );
    child.stdout?.on("data", (c) => {
      output += c;
    });
    child.stderr?.on("data", (c) => {
      output += c;
    });
  });

  afterAll(async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group has ended already.
    }
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the bot, answers a slash command, never prints the token, and stops on SIGTERM", async () => {
    await until(() => standin.identifies > 0, "the bot to identify on the gateway");
    await until(() => /Library: 2 articles/.test(output), "the library to open");
    const { message } = await standin.awaitResponse(
      standin.slash("quote", { speaker: "Peskov" }),
      10_000,
    );
    expect(JSON.stringify(message?.embeds)).toContain("Dmitry Peskov");

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Nothing of the group is left running: not tsx's child, which runs the bot.
    await until(() => {
      try {
        process.kill(-(child.pid as number), 0);
        return false;
      } catch {
        return true;
      }
    }, "the bot's process group to end");
    expect(output).not.toContain(standin.token);
    expect(output).toMatch(/SIGTERM/);
  });
});
