import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a later short mention joins the full name given earlier", () => {
  it("joins a surname written first, as agency copy writes Chinese names (Xinhua style)", () => {
    const list = attributions(
      "BEIJING, Dec. 4 (Xinhua) -- Foreign Ministry spokesperson Tan Liqun told a regular " +
        "briefing that the tariffs were unfair.\n\n" +
        "“We will respond firmly,” Tan said.",
    );
    expect(find(list, "the tariffs were unfair").speaker).toBe("Tan Liqun");
    expect(find(list, "We will respond firmly").speaker).toBe("Tan Liqun");
  });

  it("keeps a lone word apart when two full names open with it", () => {
    const list = attributions(
      "SEOUL (Reuters) - Kwon Sujin and Kwon Taeho met officials on Monday.\n\n" +
        "“The talks were useful,” Kwon said.",
    );
    expect(find(list, "The talks were useful").speaker).not.toBe("Kwon Sujin");
    expect(find(list, "The talks were useful").speaker).not.toBe("Kwon Taeho");
  });

  it("does not join a lone word that the article wrote before the longer name", () => {
    const list = attributions(
      "Supporters cheered Morrow in Ohio. The Morrow Express toured the state.\n\n" +
        "“We won tonight,” Morrow said.",
    );
    expect(find(list, "We won tonight").speaker).not.toBe("Morrow Express");
  });
});

describe("canonical names carry no job words", () => {
  it("drops a two-word title inside a company's name run (business style)", () => {
    const list = attributions(
      "MIAMI (AP) - Railwise Chief Executive Tom Reyes said ridership rose 20 percent.\n\n" +
        "“We are growing fast,” Reyes said.",
    );
    expect(find(list, "ridership rose 20 percent").speaker).toBe("Tom Reyes");
    expect(find(list, "We are growing fast").speaker).toBe("Tom Reyes");
  });

  it("drops a capitalised Spokesperson before the name", () => {
    const list = attributions(
      "Interior Ministry Spokesperson Selin Arat said the border would stay open.",
    );
    expect(find(list, "the border would stay open").speaker).toBe("Selin Arat");
  });
});

describe("a role noun links to the recently named holder of a matching post", () => {
  it("takes 'the Kremlin spokesman' to be the press secretary named before (TASS style)", () => {
    const list = attributions(
      "MOSCOW, December 4. /TASS/. Presidential Press Secretary Oleg Varin told reporters " +
        "the talks had stalled.\n\n" +
        "The Kremlin spokesman said no meeting was planned.\n\n" +
        "He noted that contacts would go on.",
    );
    expect(find(list, "no meeting was planned").speaker).toBe("Oleg Varin");
    expect(find(list, "contacts would go on").speaker).toBe("Oleg Varin");
  });

  it("leaves 'the spokesman' unresolved when two spokesmen are on stage", () => {
    const list = attributions(
      "Press Secretary Oleg Varin and Press Secretary Ivan Sokol met reporters on Monday.\n\n" +
        "The spokesman said no meeting was planned.",
    );
    expect(find(list, "no meeting was planned").speaker).toBeNull();
  });
});

describe("an unnamed spokesperson for a body speaks for it", () => {
  it("makes the union the speaker, and the 'she' that follows (Reuters style)", () => {
    const list = attributions(
      "LONDON (Reuters) - Workers at the plant walked out on Tuesday.\n\n" +
        "A spokeswoman for the GMB union said the strike would last a week.\n\n" +
        "She added that members were angry.",
    );
    expect(find(list, "the strike would last a week").speaker).toBe("GMB");
    expect(find(list, "members were angry").speaker).toBe("GMB");
  });

  it("does not hand the body a 'he' after a spokeswoman", () => {
    const list = attributions(
      "A spokeswoman for the GMB union said the strike would last a week.\n\n" +
        "He added that members were angry.",
    );
    expect(find(list, "members were angry").speaker).not.toBe("GMB");
  });

  it("leaves a spokesman for a person unnamed: he speaks for someone, not as them", () => {
    const list = attributions(
      "Senator Ruth Adair visited Lyon on Monday.\n\n" +
        "A spokesman for Ruth Adair said the trip was private.",
    );
    expect(find(list, "the trip was private").speaker).toBeNull();
  });
});

describe("a body's type word and 'it' reach the body the last sentence was about", () => {
  it("links 'the rights group' to Amnesty International", () => {
    const list = attributions(
      "LONDON (Reuters) - Amnesty International accused the government of torture on Monday.\n\n" +
        "The rights group said at least 40 people had been held without charge.",
    );
    expect(find(list, "held without charge").speaker).toBe("Amnesty International");
  });

  it("links 'It said' to the ministry that rejected the report (Anadolu style)", () => {
    const list = attributions(
      "ANKARA (AA) - The Interior Ministry rejected the allegations on Monday.\n\n" +
        "It said the report was based on false claims.",
    );
    expect(find(list, "the report was based on false claims").speaker).toBe("Interior Ministry");
  });

  it("links 'the company' to the company that cut its forecast", () => {
    const list = attributions(
      "CHICAGO (Reuters) - Acme Foods Corp. cut its forecast on Tuesday.\n\n" +
        "The company said demand for frozen meals had fallen.",
    );
    expect(find(list, "demand for frozen meals had fallen").speaker).toBe("Acme Foods");
  });

  it("leaves 'the company' unresolved between two companies that both act", () => {
    const list = attributions(
      "Acme Foods Corp. and Borel Dairy Inc. cut their forecasts on Tuesday.\n\n" +
        "The company said demand had fallen.",
    );
    expect(find(list, "demand had fallen").speaker).toBeNull();
  });
});

describe("a body named by its place", () => {
  it("spells the police after the text, not the dateline's capitals", () => {
    const list = attributions("ANKARA (Reuters) - Police in Ankara said three people were held.");
    expect(find(list, "three people were held").speaker).toBe("Ankara police");
  });
});

describe("a mention cut short inside the title and name it opens", () => {
  it("reads the whole name when a surname looks like a month", () => {
    const list = attributions(
      "LONDON (Reuters) - British Prime Minister Helen May said this week that the country " +
        "would leave the bloc by March.",
    );
    expect(find(list, "the country would leave the bloc").speaker).toBe("Helen May");
  });

  it("reads the person a party word opens, before a participle cue", () => {
    const list = attributions(
      "Democratic presidential nominee Ruth Adair chimed in on Twitter, saying that city " +
        "officials should release the videos.",
    );
    expect(find(list, "city officials should release the videos").speaker).toBe("Ruth Adair");
  });
});
