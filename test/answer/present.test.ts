import { describe, expect, it } from "vitest";
import { echo, MAX_ECHO_CHARS } from "../../src/answer/present.ts";
import { matchCount } from "../../src/text/plural.ts";

describe("echo", () => {
  it("quotes short text whole", () => {
    expect(echo("crude methods")).toBe("“crude methods”");
  });

  it("cuts long text at a word, with an ellipsis", () => {
    const text = "intelligence agencies ".repeat(40).trim();
    const shown = echo(text);
    expect(shown.length).toBeLessThanOrEqual(MAX_ECHO_CHARS + 3);
    expect(shown).toMatch(/^“intelligence agencies .*(agencies|intelligence)…”$/);
    expect(text.startsWith(shown.slice(1, -2))).toBe(true);
  });

  it("cuts a single overlong word where it stands", () => {
    expect(echo("x".repeat(500))).toBe(`“${"x".repeat(MAX_ECHO_CHARS)}…”`);
  });
});

describe("matchCount", () => {
  it("agrees the verb with the count", () => {
    expect(matchCount(1, "passage")).toBe("1 passage matches");
    expect(matchCount(3, "passage")).toBe("3 passages match");
    expect(matchCount(0, "article")).toBe("0 articles match");
    expect(matchCount(50, "passage", true)).toBe("50+ passages match");
  });
});
