import { describe, expect, it } from "vitest";
import type { EntityRecord } from "../../src/attribution/entities.ts";
import { genderOf } from "../../src/attribution/gender.ts";
import { attributions, find } from "./helpers.ts";

const person = (name: string, roles: string[] = []): EntityRecord => ({
  name,
  kind: "person",
  roles: new Set(roles),
  names: new Set(),
});

/** The honorific count as one global search of the whole text gives it: the reference. */
function honorifics(surname: string, text: string): string[] {
  const pattern = new RegExp(`\\b(Mrs?|Ms|Miss)\\.? (?:\\p{Lu}\\S* ){0,2}${surname}\\b`, "gu");
  return [...text.matchAll(pattern)].map((hit) => hit[1] as string);
}

describe("genderOf", () => {
  it("reads a first name, a role, and an honorific before the surname", () => {
    expect(genderOf(person("Anna Keller"), "Anna Keller spoke.")).toBe("f");
    expect(genderOf(person("Zyx Okafor", ["spokeswoman"]), "Zyx Okafor spoke.")).toBe("f");
    expect(genderOf(person("Lee Varga"), "Lee Varga spoke. Mr. Varga left.")).toBe("m");
    expect(genderOf(person("Lee Varga"), "Mrs. Lee Varga spoke; Ms Varga left.")).toBe("f");
    expect(genderOf(person("Lee Varga"), "Mr. Varga and Mrs. Varga spoke.")).toBeNull();
    expect(genderOf(person("Lee Varga"), "Lee Varga spoke. Mr. Vargas left.")).toBeNull();
  });

  it("reads the first name after a nickname ('Crooked Hillary Clinton'), not a surname's", () => {
    expect(genderOf(person("Crooked Anna Keller"), "Crooked Anna Keller spoke.")).toBe("f");
    expect(genderOf(person("Lyin' Ted Varga"), "Lyin' Ted Varga spoke.")).toBe("m");
    // Two words: the second is the surname, whatever it is as a first name.
    expect(genderOf(person("Zyx Anna"), "Zyx Anna spoke.")).toBeNull();
  });

  it("lets 'He says' after a man's statements stay his when a quote names a nicknamed woman", () => {
    const list = attributions(
      "OSLO (Reuters) - Ray Tallis is raising questions about his microphone.\n\n" +
        "His audio was quieter at times than Lund's inside the hall.\n\n" +
        "He says, “Working that microphone was harder than beating Crooked Maria Lund.”",
    );
    expect(find(list, "Working that microphone").speaker).toBe("Ray Tallis");
  });

  it("counts honorifics as a global search of the text would, text after text", () => {
    const pieces = [
      "Mr.",
      "Mrs",
      "Ms.",
      "Miss",
      "Mr",
      "Lee",
      "Varga",
      "Vargas",
      "Dr.",
      "said",
      "MrVarga",
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const seen = new Set<string | null>();
    for (let t = 0; t < 300; t++) {
      const text = Array.from({ length: 12 }, () => pieces[next() % pieces.length]).join(" ");
      const expected = honorifics("Varga", text);
      const m = expected.filter((h) => h === "Mr").length;
      const f = expected.length - m;
      const gender = genderOf(person("Lee Varga"), text);
      expect(gender, text).toBe(m > f ? "m" : f > m ? "f" : null);
      seen.add(gender);
    }
    expect(seen).toEqual(new Set(["m", "f", null]));
  });
});
