/**
 * Stable article ids from file paths, so a citation `id ¶N` always points at the same text.
 *
 * The id is the path relative to the data folder without its extension, lowercased, with every
 * run of characters outside [a-z0-9_-] (but "/" between folders) turned into one "-", at most 64
 * characters (longer ones are cut to 56 and end in "-" and a 7-character hash of the whole path).
 *
 * Files that map to the same id (`a.txt` and `a.md`, or `A.txt` and `a.txt`) are told apart by
 * `assignArticleIds`: the file with the preferred extension (.txt, .text, .md, .markdown, .html,
 * .htm, .json), then the first path in code-point order, keeps the plain id; each other gets its
 * extension appended (`a-md`), or a hash of its path when that id is taken as well. The rule
 * depends only on the set of files, never on the order they were found in.
 */

export const MAX_ID_LENGTH = 64;
const EXTENSION_RANK = ["txt", "text", "md", "markdown", "html", "htm", "json"];

/** The id of one file on its own: `000_0d28011d82771a06.txt` -> `000_0d28011d82771a06`. */
export function articleId(file: string): string {
  const path = normalisePath(file);
  const { stem } = splitExtension(path);
  return fitLength(slug(stem), path);
}

/** Ids for a whole set of files, unique among them; see the module comment for the rule. */
export function assignArticleIds(files: readonly string[]): Map<string, string> {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = articleId(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  const ids = new Map<string, string>();
  const used = new Set(byId.keys());
  const losers: [string, string][] = [];
  for (const [id, group] of byId) {
    const [first, ...rest] = [...group].sort(preference);
    if (first !== undefined) ids.set(first, id);
    for (const file of rest) losers.push([file, id]);
  }
  losers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [file, id] of losers) {
    const path = normalisePath(file);
    const withExtension = fitLength(`${id}-${slug(splitExtension(path).extension)}`, path);
    const unique = used.has(withExtension)
      ? fitLength(`${id}-${hash(path)}`, `${path}#`)
      : withExtension;
    used.add(unique);
    ids.set(file, unique);
  }
  return ids;
}

/** The file's lowercase extension without the dot, or "" when it has none. */
export function extensionOf(file: string): string {
  return splitExtension(normalisePath(file)).extension.toLowerCase();
}

function preference(a: string, b: string): number {
  const rank = (f: string) => {
    const r = EXTENSION_RANK.indexOf(extensionOf(f));
    return r < 0 ? EXTENSION_RANK.length : r;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function normalisePath(file: string): string {
  return file.replace(/\\/g, "/").replace(/^\.?\/+/, "");
}

function splitExtension(path: string): { stem: string; extension: string } {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  if (dot <= slash + 1) return { stem: path, extension: "" };
  return { stem: path.slice(0, dot), extension: path.slice(dot + 1) };
}

function slug(text: string): string {
  const parts = text
    .toLowerCase()
    .split("/")
    .map((part) => part.replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean);
  return parts.join("/") || "article";
}

/** Keeps an id within the length limit; a cut id ends in a hash of the full path. */
function fitLength(id: string, path: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  const tag = hash(path);
  return `${id.slice(0, MAX_ID_LENGTH - tag.length - 1).replace(/[-/]+$/, "")}-${tag}`;
}

/** FNV-1a, 32 bits, as 7 base-36 digits: short, stable, and enough to tell paths apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}
