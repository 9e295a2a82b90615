import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { parseCommandLine } from "../../src/surfaces/parse-command-line.ts";

const parse = (line: string) => parseCommandLine(line, commands);

describe("parseCommandLine", () => {
  it("reads named options whose values hold spaces and colons", () => {
    const r = parse("/quote speaker:MI5 chief about:cyber: attacks");
    expect(r.ok && r.command.name).toBe("quote");
    expect(r.ok && r.args).toEqual({ speaker: "MI5 chief", about: "cyber: attacks" });
  });

  it("fills the bare option from text without a name", () => {
    const r = parse("/search crude intelligence methods");
    expect(r.ok && r.args).toEqual({ query: "crude intelligence methods" });
    const named = parse("/search query:crude intelligence methods");
    expect(named.ok && named.args).toEqual({ query: "crude intelligence methods" });
  });

  it("takes the command with or without its slash, in any case", () => {
    const r = parse("WHO claim:who denied it?");
    expect(r.ok && r.command.name).toBe("who");
    expect(r.ok && r.args.claim).toBe("who denied it?");
  });

  it("converts booleans and rejects a bad one", () => {
    const r = parse("/search cyber public:true");
    expect(r.ok && r.args).toEqual({ query: "cyber", public: true });
    const bad = parse("/search cyber public:maybe");
    expect(bad.ok).toBe(false);
  });

  it("names what is wrong instead of throwing", () => {
    for (const line of [
      "",
      "   ",
      "/nope x",
      "/quote",
      "/help extra words",
      "/((((",
      "/search [a-z]+$",
    ]) {
      const r = parse(line);
      if (line === "/search [a-z]+$") {
        expect(r.ok && r.args.query).toBe("[a-z]+$");
      } else {
        expect(r.ok).toBe(false);
        expect(!r.ok && r.error.length).toBeGreaterThan(10);
      }
    }
  });

  it("does not treat an option-like word inside a value as an option", () => {
    const r = parse("/who claim:he said speaker:is wrong");
    // `speaker` is not an option of /who, so it stays in the claim.
    expect(r.ok && r.args.claim).toBe("he said speaker:is wrong");
  });

  it("names a mistyped option of the command instead of reading it as part of a value", () => {
    const r = parse("/quote speaker:Peskov abot:cyber");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(
      "“abot” is not an option of /quote; did you mean about:? Usage: /quote speaker:<speaker> [about:<about>] [page:<page>]",
    );
    expect(parse("/quote speakr: Peskov").ok).toBe(false);
  });

  it("leaves prose with a colon in a value alone", () => {
    const r = parse("/find-source text:Next: he said the talks were over");
    expect(r.ok && r.args.text).toBe("Next: he said the talks were over");
    const s = parse("/search Breaking: ministers quits");
    expect(s.ok && s.args.query).toBe("Breaking: ministers quits");
  });

  it("suggests the command a typo was meant to be", () => {
    const r = parse("/qoute Peskov");
    expect(!r.ok && r.error).toBe("Unknown command /qoute. Did you mean /quote?");
    const far = parse("/zzzzz Peskov");
    expect(!far.ok && far.error).toBe("Unknown command /zzzzz. Type /help for the list.");
  });
});
