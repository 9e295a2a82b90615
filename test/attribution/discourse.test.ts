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
    for (const a of list) expect(a.speaker).not.toBe("Ann Cole");
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

  it("lets a party speak where its members speak as one", () => {
    const list = attributions(
      "Senate Republicans said the bill was dead. Some Democrats said the vote was rigged.",
    );
    expect(find(list, "the bill was dead").speaker).toBe("Senate Republicans");
    expect(find(list, "the vote was rigged").speaker).toBe("Democrats");
  });

  it("leaves a party's adjective alone", () => {
    const list = attributions("Republican officials said the count would resume on Monday.");
    expect(find(list, "the count would resume").speaker).toBeNull();
  });
});
