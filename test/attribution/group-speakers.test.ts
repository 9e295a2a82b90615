import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a group the article ties to a named person, body or party speaks as that group", () => {
  it("names aides and advisers by whose they are, never as that person (wire style)", () => {
    const list = attributions(
      "WASHINGTON (Reuters) - Senator Dana Whitcombe spoke in Reno on Monday.\n\n" +
        "Whitcombe aides said the campaign would not fold before the convention.\n\n" +
        "Advisers to Whitcombe said the debate had gone well.\n\n" +
        "Ms. Whitcombe's longtime allies said she would run again.",
    );
    expect(find(list, "would not fold").speaker).toBe("Whitcombe aides");
    expect(find(list, "the debate had gone well").speaker).toBe("Whitcombe advisers");
    expect(find(list, "she would run again").speaker).toBe("Whitcombe allies");
  });

  it("names officials of a named body (business and court style)", () => {
    const list = attributions(
      "Acme Foods Corp. cut 400 jobs at its plant in Dayton, Ohio.\n\n" +
        "Officials at the Labor Department said the cuts would be reviewed.\n\n" +
        "Acme Foods officials said the plant would reopen in the spring.",
    );
    expect(find(list, "the cuts would be reviewed").speaker).toBe("Labor Department officials");
    expect(find(list, "would reopen in the spring").speaker).toBe("Acme Foods officials");
  });

  it("names a party's lawmakers as the party's group, chamber kept", () => {
    const list = attributions(
      "The Senate voted 52-48 on Thursday to block the bill.\n\n" +
        "Senate Republican leaders said the bill was dead for the year.\n\n" +
        "Many Democratic officials said the vote was a mistake.",
    );
    expect(find(list, "dead for the year").speaker).toBe("Senate Republican leaders");
    expect(find(list, "the vote was a mistake").speaker).toBe("Democratic officials");
  });

  it("lets 'they' after the group be the group again", () => {
    const list = attributions(
      "Maria Lund, the finance minister, presented the budget on Tuesday.\n\n" +
        "Lund aides said the deficit would shrink. They said taxes would not rise.",
    );
    expect(find(list, "taxes would not rise").speaker).toBe("Lund aides");
  });

  it("leaves officials of no one unnamed", () => {
    const list = attributions(
      "Fighting resumed near the border on Sunday.\n\n" +
        "Officials said at least 12 people had died.\n\n" +
        "Aides said the talks would go on.\n\n" +
        "Israeli officials said the crossing would stay shut.",
    );
    for (const words of ["12 people had died", "the talks would go on", "would stay shut"]) {
      expect(find(list, words).speaker).toBeNull();
    }
  });

  it("does not take a poll's respondents for a group that speaks", () => {
    const list = attributions(
      "Senator Dana Whitcombe leads the race, a new poll shows.\n\n" +
        "The poll found that 55 percent of Whitcombe supporters said they would vote early.",
    );
    const hit = list.find((a) => a.content.some((c) => c.text.includes("vote early")));
    expect(hit?.speaker ?? null).not.toBe("Whitcombe supporters");
  });

  it("does not read a group out of a verb's object", () => {
    const list = attributions(
      "Senator Lena Ortiz of Ohio ended her campaign on Tuesday.\n\n" +
        "The Ohio senator emailed supporters, saying the fight would go on.",
    );
    expect(find(list, "the fight would go on").speaker).toBe("Lena Ortiz");
  });

  it("names one unnamed official or source by whose they are (Xinhua and AP style)", () => {
    const list = attributions(
      "BEIJING, May 3 (Xinhua) -- The Commerce Ministry raised tariffs on steel on Friday.\n\n" +
        "A Commerce Ministry official said the move was temporary.\n\n" +
        "One Democratic source said the bill would pass. A senior Obama administration official " +
        "said talks would go on.",
    );
    expect(find(list, "the move was temporary").speaker).toBe("Commerce Ministry official");
    expect(find(list, "the bill would pass").speaker).toBe("Democratic source");
    expect(find(list, "talks would go on").speaker).toBe("Obama administration official");
  });

  it("gives an official named beside the post their own name", () => {
    const list = attributions(
      "Acme Foods cut 400 jobs on Monday.\n\n" +
        "A longtime Acme Foods official, Howard Ingram, said the plant would close.",
    );
    expect(find(list, "the plant would close").speaker).toBe("Howard Ingram");
  });

  it("reads the group past an honorific and after a name cut from it", () => {
    const list = attributions(
      "President Tom Okafor spoke in Lagos on Monday.\n\n" +
        "Advisers to Mr. Okafor said the visit had gone well.\n\n" +
        "Keith Scott was shot by police on Tuesday. Scott's family has called on police to " +
        "release the videos.",
    );
    expect(find(list, "the visit had gone well").speaker).toBe("Okafor advisers");
    expect(find(list, "release the videos").speaker).toBe("Scott family");
  });

  it("counts lawmakers and journalists of a party or a body as its group", () => {
    const list = attributions(
      "The network RT broadcast the debate from Moscow.\n\n" +
        "Several former RT journalists have complained that the network censored them.\n\n" +
        "Two Republican lawmakers said the hearing would resume.",
    );
    expect(find(list, "censored them").speaker).toBe("RT journalists");
    expect(find(list, "the hearing would resume").speaker).toBe("Republican lawmakers");
  });
});

