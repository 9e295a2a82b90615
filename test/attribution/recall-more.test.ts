import { describe, expect, it } from "vitest";
import { attributions, contentOf, find } from "./helpers.ts";

// Short articles written for these tests in wire, business and court styles: statements a
// reader sees that extraction missed or cut wrongly, and the near misses that must stay out.

describe("initialisms written with dots", () => {
  it("keeps 'the S.E.C. chairman' one phrase before an apposition (business style)", () => {
    const list = attributions(
      "The S.E.C. chairman, Dana Holt, said on Tuesday that the agency would tighten its rules for brokers.",
    );
    const st = find(list, "the agency would tighten its rules");
    expect(st.mention?.text).toBe("The S.E.C. chairman, Dana Holt");
    expect(st.speaker).toBe("Dana Holt");
  });

  it("still ends a sentence after an initialism", () => {
    const list = attributions(
      "The inquiry was opened by the F.B.I. Investigators said the files had been copied.",
    );
    expect(find(list, "the files had been copied").mention?.text).toBe("Investigators");
  });
});

describe("a role placed by a preposition before an apposition", () => {
  it("reads 'a delegate on the slate, Name, said' (wire style)", () => {
    const list = attributions(
      "Another delegate on the party slate, Tomas Reyes, said he was still undecided about the vote.",
    );
    const st = find(list, "he was still undecided");
    expect(st.speaker).toBe("Tomas Reyes");
    expect(st.mention?.text).toBe("Another delegate on the party slate, Tomas Reyes");
  });

  it("reads 'a lawyer at the firm, Name, said' (court style)", () => {
    const list = attributions(
      "A lawyer at the firm, Ines Moreau, said the filing had been made on time.",
    );
    expect(find(list, "the filing had been made on time").speaker).toBe("Ines Moreau");
  });

  it("does not take an opening clause for the role", () => {
    const list = attributions(
      "Speaking in the capital on Monday, Tomas Reyes said the talks would resume.",
    );
    expect(find(list, "the talks would resume").mention?.text).toBe("Tomas Reyes");
  });
});

describe("what was said ends before the speaker's next act", () => {
  it("cuts a phrase said at 'and' and a verb in the past (wire style)", () => {
    const list = attributions(
      "The ministry has promised a full inquiry and appointed a retired judge to lead it.",
    );
    const st = find(list, "a full inquiry");
    expect(contentOf(st)).toBe("a full inquiry");
  });

  it("cuts after an object and what it was called (court style)", () => {
    const list = attributions(
      "The judge called the delay an insult to the victims and ordered the state to pay costs.",
    );
    expect(contentOf(find(list, "an insult to the victims"))).toBe(
      "the delay an insult to the victims",
    );
  });

  it("keeps a clause said with two verbs of its own", () => {
    const list = attributions("The analyst said prices rose and fell in the spring.");
    expect(contentOf(find(list, "prices rose"))).toBe("prices rose and fell in the spring");
  });

  it("keeps words a second report goes on saying", () => {
    const list = attributions(
      "The chairman reiterated those concerns and stressed the need to cut costs in every division.",
    );
    // Either the first report runs on, or the second stands as a statement of its own.
    const second = find(list, "the need to cut costs");
    expect(second.speaker ?? second.mention?.text).toMatch(/chairman/i);
  });

  it("cuts a short promise: it stands alone (wire style)", () => {
    const list = attributions(
      "The White House has promised a veto and urged senators to reject the bill.",
    );
    expect(contentOf(find(list, "a veto"))).toBe("a veto");
  });

  it("keeps a short object whole rather than lose it", () => {
    const list = attributions(
      "Senator Ruiz blasted Ortega and defended the budget in an interview.",
    );
    expect(contentOf(find(list, "Ortega"))).toContain("defended the budget");
  });
});

