import { describe, expect, it } from "vitest";
import { bestOf } from "../best-of.ts";
import { attributions, contentOf, extract, find } from "./helpers.ts";

describe("direct quotes", () => {
  it("reads a straight-quoted sentence with the speaker after it", () => {
    const [a] = attributions('"We will win this race," Senator Jane Holloway said on Friday.');
    expect(a?.speaker).toBe("Jane Holloway");
    expect(a?.type).toBe("direct");
    expect(contentOf(a)).toBe("We will win this race");
    expect(a?.mention?.text).toBe("Senator Jane Holloway");
    expect(a?.cue?.text).toBe("said");
  });

  it("reads curly marks and an inverted cue", () => {
    const [a] = attributions(
      "“The harbour will reopen in May,” said Tomas Varga, the port director.",
    );
    expect(a?.speaker).toBe("Tomas Varga");
    expect(contentOf(a)).toBe("The harbour will reopen in May");
  });

  it("joins a quote split around its cue", () => {
    const list = attributions(
      "Finance Minister Mark Ellison spoke to reporters.\n\n“The plan is dead,” he said, “and nobody will vote for it.”",
    );
    const a = find(list, "The plan is dead");
    expect(a.speaker).toBe("Mark Ellison");
    expect(a.type).toBe("direct");
    expect(a.content.map((c) => c.text)).toEqual([
      "The plan is dead",
      "and nobody will vote for it.",
    ]);
  });

  it("keeps several quotes of one sentence apart by speaker", () => {
    const list = attributions(
      '"Prices are falling," Anna Berg said, while her rival Paul Moreau told the crowd, "Prices are rising."',
    );
    expect(find(list, "Prices are falling").speaker).toBe("Anna Berg");
    expect(find(list, "Prices are rising").speaker).toBe("Paul Moreau");
  });

  it("carries a quotation that runs into the next paragraph", () => {
    const list = attributions(
      "Mark Ellison said: “The budget is broken and everyone knows it.\n\n“We will fix it next year, whatever the cost.”",
    );
    expect(find(list, "The budget is broken").speaker).toBe("Mark Ellison");
    const next = find(list, "We will fix it next year");
    expect(next.speaker).toBe("Mark Ellison");
    expect(next.cue).toBeNull();
    expect(next.paragraph).toBe(2);
  });

  it("gives a paragraph that is only a quotation to the speaker before it", () => {
    const list = attributions(
      "Opposition leader Ruth Adair said the vote was rigged.\n\n“This is the darkest day for our democracy in thirty years.”",
    );
    expect(find(list, "darkest day").speaker).toBe("Ruth Adair");
    expect(find(list, "darkest day").type).toBe("direct");
  });

  it("adds a lone quoted sentence to the statement just before it", () => {
    const list = attributions(
      "“We are ready,” the mayor, Lena Ortiz, said. “The shelters are open and the roads are clear.”",
    );
    expect(list).toHaveLength(1);
    expect(list[0]?.content.map((c) => c.text)).toEqual([
      "We are ready",
      "The shelters are open and the roads are clear.",
    ]);
    expect(list[0]?.speaker).toBe("Lena Ortiz");
  });
});

describe("indirect speech", () => {
  it.each([
    ["Mark Ellison said that the budget would be cut by a tenth.", "the budget would be cut"],
    ["Mark Ellison said the budget would be cut by a tenth.", "the budget would be cut"],
    [
      "Mark Ellison told reporters on Monday that the budget would be cut.",
      "the budget would be cut",
    ],
    ["Mark Ellison told the Daily Herald the budget would be cut.", "the budget would be cut"],
    ["Mark Ellison claims that the budget was never balanced.", "the budget was never balanced"],
    ["The budget would be cut by a tenth, Mark Ellison said.", "The budget would be cut"],
    ["Mark Ellison was quoted as saying the budget would be cut.", "the budget would be cut"],
  ])("%s", (sentence, content) => {
    const [a] = attributions(sentence);
    expect(a?.speaker).toBe("Mark Ellison");
    expect(a?.type).toBe("indirect");
    expect(contentOf(a)).toContain(content);
  });

  it("reads 'according to' before and after the content", () => {
    const [a] = attributions("According to Mark Ellison, the budget would be cut.");
    expect(a?.speaker).toBe("Mark Ellison");
    expect(a?.cue?.text).toBe("According to");
    expect(contentOf(a)).toBe("the budget would be cut");
    const [b] = attributions("The budget would be cut, according to Mark Ellison.");
    expect(contentOf(b)).toBe("The budget would be cut");
  });

  it("reads claims by someone that ... as that person's allegation", () => {
    const [a] = attributions(
      "The firm rejected claims by the auditor, Karen Holt, that it had hidden its debts.",
    );
    expect(a?.speaker).toBe("Karen Holt");
    expect(a?.stance).toBe("allegation");
    expect(contentOf(a)).toBe("it had hidden its debts");
  });

  it("reads an accusation with its target", () => {
    const [a] = attributions("Ruth Adair accused the government of hiding the figures.");
    expect(a?.speaker).toBe("Ruth Adair");
    expect(a?.stance).toBe("allegation");
    expect(contentOf(a)).toContain("hiding the figures");
  });

  it("marks indirect speech with quoted fragments as mixed", () => {
    const [a] = attributions('Mark Ellison said the plan would "cost billions" over a decade.');
    expect(a?.type).toBe("mixed");
    expect(contentOf(a)).toBe('the plan would "cost billions" over a decade');
  });

  it("keeps the participle after a statement with its speaker", () => {
    const list = attributions(
      "Mark Ellison said the budget was fair, adding that taxes would not rise.",
    );
    expect(list).toHaveLength(2);
    expect(find(list, "taxes would not rise").speaker).toBe("Mark Ellison");
    expect(find(list, "the budget was fair").content[0]?.text).toBe("the budget was fair");
  });
});

