import { describe, expect, it } from "vitest";
import { toContract } from "../../src/attribution/contract.ts";
import { buildSpeakerRegistry, slug } from "../../src/attribution/speakers.ts";
import type { Extraction } from "../../src/types.ts";
import { extract } from "./helpers.ts";

function corpus(texts: Record<string, string>): Map<string, Extraction> {
  return new Map(Object.entries(texts).map(([id, text]) => [id, extract(text, { id })]));
}

describe("the speaker registry", () => {
  const extractions = corpus({
    a: "Bank spokesman Tom Ide said the branch would close.\n\nIde said staff would be moved.",
    b: "Tom Ide, the head of communications at the bank, said no jobs would go.",
    c: "Ide told reporters the bank was sound.",
    d: "The Kremlin said the talks were over.\n\nThe Daily Herald said the talks had failed.",
  });
  const registry = buildSpeakerRegistry(extractions);

  it("makes one speaker of one person across articles, with every role as an alias", () => {
    const ide = registry.speakers.filter((s) => /ide/i.test(s.name));
    expect(ide).toHaveLength(1);
    expect(ide[0]?.name).toBe("Tom Ide");
    expect(ide[0]?.quotes).toBe(4);
    expect(ide[0]?.articles).toBe(3);
    expect(ide[0]?.aliases).toEqual(
      expect.arrayContaining(["Ide", "Bank spokesman", "head of communications at the bank"]),
    );
  });

  it("gives stable slug ids and finds them from any article's name", () => {
    expect(registry.idFor("c", "Ide")).toBe("tom-ide");
    expect(registry.idFor("a", "Tom Ide")).toBe("tom-ide");
    expect(registry.idFor("d", "The Daily Herald")).toBe(slug("Daily Herald"));
    expect(registry.idFor("d", "Nobody")).toBeNull();
    expect(buildSpeakerRegistry(extractions).speakers.map((s) => s.id)).toEqual(
      registry.speakers.map((s) => s.id),
    );
  });

  it("keeps organisations as speakers of their own kind", () => {
    expect(registry.speakers.find((s) => s.name === "Kremlin")?.kind).toBe("organization");
    expect(registry.speakers.find((s) => s.name === "The Daily Herald")?.kind).toBe("media");
  });

  it("does not merge a surname shared by two full names", () => {
    const shared = buildSpeakerRegistry(
      corpus({
        a: "Anna Berg said prices were falling.",
        b: "Olof Berg said prices were rising.",
        c: "Berg said nothing had changed.",
      }),
    );
    expect(shared.speakers.map((s) => s.name).sort()).toEqual(["Anna Berg", "Berg", "Olof Berg"]);
  });
});

describe("the extract --json contract", () => {
  it("keeps exactly the contract's fields, with offsets into the text", () => {
    const text = "“We will win,” said Jane Holloway, adding that the count was fair.";
    const out = extract(text).attributions.map(toContract);
    expect(out[0]).toEqual({
      speaker: "Jane Holloway",
      mention: { text: "Jane Holloway", start: 20, end: 33 },
      cue: { text: "said", start: 15, end: 19 },
      content: [{ text: "We will win", start: 1, end: 12 }],
      type: "direct",
      stance: null,
      reportedBy: null,
    });
    for (const a of out) {
      expect(Object.keys(a)).toEqual([
        "speaker",
        "mention",
        "cue",
        "content",
        "type",
        "stance",
        "reportedBy",
      ]);
      for (const c of a.content) expect(text.slice(c.start, c.end)).toBe(c.text);
    }
  });
});
