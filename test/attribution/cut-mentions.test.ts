import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a description set off beside the name, opened by a possessive", () => {
  it("names the person after it (wire style)", () => {
    const list = attributions(
      "CARSON CITY (Reuters) - Lawmakers met on Tuesday to weigh the water compact.\n\n" +
        "Nevada's governor, Dana Whitlock, a Republican, said on Tuesday that the compact was fair.",
    );
    expect(find(list, "the compact was fair").speaker).toBe("Dana Whitlock");
  });

  it("names the person before it (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods fell 4 percent on Monday.\n\n" +
        "Tom Reyes, Corvel's chief executive, repeated that the merger would close, calling " +
        "the delay a formality.",
    );
    expect(find(list, "the delay a formality").speaker).toBe("Tom Reyes");
  });

  it("names the person after a title that holds a party's name", () => {
    const list = attributions(
      "PARIS (Reuters) - France's far-right National Rally party leader, Marine Dulac, voiced " +
        "support for the treaty on Wednesday, saying it protected French farmers.",
    );
    expect(find(list, "it protected French farmers").speaker).toBe("Marine Dulac");
  });

  it("is the unnamed post, never the owner, where no name follows it (court style)", () => {
    const list = attributions(
      "Harlan Voss appeared in court on Monday.\n\n" +
        "Voss's lawyer, who declined to be named, said the charges would be dropped.",
    );
    expect(find(list, "the charges would be dropped").speaker).toBe("Voss lawyer");
  });
});

describe("a name cut short before its title", () => {
  it("is the person the title runs into, where the phrase opens the clause", () => {
    const list = attributions(
      "The council voted on Monday.\n\n" +
        "Democratic front-runner Lena Marsh, campaigning in Ohio, said the vote was a mistake.\n\n" +
        "When she ran in 2010, Republican incumbent Olav Brandt attacked Marsh by reminding " +
        "voters that the plant had closed.",
    );
    expect(find(list, "the vote was a mistake").speaker).toBe("Lena Marsh");
    expect(find(list, "the plant had closed").speaker).toBe("Olav Brandt");
  });

  it("is not a name inside the object of another's verb", () => {
    const list = attributions(
      "Senator Ray Tallis spoke in Reno.\n\n" +
        "Tallis called both Brandt and Democratic front-runner Lena Marsh reckless and said " +
        "the party would lose the state.",
    );
    expect(find(list, "the party would lose").speaker).not.toBe("Lena Marsh");
  });
});

describe("a body cut after the possessive that says whose it is", () => {
  it("is the named person's campaign, whose apostrophe stands alone after an s", () => {
    const list = attributions(
      "Ray Tallis and James Harris spoke in Reno on Monday.\n\n" +
        "Ray Tallis’ campaign says it raised more than $21 million in January.\n\n" +
        "James Harris' team said the count was wrong.",
    );
    expect(find(list, "$21 million").speaker).toBe("Tallis campaign");
    expect(find(list, "the count was wrong").speaker).toBe("Harris team");
  });

  it("is a named person's office, which speaks for them as a campaign does (court style)", () => {
    const list = attributions(
      "Judge Mark Ellison ruled on Monday.\n\n" +
        "Ellison’s office said in a statement that the ruling would stand.\n\n" +
        "Ellison's office manager said the hearing had been moved.",
    );
    expect(find(list, "the ruling would stand").speaker).toBe("Ellison office");
    // The manager is someone, unnamed: not the office, nor the judge.
    expect(find(list, "the hearing had been moved").speaker).toBe("Ellison office manager");
  });

  it("names aides as his aides, who are not the candidate", () => {
    const list = attributions(
      "Ray Tallis spoke in Reno on Monday.\n\n" +
        "Tallis’ aides say the campaign has no desire to fight.",
    );
    expect(find(list, "no desire to fight").speaker).toBe("Tallis aides");
  });
});

describe("two descriptions of one person, the mention cut at the second", () => {
  it("is the person on stage both fit (wire style)", () => {
    const list = attributions(
      "Lena Marsh spoke to veterans in Reno on Monday.\n\n" +
        "The former first lady and U.S. senator said the clinics would stay open.",
    );
    expect(find(list, "the clinics would stay open").speaker).toBe("Lena Marsh");
  });

  it("stays unresolved when the two descriptions fit two people", () => {
    const list = attributions(
      "Secretary of State Ray Tallis and Senator Lena Marsh met in Reno on Monday.\n\n" +
        "The secretary and senator said the talks had gone well.",
    );
    expect(find(list, "the talks had gone well").speaker).toBeNull();
  });
});

describe("a long description set off after the name", () => {
  it("still stands beside that name (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods fell on Monday.\n\n" +
        "Reyes, a former Corvel Foods board chairman and investor, said the sale was rushed.",
    );
    expect(find(list, "the sale was rushed").speaker).not.toBeNull();
  });

  it("is not a title before the speaker's own name (court style)", () => {
    const list = attributions(
      "Harlan Voss was sentenced on Monday.\n\n" +
        "For Voss, according to former state attorney general Mark Ellison, the ruling is a " +
        "warning.",
    );
    expect(find(list, "the ruling is a warning").speaker).toBe("Mark Ellison");
  });
});

