import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a pronoun after a sentence whose statement sits in an opening clause", () => {
  it("follows the main clause's subject, not the one who spoke in the clause (interview)", () => {
    const list = attributions(
      "Lena Marsh sat down with talk show host Rachel Holt on Thursday.\n\n" +
        'When Holt pointed out that critics call the plan "a tax on work," Marsh seized on ' +
        'the phrase. "It is not a tax at all," she said.',
    );
    expect(find(list, "It is not a tax at all").speaker).toBe("Lena Marsh");
  });

  it("follows the main clause's subject after a ruling (court style)", () => {
    const list = attributions(
      "LONDON (Reuters) - The harbor case went back to court on Monday.\n\n" +
        "After Judge Ruth Varga said the lease was void, prosecutor Anna Berg asked for a delay. " +
        '"We need more time to read the ruling," she said.',
    );
    expect(find(list, "We need more time").speaker).toBe("Anna Berg");
  });

  it("stays with the speaker where the main clause's subject is no one", () => {
    const list = attributions(
      "Lena Marsh sat down with talk show host Rachel Holt on Thursday.\n\n" +
        'When Holt pointed out that critics call the plan "a tax on work," the audience ' +
        'laughed. "That is what they call it," she said.',
    );
    expect(find(list, "That is what they call it").speaker).toBe("Rachel Holt");
  });
});
