import { describe, expect, it } from "vitest";
import type { ArticleContent } from "../../src/corpus/outcome.ts";
import { parseText } from "../../src/corpus/parse-text.ts";

function bodyOf(text: string): string[] {
  const a = parseText(text);
  expectSpans(a);
  return a.paragraphs.map((p) => p.text);
}

function expectSpans(a: ArticleContent) {
  a.paragraphs.forEach((p, i) => {
    expect(p.n).toBe(i + 1);
    expect(a.text.slice(p.start, p.end)).toBe(p.text);
  });
}

const lines = [
  "The mayor said on Tuesday that the city would open three new shelters before winter.",
  "“We cannot leave people on the street when the temperature drops,” she told reporters.",
  "Council members from both parties backed the plan, according to a statement.",
  "The shelters will cost about $2 million a year. [City Desk]",
  "Critics asked where the money would come from:",
  "“Nobody has shown us a budget,” said one council member.",
];

describe("paragraphs separated by single line breaks", () => {
  it("makes each line that reads as a paragraph a paragraph of its own", () => {
    expect(bodyOf(`Mayor opens shelters\n\n${lines.join("\n")}\n`)).toEqual(lines);
  });

  it("keeps offsets exact with Windows line endings and trailing no-break spaces", () => {
    const text = `Mayor opens shelters\r\n\r\n${lines.join("\u00a0\r\n")}\r\n`;
    const body = bodyOf(text);
    expect(body).toHaveLength(lines.length);
    expect(body[1]).toBe(lines[1]);
  });

  it("keeps a line that runs on into the next with it", () => {
    const text = [
      "Budget fight",
      "",
      "The council voted on the budget late on Monday after a long debate.",
      "“Supporters of the plan,” the mayor added, “have focused largely on the cost and not",
      "on the people it would help.”",
      "The vote was seven to two, with one member absent.",
    ].join("\n");
    expect(bodyOf(text)).toEqual([
      "The council voted on the budget late on Monday after a long debate.",
      "“Supporters of the plan,” the mayor added, “have focused largely on the cost and not\non the people it would help.”",
      "The vote was seven to two, with one member absent.",
    ]);
  });

  it("keeps hard-wrapped prose as one paragraph, even where a line ends a sentence", () => {
    const wrapped = [
      "The court said on Monday that the publisher had broken copyright law by",
      "printing the letters without consent. It ordered the publisher to pay",
      "damages of about ten thousand dollars to the author, who had sued in",
      "2017 after the book came out. The publisher said it would appeal.",
    ].join("\n");
    expect(bodyOf(`Court rules against publisher\n\n${wrapped}\n\nA second paragraph.`)).toEqual([
      wrapped,
      "A second paragraph.",
    ]);
  });

  it("keeps a headline and its deck together as the title", () => {
    const a = parseText(
      "Jobs report gives Democrats a lift;\nSolid upturn could blunt Republican claims.\n\nThe report cheered Democrats, officials said.",
    );
    expect(a.title).toBe(
      "Jobs report gives Democrats a lift; Solid upturn could blunt Republican claims.",
    );
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "The report cheered Democrats, officials said.",
    ]);
  });

  it("starts the body at a line closed by a source tag", () => {
    const a = parseText(
      "Morning email\n\nSENATE PASSES BILL The vote was close. [Jane Roe, Wire]\nHOUSE WAITS The House will vote next week. [Reuters]",
    );
    expect(a.lead).toBeNull();
    expect(a.paragraphs).toHaveLength(2);
  });
});
