import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readArticle,
  type SkippedFile,
  scanArticleFiles,
  skippedLine,
} from "../../src/corpus/load-corpus.ts";
import { type FolderRead, readFolder } from "../helpers/read-folder.ts";

const fixtures = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const seeds = fileURLToPath(new URL("../../data/", import.meta.url));
const MB = 1024 * 1024;

let dir: string;
let corpus: FolderRead;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "whosaid-corpus-"));
  const articles = join(dir, "articles");
  const put = (name: string, data: string | Uint8Array) =>
    writeFileSync(join(articles, name), data);
  mkdirSync(join(articles, "wire", "2018"), { recursive: true });
  copyFileSync(join(seeds, "articles", "000_0d28011d82771a06.txt"), join(articles, "tass.txt"));
  for (const f of [
    "deripaska-wire.md",
    "kremlin-page.html",
    "wire-items.json",
    "plain-with-meta.txt",
    "plain-with-meta.meta.json",
    "broken-front-matter.md",
  ]) {
    copyFileSync(join(fixtures, f), join(articles, "wire", "2018", f));
  }
  put(
    "crlf.txt",
    'Ministers meet in Rome\r\n\r\nMinisters met in Rome on Friday, officials said.\r\n\r\n"It went well," one said.\r\n',
  );
  put("quotes.txt", 'Odd quotes\n\n“Never closed, he said.\n\n"Also open.\n');
  put(
    "cp1252.txt",
    Buffer.concat([
      Buffer.from("Quotes in Windows-1252\n\nThe minister said "),
      Buffer.from([0x93]),
      Buffer.from("no"),
      Buffer.from([0x94]),
      Buffer.from(" on Monday.\n"),
    ]),
  );
  put("empty.txt", "");
  put("blank.md", " \n\n \t\n");
  put(
    "binary.txt",
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
  );
  put("chrome-only.txt", "All news\n\nSHARE THIS ARTICLE\n\nwww.example.com\n");
  put("title-only.txt", "Nothing but a headline\n");
  put("huge.txt", "");
  truncateSync(join(articles, "huge.txt"), 50 * MB); // sparse: nothing is written
  put("scan.pdf", "%PDF-1.4");
  put(".hidden.txt", "Hidden\n\nNot an article, said nobody.\n");
  put("orphan.meta.json", "{}");
  symlinkSync(join(articles, "gone-away.txt"), join(articles, "dangling.txt"));
  mkdirSync(join(articles, "folder.txt"));
  corpus = await readFolder(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading a folder of good and bad files", () => {
  it("loads every good article", () => {
    expect(corpus.articles.map((a) => a.id).sort()).toEqual(
      [
        "cp1252",
        "crlf",
        "quotes",
        "tass",
        "wire-001",
        "wire/2018/broken-front-matter",
        "wire/2018/deripaska-wire",
        "wire/2018/kremlin-page",
        "wire/2018/plain-with-meta",
        "wire/2018/wire-items-3",
      ].sort(),
    );
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    expect(byId.get("tass")?.file).toBe("articles/tass.txt");
    expect(byId.get("wire/2018/plain-with-meta")?.outlet).toBe("Brussels Post");
    expect(byId.get("cp1252")?.paragraphs[0]?.text).toBe("The minister said “no” on Monday.");
    const crlf = byId.get("crlf");
    expect(crlf?.paragraphs.map((p) => p.text)).toEqual([
      "Ministers met in Rome on Friday, officials said.",
      '"It went well," one said.',
    ]);
    for (const p of crlf?.paragraphs ?? []) expect(crlf?.text.slice(p.start, p.end)).toBe(p.text);
    expect(byId.get("quotes")?.paragraphs).toHaveLength(2);
  });

  it("lists each bad file once with its reason", () => {
    expect(corpus.skipped).toEqual([
      {
        file: "articles/.hidden.txt",
        reason: "hidden file (its name starts with a dot); not read",
      },
      { file: "articles/binary.txt", reason: "binary file" },
      { file: "articles/blank.md", reason: "empty file" },
      { file: "articles/chrome-only.txt", reason: "no body paragraphs" },
      {
        file: "articles/dangling.txt",
        reason: "cannot read: no such file (removed, or a broken link) (ENOENT)",
      },
      { file: "articles/empty.txt", reason: "empty file" },
      { file: "articles/huge.txt", reason: "file is 50.0 MB, over the 10 MB limit" },
      { file: "articles/scan.pdf", reason: "unsupported file type .pdf" },
      { file: "articles/title-only.txt", reason: "no body paragraphs" },
    ]);
    expect(skippedLine(corpus.skipped[6] as SkippedFile)).toBe(
      "skipped articles/huge.txt: file is 50.0 MB, over the 10 MB limit",
    );
  });

  it("warns about what it loaded with a fallback, naming the file", () => {
    expect(corpus.warnings).toEqual(
      expect.arrayContaining([
        { file: "articles/cp1252.txt", message: "not valid UTF-8; read as Windows-1252" },
        {
          file: "articles/wire/2018/broken-front-matter.md",
          message: expect.stringMatching(/^front matter is not valid YAML/),
        },
        {
          file: "articles/wire/2018/wire-items.json",
          message: 'item 2 has no "body" or "text"; skipped',
        },
      ]),
    );
    expect(corpus.warnings).toHaveLength(3);
  });
});