describe("a group or post owned by a possessive pronoun", () => {
  it("is the group of the one the pronoun means (Reuters style)", () => {
    const list = attributions(
      "MOSCOW (Reuters) - Oleg Ivanov, the deputy foreign minister, flew to Ankara on Monday.\n\n" +
        "His aides said the talks would last two days.",
    );
    expect(find(list, "would last two days").speaker).toBe("Ivanov aides");
  });

  it("is a body's group for 'its'", () => {
    const list = attributions(
      "Acme Foods Corp. said on Tuesday that it would raise prices.\n\n" +
        "Its executives said the rise was modest.",
    );
    expect(find(list, "the rise was modest").speaker).toBe("Acme Foods executives");
  });

  it("names no one where the pronoun could mean two people", () => {
    const list = attributions(
      "Oleg Ivanov and Pavel Sokol met in Ankara on Monday.\n\n" +
        "His aides said the talks would last two days.",
    );
    expect(find(list, "would last two days").speaker).toBeNull();
  });
});

describe("a body's type word after a sentence that names only that body", () => {
  it("is that body, though the sentence is about something else (business style)", () => {
    const list = attributions(
      "NEW YORK (Reuters) - Shares of Acme Foods Corp. fell 9 percent on Monday.\n\n" +
        "In the Acme Foods Corp. recall, customers were charged twice for the same order.\n\n" +
        "The company said it had refunded every customer.",
    );
    expect(find(list, "refunded every customer").speaker).toBe("Acme Foods");
  });

  it("names none where that sentence names two bodies", () => {
    const list = attributions(
      "NEW YORK (Reuters) - Shares of Acme Foods Corp. fell 9 percent on Monday.\n\n" +
        "In the dispute between Acme Foods Corp. and Bolt Industries Inc., customers were " +
        "charged twice.\n\n" +
        "The company said it had refunded every customer.",
    );
    expect(find(list, "refunded every customer").speaker).toBeNull();
  });
});

describe("a delayed lede whose person is named two paragraphs on", () => {
  it("is that person where the paragraph between names no one new (court style)", () => {
    const list = attributions(
      "A Texas judge has rejected a request to unseal the records, saying the court had no " +
        "business deciding what voters should read.\n\n" +
        "The Dallas Morning News and the Houston Chronicle had filed a motion to unseal the file.\n\n" +
        "District Judge Maria Ortega rejected that argument in a ruling released Thursday.",
    );
    expect(find(list, "no business deciding").speaker).toBe("Maria Ortega");
  });

  it("names no one where the paragraph between brings in someone else", () => {
    const list = attributions(
      "A Texas judge has rejected a request to unseal the records, saying the court had no " +
        "business deciding what voters should read.\n\n" +
        "Lawyer Sam Reyes had filed a motion to unseal the file.\n\n" +
        "District Judge Maria Ortega rejected that argument in a ruling released Thursday.",
    );
    expect(find(list, "no business deciding").speaker).not.toBe("Maria Ortega");
  });
});