describe("nested reports", () => {
  it("gives the statement to the inner speaker and records who reports it", () => {
    const [a, ...rest] = attributions(
      "According to the Morning Herald, Mark Ellison told bankers that the deal was off.",
    );
    expect(rest).toHaveLength(0);
    expect(a?.speaker).toBe("Mark Ellison");
    expect(a?.reportedBy).toBe("Morning Herald");
    expect(contentOf(a)).toBe("the deal was off");
  });
});

describe("reported reports", () => {
  it("gives a report of a report to both: the reporter's words, and the inner speaker's", () => {
    const [outer, inner, ...rest] = attributions(
      "Ruth Adair said Mark Ellison had told bankers that the deal was off.",
    );
    expect(rest).toHaveLength(0);
    expect(outer?.speaker).toBe("Ruth Adair");
    expect(contentOf(outer)).toBe("Mark Ellison had told bankers that the deal was off");
    expect(inner?.speaker).toBe("Mark Ellison");
    expect(contentOf(inner)).toBe("the deal was off");
    expect(inner?.reportedBy).toBe("Ruth Adair");
  });

  it("gives an act or a description told in a reporter's words to the reporter alone", () => {
    const [a, ...rest] = attributions(
      "Spokesman Nick Hale says that the governor called the mayor on Friday to thank her.",
    );
    expect(rest).toHaveLength(0);
    expect(a?.speaker).toBe("Nick Hale");
    expect(contentOf(a)).toBe("the governor called the mayor on Friday to thank her");
  });

  it("keeps a question and its asker in one sentence", () => {
    const [a] = attributions("“Why are you still here?” Mark Ellison asked the striking workers.");
    expect(a?.speaker).toBe("Mark Ellison");
    expect(contentOf(a)).toBe("Why are you still here?");
  });
});

describe("stance", () => {
  it("marks denials by verb and by wording", () => {
    const list = attributions(
      "The ministry of trade denied that it had leaked the documents.\n\nSpokeswoman Ida Lund said the reports were false.",
    );
    expect(find(list, "leaked the documents").stance).toBe("denial");
    expect(find(list, "the reports were false").stance).toBe("denial");
  });

  it("leaves a plain statement without stance", () => {
    const [a] = attributions("Mark Ellison said the harvest was better than expected.");
    expect(a?.stance).toBeNull();
  });

  it("links a denial to the allegation it answers", () => {
    const list = attributions(
      "Berlin formally accused the company of spying on its workers.\n\nThe company's owner, Ivo Marek, said the claims were invented.",
    );
    const denial = find(list, "the claims were invented");
    expect(denial.stance).toBe("denial");
    expect(denial.answers).toBe("Berlin");
    expect(find(list, "spying on its workers").speaker).toBe("Berlin");
  });
});

