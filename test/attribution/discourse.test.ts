import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a pronoun follows the subject a reader follows", () => {
  it("takes the subject after an opening phrase, not the person it acts on (wire)", () => {
    const list = attributions(
      "ANKARA (Reuters) - Speaking at a party congress in Konya, Mehmet Aksoy criticised " +
        "Selim Kaya over the budget.\n\n" +
        "“The deficit is out of control,” he said.",
    );
    expect(find(list, "The deficit is out of control").speaker).toBe("Mehmet Aksoy");
  });

  it("takes the subject after a span of time that opens the sentence (wire)", () => {
    const list = attributions(
      "One month after endorsing Dana Whitlock, Ray Tallis still believes the governor is " +
        "unfit. “I stand by everything I said,” the Nevada senator told reporters on Thursday.\n\n" +
        "Two days later, Tallis met Whitlock. “We spoke for an hour,” he said.",
    );
    expect(find(list, "I stand by everything I said").speaker).toBe("Ray Tallis");
    expect(find(list, "We spoke for an hour").speaker).toBe("Ray Tallis");
  });

  it("takes the subject after a time set off by no comma (wire)", () => {
    const list = attributions(
      "On Thursday evening Lena Marsh accepted the nomination, calling her rival, Ray " +
        "Tallis, unqualified.\n\n" +
        "“A man you can bait with a tweet is not a man we can trust,” said the Democratic " +
        "nominee.\n\n" +
        "On Monday the ministry and Tallis met. “It went well,” he said.",
    );
    expect(find(list, "A man you can bait").speaker).toBe("Lena Marsh");
    expect(find(list, "It went well").speaker).toBe("Ray Tallis");
  });

  it("takes the one person an opening clause names, whom the pronoun subject means (wire)", () => {
    const list = attributions(
      "RENO, Nev. - At the moment Ray Tallis learned he had been dropped from the debate, he " +
        "was on his 44th day in the state. Sooner or later, the Nevada governor told " +
        "reporters, “it starts to pay off.”",
    );
    expect(find(list, "it starts to pay off").speaker).toBe("Ray Tallis");
  });

  it("does not take a name after a pronoun subject, who is someone else", () => {
    const list = attributions(
      "Lena Marsh spoke in Reno on Monday.\n\n" +
        "He met Ray Tallis on Tuesday. “The talks were useful,” the Nevada governor said.",
    );
    expect(find(list, "The talks were useful").speaker).not.toBe("Ray Tallis");
  });

  it("takes the name that heads the subject, not the one that says whose aide it is", () => {
    const list = attributions(
      "Governor Paul Moreau spoke in Lyon on Monday.\n\n" +
        "Moreau spokeswoman Claire Dubois rejected the report of Henri Lamy.\n\n" +
        "“Nice try, but not true,” she said.",
    );
    expect(find(list, "Nice try, but not true").speaker).toBe("Claire Dubois");
  });

  it("takes the subject of its own sentence when the pronoun opens a clause of it", () => {
    const list = attributions(
      "Tomas Varga was touring the harbour in Gdansk when he told reporters that the port " +
        "would close.",
    );
    expect(find(list, "the port would close").speaker).toBe("Tomas Varga");
  });

  it("does not take that subject when someone else is named before the pronoun", () => {
    const list = attributions(
      "Moderator Ann Cole opened the debate by asking Mark Ellison why he had voted " +
        "against the bill, and he said the bill was a trap.",
    );
    // Her question is hers; what "he" said is not.
    expect(find(list, "why he had voted against the bill").speaker).toBe("Ann Cole");
    expect(find(list, "the bill was a trap").speaker).not.toBe("Ann Cole");
  });

  it("keeps two subjects of one sentence apart", () => {
    const list = attributions(
      "Speaking in Ghent, Mark Ellison and Paul Moreau defended the treaty.\n\n" +
        "“It protects our farmers,” he said.",
    );
    expect(find(list, "It protects our farmers").speaker).toBeNull();
  });

  it("lets the pronoun's sex pick among the subjects of one sentence", () => {
    const list = attributions(
      "At a diner in Concord, Hillary Clinton and husband Bill thanked the staff.\n\n" +
        "She said, “With your help, we can win this state.”",
    );
    expect(find(list, "we can win this state").speaker).toBe("Hillary Clinton");
  });

  it("follows a description that is the subject, where the article says whom it means", () => {
    const list = attributions(
      "Finance Minister Jonas Berg presented the budget on Tuesday.\n\n" +
        "The finance minister also discussed the plans of Olav Brandt.\n\n" +
        "He said the cuts would fall on defence.",
    );
    expect(find(list, "the cuts would fall on defence").speaker).toBe("Jonas Berg");
  });

  it("treats a gerund subject as a subject, not an opening phrase", () => {
    const list = attributions(
      "Lena Marsh spoke in Leeds on Friday.\n\n" +
        "Choosing between Olav Brandt and Tom Hale is a false choice, she said.",
    );
    expect(find(list, "a false choice").speaker).toBe("Lena Marsh");
  });
});