describe("a body's name read whole", () => {
  it("keeps the party adjective that opens a committee's name (wire style)", () => {
    const list = attributions(
      "CLEVELAND (AP) - Party officials met on Monday.\n\n" +
        "The Republican National Committee said on Monday that the debate would go ahead.\n\n" +
        "Republican Sen. Ray Tallis said the rules were fair.",
    );
    expect(find(list, "the debate would go ahead").speaker).toBe("Republican National Committee");
    expect(find(list, "the rules were fair").speaker).toBe("Ray Tallis");
  });

  it("runs on through 'for the' in a court's name (court style)", () => {
    const list = attributions(
      "CINCINNATI (Reuters) - A federal appeals court upheld the voting law on Friday.\n\n" +
        "The U.S. Court of Appeals for the Sixth Circuit said the state had shown a reason for " +
        "the rule.",
    );
    expect(find(list, "the state had shown a reason").speaker).toBe(
      "U.S. Court of Appeals for the Sixth Circuit",
    );
  });

  it("leaves a long title before a person's name to the person", () => {
    const list = attributions(
      "Turnout was high in the county on Tuesday.\n\n" +
        "Orange County Supervisor of Elections Maria Vance said the machines had worked well.\n\n" +
        "Vance added that the count would end on Wednesday.",
    );
    expect(find(list, "the machines had worked well").speaker).toBe("Vance");
    expect(find(list, "the count would end").speaker).toBe("Vance");
  });
});

describe("a mention cut before the people its capitals describe", () => {
  it("is no speaker named by the adjectives alone (wire style)", () => {
    const list = attributions(
      "BRUSSELS (Reuters) - European Union ministers met on Monday.\n\n" +
        "Central European leaders who have opposed the quotas embraced the plan, warning that " +
        "Britain's exit would weaken the bloc.\n\n" +
        "Two weeks earlier, Dutch voters said no to the treaty, officials said.",
    );
    expect(find(list, "Britain's exit would weaken").speaker).toBeNull();
    for (const a of list) expect(a.speaker).not.toBe("Central European");
  });

  it("is the party's group where the capitals name one", () => {
    const list = attributions(
      "Senate Republican leaders said the vote would wait until after the recess.",
    );
    expect(find(list, "the vote would wait").speaker).toBe("Senate Republican leaders");
  });
});

describe("a title whose 'of ...' runs on to the name", () => {
  it("names the person after the whole title (wire style)", () => {
    const list = attributions(
      "CHARLESTON (Reuters) - The union will likely sit out the election, UMWA Director of " +
        "Government Affairs Phil Smith told Reuters on Tuesday.",
    );
    expect(find(list, "will likely sit out the election").speaker).toBe("Phil Smith");
  });

  it("names the person, not the company, after a post of a company (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods rose 3 percent.\n\n" +
        "Corvel Vice President of Investor Relations Jane Roe said the dividend would rise.\n\n" +
        "Bank of America said it would keep its rating.",
    );
    expect(find(list, "the dividend would rise").speaker).toBe("Jane Roe");
    expect(find(list, "keep its rating").speaker).toBe("Bank of America");
  });
});

describe("a participle that opens the sentence, read as the speaker", () => {
  it("gives the statement to the main clause's subject (court style)", () => {
    const list = attributions(
      "Harlan Voss was sentenced on Monday.\n\n" +
        'Responding to the ruling outside the court, Voss said: "I will appeal this to the end."',
    );
    expect(find(list, "I will appeal this").speaker).toBe("Harlan Voss");
  });

  it("gives a phrase set beside the subject to that subject (wire style)", () => {
    const list = attributions(
      "WASHINGTON (AP) - The Senate voted on the bill on Tuesday.\n\n" +
        "House Speaker Paul Tallis, R-Ohio, despite admitting that he had doubts about the " +
        "cost, backed the bill.",
    );
    expect(find(list, "he had doubts about the cost").speaker).toBe("Paul Tallis");
  });

  it("does not read 'at last' as such a phrase", () => {
    const list = attributions(
      "Ray Tallis spoke in Reno on Friday.\n\n" +
        "He welcomed that Lena Marsh had at last described her views on the dam in public.",
    );
    expect(find(list, "her views on the dam").speaker).not.toBe("Ray Tallis");
  });

  it("leaves a surname that ends in -ing to its person", () => {
    const list = attributions(
      "The network fired Curt Schilling on Wednesday.\n\n" +
        "Schilling said on Twitter that he had no regrets about the post.",
    );
    expect(find(list, "he had no regrets").speaker).toBe("Curt Schilling");
  });
});

describe("a name run on into the verb that leads into an '-ing' cue", () => {
  it("is the speaker of 'avoids condemning' (wire style)", () => {
    const list = attributions(
      "BERLIN (Reuters) - Trade ministers met in Berlin on Monday.\n\n" +
        "Ms. Harlow praised the summit. Harlow avoids condemning the tariffs on steel imports.",
    );
    expect(find(list, "the tariffs on steel imports").speaker).toBe("Harlow");
  });

  it("is the speaker of 'keeps saying' (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods fell on Tuesday.\n\n" +
        "Chief executive Dana Pruitt spoke to analysts. Pruitt keeps saying that the merger will close in May.",
    );
    expect(find(list, "the merger will close in May").speaker).toBe("Dana Pruitt");
  });

  it("does not give a group's words to the name it is around (court style)", () => {
    const list = attributions(
      "The trial of Ray Tallis resumed on Friday.\n\n" +
        "Tallis supporters keep saying that the evidence was planted.",
    );
    expect(find(list, "the evidence was planted").speaker).toBe("Tallis supporters");
  });
});
