import { describe, expect, it } from "vitest";
import { attributions, contentOf, find } from "./helpers.ts";

// Short articles written for these tests in wire, agency, business and court styles. Each
// checks one way news reports a statement: who speaks, the cue, and what was said.

describe("verbs that take an object and what is said of it", () => {
  it("reads 'called X Y' and 'described X as Y' (agency style)", () => {
    const list = attributions(
      "MOSCOW, March 3 (TASS) - Russian Foreign Minister Sergei Lavrov called the new sanctions “illegal and counterproductive.” Lavrov described the talks in Geneva as constructive.",
    );
    const called = find(list, "the new sanctions");
    expect(called.speaker).toBe("Sergei Lavrov");
    expect(called.cue?.text).toBe("called");
    expect(called.type).toBe("mixed");
    const described = find(list, "the talks in Geneva as constructive");
    expect(described.speaker).toBe("Sergei Lavrov");
    expect(described.cue?.text).toBe("described");
  });

  it("reads 'urged X to', 'warned', 'stressed' and 'reiterated' (wire style)", () => {
    const list = attributions(
      "Finance Minister Jonas Berg urged lenders to extend the deadline by a year.\n\nBerg reiterated that the budget would balance by 2027 and stressed that no new taxes were planned.",
    );
    expect(find(list, "lenders to extend the deadline").speaker).toBe("Jonas Berg");
    expect(find(list, "the budget would balance").cue?.text).toBe("reiterated");
    expect(find(list, "no new taxes were planned").cue?.text).toBe("stressed");
  });

  it("reads a present 'calls' after a name and an -ing 'calling' with its object", () => {
    const [calls] = attributions(
      "Former premier Jonas Berg calls the new tariff ‘a tax on bread’.",
    );
    expect(calls?.speaker).toBe("Jonas Berg");
    expect(contentOf(calls)).toContain("the new tariff");
    const list = attributions(
      "The rally ended with opposition leader Ruth Adair calling the budget a betrayal of pensioners.",
    );
    const calling = find(list, "the budget a betrayal");
    expect(calling.speaker).toBe("Ruth Adair");
  });

  it("does not read 'called' that names or phones as a report", () => {
    expect(
      attributions("They fished in a mountain stream called Miracle Run last summer."),
    ).toEqual([]);
    expect(attributions("She called in to a radio show on Tuesday morning.")).toEqual([]);
  });

  it("reads 'dismissed X as Y' as a denial, and a bare 'dismissed the charges' as one too", () => {
    const [a] = attributions("The Kremlin dismissed the charges as “a smear campaign.”");
    expect(a?.speaker).toBe("Kremlin");
    expect(a?.stance).toBe("denial");
    // The charges stand for the allegation they answer; a bare object of another kind is nothing said.
    const [bare] = attributions("The Kremlin has repeatedly dismissed the charges.");
    expect(bare?.stance).toBe("denial");
    expect(bare?.content.map((c) => c.text)).toEqual(["the charges"]);
    expect(attributions("The Kremlin has repeatedly dismissed the proposal.")).toEqual([]);
  });

  it("gives 'criticized X for saying' to X, not to the critic", () => {
    const list = attributions(
      "Opposition leader Ruth Adair criticized Mayor Tomas Varga for saying the harbour would stay closed.",
    );
    const said = find(list, "the harbour would stay closed");
    expect(said.speaker).toBe("Tomas Varga");
    expect(said.cue?.text).toBe("saying");
  });

  it("gives 'was criticized for saying' to the subject", () => {
    const list = attributions(
      "Mayor Maria Okafor spoke on Monday.\n\nShe was criticized for saying the vote had been rigged.",
    );
    const said = find(list, "the vote had been rigged");
    expect(said.speaker).toBe("Maria Okafor");
  });
});

describe("pledges", () => {
  it("reads 'vowed to', 'pledged a' and 'promised that' (wire style)", () => {
    const list = attributions(
      "Prime Minister Anna Lindqvist vowed to cut fuel duty before winter. Lindqvist pledged a review of all toll roads.",
    );
    expect(find(list, "to cut fuel duty before winter").speaker).toBe("Anna Lindqvist");
    expect(find(list, "a review of all toll roads").cue?.text).toBe("pledged");
  });

  it("does not read a promise whose words the sentence does not give", () => {
    expect(attributions("The ministry promised in the spring.")).toEqual([]);
  });

  it("ends what was claimed where the writer goes on about the speaker", () => {
    const [a] = attributions(
      "Varga claimed the harbour had been sold in secret, but offered no proof.",
    );
    expect(contentOf(a)).toBe("the harbour had been sold in secret");
  });
});

