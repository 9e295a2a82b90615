import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findMojibake } from "../../src/corpus/mojibake.ts";
import { parseArticleFile } from "../../src/corpus/parse-article.ts";
import { extractFiles } from "../../src/surfaces/extract-files.ts";
import type { Article } from "../../src/types.ts";

const fixtures = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const bomFile = `${fixtures}bom-article.txt`;
const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

function parse(file: string, bytes: Uint8Array) {
  const outcome = parseArticleFile(file, bytes);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  return { article: outcome.articles[0] as Article, warnings: outcome.warnings };
}

describe("a UTF-8 file with a byte-order mark", () => {
  it("keeps the BOM in the text, so spans slice the text as Node reads the file", () => {
    const asRead = readFileSync(bomFile, "utf8");
    expect(asRead.charCodeAt(0)).toBe(0xfeff);
    const { article } = parse("bom-article.txt", readFileSync(bomFile));
    expect(article.text).toBe(asRead);
    expect(article.title).toBe("Kremlin rejects new claims");
    expect(article.dateline).toBe("MOSCOW, March 4");
    for (const p of article.paragraphs) expect(asRead.slice(p.start, p.end)).toBe(p.text);
    expect(article.paragraphs[0]?.text).toBe(
      "The Kremlin on Monday rejected the claims as baseless.",
    );
  });

  it("gives extracted spans that slice the file's text as read", async () => {
    const asRead = readFileSync(bomFile, "utf8");
    const spans = [];
    for await (const result of extractFiles([bomFile])) {
      expect(result.error).toBeUndefined();
      for (const a of result.attributions) spans.push(a.mention, a.cue, ...a.content);
    }
    const found = spans.filter((s) => s !== null);
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) expect(asRead.slice(s.start, s.end)).toBe(s.text);
  });

  it("reads Markdown front matter and JSON behind a BOM", () => {
    const md = parse(
      "a.md",
      withBom("---\ntitle: Talks resume\n---\n\nTalks resumed, the UN said.\n"),
    );
    expect(md.article.title).toBe("Talks resume");
    expect(md.warnings).toEqual([]);
    const json = parse(
      "a.json",
      withBom('{"title": "Talks", "body": "Talks resumed, the UN said."}'),
    );
    expect(json.article.paragraphs.map((p) => p.text)).toEqual(["Talks resumed, the UN said."]);
  });
});

describe("mojibake (UTF-8 once read as Windows-1252)", () => {
  it("finds and repairs sequences that round-trip", () => {
    const found = findMojibake("FranÃ§ois Delattre said he didnâ€™t know. â€œNo,â€\u009d he said.");
    expect(found.repaired).toBe("François Delattre said he didn’t know. “No,” he said.");
    expect(found.count).toBe(4);
    expect(found.example).toEqual({ read: "FranÃ§ois", repaired: "François" });
  });

  it("leaves real text alone", () => {
    for (const text of [
      "“CAFÉ” and JOSÉ’S menu",
      "SÃO PAULO, Brazil",
      "Señor Müller paid £5 — ½ off.",
    ]) {
      expect(findMojibake(text)).toEqual({ count: 0, repaired: text, example: null });
    }
  });

  it("warns about plain text but leaves it as read, so offsets hold", () => {
    const text = "Envoy speaks\n\nFranÃ§ois Delattre said the talks would go on.\n";
    const { article, warnings } = parse("envoy.txt", utf8(text));
    expect(article.text).toBe(text);
    expect(article.paragraphs[0]?.text).toBe("FranÃ§ois Delattre said the talks would go on.");
    expect(warnings).toEqual([
      'text looks double-encoded (mojibake: 1 sequence such as "FranÃ§ois" for "François"); left as read, so offsets hold',
    ]);
  });

  it("repairs Markdown, HTML and JSON, whose article text is built from the file", () => {
    const md = parse(
      "envoy.md",
      utf8("# Envoy speaks\n\nFranÃ§ois Delattre said the talks would go on.\n"),
    );
    expect(md.article.paragraphs[0]?.text).toBe("François Delattre said the talks would go on.");
    expect(md.warnings).toEqual([
      'text was double-encoded (mojibake); repaired 1 sequence such as "FranÃ§ois" to "François"',
    ]);
    const json = parse(
      "envoy.json",
      utf8('{"title": "Ã‰lysÃ©e", "body": "It didnâ€™t happen, he said."}'),
    );
    expect(json.article.title).toBe("Élysée");
    expect(json.article.paragraphs[0]?.text).toBe("It didn’t happen, he said.");
  });
});
