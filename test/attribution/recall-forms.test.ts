import { describe, expect, it } from "vitest";
import { extractAttributions } from "../../src/attribution/extract.ts";
import { parseText } from "../../src/corpus/parse-text.ts";
import type { Attribution } from "../../src/types.ts";
import { attributions, contentOf, find } from "./helpers.ts";

// Short articles written for these tests in wire, business and court styles. Each checks that a
// statement a reader sees is found, with the words it reports and the mention at its cue.

/** Attributions of a text read as a scraped page: title line first, then the body. */
function fromPage(text: string): Attribution[] {
  return extractAttributions({ ...parseText(text), id: "page", file: "page.txt", format: "text" })
    .attributions;
}

describe("a cue and a colon that close a paragraph", () => {
  it("reads the next paragraph, a quotation, as what was said (business style)", () => {
    const list = attributions(
      "Acme Foods reported a third-quarter loss on Tuesday. Chief executive Dana Holt said in a statement:\n\n“We have cut costs in every division and expect to return to profit next year.”\n\nShares fell 4 percent.",
    );
    const block = find(list, "We have cut costs in every division");
    expect(block.speaker).toBe("Dana Holt");
    expect(block.mention?.text).toBe("Chief executive Dana Holt");
    expect(block.cue?.text).toBe("said");
    expect(block.type).toBe("direct");
    expect(list.some((a) => contentOf(a).includes("Shares fell"))).toBe(false);
  });

  it("reads an unquoted block the same way (court style)", () => {
    const list = attributions(
      "Judge Maria Lindqvist rejected the motion on Friday. In her ruling, the judge added:\n\nThe defendant has shown no reason why the evidence should be excluded, and the trial will proceed as scheduled.",
    );
    const block = find(list, "The defendant has shown no reason");
    expect(block.cue?.text).toBe("added");
    expect(block.mention?.text).toBe("the judge");
  });

  it("does not read a heading that ends in a colon as a statement", () => {
    expect(
      attributions(
        "The bank listed three changes:\n\nLower fees for savers, longer opening hours and a new app.",
      ),
    ).toEqual([]);
  });
});

describe("text as scraped", () => {
  it("splits sentences that lost the space between them (wire style)", () => {
    const list = attributions(
      "“The port will reopen on Monday,” the harbour master said.The shipping association welcomed the news and said they expected shipping to recover within a week.",
    );
    expect(find(list, "The port will reopen").mention?.text).toBe("the harbour master");
    expect(find(list, "they expected shipping to recover").mention?.text).toBe(
      "The shipping association",
    );
  });

  it("keeps abbreviations and web addresses whole", () => {
    const list = attributions("Officials at the U.S.Treasury said the sale of bonds would resume.");
    expect(find(list, "the sale of bonds would resume").mention?.text).toContain("Officials");
  });

  it("reads a headline wrapped over two lines", () => {
    const list = fromPage(
      "Berg: new tariff is 'a tax on bread';\nIn speech to farmers, the minister attacks the plan.\n\nFinance Minister Jonas Berg told farmers in Uppsala on Monday that the tariff would raise food prices.\n",
    );
    const headline = find(list, "new tariff is 'a tax on bread");
    expect(headline.speaker).toBe("Jonas Berg");
    expect(headline.mention?.text).toBe("Berg");
  });
});

describe("a relative word that stands for part of what was said", () => {
  it("reads 'which X said will ...' (business style)", () => {
    const list = attributions(
      "Nordvik Steel announced 300 job cuts on Monday. The cuts, which the company said will be completed by June, fall mostly on its plant in Lulea.",
    );
    const cuts = find(list, "will be completed by June");
    expect(cuts.mention?.text).toBe("the company");
    expect(cuts.cue?.text).toBe("said");
    expect(contentOf(cuts)).toBe("which will be completed by June");
  });

  it("reads 'who X said was ...' and 'which X describes as ...' (court style)", () => {
    const list = attributions(
      "The defendant, who prosecutors said was the leader of the ring, pleaded not guilty. His lawyer pointed to a villa which the defendant describes as his only home.",
    );
    expect(find(list, "was the leader of the ring").mention?.text).toBe("prosecutors");
    expect(find(list, "as his only home").cue?.text).toBe("describes");
  });

  it("leaves the writer's verdict on someone's words alone", () => {
    const list = attributions("What the senator said was false, and the record shows it.");
    expect(list.some((a) => contentOf(a).includes("was false"))).toBe(false);
  });
});

