import { describe, expect, it } from "vitest";
import { attributions, find } from "./helpers.ts";

describe("figures a named body compiles", () => {
  it("are the body's: a polling average, an ad tracker (wire and business styles)", () => {
    const list = attributions(
      "Lena Marsh leads the race in Ohio by 6 points, according to the PollTrack polling " +
        "average.\n\n" +
        "Her campaign has spent more than $77 million on television advertising, according to " +
        "Kantar Media's political ad tracker.",
    );
    expect(find(list, "leads the race in Ohio").speaker).toBe("PollTrack");
    expect(find(list, "$77 million").speaker).toBe("Kantar Media");
  });

  it("name no one when the average is nobody's", () => {
    const list = attributions(
      "Lena Marsh spoke in Reno on Monday.\n\n" +
        "Marsh leads the race in Ohio by 6 points, according to the average of recent polls.",
    );
    expect(find(list, "leads the race in Ohio").speaker).toBeNull();
  });
});
