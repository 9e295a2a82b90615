import { describe, expect, it } from "vitest";
import { terminalProgress } from "../../src/library/progress.ts";

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  const fake = { isTTY, write: (s: string) => written.push(s) > 0 };
  return { written, stream: fake as unknown as NodeJS.WriteStream };
};

describe("terminal progress", () => {
  it("draws a bar on a terminal and clears it when done", () => {
    const { written, stream: out } = stream(true);
    const progress = terminalProgress("indexing", out);
    progress?.(250, 1000);
    progress?.(1000, 1000);
    expect(written[0]).toMatch(/^\rindexing \[#{8}-{22}\] 25% 250\/1,000$/);
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("stays silent where the output is not a terminal", () => {
    expect(terminalProgress("indexing", stream(false).stream)).toBeNull();
  });
});
