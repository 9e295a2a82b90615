import { expect, it } from "vitest";
import { alsoInLine } from "../../src/answer/cite.ts";
import { sameStory } from "../../src/story/same-story.ts";
import { overlap, sketchText } from "../../src/story/sketch.ts";

const WIRE = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i}: the foreign minister told reporters in Vienna that talks on the ${["nuclear", "trade", "border", "energy"][i % 4]} question would resume after ${i + 2} weeks, and that no side had set conditions for the next round of meetings with partners.`,
).join("\n");

it("estimates overlap exactly for small texts and closely for large ones", () => {
  const a = sketchText("one two three four five six");
  expect(overlap(a, a)).toEqual({ jaccard: 1, containment: 1 });
  expect(overlap(a, sketchText("seven eight nine ten eleven twelve")).containment).toBe(0);
  // Half of B's shingles are A's: containment of B in A near 0.5 however large the texts.
  const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);
  const big = sketchText(words.join(" "));
  const half = sketchText(
    [...words.slice(0, 1000), ...words.slice(0, 1000).map((w) => `x${w}`)].join(" "),
  );
  expect(overlap(big, half).containment).toBeGreaterThan(0.4);
  expect(overlap(big, half).containment).toBeLessThan(0.6);
  expect(overlap(sketchText(""), big)).toEqual({ jaccard: 0, containment: 0 });
});

it("tells a wire story republished with boilerplate and edits from another story on the topic", () => {
  const rt = sketchText(
    `Follow RT on Telegram.\nMOSCOW (RT) — ${WIRE.replace("resume", "restart")}\n© RT 2018. All rights reserved.`,
  );
  const ptv = sketchText(
    `${WIRE.split("\n").slice(0, 9).join("\n")}\nPress TV is not responsible for external websites.`,
  );
  const other = sketchText(
    "The foreign minister told reporters in Vienna that the sanctions were unjust. He said talks on the nuclear question had failed and that partners had set new conditions, officials said.",
  );
  expect(sameStory(sketchText(WIRE), rt)).toBe(true);
  expect(sameStory(rt, ptv)).toBe(true);
  expect(sameStory(rt, other)).toBe(false);
  expect(sameStory(ptv, other)).toBe(false);
});

it("names other outlets once, earlier versions by date, and a copy at another address", () => {
  const at = (outlet: string, date: string, articleId = `${outlet}-${date}`) => ({
    articleId,
    title: null,
    outlet,
    date,
    dateline: null,
    url: null,
    paragraph: 1,
  });
  const shown = at("RT", "2018-08-08");
  expect(
    alsoInLine(shown, [
      at("Press TV", "2018-08-07"),
      at("RT", "2018-08-07"),
      at("Press TV", "2018-08-07", "ptv-2"),
      at("RT", "2018-08-08", "rt-again"),
    ]),
  ).toBe("also in: Press TV, RT (another copy); earlier version 2018-08-07");
});
