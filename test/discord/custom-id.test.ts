import { describe, expect, it } from "vitest";
import { createCustomIds } from "../../src/discord/custom-id.ts";
import { articleCommand, quoteCommand } from "./fixtures.ts";

const commands = [quoteCommand, articleCommand];

describe("button custom ids carry their own state", () => {
  it("round-trips command, arguments and page within 100 characters", () => {
    const ids = createCustomIds({ secret: "token", commands });
    const state = {
      action: "page" as const,
      command: "quote",
      args: { speaker: "Dmitry Peskov", about: "a|b%c" },
      page: 12,
    };
    const id = ids.encode(state);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(ids.decode(id)).toEqual({ ok: true, state });
  });

  it("still works after a restart: a new instance with the same secret reads old ids", () => {
    const before = createCustomIds({ secret: "token", commands });
    const after = createCustomIds({ secret: "token", commands });
    const state = {
      action: "full" as const,
      command: "article",
      args: { id: "004_455c79d58281e11a" },
      page: 0,
    };
    expect(after.decode(before.encode(state))).toEqual({ ok: true, state });
  });

  it("keeps arguments too long for 100 characters in memory, and calls them stale after a restart", () => {
    const before = createCustomIds({ secret: "token", commands });
    const args = { speaker: "Peskov", about: "x".repeat(300) };
    const id = before.encode({ action: "page", command: "quote", args, page: 1 });
    expect(id.length).toBeLessThanOrEqual(100);
    expect(before.decode(id)).toEqual({
      ok: true,
      state: { action: "page", command: "quote", args, page: 1 },
    });
    const after = createCustomIds({ secret: "token", commands });
    expect(after.decode(id)).toEqual({ ok: false, reason: "stale" });
  });

  it("tells a tampered or foreign id from a stale one", () => {
    const ids = createCustomIds({ secret: "token", commands });
    const id = ids.encode({
      action: "page",
      command: "quote",
      args: { speaker: "Peskov" },
      page: 1,
    });
    expect(ids.decode(id.replace("Peskov", "Parker"))).toEqual({ ok: false, reason: "tampered" });
    expect(ids.decode("nonsense")).toEqual({ ok: false, reason: "tampered" });
    expect(ids.decode("")).toEqual({ ok: false, reason: "tampered" });
    const other = createCustomIds({ secret: "another bot", commands });
    expect(other.decode(id)).toEqual({ ok: false, reason: "tampered" });
    // Signed by us, but the command has since been removed.
    const fewer = createCustomIds({ secret: "token", commands: [articleCommand] });
    expect(fewer.decode(id)).toEqual({ ok: false, reason: "stale" });
  });
});