describe("verbs that report what was said of a topic", () => {
  it("reads 'acknowledged the ...' and 'noted the ...' with a phrase of what was said (wire style)", () => {
    const list = attributions(
      "LISBON (Reuters) - Finance Minister Rui Costa acknowledged the scale of the budget gap on Tuesday. Costa also noted the ministry's plan to sell state bonds abroad.",
    );
    const gap = find(list, "the scale of the budget gap");
    expect(gap.speaker).toBe("Rui Costa");
    expect(gap.cue?.text).toBe("acknowledged");
    expect(find(list, "the ministry's plan to sell state bonds").cue?.text).toBe("also noted");
  });

  it("reads 'mentioned' and 'reiterated' with their phrase (court style)", () => {
    const list = attributions(
      "At the hearing, Judge Ana Ferreira mentioned the defendant's earlier convictions for fraud. The prosecutor reiterated his request for a six-year sentence.",
    );
    expect(find(list, "the defendant's earlier convictions").cue?.text).toBe("mentioned");
    expect(find(list, "his request for a six-year sentence").mention?.text).toBe("The prosecutor");
  });

  it("does not read a bare thing noted or confirmed as a statement", () => {
    expect(attributions("The clerk noted the date. The bank confirmed receipt.")).toEqual([]);
  });
});

describe("where what was said ends", () => {
  it("ends before the speaker's own act after a comma (wire style)", () => {
    const list = attributions(
      "Foreign policy analysts said geopolitical factors had lifted the country's standing, citing its long border with China.",
    );
    const said = find(list, "geopolitical factors had lifted");
    expect(contentOf(said)).toBe("geopolitical factors had lifted the country's standing");
  });

  it("ends before a concession about the speaker (business style)", () => {
    const [said] = attributions(
      "The chairman said the merger would close in March, though he declined to name a price.",
    );
    expect(contentOf(said)).toBe("the merger would close in March");
  });

  it("keeps a list that goes on with 'including'", () => {
    const [said] = attributions(
      "The ministry said several exporters would get relief, including grain and steel producers.",
    );
    expect(contentOf(said)).toContain("including grain and steel producers");
  });
});

describe("a question and who asks it", () => {
  it("reads the speaker named after a quoted question (agency style)", () => {
    const list = attributions(
      "“Who will pay for the new port?” asked Sen. Laila Haddad of the budget committee. “Not the farmers.”",
    );
    const asked = find(list, "Who will pay for the new port?");
    expect(asked.speaker).toBe("Laila Haddad");
    expect(asked.cue?.text).toBe("asked");
  });
});

describe("speakers in more places", () => {
  it("reads 'many of whom say' with the group before it (wire style)", () => {
    const list = attributions(
      "The ruling angered families of the miners, many of whom say the company ignored safety warnings for years.",
    );
    const say = find(list, "the company ignored safety warnings");
    expect(say.mention?.text).toBe("many of whom");
    expect(say.cue?.text).toBe("say");
  });

  it("reads a source named after the words, with a setting that ends the sentence", () => {
    const list = attributions(
      "The talks broke down after the second hour, and the delegations walked out separately, said one diplomat in the room.",
    );
    expect(find(list, "the delegations walked out separately").mention?.text).toBe("one diplomat");
  });

  it("reads 'said about 20 firms have ...' and 'said after the vote he would ...' (business style)", () => {
    const list = attributions(
      "Minister Carla Duarte has said about 20 firms have bid for the licence. Duarte said after the vote she would publish the list.",
    );
    expect(find(list, "about 20 firms have bid for the licence").speaker).toBe("Carla Duarte");
    expect(find(list, "she would publish the list").cue?.text).toBe("said");
  });

  it('reads a noun-like verb that closes a quotation: `"...," Holt notes.`', () => {
    const list = attributions(
      "“The mill has never made money in winter,” Dana Holt notes. “We plan for that.”",
    );
    const notes = find(list, "The mill has never made money in winter");
    expect(notes.speaker).toBe("Dana Holt");
    expect(notes.cue?.text).toBe("notes");
  });
});

describe("the mention at the cue", () => {
  it("keeps a body named with 'on' whole (wire style)", () => {
    const [a] = attributions(
      "The Commission on Presidential Debates announced on Friday that the second debate would move to St. Louis.",
    );
    expect(a?.mention?.text).toBe("The Commission on Presidential Debates");
  });

  it("gives tweets to whoever sent them, past a time before the cue", () => {
    const list = attributions(
      "Governor Ana Reyes unleashed a series of tweets early Friday saying the budget deal was dead.",
    );
    const a = find(list, "the budget deal was dead");
    expect(a.speaker).toBe("Ana Reyes");
    expect(a.mention?.text).toBe("Governor Ana Reyes");
  });
});