describe("verbs that report a clause without 'that'", () => {
  it("reads 'acknowledged it was' and 'suggested the plan would' (business style)", () => {
    const list = attributions(
      "Acme Foods chief executive Dana Whitfield acknowledged it was a difficult quarter. Whitfield suggested the merger would close by June.",
    );
    expect(find(list, "it was a difficult quarter").speaker).toBe("Dana Whitfield");
    expect(find(list, "the merger would close by June").speaker).toBe("Dana Whitfield");
  });

  it("still needs a clause: 'noted the date' reports nothing", () => {
    const list = attributions("Analyst Priya Raman noted the date in her diary.");
    expect(list).toHaveLength(0);
  });
});

describe("a quotation before the cue", () => {
  it("keeps the quote, not the setting after the cue (AP style)", () => {
    const [a] = attributions(
      "“We will not close a single school,” Karen Holt said during a meeting with parents in Dayton.",
    );
    expect(a?.speaker).toBe("Karen Holt");
    expect(contentOf(a)).toBe("We will not close a single school");
    expect(a?.type).toBe("direct");
  });

  it("keeps words after the cue when 'that' introduces them", () => {
    const [a] = attributions(
      "“It is over,” Karen Holt said on Tuesday, adding that the strike had ended.",
    );
    expect(contentOf(a)).toBe("It is over");
    const list = attributions("Karen Holt said on Tuesday that the strike had ended.");
    expect(contentOf(list[0])).toBe("the strike had ended");
  });
});

describe("colon-introduced statements", () => {
  it("reads a transcript label and a headline label", () => {
    const list = attributions(
      "BERG: We will balance the budget without new taxes.\n\nHOLT: The schools will stay open all winter.",
    );
    expect(find(list, "balance the budget").speaker).toBe("BERG");
    expect(find(list, "balance the budget").cue?.text).toBe(":");
    expect(find(list, "schools will stay open").speaker).toBe("HOLT");
  });

  it("reads a transcript quoted whole, label inside the opening mark", () => {
    const list = attributions(
      'Partial transcript as follows:\n\n"HOST: Let us start with the budget. The minister said cuts were coming, so what now?\n\n"BERG: Well, the cuts will be smaller than anyone said.',
    );
    const host = find(list, "Let us start with the budget");
    expect(host.mention?.text).toBe("HOST");
    expect(contentOf(host)).toContain("so what now?");
    expect(find(list, "the cuts will be smaller").mention?.text).toBe("BERG");
    // The host's words quote a minister; they stay the host's statement.
    expect(list).toHaveLength(2);
  });

  it("reads 'X said:' before a quotation", () => {
    const [a] = attributions(
      "Interior Minister Olav Brandt said: “The border will reopen on Monday.”",
    );
    expect(a?.speaker).toBe("Olav Brandt");
    expect(contentOf(a)).toBe("The border will reopen on Monday.");
  });

  it("reads 'X to an audience:' and a label after a dash", () => {
    const [a] = attributions("Lindqvist to farmers: Fuel duty will fall before the harvest.");
    expect(a?.mention?.text).toBe("Lindqvist");
    expect(contentOf(a)).toBe("Fuel duty will fall before the harvest");
    const [b] = attributions(
      "HARBOUR TRAFFIC DOUBLES - Tomas Varga: “The port has never been this busy.”",
    );
    expect(b?.mention?.text).toBe("Tomas Varga");
    expect(contentOf(b)).toBe("The port has never been this busy.");
  });

  it("does not read a heading or a tally as a speaker", () => {
    expect(attributions("Editor's note: This story has been updated with new figures.")).toEqual(
      [],
    );
    expect(attributions("Delegates won so far. Clinton: 2,316.")).toEqual([]);
    expect(attributions("CLARIFICATION: The first sentence has been clarified.")).toEqual([]);
    expect(attributions("Having said that, there are some economists who agree.")).toEqual([]);
  });
});

