import { describe, expect, it } from "vitest";
import { nameKey, SpeakerLookup } from "../../src/search/speaker-index.ts";
import type { Speaker } from "../../src/types.ts";
import { bestOf } from "../best-of.ts";

const speaker = (
  id: string,
  name: string,
  aliases: string[],
  quotes: number,
  kind: Speaker["kind"] = "person",
): Speaker => ({
  id,
  name,
  kind,
  aliases,
  quotes,
  articles: 1,
});

const speakers = [
  speaker(
    "dmitry-peskov",
    "Dmitry Peskov",
    [
      "Peskov",
      "Kremlin spokesman",
      "Russian presidential spokesman",
      "the senior Russian official",
    ],
    8,
  ),
  speaker(
    "andrew-parker",
    "Andrew Parker",
    ["Parker", "The MI5 chief", "the MI5 head", "the British official"],
    6,
  ),
  speaker("the-kremlin", "The Kremlin", [], 1, "organization"),
  speaker("dmitry-medvedev", "Dmitry Medvedev", ["Medvedev"], 2),
  speaker("vladimir-putin", "Vladimir Putin", ["Putin", "President Vladimir Putin"], 1),
];
const lookup = new SpeakerLookup(speakers);
const find = (text: string, limit = 10) => lookup.find(text, limit).map((s) => s.id);

describe("SpeakerLookup", () => {
  it("offers a speaker by the start of an alias or name", () => {
    expect(find("kreml")).toContain("dmitry-peskov");
    expect(find("pes")[0]).toBe("dmitry-peskov");
    expect(find("vlad put")).toEqual(["vladimir-putin"]);
  });

  it("puts an exact name or alias first", () => {
    expect(find("Kremlin spokesman")[0]).toBe("dmitry-peskov");
    expect(find("MI5 chief")[0]).toBe("andrew-parker");
    expect(find("the kremlin")[0]).toBe("the-kremlin");
    expect(find("Peskov")[0]).toBe("dmitry-peskov");
  });

  it("finds a surname and a near spelling", () => {
    expect(find("parker")[0]).toBe("andrew-parker");
    expect(find("Peskof")[0]).toBe("dmitry-peskov");
  });

  it("lists every speaker a first name fits, most quoted first", () => {
    expect(find("Dmitry")).toEqual(["dmitry-peskov", "dmitry-medvedev"]);
  });

  it("offers the most quoted speakers for an empty query and respects the limit", () => {
    expect(find("", 2)).toEqual(["dmitry-peskov", "andrew-parker"]);
    expect(find("d", 1)).toHaveLength(1);
  });

  it("finds nothing for junk, without throwing", () => {
    expect(find("@everyone")).toEqual([]);
    expect(find("((((")).toEqual([]);
    expect(find("x".repeat(10_000))).toEqual([]);
  });

  it("finds a speaker by how an article named them, but only by the whole description", () => {
    const withMentions = new SpeakerLookup(
      [
        ...speakers,
        speaker("donald-trump", "Donald Trump", ["Trump"], 9),
        speaker("ted-cruz", "Ted Cruz", ["Cruz"], 20),
      ],
      new Map([
        ["andrew-parker", ["The MI5 chief", "he"]],
        ["ted-cruz", ["Trump's rival"]],
      ]),
    );
    const ids = (text: string) => withMentions.find(text, 10).map((s) => s.id);
    expect(ids("Trump’s rival")).toEqual(["ted-cruz"]);
    expect(ids("tru")).toEqual(["donald-trump"]);
    expect(ids("he")).toEqual([]);
  });

  it("puts speakers whose name fits before those whose alias fits", () => {
    const lookup = new SpeakerLookup([
      speaker("a", "Alice Kremer", [], 1),
      speaker("b", "Bob Jones", ["Kremlin adviser"], 50),
    ]);
    expect(lookup.find("krem", 10).map((s) => s.id)).toEqual(["a", "b"]);
  });

  it("compares names without case, articles or punctuation", () => {
    expect(nameKey("The MI5 chief")).toBe(nameKey("mi5 Chief"));
    expect(nameKey("Director-General")).toBe("directorgeneral");
  });

  it("answers autocomplete in well under 10 ms over thousands of speakers", () => {
    const many = new SpeakerLookup([
      ...speakers,
      ...Array.from({ length: 5000 }, (_, i) =>
        speaker(`s${i}`, `Person${i} Surname${i % 700}`, [`minister of thing${i % 50}`], i % 30),
      ),
    ]);
    const queries = [
      "pes",
      "kreml",
      "sur",
      "person12",
      "minister thing",
      "Surname42",
      "Peskof",
      "d",
      "x",
    ];
    // The best of several runs: what a lookup costs, not how busy the machine is.
    for (const q of queries)
      expect(
        bestOf(7, () => many.find(q, 25)),
        q,
      ).toBeLessThan(5);
  });
});
