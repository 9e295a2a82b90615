import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";

describe("the README", () => {
  it("has a row in its command table for every registered command", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const table = readme.slice(
      readme.indexOf("## Commands"),
      readme.indexOf("## The command line"),
    );
    const rows = table.split("\n").filter((l) => l.startsWith("| `/"));
    expect(rows.length).toBeGreaterThanOrEqual(commands.length);
    for (const command of commands) {
      expect(
        rows.some((r) => r.startsWith(`| \`/${command.name}`)),
        `/${command.name}`,
      ).toBe(true);
    }
  });
});