describe("a quotation whose closing mark is missing", () => {
  it("closes it at the paragraph's end and gives it to the speaker", () => {
    const list = attributions(
      "Port director Tomas Varga said: “The harbour will reopen in May and the ferries will run again\n\nTrade figures are due on Friday.",
    );
    const a = find(list, "The harbour will reopen in May");
    expect(a.speaker).toBe("Tomas Varga");
    expect(contentOf(a)).not.toContain("Trade figures");
  });

  it("frees an attribution written inside an unclosed quote", () => {
    const [a] = attributions("“The deal is dead and nobody will revive it, Berg said.");
    expect(a?.speaker).toBe("Berg");
    expect(contentOf(a)).toBe("The deal is dead and nobody will revive it");
  });
});

describe("wire datelines and settings", () => {
  it("never reads a dateline as what was said, nor as part of the speaker", () => {
    const list = attributions(
      "NEW YORK (AP) — A federal judge on Monday rejected the motion.\n\nBEIJING, Dec. 4 (Xinhua) -- Foreign Ministry spokesperson Lin Wei said Friday that China firmly opposes the sanctions.",
    );
    expect(list.map(contentOf)).toEqual(["China firmly opposes the sanctions"]);
    expect(list[0]?.mention?.text).toBe("Foreign Ministry spokesperson Lin Wei");
  });

  it("reads agency style: a participle after a dateline and 'underlined that' (Anadolu/IRNA style)", () => {
    const list = attributions(
      "TEHRAN (IRNA) - Iranian Foreign Ministry Spokesman Nasser Rahimi has condemned the strike, describing it as “a flagrant violation of international law.”\n\nRahimi also underlined that Tehran reserved the right to respond.",
    );
    expect(find(list, "a flagrant violation").speaker).toBe("Nasser Rahimi");
    expect(find(list, "reserved the right to respond").cue?.text).toBe("also underlined");
  });

  it("does not read a setting before a duty as a statement", () => {
    expect(attributions("Under the new rule that took effect, banks must report.")).toEqual([]);
  });
});

describe("reports through someone else", () => {
  it("reads 'X quoted Y as saying' as Y's statement reported by X (Xinhua style)", () => {
    const list = attributions(
      "BEIJING, June 2 (Xinhua) -- The Interfax news agency quoted Deputy Foreign Minister Sergei Ryabkov as saying that Moscow was ready for talks.",
    );
    const a = find(list, "Moscow was ready for talks");
    expect(a.speaker).toBe("Sergei Ryabkov");
    expect(a.cue?.text).toContain("quoted");
  });

  it("names the reporter of a quoted statement", () => {
    const [a] = attributions("Reuters quoted Lena Fischer as saying the survey ship had sunk.");
    expect(a?.speaker).toBe("Lena Fischer");
    expect(a?.reportedBy).toBe("Reuters");
  });

  it("keeps the writer's clause after 'but' out of an 'according to' statement", () => {
    const [a] = attributions(
      "Acme Foods lost 40 stores, according to a count by the Retail Council, but its shares rose.",
    );
    expect(contentOf(a)).toBe("Acme Foods lost 40 stores");
    expect(a?.mention?.text).toBe("a count by the Retail Council");
  });

  it("reads 'in a statement' as a setting, not as what was said", () => {
    const [a] = attributions(
      "Acme Foods said in a statement on Friday that profits fell by a third.",
    );
    expect(contentOf(a)).toBe("profits fell by a third");
  });
});