describe("scanArticleFiles and readArticle", () => {
  it("pairs sidecars with their article and reports times and sizes", async () => {
    const { files } = await scanArticleFiles(dir);
    const withMeta = files.find((f) => f.file === "articles/wire/2018/plain-with-meta.txt");
    expect(withMeta?.metaFile).toBe("articles/wire/2018/plain-with-meta.meta.json");
    expect(withMeta?.metaMtimeMs).toBeGreaterThan(0);
    expect(withMeta?.size).toBeGreaterThan(100);
    expect(files.some((f) => f.file.endsWith(".meta.json") || f.file.includes(".hidden"))).toBe(
      false,
    );
  });

  it("takes a size limit and rejects a folder with a clear reason", async () => {
    const info = { file: "articles/tass.txt", id: "tass", size: 0, mtimeMs: 0 };
    expect(await readArticle(dir, info, { maxBytes: 1000 })).toMatchObject({
      ok: false,
      reason: "file is 2.3 KB, over the 1000 B limit",
    });
    writeFileSync(join(dir, "two-mb.txt"), Buffer.alloc(2 * MB, 0x41));
    const big = { file: "two-mb.txt", id: "two-mb", size: 0, mtimeMs: 0 };
    expect(await readArticle(dir, big, { maxBytes: MB })).toMatchObject({
      ok: false,
      reason: "file is 2.0 MB, over the 1 MB limit",
    });
    const folder = { file: "articles/folder.txt", id: "folder", size: 0, mtimeMs: 0 };
    expect(await readArticle(dir, folder)).toMatchObject({
      ok: false,
      reason: "cannot read: it is a folder, not a file (EISDIR)",
    });
  });

  it("reads the data folder itself when it has no articles/ folder, and the seeds from data/", async () => {
    const flat = mkdtempSync(join(tmpdir(), "whosaid-flat-"));
    try {
      writeFileSync(join(flat, "one.txt"), "One\n\nA sentence, he said.\n");
      const { articles } = await readFolder(flat);
      expect(articles.map((a) => [a.id, a.file])).toEqual([["one", "one.txt"]]);
    } finally {
      rmSync(flat, { recursive: true, force: true });
    }
    const data = await readFolder(seeds);
    expect(data.articles.map((a) => a.id)).toEqual([
      "000_0d28011d82771a06",
      "004_455c79d58281e11a",
    ]);
    expect(data.skipped).toEqual([]);
    await expect(scanArticleFiles(join(dir, "missing"))).rejects.toThrow(/data folder not found/);
  });
});

describe("article ids across files", () => {
  it("gives an id another file's article holds a number, and says so", async () => {
    const folder = mkdtempSync(join(tmpdir(), "whosaid-ids-"));
    try {
      writeFileSync(join(folder, "b.txt"), "Talks\n\nThe talks went on into the night, he said.\n");
      const item = { id: "b", title: "A", body: "Another sentence, she said." };
      writeFileSync(join(folder, "a.json"), JSON.stringify([item]));
      const read = await readFolder(folder);
      expect(read.articles.map((a) => [a.file, a.id])).toEqual([
        ["a.json", "b"],
        ["b.txt", "b-2"],
      ]);
      expect(read.warnings).toEqual([
        { file: "b.txt", message: 'id "b" is taken by another article; using "b-2"' },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
