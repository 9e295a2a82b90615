import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a possessive after a description tells whom it describes", () => {
  it("picks the woman or the man of two people on stage by 'her' or 'his' (wire style)", () => {
    const list = attributions(
      "WASHINGTON (Reuters) - Senator Maria Lund and Governor Ray Tallis met in Columbus on Monday.\n\n" +
        "The Labour nominee said her plan would cut taxes for farmers.\n\n" +
        "The Labour nominee said his plan would cut taxes for workers.",
    );
    expect(find(list, "cut taxes for farmers").speaker).toBe("Maria Lund");
    expect(find(list, "cut taxes for workers").speaker).toBe("Ray Tallis");
  });

  it("reaches back past sentences that name nobody to the one woman named (court style)", () => {
    const list = attributions(
      "OSLO (Reuters) - Maria Lund won the Labour nomination on Sunday. Her rival Ray Tallis conceded.\n\n" +
        "Protesters marched on parliament on Monday. Police kept them from the doors.\n\n" +
        "The Labour nominee attacked her opponent as a fraud.",
    );
    expect(find(list, "her opponent as a fraud").speaker).toBe("Maria Lund");
  });

  it("reads no sex into 'her' as an object: two people on stage leave it unresolved", () => {
    const list = attributions(
      "OSLO (Reuters) - Maria Lund and Ray Tallis ran for the Labour nomination.\n\n" +
        "Protesters marched on parliament on Monday. Police kept them from the doors.\n\n" +
        "The Labour nominee told her that the vote was rigged.",
    );
    expect(find(list, "the vote was rigged").speaker).toBeNull();
  });
});