describe("who the speaker is", () => {
  it("resolves surnames, roles and later descriptions to one entity", () => {
    const { attributions: list, entities } = extract(
      [
        "Central bank governor Olga Renner said rates would stay high.",
        "Renner said inflation was falling.",
        "The governor said the bank would act if needed.",
        "The Daily Herald said the bank had made mistakes. The newspaper said its sources were inside the bank.",
      ].join("\n\n"),
    );
    expect(find(list, "rates would stay high").speaker).toBe("Olga Renner");
    expect(find(list, "inflation was falling").speaker).toBe("Olga Renner");
    expect(find(list, "the bank would act").speaker).toBe("Olga Renner");
    expect(find(list, "its sources were inside").speaker).toBe("The Daily Herald");
    const renner = entities.find((e) => e.name === "Olga Renner");
    expect(renner?.aliases).toEqual(expect.arrayContaining(["Renner", "Central bank governor"]));
  });

  it("reads roles in apposition in either order", () => {
    const { entities } = extract(
      "Bank spokesman, Tom Ide, said the branch would close.\n\nVera Stone, the head of the union, said members would strike.",
    );
    expect(entities.find((e) => e.name === "Tom Ide")?.aliases).toContain("Bank spokesman");
    expect(entities.find((e) => e.name === "Vera Stone")?.aliases).toContain("head of the union");
  });

  it("resolves a pronoun to the person just named", () => {
    const list = attributions("Mark Ellison left the meeting early. He said the talks had failed.");
    expect(find(list, "the talks had failed").speaker).toBe("Mark Ellison");
    expect(find(list, "the talks had failed").mention?.text).toBe("He");
  });

  it("lets organisations and capitals speak", () => {
    const list = attributions(
      "The Kremlin said the sanctions were illegal.\n\nLast week, Washington also formally accused Moscow of meddling.",
    );
    expect(find(list, "sanctions were illegal").speaker).toBe("Kremlin");
    expect(find(list, "of meddling").speaker).toBe("Washington");
  });

  it("does not give a spokesperson's words to the person they speak for", () => {
    const [a] = attributions("A spokesman for Mark Ellison said the minister was on holiday.");
    expect(a?.speaker).toBeNull();
    expect(a?.mention?.text).toBe("A spokesman for Mark Ellison");
    const [b] = attributions(
      "Tom Ide, an adviser to Mark Ellison, said the minister was on holiday.",
    );
    expect(b?.speaker).toBe("Tom Ide");
  });

  it("reads past an age in apposition", () => {
    const [a] = attributions("Ruth Adair, 35, a teacher from Leeds, said the school had closed.");
    expect(a?.speaker).toBe("Ruth Adair");
  });

  it("leaves an anonymous speaker unresolved and shows the mention", () => {
    const [a] = attributions("A senior official said the talks had stalled.");
    expect(a?.speaker).toBeNull();
    expect(a?.mention?.text).toBe("A senior official");
  });

  it("does not guess between two people of the same description", () => {
    const [, , third] = attributions(
      [
        "Finance minister Ana Rios said taxes would fall.",
        "Finance minister Juan Soto said taxes would rise.",
        "They said the talks would go on.",
      ].join("\n\n"),
    );
    expect(third?.speaker).toBeNull();
  });
});

describe("what is not an attribution", () => {
  it.each([
    ["an act that is not speech", "Also, he refused to meet them again."],
    ["'said' as an adjective", "The said property was sold in 2019 for a large sum."],
    ["a single-word scare quote", 'The so-called "reform" passed on Tuesday after a long debate.'],
    ["a declined statement", "Mark Ellison declined to say whether the budget would be cut."],
    ["a passive report", "Mark Ellison was told to leave the building at once."],
    ["a negated statement", "Mark Ellison did not say whether he would run again."],
    ["a title in quotes", 'The film "Homecoming" opened in Paris on Friday night.'],
  ])("%s", (_why, sentence) => {
    expect(attributions(sentence)).toEqual([]);
  });

  it("skips photo captions, and names nobody from one in a headline", () => {
    const text =
      "Minister says taxes will rise\n\nMark Ellison, the finance minister (file photo)\n\nThe river flooded the town on Monday.";
    const list = attributions(text, {
      title: "Minister says taxes will rise",
      captions: ["Mark Ellison, the finance minister (file photo)"],
    });
    // The headline names its speaker by a role only: the statement stands, unresolved.
    expect(list.map((a) => [a.paragraph, a.speaker])).toEqual([[0, null]]);
  });
});

describe("headlines", () => {
  it("reads a headline that names its speaker as paragraph 0", () => {
    const text =
      "Ellison says the budget will be cut\n\nFinance minister Mark Ellison spoke on Monday.";
    const [a] = attributions(text, { title: "Ellison says the budget will be cut" });
    expect(a?.paragraph).toBe(0);
    expect(a?.speaker).toBe("Mark Ellison");
  });
});

describe("odd input", () => {
  /** Each text, and what must come out of it: how many statements, and by whom. */
  const cases: [string, string, { count: number | "many"; speaker?: string | null }][] = [
    [
      "stray closing marks",
      "Mark Ellison said ” the vote ” was fair ”",
      { count: 1, speaker: "Mark Ellison" },
    ],
    [
      "mixed straight and curly marks",
      '“We are done," Mark Ellison said. "Really done.”',
      { count: 1, speaker: "Mark Ellison" },
    ],
    [
      "no quotes at all",
      "The river flooded the town on Monday and the bridge was closed.",
      { count: 0 },
    ],
    ["empty text", "", { count: 0 }],
    ["only punctuation", '“”"" ,,, ... ” “', { count: 0 }],
    [
      "a very long paragraph",
      `${"Mark Ellison said the plan was sound and “it will work,” he added. ".repeat(420)}`,
      { count: "many", speaker: "Mark Ellison" },
    ],
  ];
  it.each(cases)("%s: never throws, keeps offsets, and finds what is there", (_why, text, want) => {
    const list = attributions(text);
    if (want.count === "many") expect(list.length).toBeGreaterThanOrEqual(420);
    else expect(list).toHaveLength(want.count);
    for (const a of list) {
      if (want.speaker !== undefined) expect(a.speaker).toBe(want.speaker);
      for (const s of [a.mention, a.cue, a.evidence, ...a.content]) {
        if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });

  it("handles a 5,000-word paragraph quickly", () => {
    const text = "Ellison said prices would rise, and the crowd cheered loudly. ".repeat(500);
    expect(bestOf(3, () => attributions(text))).toBeLessThan(2000);
    expect(attributions(text).length).toBeGreaterThan(100);
  });
});
