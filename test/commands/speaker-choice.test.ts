import { describe, expect, it } from "vitest";
import { resolveSpeaker } from "../../src/answer/speaker-choice.ts";
import type { Library } from "../../src/library/api.ts";
import type { Speaker } from "../../src/types.ts";

const person = (name: string, quotes: number, aliases: string[] = []): Speaker => ({
  id: name.toLowerCase().replace(/\W+/g, "-"),
  name,
  kind: "person",
  aliases,
  quotes,
  articles: Math.max(1, Math.floor(quotes / 3)),
});

/** A library that knows only its speakers: all that choosing one of them asks of it. */
function libraryOf(speakers: Speaker[]): Library {
  const surname = (s: Speaker) =>
    s.name
      .replace(/ (Jr|Sr)\.$/, "")
      .split(" ")
      .at(-1)
      ?.toLowerCase();
  return {
    findSpeakers: (name: string) =>
      speakers
        .filter(
          (s) => surname(s) === name.toLowerCase() || s.name.toLowerCase() === name.toLowerCase(),
        )
        .sort((a, b) => b.quotes - a.quotes),
  } as unknown as Library;
}

describe("a name typed in /quote", () => {
  it("means the speaker quoted far more often under it, and names the others", () => {
    const library = libraryOf([
      person("Donald Trump", 412),
      person("Donald Trump Jr.", 14),
      person("Ivana Trump", 3),
    ]);
    const choice = resolveSpeaker(library, "Trump", "quote");
    expect(choice.kind).toBe("speaker");
    if (choice.kind !== "speaker") return;
    expect(choice.speaker.name).toBe("Donald Trump");
    expect(choice.notice).toContain("Donald Trump Jr.");
    expect(choice.notice).toContain("Ivana Trump");
  });

  it("means the candidate quoted three times as often as the rest of the name together", () => {
    const library = libraryOf([
      person("Hillary Clinton", 25),
      person("Bill Clinton", 4),
      person("Chelsea Clinton", 3),
    ]);
    const choice = resolveSpeaker(library, "Clinton", "quote");
    expect(choice.kind === "speaker" && choice.speaker.name).toBe("Hillary Clinton");
    expect(choice.kind === "speaker" && choice.notice).toContain("Bill Clinton, Chelsea Clinton");
    // 25 against 9 is less than three times: the name is shared, and the user chooses.
    const closer = libraryOf([
      person("Hillary Clinton", 25),
      person("Bill Clinton", 6),
      person("Chelsea Clinton", 3),
    ]);
    expect(resolveSpeaker(closer, "Clinton", "quote").kind).toBe("answer");
  });

  it("weighs a speaker called by the bare surname, which may be any of them, for none", () => {
    const library = libraryOf([
      person("Hillary Clinton", 25),
      person("Bill Clinton", 6),
      person("Clinton", 4),
    ]);
    const choice = resolveSpeaker(library, "Clinton", "quote");
    expect(choice.kind === "speaker" && choice.speaker.name).toBe("Hillary Clinton");
    expect(choice.kind === "speaker" && choice.notice).toContain("Bill Clinton, Clinton");
    // Never the bare name itself, however often it is quoted: it names no one person.
    const bare = libraryOf([person("Clinton", 40), person("Bill Clinton", 6)]);
    expect(resolveSpeaker(bare, "Clinton", "quote").kind).toBe("answer");
    // Nor does leaving it out make a shared name one person's.
    const shared = libraryOf([
      person("Hillary Clinton", 25),
      person("Bill Clinton", 12),
      person("Clinton", 9),
    ]);
    expect(resolveSpeaker(shared, "Clinton", "quote").kind).toBe("answer");
  });

  it("lists the choices where the name is truly shared", () => {
    const library = libraryOf([person("George W. Bush", 120), person("Jeb Bush", 95)]);
    const choice = resolveSpeaker(library, "Bush", "quote");
    expect(choice.kind).toBe("answer");
    if (choice.kind !== "answer") return;
    expect(choice.answer.status).toBe("ambiguous");
    expect(choice.answer.items.map((i) => i.text)).toEqual(["George W. Bush", "Jeb Bush"]);
  });

  it("does not let a handful of quotes decide", () => {
    const library = libraryOf([person("Lena Marsh", 6), person("Tom Marsh", 1)]);
    expect(resolveSpeaker(library, "Marsh", "quote").kind).toBe("answer");
  });

  it("takes the full name at its word", () => {
    const library = libraryOf([person("Donald Trump", 412), person("Donald Trump Jr.", 14)]);
    const choice = resolveSpeaker(library, "Donald Trump Jr.", "quote");
    expect(choice.kind === "speaker" && choice.speaker.name).toBe("Donald Trump Jr.");
    expect(choice.kind === "speaker" && choice.notice).toBeNull();
  });
});
