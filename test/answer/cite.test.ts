import { describe, expect, it } from "vitest";
import { citationLine, citationParts } from "../../src/answer/cite.ts";
import { citationLine as discordCitationLine } from "../../src/discord/render.ts";
import type { Citation } from "../../src/types.ts";

const tass: Citation = {
  articleId: "000_0d28011d82771a06",
  title: "Kremlin lambasts US spy agencies",
  outlet: "TASS",
  date: null,
  dateline: "MOSCOW, September 3",
  url: null,
  paragraph: 1,
};

describe("one citation, every surface", () => {
  it("takes the dateline where there is no date, and calls paragraph 0 the lead", () => {
    expect(citationParts(tass)).toMatchObject({ when: "MOSCOW, September 3", place: "¶1" });
    const lead = citationParts({ ...tass, paragraph: 0, date: "2018-09-03" });
    expect(lead).toMatchObject({
      when: "2018-09-03",
      place: "lead",
      ref: "000_0d28011d82771a06 lead",
    });
    expect(citationParts({ ...tass, title: null }).title).toBe(tass.articleId);
  });

  it("shows the same parts in text and in Discord, Discord only escaping and linking them", () => {
    const withUrl = { ...tass, title: "Spies *and* lies", url: "https://tass.com/politics/1" };
    expect(citationLine(withUrl)).toBe("Spies *and* lies · TASS · MOSCOW, September 3 · ¶1");
    expect(discordCitationLine(withUrl)).toBe(
      "[Spies \\*and\\* lies](https://tass.com/politics/1) · TASS · MOSCOW, September 3 · ¶1",
    );
    expect(discordCitationLine({ ...tass, paragraph: 0 })).toMatch(/ · lead$/);
  });
});
