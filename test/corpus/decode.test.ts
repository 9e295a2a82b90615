import { describe, expect, it } from "vitest";
import { decodeBytes, withoutBom } from "../../src/corpus/decode.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a BOM, keeping line endings and quotes as they are", () => {
    const text = "Title\r\n\r\n“Quoted,” he said.\r\n";
    expect(decodeBytes(utf8(text))).toEqual({ ok: true, text, encoding: "utf-8", warning: null });
  });

  it("keeps a UTF-8 BOM as U+FEFF, as Node's and Python's UTF-8 readers do", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Title\n\nBody.")]);
    const asRead = Buffer.from(bytes).toString("utf8");
    expect(asRead.charCodeAt(0)).toBe(0xfeff);
    expect(decodeBytes(bytes)).toEqual({
      ok: true,
      text: asRead,
      encoding: "utf-8",
      warning: null,
    });
    expect(withoutBom(asRead)).toBe("Title\n\nBody.");
  });

  it("keeps the BOM one character when invalid UTF-8 falls back to Windows-1252", () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8("He said "),
      0x93,
      ...utf8("no"),
      0x94,
    ]);
    expect(decodeBytes(bytes)).toMatchObject({
      text: "\ufeffHe said “no”",
      encoding: "windows-1252",
    });
  });

  it("reads UTF-16 little and big endian with a BOM, which marks the byte order and is dropped", () => {
    const text = "Peskov said “no”.";
    const le = [0xff, 0xfe];
    const be = [0xfe, 0xff];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le.push(c & 0xff, c >> 8);
      be.push(c >> 8, c & 0xff);
    }
    expect(decodeBytes(new Uint8Array(le))).toMatchObject({ ok: true, text, encoding: "utf-16le" });
    expect(decodeBytes(new Uint8Array(be))).toMatchObject({ ok: true, text, encoding: "utf-16be" });
  });

  it("falls back to Windows-1252 for invalid UTF-8 and says so", () => {
    // 0x93/0x94 are curly double quotes in Windows-1252, 0x92 the apostrophe, 0xe9 "é".
    const bytes = new Uint8Array([
      ...utf8("He said "),
      0x93,
      ...utf8("no"),
      0x94,
      0x2e,
      0x20,
      0x92,
      0xe9,
    ]);
    const result = decodeBytes(bytes);
    expect(result).toEqual({
      ok: true,
      text: "He said “no”. ’é",
      encoding: "windows-1252",
      warning: "not valid UTF-8; read as Windows-1252",
    });
  });

  it("rejects binary files: NUL bytes or many control characters", () => {
    expect(
      decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toEqual({
      ok: false,
      reason: "binary file",
    });
    const noisy = new Uint8Array(200).map((_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    expect(decodeBytes(noisy)).toEqual({ ok: false, reason: "binary file" });
  });

  it("rejects empty and whitespace-only files", () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: "empty file" });
    expect(decodeBytes(utf8(" \r\n\t\u00a0\n"))).toEqual({ ok: false, reason: "empty file" });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({
      ok: false,
      reason: "empty file",
    });
  });
});
