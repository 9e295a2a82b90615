import { describe, expect, it } from "vitest";
import { speechVerb } from "../../src/attribution/speech-verbs.ts";
import { attributions, contentOf, find } from "./helpers.ts";

// Short articles written for these tests in wire, business and court styles: the report verbs
// of the long tail, the clauses they take without "that", and the look-alikes that report no
// words.

describe("report verbs that take a that-clause", () => {
  it("knows lamented, scoffed, hinted, speculated, proclaimed, bragged and demanded", () => {
    for (const form of ["lamented", "scoffs", "hinting", "speculated", "proclaimed", "bragged"])
      expect(speechVerb(form)?.kind).toBe("say");
    expect(speechVerb("demanded")?.complement).toBe("that");
  });

  it("reads each with its clause (wire style)", () => {
    const list = attributions(
      "Governor Ana Ruiz lamented that the budget left rural schools short of teachers. The finance minister hinted that interest rates would rise before the summer. The union demanded that the plant stay open until a buyer is found.",
    );
    expect(find(list, "the budget left rural schools short").mention?.text).toBe(
      "Governor Ana Ruiz",
    );
    expect(find(list, "interest rates would rise").mention?.text).toBe("The finance minister");
    expect(find(list, "the plant stay open").mention?.text).toBe("The union");
  });

  it("closes a quotation with the new verbs (court style)", () => {
    const list = attributions(
      "“We will appeal this ruling before the week is out,” defence lawyer Tomas Berg scoffed.",
    );
    const appeal = find(list, "We will appeal this ruling");
    expect(appeal.cue?.text).toBe("scoffed");
    expect(appeal.mention?.text).toBe("defence lawyer Tomas Berg");
  });

  it("reports no words where the verb has no clause", () => {
    const list = attributions(
      "The bank demanded payment of the loan by Friday. The figures hint at a slowdown in exports. Fans lamented the loss for days.",
    );
    expect(list).toEqual([]);
  });
});

describe("clauses a report verb takes without that", () => {
  it("reads a clause whose verb is negated with n't (business style)", () => {
    const list = attributions(
      "Several former employees of the retailer have complained they weren't paid for overtime.",
    );
    expect(contentOf(find(list, "paid for overtime"))).toBe("they weren't paid for overtime");
  });

  it("reads a clause after a one-word name and a past tense (wire style)", () => {
    const list = attributions("Mr. Okafor suggested Mensah went too far in his speech.");
    expect(find(list, "Mensah went too far").mention?.text).toBe("Mr. Okafor");
  });

  it("keeps a bare object apart from a clause", () => {
    expect(attributions("Mr. Okafor suggested Monday as the date of the vote.")).toEqual([]);
  });
});

describe("a manner adverb between the verb and its clause", () => {
  it("keeps the adverb in the cue and reads the clause (business style)", () => {
    const list = attributions(
      "Small importers complained bitterly that the new tariffs had doubled their costs.",
    );
    const costs = find(list, "the new tariffs had doubled their costs");
    expect(costs.cue?.text).toBe("complained bitterly");
    expect(costs.mention?.text).toBe("Small importers");
  });

  it("does not read an adverb and a noun as a clause", () => {
    expect(attributions("The board complained loudly about the delays.")).toEqual([]);
  });
});

describe("a base-form verb after a plural subject", () => {
  it("reads it as a verb when it is never a noun (court style)", () => {
    const list = attributions(
      "Prosecutors acknowledge that the main witness changed her account twice.",
    );
    expect(find(list, "the main witness changed her account").mention?.text).toBe("Prosecutors");
  });

  it("still reads a noun form before that as a noun", () => {
    const list = attributions("The company's reports that sales had fallen were wrong.");
    expect(list.some((a) => a.cue?.text === "reports")).toBe(false);
  });
});

describe("a determiner or a share standing alone as the subject", () => {
  it("reads the shares a poll reports (business style)", () => {
    const list = attributions(
      "The survey of 1,200 shoppers was released on Monday. Two in three said they had cut spending on groceries. Some say they will shop less before the holidays. Of the 40 retailers asked, all but two said prices would rise.",
    );
    expect(find(list, "they had cut spending").mention?.text).toBe("Two in three");
    expect(find(list, "they will shop less").mention?.text).toBe("Some");
    expect(find(list, "prices would rise").mention?.text).toBe("all but two");
  });

  it("keeps a determiner before a noun form a noun", () => {
    const list = attributions(
      "The ministry published the figures on Friday. Some claims that the data were altered circulated online.",
    );
    // The claims are someone's the sentence does not name, not the word "Some"'s.
    expect(list.some((a) => a.mention?.text === "Some")).toBe(false);
  });

  it("does not read a share with nothing said as a statement", () => {
    expect(attributions("The vote was close. Two in three voted for the plan.")).toEqual([]);
  });
});

describe("a participle reached through going on", () => {
  it("reads what the speaker went on to say (wire style)", () => {
    const list = attributions(
      "“The talks were useful,” the envoy said, going on to say that a second round would follow in May.",
    );
    const next = find(list, "a second round would follow");
    expect(next.cue?.text).toBe("going on to say");
    expect(next.speaker).toBe(find(list, "The talks were useful").speaker);
  });
});

describe("a surname that is also a month", () => {
  it("keeps May in the name of who spoke (wire style)", () => {
    const list = attributions(
      "Britain will leave the bloc. Prime Minister Theresa May said the country would trigger the exit by March and suggested that it would leave the single market.",
    );
    expect(find(list, "trigger the exit").mention?.text).toBe("Prime Minister Theresa May");
    expect(find(list, "leave the single market").speaker).toBe("Theresa May");
  });

  it("still reads the month as a time before the cue", () => {
    const list = attributions("The plant closed. The union last May said it would strike.");
    expect(find(list, "it would strike").mention?.text).toBe("The union");
  });
});

describe("a question put with its setting", () => {
  it("reads the question past a time or a setting after Asked (wire style)", () => {
    const list = attributions(
      "The minister spoke in Oslo. Asked on Monday whether the plant would close, Mr. Lund said the decision rested with the board. Asked during a radio debate why prices had risen, Ms. Berg said the cost of gas had doubled.",
    );
    const close = find(list, "whether the plant would close");
    expect(close.cue?.text).toBe("Asked on Monday");
    expect(close.speaker).toBeNull();
    expect(find(list, "the decision rested with the board").speaker).toBe("Lund");
    expect(find(list, "why prices had risen").speaker).toBeNull();
    expect(find(list, "the cost of gas had doubled").speaker).toBe("Berg");
  });

  it("never gives the question to whoever answers it (court style)", () => {
    const list = attributions(
      "The hearing resumed. Asked whether the witness had seen the contract, her lawyer said no.",
    );
    const answers = list.filter((a) => a.speaker !== null);
    expect(answers.every((a) => !contentOf(a).includes("the witness had seen"))).toBe(true);
  });

  it("does not read a request as a question", () => {
    expect(attributions("The chairman resigned. Asked in March to step down, he refused.")).toEqual(
      [],
    );
  });
});