describe("a body speaks under the name the article gives it", () => {
  it("gives a campaign's words to the campaign, never to the candidate", () => {
    const list = attributions(
      "Senator Lena Marsh toured Ohio on Monday.\n\n" +
        "The Marsh campaign said it had raised $4 million. Lena Marsh’s campaign said the " +
        "figure was a record.",
    );
    expect(find(list, "raised $4 million").speaker).toBe("Marsh campaign");
    expect(find(list, "the figure was a record").speaker).toBe("Marsh campaign");
  });

  it("names an administration by its president", () => {
    const list = attributions(
      "President Ada Brandt met the governors.\n\nThe Brandt administration said the " +
        "tariffs would stay.",
    );
    expect(find(list, "the tariffs would stay").speaker).toBe("Brandt administration");
  });

  it("reads police in a place as that place's police, not the place (AP)", () => {
    const list = attributions(
      "OSLO, Norway (AP) — Police in Norway said two people were hurt in the blast. " +
        "German police said a suspect had been held near the border.",
    );
    expect(find(list, "two people were hurt").speaker).toBe("Norway police");
    expect(find(list, "a suspect had been held").speaker).toBe("German police");
  });

  it('does not read a body\'s own capitalised word as its place ("Authorities said")', () => {
    const list = attributions(
      "ANKARA (Reuters) - A bomb exploded near a bus stop on Friday.\n\n" +
        "Authorities said the city was calm. Police in Ankara said 12 people were hurt.",
    );
    expect(find(list, "the city was calm").speaker).not.toBe("Authorities authorities");
    expect(find(list, "12 people were hurt").speaker).toBe("Ankara police");
  });

  it("lets a party speak where its members speak as one", () => {
    const list = attributions(
      "Senate Republicans said the bill was dead. Some Democrats said the vote was rigged.",
    );
    expect(find(list, "the bill was dead").speaker).toBe("Senate Republicans");
    expect(find(list, "the vote was rigged").speaker).toBe("Democrats");
  });

  it("makes a party's adjective no speaker of its own: its officials are a group", () => {
    const list = attributions("Republican officials said the count would resume on Monday.");
    expect(find(list, "the count would resume").speaker).toBe("Republican officials");
  });
});

describe("a description points back to the person a reader has in mind", () => {
  it("takes the speaker on stage for a description the article ties to no one else (AP)", () => {
    const list = attributions(
      "CONCORD, N.H. (AP) — Donald Trump says the primary is rigged.\n\n" +
        "The New York businessman says he will win New Hampshire anyway.",
    );
    expect(find(list, "he will win New Hampshire").speaker).toBe("Donald Trump");
  });

  it("matches a post the article gave, short or in full (Reuters)", () => {
    const list = attributions(
      "Ohio Gov. Mark Ellison and Senator Ruth Adair met voters in Dayton on Friday.\n\n" +
        "“We need the plant,” Adair said.\n\n" +
        "The governor said the plant would stay open.",
    );
    expect(find(list, "the plant would stay open").speaker).toBe("Mark Ellison");
  });

  it("never gives a post to someone the article calls something else", () => {
    const list = attributions(
      "Judge Frank Moreau ruled on Monday that the files stay sealed.\n\n" +
        "“The law is clear,” Moreau said.\n\n" +
        "The senator said the ruling was a mistake.",
    );
    expect(find(list, "the ruling was a mistake").speaker).toBeNull();
  });

  it("keeps the running mate apart from the nominee", () => {
    const list = attributions(
      "Democratic vice presidential nominee Tom Hale spoke in Toledo.\n\n" +
        "Ann Cole says the plant will reopen. The Democratic presidential nominee says she " +
        "will fight for it.",
    );
    expect(find(list, "she will fight for it").speaker).toBe("Ann Cole");
  });

  it("does not take the other party's candidate", () => {
    const list = attributions(
      "Republican nominee Paul Moreau spoke in Miami.\n\n" +
        "“Taxes will fall,” Moreau said.\n\n" +
        "The Democratic nominee said taxes would rise.",
    );
    expect(find(list, "taxes would rise").speaker).toBeNull();
  });

  it("reads the former president as someone the article calls former", () => {
    const list = attributions(
      "Tom Hale said the plan would pass.\n\nThe former president said it would fail.",
    );
    expect(find(list, "it would fail").speaker).toBeNull();
  });

  it("leaves a description unresolved where the article just brought in someone new", () => {
    const list = attributions(
      "Paul Moreau spoke at the rally in Lyon.\n\n" +
        "An organizer greeted the crowd at the gate.\n\n" +
        "“You will be the best messengers,” the organizer said.",
    );
    expect(find(list, "the best messengers").speaker).toBeNull();
  });

  it("does not give a lawyer's words to the person whose lawyer he is", () => {
    const list = attributions(
      "Bryan Pagliano refused to testify on Tuesday.\n\n" +
        "Pagliano’s lawyer said the subpoena was unlawful.",
    );
    expect(find(list, "the subpoena was unlawful").speaker).toBe("Pagliano lawyer");
  });

  it("gives a lawyer's words to the lawyer the article names for him (court style)", () => {
    const list = attributions(
      "Bryan Pagliano refused to testify on Tuesday. An attorney for Pagliano, Mark Rudd, " +
        "said his client was ready to appear in private.\n\n" +
        "Pagliano’s lawyer said the subpoena was unlawful.",
    );
    expect(find(list, "the subpoena was unlawful").speaker).toBe("Mark Rudd");
  });

  it("names neither where the article names two lawyers for him, only the post", () => {
    const list = attributions(
      "Harlan Voss appeared in court on Monday with Ann Cole, a lawyer for Voss, and Dan " +
        "Firth, an attorney for Voss.\n\n" +
        "Voss's lawyer said the charges would be dropped.",
    );
    expect(find(list, "the charges would be dropped").speaker).toBe("Voss lawyer");
  });
});

