import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractAttributions } from "../../src/attribution/extract.ts";
import { isCaptionLine, wordCount } from "../../src/corpus/chrome.ts";
import { foldSpace } from "../../src/corpus/outcome.ts";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";

/** Parses and analyses a file's text; the milliseconds it took. */
function timeFile(file: string, text: string): number {
  const started = performance.now();
  const outcome = parseArticleFile(file, new TextEncoder().encode(text));
  expect(outcome.ok).toBe(true);
  if (outcome.ok) for (const article of outcome.articles) extractAttributions(article);
  return performance.now() - started;
}

const SAID = '"The plan is sound," Anna Berg said.\n\n';

// Each shape took seconds to minutes before: the limits leave room for a busy machine.
describe("text shapes that were quadratic", () => {
  it("counts the words of a giant token with no letter in linear time", () => {
    // A 40 KB line of dashes took 1.6 s: the pattern rescanned the token from each character.
    const dashes = "-".repeat(400_000);
    const started = performance.now();
    expect(wordCount(dashes)).toBe(0);
    expect(wordCount(`${dashes} a-b ${dashes}x`)).toBe(2);
    expect(isCaptionLine(dashes)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("counts a giant line's words no further than a check needs", () => {
    // Asking whether a 1 MB paragraph was a short footer line split it whole into 200,000
    // strings to say "more than 5 words", in time growing faster than the text.
    const words = "and the minister of state ".repeat(40_000);
    expect(wordCount(words, 5)).toBe(6);
    expect(wordCount("- a -- b c", 5)).toBe(3);
    expect(wordCount(words)).toBe(200_000);
  });

  it("folds white space as one replace of every run would, replacing only what changes", () => {
    const plain = (text: string) => text.replace(/[\s\u200b]+/g, " ").trim();
    const spaces = fc.constantFrom(
      " ",
      "  ",
      "\n",
      "\t",
      "\r\n",
      "\u00a0",
      "\u200b",
      "\ufeff",
      " \n ",
    );
    const text = fc.array(fc.oneof(spaces, fc.constantFrom("a", "Berg", ".", "“")), {
      maxLength: 40,
    });
    fc.assert(fc.property(text, (parts) => foldSpace(parts.join("")) === plain(parts.join(""))));
    // A hard-wrapped paragraph of 1 MB with one double space: every single space used to be
    // replaced too.
    const paragraph = `${"and the minister of state ".repeat(40_000)} said Anna Berg.`;
    expect(foldSpace(paragraph)).toBe(plain(paragraph));
  });

  it("reads a run of straight quote marks", () => {
    // 180 KB took 59 s.
    expect(timeFile("quotes.txt", SAID + '"'.repeat(200_000))).toBeLessThan(3000);
  });

  it("reads a name glued to full stops 24,000 times", () => {
    // 120 KB of ".Berg" took 26 s: each glued full stop walked back over the whole run to ask
    // whether it closed an abbreviation.
    expect(timeFile("glued.txt", SAID + ".Berg".repeat(24_000))).toBeLessThan(3000);
  });

  it("reads an initial 40,000 times in one sentence", () => {
    // 120 KB of "A. " took 9 s in markBodies: the run is one name of 40,000 words, and every
    // start compared the name's words with the rest of the sentence.
    expect(timeFile("initials.txt", SAID + "A. ".repeat(40_000))).toBeLessThan(3000);
  });

  it("reads 20,000 unclosed curly quotes, each before a word", () => {
    // 320 KB took 59 s in openQuotes: each quote searched the rest of the text for a capital.
    expect(timeFile("curly.txt", SAID + "“word ".repeat(20_000))).toBeLessThan(3000);
  });

  it("reads 'according to X' 15,000 times in one sentence", () => {
    // 40,000 took 15 s in setContent: each cue counted the words of the rest of the sentence.
    // (The rest of its time is readSentence's check of each cue against those kept, left to the
    // attribution engine's owners; the time budget bounds it.)
    expect(timeFile("according.txt", SAID + "according to X ".repeat(15_000))).toBeLessThan(5000);
  });

  it.each([
    ["unclosed links and emphasis", "*_[`"],
    ["link openers", "[a]("],
    ["tag openers", "<a "],
    ["strong openers", "**a "],
    ["struck openers", "~~a "],
  ])("parses 1 MB of Markdown %s", (_, unit) => {
    // Each opener read the 500 to 2,000 characters after it: parsing 1 MB of "*_[`" took 1.5 s,
    // of "[a](" 3 s, of "**a " 1.4 s. (Analysing the text it leaves is timed above.)
    const text = `# Title\n\n${SAID}${unit.repeat(1_000_000 / unit.length)}`;
    const started = performance.now();
    const outcome = parseArticleFile("emphasis.md", new TextEncoder().encode(text));
    expect(outcome.ok && outcome.articles[0]?.paragraphs).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
