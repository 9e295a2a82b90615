import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a description whose post the article gives no one", () => {
  it("is the person on stage, when it says more than the bare post (wire style)", () => {
    const list = attributions(
      "SACRAMENTO (Reuters) - Dana Whitlock said on Monday the drought budget would pass.\n\n" +
        "The Nevada governor said water rights would be shared with neighbouring states.",
    );
    expect(find(list, "water rights would be shared").speaker).toBe("Dana Whitlock");
  });

  it("is not someone the article gives another state's post", () => {
    const list = attributions(
      "Former Ohio Gov. Ray Tallis met Dana Whitlock in Reno on Monday.\n\n" +
        "Whitlock said the compact was fair.\n\n" +
        "The Nevada governor said water rights would be shared.",
    );
    expect(find(list, "water rights would be shared").speaker).toBe("Dana Whitlock");
  });

  it("stays unresolved for a bare post, which may be anyone's", () => {
    const list = attributions(
      "Dana Whitlock said on Monday the budget would pass.\n\n" +
        "The governor said it would fail.",
    );
    expect(find(list, "it would fail").speaker).toBeNull();
  });

  it("stays unresolved where a post of a named place brings in someone new (court style)", () => {
    const list = attributions(
      "Harlan Voss has faced 40 lawsuits in ten years, court records show.\n\n" +
        "The attorney general of the state of Ohio is suing Voss for $4 million, and the " +
        "attorney general said the case would go to trial in May.",
    );
    expect(find(list, "the case would go to trial").speaker).not.toBe("Harlan Voss");
  });

  it("follows a chain of descriptions back to the name", () => {
    const list = attributions(
      "Lina Ferro says the tariffs will hurt farmers.\n\n" +
        "The Democratic vice presidential nominee was speaking in Dayton on Friday.\n\n" +
        "The Ohio senator said exporters had lost a third of their sales.",
    );
    expect(find(list, "exporters had lost").speaker).toBe("Lina Ferro");
  });

  it("never reads a vice presidential nominee as the presidential nominee", () => {
    const list = attributions(
      "Democratic presidential nominee Carl Mendes spoke in Tampa on Friday.\n\n" +
        "“We will win Florida,” Mendes said.\n\n" +
        "The Democratic vice presidential nominee said turnout would be high.",
    );
    expect(find(list, "turnout would be high").speaker).not.toBe("Carl Mendes");
  });
});

describe("a possessive name cut short before what it owns", () => {
  it("speaks through its own words: a claim, a brief (court style)", () => {
    const list = attributions(
      "Judge Ana Ruiz heard the motion on Tuesday.\n\n" +
        "However, Mara Lindqvist's brief said the records were private and should stay sealed.",
    );
    expect(find(list, "should stay sealed").speaker).toBe("Mara Lindqvist");
  });

  it("speaks through a claim or a statement it owns (business style)", () => {
    const list = attributions(
      "Regulators fined Norvik Energy $2 million on Monday.\n\n" +
        "Analysts questioned Norvik Energy's claim that the spill was contained.",
    );
    expect(find(list, "the spill was contained").speaker).toBe("Norvik Energy");
  });

  it("speaks as its campaign, never as its campaign manager", () => {
    const list = attributions(
      "Hedge fund manager Paul Tran entered the race in May.\n\n" +
        "Tran's campaign said the purchase was legal. Tran's campaign manager said the " +
        "filing was late.",
    );
    expect(find(list, "the purchase was legal").speaker).toBe("Tran campaign");
    expect(find(list, "the filing was late").speaker).not.toBe("Tran campaign");
    expect(find(list, "the filing was late").speaker).not.toBe("Paul Tran");
  });

  it("does not speak for whoever it owns: a family, a lawyer", () => {
    const list = attributions(
      "Officers shot Keith Moran on Tuesday.\n\n" +
        "Moran's family has called on police to release the video.",
    );
    const call = list.find((a) => a.content.some((c) => c.text.includes("release the video")));
    expect(call?.speaker ?? null).not.toBe("Keith Moran");
  });
});

describe("a pronoun after a sentence about someone unnamed", () => {
  it("is not the one that sentence names, but the unnamed one it is about", () => {
    const list = attributions(
      "Maria Ortega spoke at the rally in Erie on Saturday.\n\n" +
        "The woman’s enthusiasm for Ortega is recorded in detail.\n\n" +
        "“Here she comes,” she said, clapping.",
    );
    expect(find(list, "Here she comes").speaker).toBeNull();
  });
});

describe("a name written after an article", () => {
  it("is a thing, which a later lone word does not join (agency style)", () => {
    const list = attributions(
      "For those of you not yet on the Kessler Train, the polls say Kessler is a fraud.\n\n" +
        "“We won tonight,” Kessler said.",
    );
    expect(find(list, "We won tonight").speaker).not.toBe("Kessler Train");
  });
});

