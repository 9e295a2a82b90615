import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

/** An article whose first block is its title. */
function titled(title: string, body: string) {
  return attributions(`${title}\n\n${body}`, { title });
}

describe("a title in capitals throughout names only the people the body names", () => {
  it("gives the title's quotation to the person the body names (business style)", () => {
    const list = titled(
      "Dana Holt Grills Corvel Foods CEO: ‘You Should Be Criminally Investigated.’",
      "Senator Dana Holt questioned Corvel Foods Chief Executive Sam Whitaker on Tuesday " +
        "about the recall.",
    );
    expect(find(list, "You Should Be Criminally Investigated").speaker).toBe("Dana Holt");
  });

  it("never makes the title's verb and object part of a name (wire style)", () => {
    const list = titled(
      "Sam Whitaker Rejects Brightline Takeover Bid: ‘Corvel Is Not For Sale At Any Price.’",
      "NEW YORK (Reuters) - Corvel Foods rejected a bid from Brightline on Monday, its second " +
        "in a year, the company said.",
    );
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) expect(a.speaker ?? "").not.toMatch(/Rejects/);
  });

  it("reads a body sentence that opens with five capitals as before (court style)", () => {
    const list = titled(
      "Court Voids Harbor Lease In Split Ruling",
      "Chief Judge Ruth Anne Varga said on Friday that the harbor lease was void.",
    );
    expect(find(list, "the harbor lease was void").speaker).toBe("Ruth Anne Varga");
  });
});

describe("a surname the body writes alone, named in full by a title-case heading", () => {
  it("is a person, whom a description can mean (campaign style)", () => {
    const list = attributions(
      "Karen Holt Goes After Ray Tallis As The New Frontrunner.\n\n" +
        "RENO, Nev. - The Tallis campaign hoped the attack would fail.\n\n" +
        "The Democratic nominee aggressively attacked her opponent on Monday, saying his plan " +
        "would raise taxes.\n\n" +
        "On Tuesday, Holt said the debate was a turning point.",
      { title: "Karen Holt Goes After Ray Tallis As The New Frontrunner." },
    );
    expect(find(list, "the debate was a turning point").speaker).toBe("Karen Holt");
    expect(find(list, "his plan would raise taxes").speaker).toBe("Karen Holt");
  });

  it("takes no name from heading words the lists do not know as first names (business style)", () => {
    const list = attributions(
      "Acme Foods Beats Estimates As Soup Sales Climb.\n\n" +
        "Soup sales rose 4 percent, the company said. Estimates had called for 2 percent.",
      { title: "Acme Foods Beats Estimates As Soup Sales Climb." },
    );
    expect(find(list, "Soup sales rose 4 percent").speaker).toBeNull();
  });
});
