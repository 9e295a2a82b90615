import { describe, expect, it } from "vitest";
import { attributions, contentOf, find } from "./helpers.ts";

describe("a verb whose subject is no one in particular reports no statement", () => {
  it("keeps 'nobody would question' inside the statement that holds it (wire style)", () => {
    const list = attributions(
      "OSLO (Reuters) - Finance Minister Maria Lund presented the budget on Tuesday.\n\n" +
        "Lund told NRK radio that nobody would question the bank's independence.",
    );
    const hit = find(list, "question the bank's independence");
    expect(hit.speaker).toBe("Maria Lund");
    expect(list.some((a) => a.mention?.text.toLowerCase() === "nobody")).toBe(false);
  });

  it("reads 'anybody who complains' as part of what the speaker said (business style)", () => {
    const list = attributions(
      "Acme Foods Corp. raised its prices for the third time this year.\n\n" +
        "Chief Executive Dana Holt dismissed the criticism, saying anybody who complains about " +
        "prices “has not seen the cost of wheat.”",
    );
    const hit = find(list, "has not seen the cost of wheat");
    expect(hit.speaker).toBe("Dana Holt");
    expect(contentOf(hit)).toContain("anybody who complains");
  });

  it("leaves 'no one said' unreported, and keeps a named speaker of the sentence (court style)", () => {
    const list = attributions(
      "The jury deliberated for three days.\n\n" +
        "No one said the verdict would come so soon. Nobody has claimed the reward, " +
        "prosecutors said.",
    );
    expect(list.some((a) => contentOf(a).includes("verdict would come so soon"))).toBe(false);
    expect(find(list, "claimed the reward").mention?.text).toBe("prosecutors");
  });

  it("still reads a named speaker whose words mention nobody", () => {
    const list = attributions(
      "Judge Ray Tallis ruled on Friday.\n\nTallis said nobody had been harmed by the delay.",
    );
    expect(find(list, "nobody had been harmed").speaker).toBe("Ray Tallis");
  });
});

describe("an event as the subject of a speech verb says nothing", () => {
  it("keeps 'protests demands that' inside the statement that holds it (wire style)", () => {
    const list = attributions(
      "CHARLOTTE (Reuters) - Police reopened the downtown streets on Monday.\n\n" +
        "Mayor Dana Holt said the recent spate of shootings and protests demands that " +
        "residents engage in more listening.",
    );
    const hit = find(list, "residents engage in more listening");
    expect(hit.speaker).toBe("Dana Holt");
    expect(contentOf(hit)).toContain("the recent spate of shootings");
    expect(list.some((a) => a.mention?.text === "protests")).toBe(false);
  });

  it("gives no speaker to what a crisis demands (business style)", () => {
    const list = attributions(
      "Shares of Corvel Foods fell on Tuesday.\n\n" +
        "The crisis demands that the board act quickly. Chief executive Ray Tallis said " +
        "sales would recover.",
    );
    expect(find(list, "sales would recover").speaker).toBe("Ray Tallis");
    expect(list.some((a) => contentOf(a).includes("the board act quickly"))).toBe(false);
  });

  it("still reads people briefed on a situation as speakers (court style)", () => {
    const list = attributions(
      "The trial of Ray Tallis resumed on Friday.\n\n" +
        "People briefed on the situation say that the judge will delay the verdict.",
    );
    expect(find(list, "the judge will delay the verdict").mention?.text).toContain("situation");
  });
});