describe("wire copy's delayed lede", () => {
  it("names the description by the full name the next paragraph brings in", () => {
    const list = attributions(
      "HARTFORD (AP) — The Latest on the state budget (all times EDT):\n\n" +
        "2:45 p.m.\n\n" +
        "Vermont’s tax commissioner says an internal review shows no one leaked the filings.\n\n" +
        "Kevin Marlow says he instructed staff Monday to check the records.",
    );
    expect(find(list, "no one leaked the filings").speaker).toBe("Kevin Marlow");
  });

  it("names a spokeswoman the next paragraph names, never a man (business style)", () => {
    const her = attributions(
      "A spokeswoman for the carmaker said the recall would cover 40,000 vehicles.\n\n" +
        "Helga Brandt told reporters in Munich that dealers would replace the part free.",
    );
    expect(find(her, "the recall would cover").speaker).toBe("Helga Brandt");
    const him = attributions(
      "A spokeswoman for the carmaker said the recall would cover 40,000 vehicles.\n\n" +
        "Mr. Hans Brandt told reporters in Munich that dealers would replace the part free.",
    );
    expect(find(him, "the recall would cover").speaker).toBeNull();
  });

  it("reads names in the description's own words as what is said, not who says it", () => {
    const list = attributions(
      "A former party chairman says Lena Ortiz and the party's leaders should plan for a " +
        "successor now.\n\n" +
        "“Now is the time to act,” said Don Whitcombe, who led the party in the 1990s.",
    );
    expect(find(list, "should plan for a successor").speaker).toBe("Don Whitcombe");
  });

  it("stays unresolved where someone else new is named first", () => {
    const list = attributions(
      "A former party chairman says Lena Ortiz should step aside.\n\n" +
        "Ortiz has led the party since 2019, and Paul Greer said she would stay.",
    );
    expect(find(list, "should step aside").speaker).toBeNull();
  });

  it("stays unresolved inside a story, away from its opening", () => {
    const list = attributions(
      "Lena Ortiz opened the session on Monday.\n\n" +
        "A senior aide said the vote would be close.\n\n" +
        "Paul Greer told reporters the bill would pass.",
    );
    expect(find(list, "the vote would be close").speaker).toBeNull();
  });
});

describe("a body named by its type", () => {
  const story =
    "Dish Network dropped the channel in 2014.\n\n" +
    "Analysts said viewers barely noticed.\n\n" +
    "TV Meridian hired Abby Lund in May.\n\n" +
    "Lund said she was free to speak.\n\n" +
    "The Daily Times reported that the editor had warned Lund. The network said it would " +
    "send Lund to Crimea.";

  it("is not a body of that name the article left paragraphs before", () => {
    expect(find(attributions(story), "send Lund to Crimea").speaker).not.toBe("Dish Network");
  });

  it("is not a newspaper when it is a network", () => {
    const list = attributions(
      "TV Meridian hired Abby Lund in May.\n\n" +
        "The Daily Times reported that the editor had warned Lund. The network said it would " +
        "send Lund to Crimea.",
    );
    expect(find(list, "send Lund to Crimea").speaker).not.toBe("The Daily Times");
  });

  it("is the body of that name nearby, never the type word itself (business style)", () => {
    const list = attributions(
      "Savers and the Bank.\n\nNordbank cut its rates on Monday, and Bank customers queued.\n\n" +
        "The bank said savers would be spared.",
    );
    expect(find(list, "savers would be spared").speaker).toBe("Nordbank");
  });
});

describe("a mention that ran on into its verb", () => {
  it("is cut back to the name or role before the verb", () => {
    const list = attributions(
      "Senator Lena Ortiz of Ohio ended her campaign on Tuesday.\n\n" +
        "The Ohio senator sought to calm her supporters, saying the fight would go on.",
    );
    expect(find(list, "the fight would go on").speaker).toBe("Lena Ortiz");
  });

  it("is never cut before a noun: Ortiz supporters are not Ortiz", () => {
    const list = attributions(
      "Senator Lena Ortiz of Ohio ended her campaign on Tuesday.\n\n" +
        "Ortiz supporters said the fight would go on.",
    );
    expect(find(list, "the fight would go on").speaker).not.toBe("Lena Ortiz");
  });
});

describe("a pronoun opening a 'that' clause of its own sentence", () => {
  it("is the sentence's subject when no one else who fits is named before it", () => {
    const list = attributions(
      "Carl Mendes, appearing after Mary Ruiz at the forum, cited a report that he said " +
        "showed the port had lost 400 jobs since May.",
    );
    expect(find(list, "the port had lost 400 jobs").speaker).toBe("Carl Mendes");
  });

  it("stays unresolved after someone else who fits", () => {
    const list = attributions(
      "Carl Mendes told Paul Greer on Monday that he said the budget would fail.",
    );
    // Mendes's own statement is what he told Greer; who "he" is inside it, a reader cannot tell,
    // so no statement cued by that "said" names anyone.
    expect(find(list, "the budget would fail")).toMatchObject({
      speaker: "Carl Mendes",
      cue: { text: "told Paul Greer" },
    });
    const inner = list.filter((a) => a.cue?.text === "said");
    expect(inner.every((a) => a.speaker === null)).toBe(true);
  });
});

