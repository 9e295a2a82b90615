import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a newspaper's short name", () => {
  it("is the newspaper the article names in full, and 'it' after its article is it too", () => {
    const times = attributions(
      "The New York Times reported on Monday that the mayor had sold the land.\n\n" +
        "Twenty years ago, a Times article hailed the mayor as a reformer.\n\n" +
        "“The mayor has managed to erase much of the city's debt,” it added.\n\n" +
        "The Times said the sale was legal.",
    );
    expect(find(times, "the sale was legal").speaker).toBe("The New York Times");
    expect(find(times, "erase much of the city").speaker).toBe("The New York Times");
  });

  it("stays apart when two newspapers of the article end in it", () => {
    const list = attributions(
      "The Washington Post and the New York Post both covered the trial.\n\n" +
        "The Post said the jury was out.",
    );
    expect(find(list, "the jury was out").speaker).not.toMatch(/Washington|New York/);
  });

  it("leaves a first name and a surname a person, whatever paper ends in the same", () => {
    const list = attributions(
      "ATLANTIC CITY (AP) — Mayor Don Guardian met casino owners on Friday.\n\n" +
        "Guardian said the city would recover.\n\n" +
        "He said the talks would go on next week.",
    );
    expect(find(list, "the city would recover").speaker).toBe("Don Guardian");
    expect(find(list, "the talks would go on").speaker).toBe("Don Guardian");
  });
});