describe("'reportedly' and 'allegedly' report a clause of nobody named", () => {
  it("reads the clause around the adverb, with no speaker (business style)", () => {
    const list = attributions(
      "Shares of Norvik Steel fell 6 percent. The company has reportedly cut 200 jobs at its plant in Gdansk.",
    );
    const st = find(list, "cut 200 jobs");
    expect(contentOf(st)).toContain("The company has");
    expect(st.speaker).toBeNull();
    expect(st.mention).toBeNull();
  });

  it("marks 'allegedly' an allegation and starts at the joined clause (court style)", () => {
    const list = attributions(
      "The hearing was adjourned, and the defendant allegedly threatened a witness outside the courtroom.",
    );
    const st = find(list, "threatened a witness");
    expect(st.stance).toBe("allegation");
    expect(contentOf(st)).not.toContain("hearing was adjourned");
  });

  it("leaves a named speaker's statement to its verb", () => {
    const list = attributions("Lund reportedly told aides the merger would collapse.");
    expect(list).toHaveLength(1);
    expect(find(list, "the merger would collapse").speaker).toBe("Lund");
  });
});

describe("'according to' without a comma before it", () => {
  it("reads the clause before as what the source says (wire style)", () => {
    const list = attributions(
      "The ruling party leads the opposition by 12 seats according to a count by the electoral commission.",
    );
    const st = find(list, "leads the opposition by 12 seats");
    expect(st.mention?.text).toContain("a count by the electoral commission");
    expect(contentOf(st)).not.toContain("according");
  });

  it("leaves the words that describe the source out (business style)", () => {
    const list = attributions(
      "Retail sales rose 3 percent in March according to a survey released Monday.",
    );
    expect(contentOf(find(list, "Retail sales rose"))).toBe("Retail sales rose 3 percent in March");
  });

  it("does not read a manner ('according to plan') as a source", () => {
    expect(attributions("The launch went ahead according to plan.")).toEqual([]);
  });
});

describe("settings, asides and refusals around a cue", () => {
  it("keeps a quotation when the setting after the cue holds a relative 'that' (wire style)", () => {
    const list = attributions(
      "“We are in a critical situation,” Chancellor Ilse Brandt told reporters after the meeting that was held on a river boat.",
    );
    const st = find(list, "We are in a critical situation");
    expect(st.speaker).toBe("Ilse Brandt");
    expect(list.some((a) => contentOf(a).includes("river boat"))).toBe(false);
  });

  it("reads a speaker whose aside holds an age, a town and a clause (wire style)", () => {
    const list = attributions(
      "Dana Ruiz, 59, of Ashton, Md., who watched the ceremony from the lawn, said the event brought back memories of her father.",
    );
    const st = find(list, "brought back memories");
    expect(st.speaker).toBe("Dana Ruiz");
    expect(contentOf(st)).toBe("the event brought back memories of her father");
  });

  it("reads a promise to refrain (court style)", () => {
    const list = attributions(
      "The chief justice, Maren Olsen, vowed not to repeat the delays of last year.",
    );
    expect(contentOf(find(list, "repeat the delays"))).toBe(
      "not to repeat the delays of last year",
    );
  });
});

describe("a document's relative clause set off by dashes", () => {
  it("reads 'the study -- which notes that ...' with the relative word as mention (business style)", () => {
    const list = attributions(
      "The study -- which notes that 58 listed companies would owe $212 billion in taxes -- was published on Monday.",
    );
    const st = find(list, "58 listed companies would owe");
    expect(st.mention?.text).toBe("which");
    expect(st.cue?.text).toBe("notes");
  });

  it("still gives a statement's words to whoever issued it", () => {
    const list = attributions("The ministry issued a statement that said the deal was dead.");
    expect(find(list, "the deal was dead").mention?.text).toBe("The ministry");
  });
});

describe("a headline that names the speaker by a role", () => {
  it("reads 'Union chief says ...' with the role left unresolved (wire style)", () => {
    const title = "Dockers union chief says strike will go ahead";
    const list = attributions(
      `${title}\n\nThe head of the dockers union, Ana Lindqvist, told members on Monday that the port strike would start at midnight.`,
      { title },
    );
    const head = find(list, "strike will go ahead");
    expect(head.mention?.text).toBe("Dockers union chief");
    expect(head.speaker).toBeNull();
  });

  it("reads a role that heads a phrase with 'of' (court style)", () => {
    const title = "Member of appeals panel says ruling will stand";
    const list = attributions(`${title}\n\nThe court met on Monday.`, { title });
    expect(find(list, "ruling will stand").mention?.text).toBe("Member of appeals panel");
  });

  it("still leaves out a headline whose subject is no speaker", () => {
    const title = "Port strike says much about the economy";
    const list = attributions(`${title}\n\nThe port was closed on Monday.`, { title });
    expect(list).toEqual([]);
  });
});

