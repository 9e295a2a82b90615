import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const article = (title: string) => `${title}\n\n"It went well," a minister said on Friday.\n`;

/**
 * A data folder with every kind of entry a scan meets: nested folders, ids that collide, sidecars
 * (one without its article, one that is a folder), unsupported files, dotfiles, a folder named
 * like an article, links (to a file, to nowhere, to a device, back up the tree) and a file and a
 * folder nobody may read. `remove` puts the permissions back and deletes it.
 */
export function scanFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-scan-"));
  const at = (path: string) => join(dir, "articles", path);
  const put = (path: string, text: string) => {
    mkdirSync(dirname(at(path)), { recursive: true });
    writeFileSync(at(path), text);
  };
  put("a.txt", article("A as text"));
  put("a.md", article("A as Markdown"));
  put("B.TXT", article("B in capitals"));
  put("README", "Not an article\n");
  put("notes.pdf", "%PDF-1.4\n");
  put(".hidden.txt", article("Hidden"));
  put(".git/HEAD", "ref: refs/heads/main\n");
  put("with-meta.txt", article("With a sidecar"));
  put("with-meta.meta.json", '{"outlet":"Test Times"}');
  put("orphan.meta.json", '{"outlet":"Nobody"}');
  put("folder.txt/inner.txt", article("Inside a folder named like an article"));
  put("nested/deep/c.html", `<html><body><p>${article("C")}</p></body></html>`);
  put("nested/deep/c.meta.json", '{"title":"C"}');
  put("nested/deep/d.json", JSON.stringify({ title: "D", body: article("D") }));
  put("y.txt", article("Y"));
  put("y.meta.json/z.txt", article("Z inside a folder named like a sidecar"));
  put("unreadable.txt", article("Locked"));
  put("locked/inner.txt", article("In a locked folder"));
  symlinkSync(at("a.txt"), at("link.txt"));
  symlinkSync(at("missing.txt"), at("broken.txt"));
  symlinkSync("/dev/null", at("dev.txt"));
  symlinkSync(join(dir, "articles"), at("loop"));
  chmodSync(at("unreadable.txt"), 0o000);
  chmodSync(at("locked"), 0o000);
  const remove = () => {
    chmodSync(at("locked"), 0o755);
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, remove };
}
