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

describe("a body's name with its description set off after it", () => {
  it("is that body (agency and business styles)", () => {
    const list = attributions(
      "BEIJING, Dec. 4 (Xinhua) -- Talks on the South China Sea resumed on Thursday.\n\n" +
        "“The patrols are a provocation,” Xinhua, the official Chinese news agency, wrote.\n\n" +
        "Gazprom, the Russian gas company, said prices would rise in January.",
    );
    expect(find(list, "The patrols are a provocation").speaker).toBe("Xinhua");
    expect(find(list, "prices would rise").speaker).toBe("Gazprom");
  });

  it("is not someone the description says works for the body", () => {
    const list = attributions(
      "BEIJING, Dec. 4 (Xinhua) -- Talks on the South China Sea resumed on Thursday.\n\n" +
        "“The patrols are a provocation,” Xinhua, the agency's Beijing bureau chief, wrote.",
    );
    expect(find(list, "The patrols are a provocation").speaker).not.toBe("Xinhua");
  });
});
