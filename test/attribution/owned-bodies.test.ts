import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a body named by its owner", () => {
  it("names a country's government as the mention writes the country", () => {
    const list = attributions(
      "Lawmakers voted to let the families sue Saudi Arabia.\n\n" +
        "The effort to stop the bill included members of the Saudi government, which has " +
        "denied any involvement in the attacks.",
    );
    expect(find(list, "any involvement in the attacks").speaker).toBe("Saudi government");
  });

  it("still names a campaign by its candidate's surname", () => {
    const list = attributions(
      "Senator Dana Whitcombe toured the state on Friday.\n\n" +
        "The Whitcombe campaign said the poll was flawed.",
    );
    expect(find(list, "the poll was flawed").speaker).toBe("Whitcombe campaign");
  });
});
