import { describe, expect, it } from "vitest";
import { findSource } from "../../commands/find-source.ts";
import type { Answer } from "../../src/answer/answer.ts";
import { library } from "./fixtures.ts";

const find = (text: string) => findSource.run({ text }, { library }) as Answer;

describe("Find source", () => {
  it("finds the exact wording and who said it", () => {
    const found = find(
      'Doe: "We reject these baseless claims entirely, and we will publish every figure"',
    );
    expect(found.status).toBe("ok");
    expect(found.heading).toBe("Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2");
    const [item] = found.items;
    expect(item?.speaker).toBe("Jane Doe");
    expect(item?.cue).toBe("said");
    expect(item?.citation).toMatchObject({ articleId: "a1", paragraph: 2 });
    expect(item?.details).toEqual([
      "Exact wording: the message matches the article word for word.",
    ]);
  });

  it("ignores case, punctuation, curly quotes and Discord formatting when judging exact", () => {
    const found = find("> **“THIS budget keeps every library open — and every bus running!”**");
    expect(found.items[0]?.speaker).toBe("John Smith");
    expect(found.items[0]?.details?.[0]).toMatch(/^Exact wording/);
  });

  it("calls a misquote close and shows the difference word by word", () => {
    const found = find(
      "“We reject these baseless allegations entirely and will publish every single figure”",
    );
    expect(found.heading).toBe("Jane Doe: close wording, Daily Planet 2024-05-01 ¶2");
    expect(found.items[0]?.details).toEqual([
      "Close wording: 83% of the words match.",
      "Difference (article → message): We reject these baseless [-claims-] {+allegations+} entirely and [-we-] will publish every {+single+} figure",
    ]);
  });

  it("warns that a dropped or added negation reverses the meaning", () => {
    const found = find(
      "“We accept these baseless claims entirely, and we will not publish every figure”",
    );
    expect(found.heading).toBe(
      "Jane Doe: close wording but the opposite meaning, Daily Planet 2024-05-01 ¶2",
    );
    expect(found.items[0]?.details?.at(-1)).toMatch(/^Meaning changed/);
    const reworded = find(
      "“We reject these baseless claims entirely and will publish each figure”",
    );
    expect(reworded.heading).toBe("Jane Doe: close wording, Daily Planet 2024-05-01 ¶2");
  });

  it("says so when the words are not in the coverage", () => {
    const found = find("The cat sat on the mat and purred all afternoon");
    expect(found.status).toBe("empty");
    expect(found.items).toEqual([]);
    expect(found.notice).toBe("None of the 2 articles has these words, or words close to them.");
  });

  it("finds a passage nobody is quoted in, and does not name a speaker for it", () => {
    const found = find("critics said the plan was rushed through in a single evening session");
    expect(found.items[0]?.kind).toBe("passage");
    expect(found.items[0]?.speaker).toBeNull();
    expect(found.items[0]?.citation).toMatchObject({ articleId: "a2", paragraph: 3 });
    expect(found.notice).toBe("The article does not make clear who said this; no name is guessed.");
  });

  it("asks for more words when there are too few, and copes with hostile input", () => {
    expect(find("no").status).toBe("invalid");
    expect(find("!!! ??? ***").status).toBe("invalid");
    const long = find(`"${"every figure published ".repeat(1500)}"`);
    expect(long.notice).toContain("Only the first 60 words");
  });

  it("compares a sentence the message repeats once, and finds it", () => {
    const sentence = "We reject these baseless claims entirely, and we will publish every figure. ";
    for (const times of [2, 8]) {
      const found = find(sentence.repeat(times));
      expect(found.status).toBe("ok");
      expect(found.heading).toBe("Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2");
      expect(found.notice).toBe("A sentence the message repeats was compared once.");
    }
    const quoted = find(`Doe keeps saying “${sentence.repeat(20).trim()}”`);
    expect(quoted.heading).toBe("Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2");
  });

  it("reads a quote inside block-quote lines when it has no quote marks", () => {
    const found = find("> We reject these baseless claims entirely\nwhat do you think?");
    expect(found.heading).toBe("Jane Doe: exact wording, Daily Planet 2024-05-01 ¶2");
  });
});
