import { describe, expect, it } from "vitest";
import { attributions, contentOf, find } from "./helpers.ts";

describe("pronouns resolve to the nearest compatible person, or to no one", () => {
  it("takes the person named nearest before, not the one named first", () => {
    const list = attributions(
      "Senator Mark Ellison opened the debate on Friday.\n\n" +
        "Governor Paul Moreau took the stage after him.\n\n" +
        "“We will win this state,” he said.",
    );
    expect(find(list, "We will win this state").speaker).toBe("Paul Moreau");
  });

  it("follows the speaker of the sentence before over a person that speaker names", () => {
    const list = attributions(
      "“Paul Moreau has no plan,” Tomas Varga said on Friday, criticising Governor Paul Moreau.\n\n" +
        "“The harbour will close,” he added.",
    );
    expect(find(list, "The harbour will close").speaker).toBe("Tomas Varga");
  });

  it("skips a person of the other sex", () => {
    const list = attributions(
      "Paul Moreau criticised Ruth Adair on Friday.\n\n“He is wrong about the budget,” she said.",
    );
    expect(find(list, "He is wrong about the budget").speaker).toBe("Ruth Adair");
  });

  it("never takes a name from inside a quotation", () => {
    const list = attributions(
      "Tomas Varga spoke at the rally in the harbour.\n\n“I told Paul Moreau the plan was dead,” he said.",
    );
    expect(find(list, "the plan was dead").speaker).toBe("Tomas Varga");
  });

  it("never takes a name from the words the pronoun itself reports", () => {
    const list = attributions(
      "Tomas Varga addressed the crowd in the harbour.\n\nAlso, Paul Moreau is no friend of the port, he said.",
    );
    expect(find(list, "is no friend of the port").speaker).toBe("Tomas Varga");
  });

  it("leaves competing antecedents unresolved and shows the mention", () => {
    const list = attributions(
      "After the vote, Mark Ellison and Paul Moreau left the hall together.\n\n“It was a long night,” he said.",
    );
    const a = find(list, "It was a long night");
    expect(a.speaker).toBeNull();
    expect(a.mention?.text).toBe("he");
  });

  it("leaves a far antecedent unresolved", () => {
    const list = attributions(
      "Mark Ellison said the plan was dead.\n\n" +
        "The vote is due in May.\n\n" +
        "The budget runs to four hundred pages.\n\n" +
        "It was drafted over two years.\n\n" +
        "“Nobody will vote for it,” he said.",
    );
    expect(find(list, "Nobody will vote for it").speaker).toBeNull();
  });

  it("leaves the pronoun unresolved when a description is the subject before it", () => {
    const list = attributions(
      "Governor Paul Moreau spoke on Friday.\n\n" +
        "The former ambassador also discussed the plans of Paul Moreau.\n\n" +
        "He said that many conservatives would serve in the cabinet.",
    );
    expect(find(list, "many conservatives would serve").speaker).toBeNull();
  });
});

describe("only names and bodies speak", () => {
  it("does not make a sentence-initial word a speaker", () => {
    const list = attributions(
      "Bernie Sanders spoke in Iowa on Friday.\n\nAlmost half said they wanted an outsider.",
    );
    expect(find(list, "they wanted an outsider").speaker).toBeNull();
  });

  it("does not make a lone adjective a speaker", () => {
    const list = attributions("American officials said the base would stay open.");
    expect(find(list, "the base would stay open").speaker).toBeNull();
  });

  it("does not make a heading's words a speaker", () => {
    const list = attributions(
      "Will Sanders Win The Nomination In The Spring\n\n" +
        "Bernie Sanders spoke in Iowa on Friday.\n\n" +
        "“We are going all the way,” said Will Sanders, a voter from Ames.",
    );
    expect(find(list, "We are going all the way").speaker).not.toBe("Bernie Sanders");
  });

  it("never gives the words of supporters, aides or a spokesman to the person they serve", () => {
    const list = attributions(
      "Bernie Sanders spoke in Iowa on Friday.\n\n" +
        "Supporters of Sanders said the primary was rigged.\n\n" +
        "Aides to Sanders said the campaign would go on.\n\n" +
        "A spokesman for Sanders said the senator was tired.",
    );
    for (const words of ["the primary was rigged", "would go on", "the senator was tired"]) {
      expect(find(list, words).speaker).not.toBe("Bernie Sanders");
    }
  });
});

describe("a quotation does not swallow its attribution or the reporter's words", () => {
  it("reads an attribution left inside the quotation marks", () => {
    const list = attributions(
      "Jean Dupont, the French minister, said the talks would go on.\n\n" +
        '"This is a test, and we will pass it, said German official Hans Meier."',
    );
    const a = find(list, "This is a test");
    expect(a.speaker).toBe("Hans Meier");
    expect(contentOf(a)).toBe("This is a test, and we will pass it");
  });

  it("ends the content where the reporter's next sentence starts", () => {
    const list = attributions(
      'Donald Trump mocked her record, saying she would be a bad president who lacks "strength." ' +
        "The remarks seemed a preview of a general-election strategy.",
    );
    const a = find(list, "a bad president");
    expect(a.speaker).toBe("Donald Trump");
    expect(contentOf(a)).not.toContain("The remarks");
  });
});
