import { describe, expect, it } from "vitest";
import { findDateline } from "../../src/corpus/dateline.ts";
import type { ArticleContent } from "../../src/corpus/outcome.ts";
import { parseText } from "../../src/corpus/parse-text.ts";

function expectSpans(article: ArticleContent) {
  article.paragraphs.forEach((p, i) => {
    expect(p.n).toBe(i + 1);
    expect(article.text.slice(p.start, p.end)).toBe(p.text);
  });
  for (const c of article.captions) expect(article.text.slice(c.start, c.end)).toBe(c.text);
}

const page = [
  "Home \u00a0› \u00a0World \u00a0› \u00a0Europe",
  "Berlin rejects spying claims",
  "Published: Mar 5, 2019 10:12 GMT",
  "Chancellor Angela Merkel",
  "BERLIN, March 5 (Wire Agency) - Germany on Tuesday rejected claims that its intelligence service spied on allies, government spokesman Steffen Seibert said.",
  '"We have nothing to hide," Seibert told reporters.',
  "Protesters outside the Chancellery in Berlin. Photo: Jane Doe",
  "The opposition said it wanted answers in parliament.",
  "Tags: Germany, Espionage",
  "Share on Facebook\nShare on Twitter",
  "© 2019 Wire Agency. All rights reserved.",
  "https://wire.example/world",
].join("\n\n");

describe("parseText", () => {
  it("drops generic chrome, reads the date stamp, caption and dateline", () => {
    const a = parseText(page);
    expect(a.title).toBe("Berlin rejects spying claims");
    expect(a.dateline).toBe("BERLIN, March 5");
    expect(a.outlet).toBe("Wire Agency");
    expect(a.date).toBe("2019-03-05");
    expect(a.captions.map((c) => c.text)).toEqual([
      "Chancellor Angela Merkel",
      "Protesters outside the Chancellery in Berlin. Photo: Jane Doe",
    ]);
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "Germany on Tuesday rejected claims that its intelligence service spied on allies, government spokesman Steffen Seibert said.",
      '"We have nothing to hide," Seibert told reporters.',
      "The opposition said it wanted answers in parliament.",
    ]);
    expectSpans(a);
  });

  it("splits Windows line endings right and keeps offsets into the text as read", () => {
    const text = page.replace(/\n/g, "\r\n");
    const a = parseText(text);
    expect(a.title).toBe("Berlin rejects spying claims");
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[1]?.text).toBe('"We have nothing to hide," Seibert told reporters.');
    expect(a.text).toBe(text);
    expectSpans(a);
  });

  it("loads text with unbalanced quote marks", () => {
    const a = parseText(
      "Quote trouble\n\n“He never closed this quote, said the minister.\n\nShe said ”no“ and \"maybe.\n\n' stray.",
    );
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "“He never closed this quote, said the minister.",
      'She said ”no“ and "maybe.',
      "' stray.",
    ]);
    expectSpans(a);
  });

  it("keeps a lead without a final period apart from the body", () => {
    const a = parseText(
      "Title of the story here\n\nA standfirst that sums up the story without a full stop\n\nThe first real paragraph ends here.",
    );
    expect(a.lead).toBe("A standfirst that sums up the story without a full stop");
    expect(a.paragraphs.map((p) => p.text)).toEqual(["The first real paragraph ends here."]);
  });

  it("finds no body in a title alone or in chrome alone", () => {
    expect(parseText("Just a headline").paragraphs).toEqual([]);
    expect(parseText("All news\n\nSHARE THIS ARTICLE\n\nwww.example.com").paragraphs).toEqual([]);
  });

  it("takes the outlet from a site footer and drops the footer's trailing short lines", () => {
    const a = parseText(
      "Headline about talks\n\nTalks went on late into the night, officials said.\n\nDaily Planet's website can also be accessed at the following alternate addresses:\n\ndailyplanet.example\n\nDaily Planet Android App",
    );
    expect(a.outlet).toBe("Daily Planet");
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "Talks went on late into the night, officials said.",
    ]);
  });
});

describe("findDateline", () => {
  it("reads the common dateline forms", () => {
    expect(findDateline("MOSCOW, September 3. /TASS/. The United States")).toEqual({
      dateline: "MOSCOW, September 3",
      outlet: "TASS",
      date: null,
      length: "MOSCOW, September 3. /TASS/. ".length,
    });
    expect(findDateline("WASHINGTON (Reuters) - The White House said")).toMatchObject({
      dateline: "WASHINGTON",
      outlet: "Reuters",
    });
    expect(findDateline("NEW YORK, Jan. 5, 2019 — Stocks fell")).toMatchObject({
      dateline: "NEW YORK, Jan. 5, 2019",
      outlet: null,
      date: "2019-01-05",
    });
  });

  it("does not take acronyms, kickers or asides for datelines", () => {
    expect(findDateline("NATO said on Monday that it would respond.")).toBeNull();
    expect(findDateline("NATO (the alliance) is meeting today.")).toBeNull();
    expect(findDateline("EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.")).toBeNull();
    expect(findDateline("US President Donald Trump said")).toBeNull();
  });
});

describe("parseText on hard-wrapped text", () => {
  it("keeps wrapped lines in their paragraph even when they look like chrome", () => {
    const text =
      "Court rules on copyright case\n\nThe court said on Monday that the publisher had broken\ncopyright law, and ordered it to pay damages.\n\nShare this article";
    const a = parseText(text);
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      "The court said on Monday that the publisher had broken\ncopyright law, and ordered it to pay damages.",
    ]);
    expectSpans(a);
  });
});
