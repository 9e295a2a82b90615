import { describe, expect, it } from "vitest";
import { attributions } from "./helpers.ts";

// Short articles written for these tests: an outlet's own note on the story, set apart by
// "Editor's note:", beside the story's reporting.

describe("an editor's note is the outlet's, not a statement the story reports", () => {
  it("reports nothing from the note, and still reads the story around it (web politics style)", () => {
    const list = attributions(
      [
        "Senator Ruth Alder said the bank's conduct was disgraceful.",
        "Editor’s note: Governor Dana Whitcombe is a serial liar who has repeatedly pledged to close every border crossing.",
        "Alder added that she would call the bank's chief to testify.",
      ].join("\n\n"),
    );
    const said = list.map((a) => a.content.map((c) => c.text).join(" "));
    expect(said.some((s) => s.includes("conduct was disgraceful"))).toBe(true);
    expect(said.some((s) => s.includes("call the bank's chief"))).toBe(true);
    expect(said.some((s) => s.includes("close every border crossing"))).toBe(false);
  });

  it("reads a note that corrects the story like the story (court style)", () => {
    const list = attributions(
      [
        "Judge Carl Odom ruled that the file stays sealed.",
        "Editor's Note: An article on Monday about the Vance divorce misstated the ruling. The court clerk, Ana Ruiz, said the file stays sealed until March.",
      ].join("\n\n"),
    );
    const clerk = list.find((a) => a.content.some((c) => c.text.includes("until March")));
    expect(clerk?.speaker).toBe("Ana Ruiz");
  });

  it("reads the same words as the story's when no note sets them apart (wire style)", () => {
    const list = attributions(
      "Governor Dana Whitcombe, who leads the border states' group, has repeatedly pledged to close every border crossing.",
    );
    expect(list.map((a) => a.content.map((c) => c.text).join(" "))).toContain(
      "to close every border crossing",
    );
    expect(list[0]?.speaker).toBe("Dana Whitcombe");
  });
});