describe("more topic and clause forms", () => {
  it("reads a topic that opens with a name's possessive or a gerund (business style)", () => {
    const list = attributions(
      "The regulator noted Acme Foods' repeated breaches of the labelling rules. Its chairman has mentioned raising the fines for repeat offenders.",
    );
    expect(find(list, "repeated breaches of the labelling rules").cue?.text).toBe("noted");
    expect(find(list, "raising the fines for repeat offenders").cue?.text).toBe("has mentioned");
  });

  it("reads 'notes they were' and 'noted clients are' as clauses without 'that' (court style)", () => {
    const list = attributions(
      "Judge Okafor notes they were appointed before the merger. She noted lenders are owed $2 billion.",
    );
    expect(find(list, "they were appointed before the merger").cue?.text).toBe("notes");
    expect(find(list, "lenders are owed $2 billion").mention?.text).toBe("She");
  });

  it("reads a verb that closes a quotation before 'of' as active", () => {
    const list = attributions(
      "“It amazed me how quickly they rushed through everything,” Mr. Clarke recalled of the hearings.",
    );
    const a = find(list, "It amazed me how quickly");
    expect(a.cue?.text).toBe("recalled");
    expect(a.mention?.text).toBe("Mr. Clarke");
  });

  it("still reads 'accused of' after a plain subject as a passive", () => {
    expect(attributions("A contractor accused of spying was released on Monday.")).toEqual([]);
  });
});

describe("nouns for something said", () => {
  it("reads an owner's claim, warning or insistence and its 'that' clause (business style)", () => {
    const list = attributions(
      "Acme Foods reported its results on Tuesday. Ms. Lena Lund's repeated insistence that fees would fall by June surprised analysts, who had expected the opposite.",
    );
    const a = find(list, "fees would fall by June");
    expect(a.cue?.text).toBe("insistence");
    expect(a.mention?.text).toBe("Ms. Lena Lund's");
    expect(a.speaker).toBe("Lena Lund");
    // What was said ends at the comma; the writer's clause goes on after it.
    expect(contentOf(a).startsWith("fees would fall by June")).toBe(true);
    expect(contentOf(a)).not.toContain("expected the opposite");
  });

  it("reads a promise with 'to' and a possessive that opens the sentence (wire style)", () => {
    const list = attributions(
      "Finance Minister Jonas Berg addressed parliament on Monday.\n\nHis pledge to cut the deficit within two years drew applause from the coalition.",
    );
    const a = find(list, "to cut the deficit within two years");
    expect(a.cue?.text).toBe("pledge");
    expect(a.speaker).toBe("Jonas Berg");
  });

  it("reads an allegation nobody in the sentence owns as unattributed (court style)", () => {
    const list = attributions(
      "Judge Maria Lindqvist opened the hearing on Friday. The allegations that the bank misled investors were filed in 2019.",
    );
    const a = find(list, "the bank misled investors");
    expect(a.cue?.text).toBe("allegations");
    expect(a.speaker).toBeNull();
  });

  it("does not read a relative 'that' or a possessive after a named subject", () => {
    const list = attributions(
      "The statement that was issued on Friday named no one. Critics attacked his claim that the port was safe. Prosecutors rejected her promise to repay the money.",
    );
    expect(list.some((a) => contentOf(a).includes("was issued on Friday"))).toBe(false);
    // "his" may be anyone's: the critics are named before it, and they are not its owner.
    expect(list.some((a) => a.cue?.text === "claim")).toBe(false);
    expect(list.some((a) => a.cue?.text === "promise")).toBe(false);
  });
});

describe("quotation marks as archives and feeds type them", () => {
  it("closes a quotation on an opening mark typed after its last comma (wire style)", () => {
    const list = attributions(
      "“The port will not reopen before June,“ said Ana Costa, a spokeswoman for the harbour authority. “We need the time to repair the cranes.”",
    );
    const a = find(list, "The port will not reopen before June");
    expect(a.speaker).toBe("Ana Costa");
    expect(contentOf(a)).toContain("We need the time to repair the cranes");
  });

  it("closes a quotation on the last two of three apostrophes (archive style)", () => {
    const list = attributions(
      "''Investors keep telling us, 'The merger is a special case,''' Mr. Lund said. ''It is not.''",
    );
    const a = find(list, "Investors keep telling us");
    expect(a.mention?.text).toBe("Mr. Lund");
    expect(contentOf(a)).toContain("It is not.");
  });
});

describe("a cue after a contracted subject", () => {
  it("reads 'he's claiming that' as a statement of his (court style)", () => {
    const list = attributions(
      "Defense lawyer Tom Ruiz addressed the jury on Monday. He’s claiming that the evidence was planted.",
    );
    const a = find(list, "the evidence was planted");
    expect(a.cue?.text).toBe("claiming");
    expect(a.speaker).toBe("Tom Ruiz");
  });

  it("does not read 'that's saying a lot' or a possessive as a speaker", () => {
    const list = attributions(
      "That's saying a lot about the merger. The bank's claims were rejected by the court.",
    );
    expect(list).toEqual([]);
  });
});