describe("cues after long subjects", () => {
  it("reads past a relative clause that ends in a time (Reuters style)", () => {
    const [a] = attributions(
      "Jonas Berg, who served as finance minister from 2012 until earlier this year, said the central bank had acted too late.",
    );
    expect(a?.speaker).toBe("Jonas Berg");
    expect(contentOf(a)).toBe("the central bank had acted too late");
  });

  it("reads past an aside between dashes", () => {
    const [a] = attributions(
      "Fischer -- a marine biologist who has studied the bay for two decades -- said the reef was recovering.",
    );
    expect(a?.speaker).toBe("Fischer");
    expect(contentOf(a)).toBe("the reef was recovering");
  });

  it("reads a plain 'say' after an aside and a long parenthesis", () => {
    const [a] = attributions(
      "Port economists, like their rivals in Hamburg, say the new tariff will slow trade.",
    );
    expect(a?.mention?.text).toBe("Port economists, like their rivals in Hamburg");
    expect(contentOf(a)).toBe("the new tariff will slow trade");
    const [b] = attributions(
      "Mayor Tomas Varga (a former harbour pilot who ran the port for a decade) says the dredging must start.",
    );
    expect(b?.speaker).toBe("Tomas Varga");
  });

  it("reads a second cue after a name, an aside and a first verb (Reuters style)", () => {
    const list = attributions(
      "Finance Minister Mehmet Kaya, speaking in Izmir, praised the exporters and said tight policy would stay “as long as necessary.”",
    );
    const said = find(list, "tight policy would stay");
    expect(said.speaker).toBe("Mehmet Kaya");
    expect(said.mention?.text).toBe("Finance Minister Mehmet Kaya");
  });

  it("keeps the place in the mention of a body that speaks with it", () => {
    const [a] = attributions("Police in Izmir said two people were detained.");
    expect(a?.mention?.text).toBe("Police in Izmir");
  });

  it("hangs a description in a chain of asides on the name before it", () => {
    const [a] = attributions(
      "“The levy is unlawful,” Ruth Adair, the attorney general of the province, one of three suing the ministry, said at a briefing this week.",
    );
    expect(a?.speaker).toBe("Ruth Adair");
    expect(contentOf(a)).toBe("The levy is unlawful");
  });

  it("gives 'and warned' the speaker of the first verb, not a word of its aside", () => {
    const list = attributions(
      "Even Norway, the port's only partner and its main lender, said it was “deeply concerned” and warned the council to reconsider.",
    );
    expect(find(list, "the council to reconsider").speaker).toBe("Norway");
  });

  it("jumps a setting after the cue to the colon", () => {
    const [a] = attributions(
      "Lena Fischer said at a hearing in Hamburg this month: “The reef is recovering faster than we hoped.”",
    );
    expect(contentOf(a)).toBe("The reef is recovering faster than we hoped.");
  });

  it("takes the speaker named after a quote with a setting of its own", () => {
    const [a] = attributions(
      "“The port will stay open,” said Tomas Varga (Harbour Party) at the time, adding nothing more.",
    );
    expect(a?.speaker).toBe("Tomas Varga");
    expect(contentOf(a)).toBe("The port will stay open");
  });
});

describe("claims, lawsuits and asides", () => {
  it("gives a lawsuit's allegations to whoever filed it (court style)", () => {
    const [a] = attributions(
      "Shareholders filed a lawsuit that alleges Acme Foods hid losses from investors.",
    );
    expect(contentOf(a)).toBe("Acme Foods hid losses from investors");
    expect(a?.speaker).toBe("Shareholders");
    expect(a?.stance).toBe("allegation");
  });

  it("reads a noun 'claim that' with its owner", () => {
    const list = attributions(
      "Lena Fischer said the ship was safe.\n\nFischer’s claim that the hull had been inspected was disputed by the insurer.",
    );
    const a = find(list, "the hull had been inspected");
    expect(a.cue?.text).toBe("claim");
    expect(a.mention?.text).toBe("Fischer’s");
  });

  it("gives an aside and the cue after it to the same speaker", () => {
    const list = attributions(
      "Ms. Ortiz, noting that turnout had fallen in every district since the spring, added: “We have work to do.”",
    );
    expect(find(list, "turnout had fallen").mention?.text).toBe("Ms. Ortiz");
    const added = find(list, "We have work to do.");
    expect(added.mention?.text).toBe("Ms. Ortiz");
    expect(added.cue?.text).toBe("added");
  });
});

describe("questions", () => {
  it("keeps the answer of 'When X was asked whether ..., she said' with the one who answered", () => {
    const list = attributions(
      "Prime Minister Anna Lindqvist toured the plant.\n\nWhen Lindqvist was asked whether the plant would close, she said, “Not while I am in office.”",
    );
    const a = find(list, "Not while I am in office.");
    expect(a.speaker).toBe("Anna Lindqvist");
    expect(contentOf(a)).toBe("Not while I am in office.");
  });

  it("reads what was asked when the article does not say who asked", () => {
    const list = attributions(
      "Asked whether the plant would close, Mr. Lindqvist said the company had no such plans.",
    );
    const asked = find(list, "whether the plant would close");
    expect(asked.speaker).toBeNull();
    expect(asked.mention).toBeNull();
    expect(asked.cue?.text).toBe("Asked");
    expect(contentOf(asked)).toBe("whether the plant would close");
    expect(find(list, "the company had no such plans").speaker).toBe("Lindqvist");
  });

  it("reads who asked what", () => {
    const [a] = attributions("Senator Paul Moreau asked whether the agency had read the report.");
    expect(a?.speaker).toBe("Paul Moreau");
    expect(contentOf(a)).toBe("whether the agency had read the report");
  });
});