describe("a description reaches back only to someone on stage", () => {
  it("takes the name it stands beside (court style)", () => {
    const list = attributions(
      "The hearing ran late. Outside the court, Erin Holt, the lead prosecutor, told " +
        "reporters the verdict was fair.",
    );
    expect(find(list, "the verdict was fair").speaker).toBe("Erin Holt");
  });

  it("does not reach past a sentence about someone's thing to an earlier speaker", () => {
    const list = attributions(
      "“It was offensive,” said Ari Fleischer.\n\n" +
        "More troubling was Donald Trump’s silence on the embassy. Instead, the businessman " +
        "said he would wait for the talks.",
    );
    expect(find(list, "he would wait for the talks").speaker).not.toBe("Ari Fleischer");
  });
});

describe("a body is named by its type word and by it or they", () => {
  it("reads the fund, the court and it as the body the article named (business, court)", () => {
    const list = attributions(
      "WASHINGTON (Reuters) - The International Monetary Fund cut its global forecast on " +
        "Tuesday.\n\nThe fund said trade tensions would weigh on growth. It added that " +
        "rich economies faced political strains.\n\n" +
        "The U.S. Court of Appeals for the Sixth Circuit heard the case in May.\n\n" +
        "The appeals court said the purge was unlawful.",
    );
    expect(find(list, "trade tensions would weigh").speaker).toBe("International Monetary Fund");
    expect(find(list, "rich economies faced").speaker).toBe("International Monetary Fund");
    expect(find(list, "the purge was unlawful").speaker).toContain("Court of Appeals");
  });

  it("reads the company as the body the story is about", () => {
    const list = attributions(
      "MOSCOW, Dec 4 (Reuters) - On Monday, Gazprom raised gas prices for Europe.\n\n" +
        "The company said demand was strong.",
    );
    expect(find(list, "demand was strong").speaker).toBe("Gazprom");
  });

  it("gives they to a party that spoke just before, and to no unnamed people", () => {
    const list = attributions(
      "Senate Republicans said the bill was dead. They added that talks would resume.\n\n" +
        "Officials in the port said the cranes were idle. They said the strike would go on.",
    );
    expect(find(list, "talks would resume").speaker).toBe("Senate Republicans");
    expect(find(list, "the strike would go on").speaker).toBeNull();
  });

  it("leaves the company unresolved where no body is on stage", () => {
    const list = attributions(
      "Lena Marsh bought the farm in 2009.\n\nThe company said the sale was legal.",
    );
    expect(find(list, "the sale was legal").speaker).toBeNull();
  });
});

describe("the sex a description before the name shows", () => {
  it("lets she find a widow whose first name the lists call a man's", () => {
    const list = attributions(
      "“The veto does not hold,” said 9/11 widow Terry Strada.\n\n" +
        "She continued, “Denying us justice is wrong.”",
    );
    expect(find(list, "Denying us justice").speaker).toBe("Terry Strada");
  });
});

describe("a description set beside a name", () => {
  it("is that person, however long the description (business)", () => {
    const list = attributions(
      "Gustav Ando, research director for IHS Life Sciences, a consulting company, said " +
        "the merger would face scrutiny.\n\n“Prices are the issue,” he said.",
    );
    expect(find(list, "face scrutiny").speaker).toBe("Gustav Ando");
    expect(find(list, "Prices are the issue").speaker).toBe("Gustav Ando");
  });
});

describe("a first name outweighs a post written in the man's form", () => {
  it("keeps she for a spokesman named Hope", () => {
    const list = attributions(
      "Trump spokesman Hope Hicks confirmed that the group was independent.\n\n" +
        "“They are not affiliated with the campaign,” she said.",
    );
    expect(find(list, "not affiliated").speaker).toBe("Hope Hicks");
  });
});

describe("a pronoun after a joint subject", () => {
  it("stays unresolved when two people of one sex share the subject, however long their titles", () => {
    const list = attributions(
      "Brightline Chief Executive Tom Reyes and Corvel Chief Executive Sam Whitaker met twice " +
        'last week but failed to agree on price. He said the gap "was simply too wide to bridge."\n\n' +
        '"We walked away because the numbers did not work," Reyes said later.',
    );
    expect(find(list, "was simply too wide to bridge").speaker).toBeNull();
    expect(find(list, "We walked away").speaker).toBe("Tom Reyes");
  });
});
