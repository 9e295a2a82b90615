import { expect, it } from "vitest";
import { pageText } from "../../src/live/page-text.ts";

const CAFE = "“Nothing was agreed at the café,” she said in Genève.";

it("reads UTF-8 whatever the page declares", () => {
  const bytes = Buffer.from(CAFE, "utf8");
  expect(pageText(bytes, "text/html; charset=iso-8859-1")).toBe(CAFE);
  expect(pageText(bytes, "text/html")).toBe(CAFE);
});

it("reads other bytes by the declared charset, and Windows-1252 labelled UTF-8 as Windows-1252", () => {
  const latin = Buffer.from("le café à Genève", "latin1");
  expect(pageText(latin, "text/html; charset=ISO-8859-1")).toBe("le café à Genève");
  expect(pageText(latin, "text/html; charset=utf-8")).toBe("le café à Genève");
  const page = Buffer.concat([
    Buffer.from('<meta charset="windows-1251"><p>'),
    Buffer.from([0xcf, 0xe5, 0xf1, 0xea, 0xee, 0xe2]),
  ]);
  expect(pageText(page, "text/html")).toContain("Песков");
  const cp1252 = Buffer.from([0x93, 0x48, 0x69, 0x94]);
  expect(pageText(cp1252, "")).toBe("“Hi”");
});