describe("a surname run on from an outlet's name", () => {
  it("is the subject a missing comma would have parted", () => {
    const list = attributions(
      "Carl Mendes toured the port on Monday.\n\n" +
        "In a March meeting with the editorial board of the Ohio Tribune Mendes said that the " +
        "harbour fees would double.",
    );
    expect(find(list, "the harbour fees would double").speaker).toBe("Carl Mendes");
  });

  it("is no speaker where the outlet's staff speak", () => {
    const list = attributions(
      "Carl Mendes toured the port on Monday.\n\n" +
        "An editor at the Daily Herald said Mendes had misread the fees.",
    );
    expect(find(list, "Mendes had misread the fees").speaker).not.toBe("Carl Mendes");
  });
});

describe("a description read against the posts the article gives", () => {
  it("takes 'the leader' for the one the article calls the country's president (agency style)", () => {
    const list = attributions(
      "MOSCOW, Dec. 4 (TASS) - Russian President Pavel Orlov met Finnish envoy Mikko Laine " +
        "in the Kremlin on Thursday.\n\n" +
        "“The talks were frank and useful,” the Russian leader said.",
    );
    expect(find(list, "The talks were frank").speaker).toBe("Pavel Orlov");
  });

  it("reads the state of 'the New Jersey governor', so another state's governor is not meant", () => {
    const list = attributions(
      "Ohio Gov. Ray Tallis criticized the rail plan on Monday.\n\n" +
        "Lena Marsh said the plan would pass.\n\n" +
        "“It is a good plan for commuters,” the New Jersey governor said.",
    );
    expect(find(list, "a good plan for commuters").speaker).toBe("Lena Marsh");
  });

  it("stays unresolved for 'the leader' where two presidents are on stage", () => {
    const list = attributions(
      "Russian President Pavel Orlov and Finnish President Aino Laine met on Thursday.\n\n" +
        "“The talks were frank,” the leader said.",
    );
    expect(find(list, "The talks were frank").speaker).toBeNull();
  });
});

describe("a recording of someone speaking is that person's statement", () => {
  it("names the one a clip or footage shows (wire and campaign style)", () => {
    const list = attributions(
      "WASHINGTON (Reuters) - Senator Dana Holt and Governor Ray Tallis spoke in Reno on Monday.\n\n" +
        "The first ad ends with a clip of Holt saying she will back the nominee.\n\n" +
        "The second ad ends with a video of Tallis saying that taxes would fall.",
    );
    expect(find(list, "back the nominee").speaker).toBe("Dana Holt");
    expect(find(list, "taxes would fall").speaker).toBe("Ray Tallis");
  });

  it("reads the quotation after a recording, not the verb the recording ends with (ad style)", () => {
    const list = attributions(
      "Senator Dana Holt and Governor Ray Tallis debated in Reno last week.\n\n" +
        "The spot concludes with footage of Tallis saying during the debate last week, " +
        "\u201cThat makes me smart,\u201d when Holt pressed him on his taxes.\n\n" +
        "The second ad uses footage of Dana Holt asking, \u201cWhy aren't I ahead in the polls?\u201d",
    );
    const smart = find(list, "That makes me smart");
    expect(smart.speaker).toBe("Ray Tallis");
    expect(smart.cue?.text).toBe("saying");
    expect(find(list, "ahead in the polls").speaker).toBe("Dana Holt");
  });

  it("takes no report from what a document concludes with (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods fell on Tuesday.\n\n" +
        "The annual report concludes with a table of \u201cstore openings planned for the year.\u201d " +
        "Chief executive Dana Pruitt said sales would recover.",
    );
    expect(find(list, "sales would recover").speaker).toBe("Dana Pruitt");
    expect(list.some((a) => a.cue?.text === "concludes")).toBe(false);
  });

  it("reads a campaign's ad, dated by a year, as its maker's statement (ad and wire style)", () => {
    const list = attributions(
      "WASHINGTON (Reuters) - Senator Dana Holt and Governor Ray Tallis spoke in Reno on Monday.\n\n" +
        "A memorable Dana Holt ad in 2008 questioned whether Tallis was ready to lead.\n\n" +
        "After the vote, Tallis released a new radio ad calling the tax plan \u201creckless.\u201d",
    );
    const ad = find(list, "Tallis was ready to lead");
    expect(ad.speaker).toBe("Dana Holt");
    expect(ad.mention?.text).toBe("A memorable Dana Holt ad");
    expect(find(list, "reckless").speaker).toBe("Ray Tallis");
  });

  it("leaves an ad of no one named unresolved (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods rose on Tuesday.\n\n" +
        "A rival ad in 2015 claimed that the soup was unsafe.",
    );
    expect(find(list, "the soup was unsafe").speaker).toBeNull();
  });

  it("leaves a recording of no one named unresolved", () => {
    const list = attributions(
      "Senator Dana Holt spoke in Reno on Monday.\n\n" +
        "A video of the crowd showed protesters saying the vote was rigged.",
    );
    const hit = list.find((a) => a.content.some((c) => c.text.includes("vote was rigged")));
    expect(hit?.speaker ?? null).toBeNull();
  });
});
