import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a candidacy described", () => {
  it("may be a sitting senator's (wire)", () => {
    const list = attributions(
      "CEDAR RAPIDS, Iowa (AP) — Sen. Marco Ruiz spoke to reporters on Tuesday.\n\n" +
        "Ruiz says he opposes the new rules. The GOP presidential candidate says he will work " +
        "to overturn them.",
    );
    expect(find(list, "work to overturn them").speaker).toBe("Marco Ruiz");
  });

  it("is never a judge's or a mayor's, and stays unnamed with no candidate on stage (court)", () => {
    const list = attributions(
      "Judge Anna Kessler ruled on Monday that the lawsuit could go ahead.\n\n" +
        "The Democratic nominee said the ruling was a victory.\n\n" +
        "Mayor Tom Brandt visited the site on Friday. The Republican presidential candidate " +
        "said the city was a mess.",
    );
    expect(find(list, "the ruling was a victory").speaker).toBeNull();
    expect(find(list, "the city was a mess").speaker).toBeNull();
  });
});
