import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("the one who made a speech, a letter or a claim", () => {
  it("speaks through the speech they delivered or the letter they sent (business)", () => {
    const list = attributions(
      "Senator Ana Ruiz spoke at the university on Monday.\n\n" +
        "The goal is not revenue, according to a speech Ms. Ruiz delivered at the university.\n\n" +
        "The merger is flawed, according to a letter Acme Foods sent to regulators.\n\n" +
        "The plan failed, according to a report released on Friday.",
    );
    expect(find(list, "The goal is not revenue").speaker).toBe("Ana Ruiz");
    expect(find(list, "The merger is flawed").speaker).toBe("Acme Foods");
    expect(find(list, "The plan failed").speaker).toBeNull();
  });

  it("owns a claim written after a participle, a body's too (court)", () => {
    const list = attributions(
      "Ana Ruiz testified on Monday.\n\n" +
        "The video was shown in court, contradicting Tulsa police’s earlier claim that the " +
        "man had refused to raise his hands.\n\n" +
        "The judge noted the footage, echoing Ruiz’s claim that the stop was unlawful.",
    );
    expect(find(list, "refused to raise his hands").speaker).toBe("Tulsa police");
    expect(find(list, "the stop was unlawful").speaker).toBe("Ana Ruiz");
  });
});