describe("a cue after 'continued to', 'went on to'", () => {
  it("reads the subject of the verb before 'to' as the speaker (business style)", () => {
    const list = attributions(
      "Chief executive Dana Holt continued to insist that the merger would close by June. She went on to say the bank had cut 300 jobs.",
    );
    const a = find(list, "the merger would close by June");
    expect(a.cue?.text).toBe("continued to insist");
    expect(a.speaker).toBe("Dana Holt");
    expect(find(list, "the bank had cut 300 jobs").cue?.text).toBe("went on to say");
  });

  it("still reads 'asked to comment' and 'declined to say' as no statement (court style)", () => {
    const list = attributions(
      "The judge was asked to comment on the ruling. The prosecutor declined to say whether charges would follow. Shares continued to fall.",
    );
    expect(list).toEqual([]);
  });
});

describe("'what X said was ...' as an object", () => {
  it("reads the words after the cue as what was said of 'what' (business style)", () => {
    const list = attributions(
      "The lender has adapted to what analysts said is a steady fall in demand for mortgages.",
    );
    const a = find(list, "is a steady fall in demand");
    expect(a.mention?.text).toBe("analysts");
    expect(contentOf(a).startsWith("what")).toBe(true);
  });

  it("leaves a judgement of the words and a naming inside another statement alone (court style)", () => {
    const list = attributions(
      "What the witness said was false. Critics say what the witness said was false. The court pledged to act against what it called a campaign of intimidation.",
    );
    expect(list.some((a) => a.mention?.text === "the witness")).toBe(false);
    const pledge = find(list, "to act against");
    expect(contentOf(pledge)).toContain("a campaign of intimidation");
  });
});

describe("reports of figures and clauses after a time", () => {
  it("reads a reported figure and a clause after 'on Wednesday' (business style)", () => {
    const list = attributions(
      "Acme Foods reported earnings of $1.12 a share for the quarter. Rival Nordmark reported on Wednesday its sales fell 4 percent. Lindqvist Bank said it sold $2 billion in bonds.",
    );
    expect(find(list, "earnings of $1.12 a share").mention?.text).toBe("Acme Foods");
    expect(find(list, "its sales fell 4 percent").cue?.text).toBe("reported");
    expect(find(list, "it sold $2 billion in bonds").cue?.text).toBe("said");
  });

  it("does not read a confirmed count or a noted year as a statement (court style)", () => {
    const list = attributions(
      "The Senate had confirmed 68 judicial nominees by March. The clerk noted 2015 in the docket.",
    );
    expect(list).toEqual([]);
  });
});

describe("questions put in quotation marks and their answers", () => {
  it("reads 'was asked, “...?” He answered, “...”' as a question and his answer (court style)", () => {
    const list = attributions(
      "Former treasurer Anton Reyes testified on Tuesday. Reyes was asked, “Did you know the accounts were false?” He answered, “I had no idea until the audit.”",
    );
    const question = find(list, "Did you know the accounts were false?");
    expect(question.cue?.text).toBe("asked");
    expect(question.speaker).toBeNull();
    const answer = find(list, "I had no idea until the audit.");
    expect(answer.cue?.text).toBe("answered");
    expect(answer.speaker).toBe("Anton Reyes");
    expect(contentOf(answer)).not.toContain("Did you know");
  });

  it("reads a quotation closed by 'X answered' (wire style)", () => {
    const list = attributions("“Not before June,” Ana Costa answered when asked about the port.");
    expect(find(list, "Not before June").speaker).toBe("Ana Costa");
  });

  it("still reads a question that opens its sentence with the cue after it", () => {
    const list = attributions("“Why now?” Senator Ruth Okafor asked the committee.");
    expect(find(list, "Why now?").speaker).toBe("Ruth Okafor");
  });

  it("does not read 'answered questions' or 'the answers' as statements", () => {
    expect(
      attributions("Lund answered questions for an hour. The answers were vague, investors said."),
    ).toHaveLength(1);
  });
});

describe("headlines labelled by a document", () => {
  it("reads 'Poll: ...' and 'Report: ...' titles though no one is named (wire style)", () => {
    const list = fromPage(
      "Report: Harbour authority hid losses for three years\n\nThe harbour authority declined to comment on Monday.",
    );
    const a = find(list, "Harbour authority hid losses");
    expect(a.mention?.text).toBe("Report");
    expect(a.cue?.text).toBe(":");
  });

  it("still skips a heading label and an unnamed speaker in a title", () => {
    const list = fromPage(
      "Update: Markets close higher on Friday\n\nTraders said volumes were thin.",
    );
    expect(list.some((a) => contentOf(a).includes("Markets close higher"))).toBe(false);
  });
});
