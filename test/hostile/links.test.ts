import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readArticle, scanArticleFiles } from "../../src/corpus/load-corpus.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";

const TOKEN = "DISCORD_TOKEN=zq8secretvalue";
const article = (word: string) =>
  `Talks\n\n"We will sign the ${word} accord," Foreign Minister Anna Berg told reporters.\n`;

const dirs: string[] = [];
const handles: LibraryHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A bot's folder: its .env beside the data folder, a folder outside with an article and a
 * secret, and in the data folder links out to each, a link to a hidden file inside, a good link,
 * and dotfiles.
 */
function botFolder() {
  const root = mkdtempSync(join(tmpdir(), "whosaid-links-"));
  dirs.push(root);
  const data = join(root, "data");
  const articles = join(data, "articles");
  const outside = join(root, "etc");
  mkdirSync(articles, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, ".env"), `${TOKEN}\n`);
  writeFileSync(join(outside, "passwd.txt"), article("zqpasswd"));
  writeFileSync(join(articles, "good.txt"), article("grain"));
  writeFileSync(join(data, ".env"), `${TOKEN}\n`);
  writeFileSync(join(articles, "..dotdot.txt"), article("zqdotdot"));
  symlinkSync("../../.env", join(articles, "leak.md"));
  symlinkSync(outside, join(articles, "etc"));
  symlinkSync("../.env", join(articles, "inner-leak.txt"));
  symlinkSync("good.txt", join(articles, "alias.txt"));
  return { root, data, articles, outside };
}

describe("links and dotfiles in the data folder", () => {
  it("skips links out of the data folder and to hidden files, each with a message", async () => {
    const { data } = botFolder();
    const scan = await scanArticleFiles(data);
    expect(scan.files.map((f) => f.file)).toEqual(["articles/alias.txt", "articles/good.txt"]);
    expect(scan.skipped).toEqual([
      {
        file: "articles/..dotdot.txt",
        reason: "hidden file (its name starts with a dot); not read",
      },
      { file: "articles/etc", reason: "symbolic link to outside the data folder; not followed" },
      { file: "articles/inner-leak.txt", reason: "symbolic link to a hidden file; not followed" },
      {
        file: "articles/leak.md",
        reason: "symbolic link to outside the data folder; not followed",
      },
    ]);
  });

  it("serves nothing from outside: the token is not found, the link is no article", async () => {
    const { data } = botFolder();
    const logs: string[] = [];
    const handle = await openLibrary({ dataDir: data, log: (l) => logs.push(l) });
    handles.push(handle);
    expect(handle.library.searchPassages("DISCORD_TOKEN")).toEqual([]);
    expect(handle.library.searchPassages("zqpasswd")).toEqual([]);
    expect(handle.library.article("leak")).toBeUndefined();
    expect(handle.library.searchPassages("grain").length).toBeGreaterThan(0);
    expect(logs.filter((l) => l.includes("leak.md"))).toEqual([
      `skipped ${join(data, "articles", "leak.md")}: symbolic link to outside the data folder; not followed`,
    ]);
  });

  it("will not read a file that became a link out after the scan", async () => {
    const { data, articles } = botFolder();
    const scan = await scanArticleFiles(data);
    const good = scan.files.find((f) => f.file === "articles/good.txt");
    if (!good) throw new Error("no good.txt");
    unlinkSync(join(articles, "good.txt"));
    symlinkSync("../../.env", join(articles, "good.txt"));
    const outcome = await readArticle(data, good, { confined: true });
    expect(outcome).toMatchObject({
      ok: false,
      reason: "symbolic link to outside the data folder; not followed",
    });
  });
});
