import { describe, expect, it } from "vitest";
import {
  decodeManifest,
  encodeManifest,
  FORMAT_VERSION,
  type Manifest,
} from "../../src/store/format.ts";

const manifest: Manifest = {
  engine: "abc",
  savedAt: "2026-01-01T00:00:00.000Z",
  files: [
    {
      file: "articles/a.txt",
      id: "a",
      size: 10,
      mtimeMs: 1,
      metaFile: null,
      metaMtimeMs: null,
      hash: "h",
      articleIds: ["a"],
      skipped: null,
    },
  ],
  parts: [{ name: "articles", file: "articles.x.json", bytes: 2, sha256: "s" }],
};

describe("manifest encoding", () => {
  it("round-trips", () => {
    expect(decodeManifest(encodeManifest(manifest))).toEqual({ ok: true, manifest });
  });

  it("detects a changed body", () => {
    const text = encodeManifest(manifest).replace('"abc"', '"abd"');
    expect(decodeManifest(text)).toEqual({ ok: false, reason: "manifest checksum mismatch" });
  });

  it("reads the file's bytes as it reads its text, and catches a flipped byte in them", () => {
    const bytes = Buffer.from(encodeManifest({ ...manifest, engine: "é" }));
    expect(decodeManifest(bytes)).toEqual({ ok: true, manifest: { ...manifest, engine: "é" } });
    // A view into a larger buffer, as a reader may hand it over.
    const inside = Buffer.concat([Buffer.from("xx"), bytes]).subarray(2);
    expect(decodeManifest(inside).ok).toBe(true);
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf("articles.x.json");
    flipped[at] = (flipped[at] as number) ^ 0x01;
    expect(decodeManifest(flipped)).toEqual({ ok: false, reason: "manifest checksum mismatch" });
  });

  it("detects truncation", () => {
    const text = encodeManifest(manifest);
    expect(decodeManifest(text.slice(0, text.length / 2)).ok).toBe(false);
    const header = text.slice(0, text.indexOf("\n"));
    expect(decodeManifest(header)).toEqual({ ok: false, reason: "truncated manifest" });
  });

  it("names another format version", () => {
    const text = encodeManifest(manifest).replace(` ${FORMAT_VERSION} `, " 999 ");
    expect(decodeManifest(text)).toEqual({
      ok: false,
      reason: `format version 999, expected ${FORMAT_VERSION}`,
    });
  });

  it("rejects garbage", () => {
    expect(decodeManifest("\u0000\u00ff garbage").ok).toBe(false);
    expect(decodeManifest("").ok).toBe(false);
  });
});
