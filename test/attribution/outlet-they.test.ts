import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("an outlet that just spoke is the 'they' after it", () => {
  it("gives 'they' to a fact-checker or newspaper speaking just before (wire style)", () => {
    const list = attributions(
      "PolitiFact checked the senator's claim about crime on Tuesday.\n\n" +
        "PolitiFact then ruled that the claim was true, but in its report they could not resist " +
        "pointing out that crime had fallen since 2010.",
    );
    expect(find(list, "crime had fallen since 2010").speaker).toBe("PolitiFact");
  });

  it("keeps a website owned by someone else from the outlet on stage (business style)", () => {
    const list = attributions(
      "Reuters reported on Monday that turnout rose in Ohio.\n\n" +
        "The project's website, run by Professor Dana Holt, said the turnout estimate was based " +
        "on ballots counted.",
    );
    expect(find(list, "turnout estimate was based").speaker).not.toBe("Reuters");
  });

  it("leaves 'they' unresolved after a person", () => {
    const list = attributions(
      "Maria Lund said on Tuesday that the plant would close. They said the workers would be paid.",
    );
    expect(find(list, "workers would be paid").speaker).toBeNull();
  });
});
