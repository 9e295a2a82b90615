import { describe, expect, it } from "vitest";
import { personName } from "../../src/attribution/names.ts";
import { slug } from "../../src/attribution/speakers.ts";
import { processTerm } from "../../src/search/tokenize.ts";
import { fold, foldName } from "../../src/text/fold.ts";

describe("fold", () => {
  it("folds case and diacritics", () => {
    expect(fold("Müller")).toBe("muller");
    expect(fold("MÜLLER")).toBe("muller");
    expect(fold("Erdoğan")).toBe("erdogan");
    expect(fold("Ægir São Paulo")).toBe("ægir sao paulo");
  });

  it("reads compatibility forms as their letters (NFKD, not NFD)", () => {
    expect(fold("Ｐｅｓｋｏｖ")).toBe("peskov");
    expect(fold("ﬁnance")).toBe("finance");
    // Composed and decomposed spellings of one letter are one word.
    expect(fold("Jose\u0301")).toBe(fold("Jos\u00e9"));
  });

  it("leaves plain ASCII as lower case only", () => {
    expect(fold("O'Brien, the U.S. Senate")).toBe("o'brien, the u.s. senate");
  });
});

describe("foldName", () => {
  it("puts the spellings of one name together", () => {
    const spellings = ["The Kremlin", "the  kremlin", "KREMLIN", " Kremlin "];
    expect(new Set(spellings.map(foldName))).toEqual(new Set(["kremlin"]));
    const irish = ["O’Brien", "O'Brien", "O‘Brien", "Oʼbrien", "O`Brien"];
    expect(new Set(irish.map(foldName))).toEqual(new Set(["o'brien"]));
    expect(foldName("Jean\u2010Luc Mélenchon")).toBe("jean-luc melenchon");
  });

  it("drops only a leading 'the'", () => {
    expect(foldName("Theresa May")).toBe("theresa may");
    expect(foldName("The")).toBe("the");
    expect(foldName("Voice of the People")).toBe("voice of the people");
  });

  it("keeps different names apart", () => {
    expect(foldName("Obrien")).not.toBe(foldName("O'Brien"));
    expect(foldName("George W. Bush")).not.toBe(foldName("George H. W. Bush"));
  });
});

describe("every comparison uses the one fold", () => {
  it("the registry, the name reader and the index agree on accents and apostrophes", () => {
    expect(slug("The Ｍüller Group")).toBe(slug("muller group"));
    expect(personName("Dr. Recep Tayyip Erdoğan’s")?.base).toBe("recep erdogan");
    expect(processTerm("Ｍüller")).toEqual(processTerm("muller"));
  });
});
