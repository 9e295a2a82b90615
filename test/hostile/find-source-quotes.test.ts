import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { parseCommandLine } from "../../src/surfaces/parse-command-line.ts";
import { quotedParts } from "../../src/text/quoted-parts.ts";

/** quotedParts as it was, with one pattern: the reference for what the linear scan must give. */
function byPattern(text: string): string[] {
  const parts: string[] = [];
  for (const m of text.matchAll(/“([^”]+)”|"([^"]+)"|«([^»]+)»|„([^“”]+)[“”]|‘([^’]{12,})’/g)) {
    const part = m.slice(1).find((g) => g !== undefined);
    if (part) parts.push(part);
  }
  const quoted = text
    .split(/\r?\n/)
    .filter((line) => /^\s*>/.test(line))
    .map((line) => line.replace(/^\s*>+\s?/, ""))
    .join(" ");
  if (quoted.trim() && parts.length === 0) parts.push(quoted);
  if (parts.length === 0) parts.push(text);
  return parts;
}

const marks = fc.constantFrom("“", "”", '"', "«", "»", "„", "‘", "’", "a", "b c", " ", "\n", "> ");

describe("Find source's quote finder", () => {
  it("finds the same quotes as the pattern it replaced, on any mix of marks", () => {
    fc.assert(
      fc.property(fc.array(marks, { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");
        expect(quotedParts(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("takes linear time on 200,000 unmatched curly quotes", () => {
    // 100,000 characters took 3.8 s and 200,000 took 17 s.
    for (const mark of ["“", "„", "‘", "«"]) {
      const started = performance.now();
      quotedParts(`${mark}word `.repeat(40_000));
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe("the shell and CLI", () => {
  it("refuse an option longer than Discord takes, naming the limit", () => {
    const long = "“".repeat(4001);
    const parsed = parseCommandLine(`/find-source text:${long}`, commands);
    expect(parsed).toEqual({
      ok: false,
      error: "text is too long: at most 4,000 characters, as on Discord (this has 4,001).",
    });
    expect(parseCommandLine(`/find-source ${"x".repeat(4000)}`, commands).ok).toBe(true);
    expect(parseCommandLine(`/search ${"x".repeat(501)}`, commands)).toMatchObject({ ok: false });
  });
});
