import { describe, expect, it } from "vitest";
import { isChromeLine } from "../../src/corpus/chrome.ts";
import { parseText } from "../../src/corpus/parse-text.ts";

describe("page clutter is chrome", () => {
  it.each([
    ['<tweet tweet-id="123456789"><tweet/>.'],
    ['<blockquote class="embed" data-id="42">'],
    ["</iframe>"],
    ["ABSTRACT."],
    ["FULL TEXT."],
    ["CORRECTION APPENDED."],
    ["CORRECTION:"],
    ["(BEGIN VIDEO CLIP.)"],
    ["THE WEEKEND’S POLLS"],
    ["Do you support Jane Doe? Like the page:"],
    ["Are you on Team Blue? Like the page:"],
    ["Love this story? Share it with your friends on Facebook:"],
    ["Want the news first? Sign up for our newsletter:"],
    ["Follow us:"],
    ["9:05 p.m."],
    ["2 p.m.:"],
    ["10:30 ET"],
    ["X."],
    ["* * *"],
    ["Twitter."],
    [".bio-text {"],
    ["font-family:Helvetica, Arial, sans-serif;"],
  ])("%s", (line) => {
    expect(isChromeLine(line)).toBe(true);
  });
});

describe("real paragraphs are not clutter", () => {
  it.each([
    ["Like the president, the senator told supporters:"],
    ["He ended his speech with a plea: follow the money:"],
    ["“NO WAY,” the crowd chanted."],
    ["NO!"],
    ["WASHINGTON —"],
    ["60."],
    ["The number of countries that have had female leaders."],
    ["Note: the figures are preliminary;"],
    ["Poll: 3 battleground Senate races are tight;"],
    ["NATO said on Monday that it would respond."],
    ["Rubio disagreed."],
  ])("%s", (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe("parseText drops clutter between paragraphs", () => {
  it("keeps the paragraphs around labels, widgets and prompts, with exact offsets", () => {
    const text = [
      "Senate passes the budget",
      "ABSTRACT.",
      "The Senate passed the budget on Friday, a spokesman said.",
      "FULL TEXT.",
      "The Senate passed the budget late on Friday, its spokesman told reporters.",
      '<tweet tweet-id="7812345"><tweet/>.',
      "Do you support the budget? Like the page:",
      '<tweet tweet-id="7812346"><tweet/>.“It is a good day,” the leader said.',
      "9:05 p.m.",
      "The House votes next week.",
      "CORRECTION APPENDED.",
    ].join("\n\n");
    const a = parseText(text);
    expect(a.title).toBe("Senate passes the budget");
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "The Senate passed the budget on Friday, a spokesman said.",
      "The Senate passed the budget late on Friday, its spokesman told reporters.",
      "“It is a good day,” the leader said.",
      "The House votes next week.",
    ]);
    for (const p of a.paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("drops clutter lines inside a block of line-per-paragraph text", () => {
    const a = parseText(
      "Title here\n\nThe first paragraph ends here, officials said.\nX.\nThe second paragraph ends here, they added.",
    );
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "The first paragraph ends here, officials said.",
      "The second paragraph ends here, they added.",
    ]);
  });
});