describe("a participle after a quotation that holds its comma", () => {
  it("reads ', adding that ...' after the closing mark as a statement of its own (business style)", () => {
    const list = attributions(
      'In a statement, Norvik said: "The unit was highly profitable when it was spun off," adding that its market value had doubled in a year.',
    );
    const quote = find(list, "The unit was highly profitable");
    expect(quote.cue?.text).toBe("said");
    expect(contentOf(quote)).not.toContain("market value");
    const added = find(list, "its market value had doubled");
    expect(added.cue?.text).toBe("adding");
    expect(added.speaker).toBe("Norvik");
  });

  it("does not read a gerund inside a sentence after a quoted title as a report", () => {
    const list = attributions(
      'The film "Hold the Line" opened on Friday, drawing crowds in every city.',
    );
    expect(list).toEqual([]);
  });
});

describe("a name in -ing opening the sentence", () => {
  it("reads 'Schilling told reporters: ...' as the name's statement (wire style)", () => {
    const list = attributions(
      "Former pitcher Curt Schilling was fired on Wednesday. Schilling told reporters: “I replied to the post. I didn't post that.”",
    );
    expect(find(list, "I replied to the post").mention?.text).toBe("Schilling");
  });

  it("still takes the name after an opening participle, not the participle", () => {
    const list = attributions("Speaking in Gdansk, Manning said the yard would reopen.");
    expect(find(list, "the yard would reopen").mention?.text).toBe("Manning");
  });
});

describe("a quotation after a label and a colon, before its cue", () => {
  it("takes the quotation, not the setting after the cue (wire style)", () => {
    const list = attributions(
      'For example: "We made a terrible mistake by going in," he told CNN’s Dana Holt in October.',
    );
    const st = find(list, "We made a terrible mistake");
    expect(contentOf(st)).not.toContain("For example");
    expect(contentOf(st)).not.toContain("October");
  });
});

describe("a date written with a slash inside a speaker's description", () => {
  it('reads `"...," said 9/11 widow Name` (wire style)', () => {
    const list = attributions(
      '"The law does not go far enough. It leaves the families waiting," said 9/11 widow Terry Vance.',
    );
    const st = find(list, "It leaves the families waiting");
    expect(st.speaker).toBe("Terry Vance");
    expect(st.mention?.text).toBe("9/11 widow Terry Vance");
  });
});

describe("a quotation that goes on in the voice of the speaker just quoted", () => {
  it("reads a quotation after a sentence of prose about the speaker (wire style)", () => {
    const list = attributions(
      '"We have had problems with intrusions from other countries in the past," Prime Minister Jonas Berg said after the summit. He didn\'t threaten sanctions. "Our goal is to set rules that every country follows."',
    );
    const st = find(list, "Our goal is to set rules");
    expect(st.speaker).toBe("Jonas Berg");
    expect(contentOf(st)).toContain("problems with intrusions");
  });

  it("does not when the prose is about someone else", () => {
    const list = attributions(
      '"We have had problems with intrusions in the past," Prime Minister Jonas Berg said. Foreign Minister Anna Holt disagreed. She didn\'t mention sanctions. "Our goal is to set rules that every country follows."',
    );
    expect(list.map(contentOf).join(" | ")).not.toContain("Our goal");
  });

  it("reads a quotation that leaves its sentence a word of its own (business style)", () => {
    const list = attributions(
      '"This just isn\'t right," Senator Ruth Alder said. "You squeezed employees to the breaking point" to lift the stock price, she said. "You went on television to blame thousands of $12-an-hour" workers.',
    );
    expect(find(list, "You went on television").speaker).toBe("Ruth Alder");
  });

  it("leaves a quotation that waits for its own speaker", () => {
    const list = attributions(
      '"We will win this state," Senator Ruth Alder said. "The Times says you met its editors in January," the host began.',
    );
    expect(contentOf(find(list, "We will win this state"))).not.toContain("The Times");
  });
});
