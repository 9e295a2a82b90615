import { describe, expect, it } from "vitest";
import { buildSpeakerRegistry } from "../../src/attribution/speakers.ts";
import type { Extraction } from "../../src/types.ts";
import { attributions, extract, find } from "./helpers.ts";

const entity = (text: string, name: string) => extract(text).entities.find((e) => e.name === name);

describe("a canonical name carries no job title", () => {
  it("keeps a title written before the name as an alias (Xinhua, business)", () => {
    const text =
      "BEIJING, Dec. 4 (Xinhua) -- Oceanographer Lena Fischer said on Friday the ice shelf " +
      "was thinning.\n\nCouncillor David Okafor said the harbour plan would go ahead.";
    const list = attributions(text);
    expect(find(list, "the ice shelf was thinning").speaker).toBe("Lena Fischer");
    expect(find(list, "the harbour plan").speaker).toBe("David Okafor");
    expect(entity(text, "Lena Fischer")?.aliases).toContain("Oceanographer");
  });

  it("ends a person's name before the state or outlet written after it", () => {
    const list = attributions(
      "Rep. Elijah Cummings of Maryland said the hearing was a sham.\n\n" +
        "“The effect of the debate is small,” wrote Cameron Easley for Morning Consult.",
    );
    expect(find(list, "the hearing was a sham").speaker).toBe("Elijah Cummings");
    expect(find(list, "The effect of the debate").speaker).toBe("Cameron Easley");
  });

  it("keeps a body's name whole", () => {
    const list = attributions(
      "Bank of America said profits rose.\n\nBikers for Trump said they would ride.",
    );
    expect(find(list, "profits rose").speaker).toBe("Bank of America");
    expect(find(list, "they would ride").speaker).toBe("Bikers for Trump");
  });
});

describe("one company under its short and its formal name", () => {
  it("joins them in the article", () => {
    const list = attributions(
      "Acme Foods Corp. said quarterly profit rose 4 percent.\n\n" +
        "Acme Foods said it would hire 200 people in Ohio.",
    );
    expect(find(list, "quarterly profit rose").speaker).toBe("Acme Foods");
    expect(find(list, "hire 200 people").speaker).toBe("Acme Foods");
  });

  it("joins them across articles", () => {
    const extractions = new Map<string, Extraction>([
      ["a", extract("Acme Foods Corp. said quarterly profit rose.", { id: "a" })],
      ["b", extract("Acme Foods, Inc. said it would close a plant.", { id: "b" })],
      [
        "c",
        extract("Acme Foods Corp. cut prices. Acme Foods said the recall was over.", { id: "c" }),
      ],
    ]);
    const acme = buildSpeakerRegistry(extractions).speakers.filter((s) => /acme/i.test(s.name));
    expect(acme).toHaveLength(1);
    expect(acme[0]?.quotes).toBe(3);
  });
});

describe("a shared surname means the person the article has in mind", () => {
  it("follows the honorific", () => {
    const list = attributions(
      "Donald Trump and his daughter Ivanka Trump toured the plant.\n\n" +
        "Mr. Trump said the plant would stay open.",
    );
    expect(find(list, "the plant would stay open").speaker).toBe("Donald Trump");
  });

  it("takes the one the article is about over one named once, far back", () => {
    const list = attributions(
      "Hillary Clinton spoke in Iowa on Monday. Her husband, former President Bill Clinton, " +
        "stayed in New York.\n\n" +
        "Hillary Clinton promised to raise the minimum wage and to cut taxes for families " +
        "with children, and to make college free for students from poor families.\n\n" +
        "The crowd in Des Moines was large and the weather was cold, and many of those who " +
        "came had driven for hours from the farms of the western counties of the state.\n\n" +
        "Clinton said she would return in the spring.",
    );
    expect(find(list, "return in the spring").speaker).toBe("Hillary Clinton");
  });
});
