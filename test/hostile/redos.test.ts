import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { regexLiterals, sourceFiles } from "../helpers/regex-literals.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Patterns recheck finds super-linear that only ever see short, bounded text, each with where
 * the bound is. A new pattern over article text or user input must be linear, or be listed here
 * with its bound.
 */
const BOUNDED: Record<string, string> = {
  "^-+|-+$": "a file name or a speaker's name (article-id.ts, speakers.ts)",
  "^-?[a-z]+(?:-[a-z]+)*\\s*:(?:\\s*[^\\s;:]+){1,4}\\s*;$": "chrome.ts: lines under 200 characters",
  "[:.»›>|]+$": "chrome.ts: lines under 40 characters",
  "\\s*[/›»>|]\\s*": "chrome.ts isCrumb: lines under 200 characters",
  "^#{1,6}\\s+(.*?)\\s*#*\\s*$":
    "parse-markdown.ts: V8 matches it in linear time (no failing suffix)",
  "\\\\+$": "discord/limits.ts: text already clipped to Discord's limits (6,000)",
  "\\/+$": "discord/settings.ts: the API URL setting",
  "\\s+\\S*$": "present.ts: a query clipped to 500 characters",
  "(\\p{L}+)\\s$": "gender.ts: the 16 characters before a name",
  "(?:^|[.)]\\s+)(?:photo|image|picture|credit|photograph)s?\\s*(?:credit)?\\s*:":
    "chrome.ts isCaptionLine: lines under 300 characters",
  "-+$": "fetched-article.ts: a slug cut to 60 characters",
  "<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)": "page-text.ts: the first 4,096 bytes of a page",
  "<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)": "page-text.ts: the first 4,096 bytes of a page",
  "^[\\s.,;:!?]+|[\\s.,;:!?]+$": "question.ts: a /who claim, at most 500 characters",
  "\\p{L}{3,}(er|or|ist|ian|ant|ent)$": "discourse.ts: a word under 40 characters",
  "\\p{L}{4,}(?:er|or|ist|ian)$": "entities.ts: a word under 40 characters",
  "^(?:\\p{Lu}[\\p{L}.'-]*\\s*){1,3}$": "plain-question.ts: a line of at most 60 characters",
};

describe("the project's regular expressions", () => {
  it("are linear (recheck), or listed with the bound on what they read", () => {
    const files = sourceFiles(join(ROOT, "src"), join(ROOT, "commands"));
    const literals = files.flatMap(regexLiterals);
    expect(literals.length).toBeGreaterThan(200);
    const unsafe: string[] = [];
    for (const { file, line, source, flags } of literals) {
      if (source in BOUNDED) continue;
      // The automaton checker is exact where it applies and quick; "unknown" (lookbehind,
      // back-references, a timeout) is left to the hostile benchmark.
      const result = checkSync(source, flags.replace(/[gy]/g, ""), {
        checker: "automaton",
        timeout: 1000,
      });
      if (result.status === "vulnerable") {
        unsafe.push(`${file.slice(ROOT.length)}:${line} /${source}/${flags}`);
      }
    }
    expect(unsafe).toEqual([]);
  }, 180_000);
});
