import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("a relative 'who' after a description set off beside a name", () => {
  it("is the person named before the description (business style)", () => {
    const list = attributions(
      "Corvel Foods shares fell 6 percent on Monday.\n\n" +
        "The drop surprised Nora Kessler, an analyst at Brightline Securities who has said for " +
        "months that the stock was undervalued.",
    );
    expect(find(list, "the stock was undervalued").speaker).toBe("Nora Kessler");
  });

  it("is the person named before the description (court style)", () => {
    const list = attributions(
      "The trial opened in Ankara on Tuesday.\n\n" +
        "Prosecutors called Selim Aydin, a former port official who told investigators that the " +
        "cargo had never been inspected.",
    );
    expect(find(list, "the cargo had never been inspected").speaker).toBe("Selim Aydin");
  });

  it("stays unnamed where the description names no one before it", () => {
    const list = attributions(
      "The groups asked the senator to reject the support of a retired general who suggested " +
        "that the camps should reopen.",
    );
    expect(find(list, "the camps should reopen").speaker).toBeNull();
  });
});
