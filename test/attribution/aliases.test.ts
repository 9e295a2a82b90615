import { describe, expect, it } from "vitest";
import { personName, sameSurnameChoice, variantKeys } from "../../src/attribution/names.ts";
import { buildSpeakerRegistry } from "../../src/attribution/speakers.ts";
import type { Entity, Extraction } from "../../src/types.ts";
import { extract } from "./helpers.ts";

function aliasesOf(text: string, name: string): string[] {
  const entity = extract(text).entities.find((e: Entity) => e.name === name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity.aliases;
}

function corpus(texts: Record<string, string>): Map<string, Extraction> {
  return new Map(Object.entries(texts).map(([id, text]) => [id, extract(text, { id })]));
}

describe("aliases: roles the article gives a person", () => {
  it("keeps a title before the name, an apposition set off by commas, and a definite description", () => {
    const text =
      "Harbour commissioner Lena Marsh said the quay would close.\n\n" +
      "Olav Brandt, the chief executive of the port authority, said repairs would take a year.\n\n" +
      "The chief executive said the cranes were safe.";
    expect(aliasesOf(text, "Lena Marsh")).toContain("Harbour commissioner");
    expect(aliasesOf(text, "Olav Brandt")).toContain("chief executive of the port authority");
  });

  it("keeps a lone title only when it is written onto the name", () => {
    const text =
      "Senator Ruth Calloway said the bill would pass.\n\n" +
      "Ivo Petrak, a friend, said he had doubts.";
    expect(aliasesOf(text, "Ruth Calloway")).toContain("Senator");
    expect(aliasesOf(text, "Ivo Petrak")).not.toContain("friend");
  });

  it("refuses a clause set off by a comma", () => {
    const text =
      "Voters turned on Mayor Tessa Quill, saying the harbour plan had failed.\n\n" +
      "Critics blamed Tessa Quill, whose likely tough re-election fight had begun.\n\n" +
      "Aides praised Tessa Quill, or their picture of the embattled mayor for the papers.";
    const aliases = aliasesOf(text, "Tessa Quill");
    expect(aliases.some((a) => /saying|whose|^or /.test(a))).toBe(false);
  });

  it("refuses a phrase that holds another person's name", () => {
    const text =
      "Asked about Harbour commissioner Lena Marsh, Governor Piet Oduya said she had done well.\n\n" +
      "Led by former mayor Dan Reyes, Lena Marsh has said she will run.\n\n" +
      "Lena Marsh was joined by her husband, Tom Marsh, and daughter Ada Marsh on Monday.";
    const aliases = aliasesOf(text, "Lena Marsh");
    expect(aliases).not.toContain("Governor Piet Oduya");
    expect(aliases.some((a) => a.includes("Dan Reyes"))).toBe(false);
    expect(aliases.some((a) => a.includes("Ada Marsh"))).toBe(false);
  });

  it("keeps another person's name as a modifier of the role", () => {
    const text =
      "Marsh campaign manager Joel Fenn said the count was fair.\n\n" +
      "Harbour commissioner Lena Marsh said she was pleased.";
    expect(aliasesOf(text, "Joel Fenn")).toContain("Marsh campaign manager");
  });

  it("never lets an indefinite description or a mismatched head borrow a person", () => {
    const text =
      "Democratic presidential candidate Lena Marsh spoke in Ohio.\n\n" +
      "The quay would close, according to a Democratic aide.\n\n" +
      "The state's Democratic party leader said the process was fair.";
    const list = extract(text).attributions;
    // The aide is someone of the party, unnamed: never the candidate.
    expect(list.find((a) => a.mention?.text === "a Democratic aide")?.speaker).toBe(
      "Democratic aide",
    );
    const leader = list.find((a) => a.mention?.text.includes("party leader"));
    expect(leader?.speaker ?? null).toBeNull();
    expect(aliasesOf(text, "Lena Marsh").some((a) => /aide|party leader/.test(a))).toBe(false);
  });

  it("reads a lone shared surname by its title", () => {
    const text =
      "Former Secretary of State Ada Marsh and her husband, former President Tom Marsh, spoke.\n\n" +
      "Tom Marsh said the talks went well.\n\n" +
      "“We will win,” Secretary Marsh said.";
    const list = extract(text).attributions;
    expect(list.find((a) => a.content[0]?.text === "We will win")?.speaker).toBe("Ada Marsh");
  });
});

describe("group speakers", () => {
  it("keeps two people named together apart from each of them", () => {
    const x = extract(
      "Lena Marsh and Olav Brandt said the deal was done.\n\nBrandt said he was pleased.",
    );
    const group = x.entities.find((e) => e.name === "Lena Marsh and Olav Brandt");
    expect(group?.kind).toBe("unknown");
    expect(group?.aliases ?? []).toEqual([]);
    expect(x.attributions.map((a) => a.speaker)).toEqual([
      "Lena Marsh and Olav Brandt",
      "Olav Brandt",
    ]);
  });

  it("does not make the group an antecedent of he or she", () => {
    const x = extract("Lena Marsh and Olav Brandt met on Monday.\n\nShe said the deal was done.");
    expect(x.attributions[0]?.speaker).not.toBe("Lena Marsh and Olav Brandt");
  });
});

describe("spellings of one name", () => {
  it("reads the parts of a name", () => {
    expect(personName("Dr. Ben Okafor")).toEqual({
      base: "ben okafor",
      middle: [],
      surname: "okafor",
      surnameOnly: false,
    });
    expect(personName("Mr. Okafor")?.surnameOnly).toBe(true);
    expect(personName("Okafor and Lind")).toBeNull();
    expect(personName("Peter Lind Jr.")?.base).toBe("peter lind jr");
  });

  it("merges middle initials and names that agree, and keeps apart those that do not", () => {
    const names = new Map(
      [
        "Ruth A. Calloway",
        "Ruth Calloway",
        "Ruth Anne Calloway",
        "Jon P. Hale",
        "Jon R. Hale",
        "Jon Hale",
      ].map((n) => [n, personName(n) as NonNullable<ReturnType<typeof personName>>]),
    );
    const keys = variantKeys(names);
    expect(
      new Set(["Ruth A. Calloway", "Ruth Calloway", "Ruth Anne Calloway"].map((n) => keys.get(n)))
        .size,
    ).toBe(1);
    expect(new Set(["Jon P. Hale", "Jon R. Hale", "Jon Hale"].map((n) => keys.get(n))).size).toBe(
      3,
    );
  });

  it("makes one speaker of a name spelled with and without a middle initial or honorific", () => {
    const registry = buildSpeakerRegistry(
      corpus({
        a: "Ruth Calloway said the bill would pass.",
        b: "Ruth A. Calloway said the bill was sound.",
        c: "Dr. Ruth Calloway said the vote was close.",
        d: "Peter Lind said prices were falling.\n\nPeter Lind Jr. said prices were rising.",
      }),
    );
    const ruth = registry.speakers.filter((s) => /calloway/i.test(s.name));
    expect(ruth).toHaveLength(1);
    expect(ruth[0]?.name).toBe("Ruth Calloway");
    expect(ruth[0]?.quotes).toBe(3);
    expect(ruth[0]?.aliases).toEqual(expect.arrayContaining(["Ruth A. Calloway"]));
    expect(registry.idFor("b", "Ruth A. Calloway")).toBe(ruth[0]?.id);
    expect(registry.speakers.filter((s) => /lind/i.test(s.name))).toHaveLength(2);
  });
});

describe("a lone surname", () => {
  const pair = [
    { key: "person:ada marsh", name: "Ada Marsh", aliases: new Map([["secretary", 5]]) },
    {
      key: "person:tom marsh",
      name: "Tom Marsh",
      aliases: new Map([
        ["president", 6],
        ["former president", 4],
      ]),
    },
  ];

  it("joins the one person of that surname", () => {
    expect(sameSurnameChoice("Marsh", [], [pair[0] as (typeof pair)[number]])).toBe(
      "person:ada marsh",
    );
  });

  it("stays apart when two people share the surname and nothing tells them apart", () => {
    expect(sameSurnameChoice("Marsh", [], pair)).toBeNull();
  });

  it("follows a title only one of them carries often", () => {
    expect(sameSurnameChoice("Marsh", ["President"], pair)).toBe("person:tom marsh");
    // Called "President" once as often as the other: no reading wins.
    const slip = [
      { ...(pair[0] as (typeof pair)[number]), aliases: new Map([["president", 1]]) },
      { ...(pair[1] as (typeof pair)[number]), aliases: new Map([["president", 2]]) },
    ];
    expect(sameSurnameChoice("Marsh", ["President"], slip)).toBeNull();
  });

  it("does not join the one person of that surname when its title says someone else", () => {
    const mayor = { key: "person:ada marsh", name: "Ada Marsh", aliases: new Map([["mayor", 3]]) };
    expect(sameSurnameChoice("Marsh", ["Chief Justice"], [mayor])).toBeNull();
    expect(sameSurnameChoice("Marsh", ["Mayor"], [mayor])).toBe("person:ada marsh");
  });

  it("does not join a woman's full name to a surname the article writes with Mr.", () => {
    const registry = buildSpeakerRegistry(
      corpus({
        a: "Michelle Varga said the museum would open in May.",
        b: "“The vote was close,” Mr. Varga said.",
      }),
    );
    expect(registry.speakers.map((s) => s.name).sort()).toEqual(["Michelle Varga", "Varga"]);
  });

  it("is kept apart in the registry when the corpus holds two full names", () => {
    const registry = buildSpeakerRegistry(
      corpus({
        a: "Ada Marsh said the port would close.",
        b: "Tom Marsh said the port would stay open.",
        c: "Marsh said nothing had changed.",
      }),
    );
    expect(registry.speakers.map((s) => s.name).sort()).toEqual([
      "Ada Marsh",
      "Marsh",
      "Tom Marsh",
    ]);
    expect(registry.idFor("c", "Marsh")).toBe("marsh");
  });
});
