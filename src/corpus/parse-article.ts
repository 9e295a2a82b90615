import type { Article, ArticleFormat } from "../types.ts";
import { articleId, extensionOf } from "./article-id.ts";
import { decodeBytes, withoutBom } from "./decode.ts";
import { applyMeta } from "./meta.ts";
import { findMojibake } from "./mojibake.ts";
import { type ArticleContent, type ArticleMeta, type ParseOutcome, rejected } from "./outcome.ts";
import { parseHtml } from "./parse-html.ts";
import { parseJson } from "./parse-json.ts";
import { parseMarkdown } from "./parse-markdown.ts";
import { parseText } from "./parse-text.ts";

const FORMATS: Record<string, ArticleFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  json: "json",
};

/** The format a file is read as, from its extension; null for files that are not articles. */
export function articleFormat(file: string): ArticleFormat | null {
  return FORMATS[extensionOf(file)] ?? null;
}

export interface ParseOptions {
  /** The article id; by default `articleId(file)`. A JSON array numbers its items from it. */
  id?: string;
  /** Where the metadata came from, for warnings; by default "meta.json". */
  metaName?: string;
}

/**
 * Parses one article file. Pure: `file` is the path relative to the data folder, `bytes` its
 * content, `meta` the fields of its sidecar, laid over what the file gives. A JSON array gives
 * several articles, the others one; a file with nothing to cite is rejected with the reason.
 */
export function parseArticleFile(
  file: string,
  bytes: Uint8Array,
  meta?: ArticleMeta,
  options: ParseOptions = {},
): ParseOutcome {
  const format = articleFormat(file);
  const ext = extensionOf(file);
  if (!format) return rejected(ext ? `unsupported file type .${ext}` : "no file extension");
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return rejected(decoded.reason);
  const warnings = decoded.warning ? [decoded.warning] : [];
  const id = options.id ?? articleId(file);
  const source = readableSource(format, decoded.text, warnings);

  let contents: { content: ArticleContent; key: string | null; position: number }[];
  let array = false;
  if (format === "json") {
    const json = parseJson(source);
    for (const warning of json.warnings) warnings.push(warning);
    if (!json.ok) return rejected(json.reason, warnings);
    contents = json.articles;
    array = json.array;
  } else {
    const parsed =
      format === "text"
        ? { content: parseText(source), warnings: [] }
        : format === "markdown"
          ? parseMarkdown(source)
          : parseHtml(source, meta?.outlet);
    warnings.push(...parsed.warnings);
    contents = [{ content: parsed.content, key: null, position: 1 }];
  }

  const articles: Article[] = [];
  const taken = new Set<string>();
  for (const { content, key, position } of contents) {
    if (meta) warnings.push(...applyMeta(content, meta, options.metaName ?? "meta.json"));
    if (content.paragraphs.length === 0) continue;
    // Array items are numbered by their place in the file, so a later bad item moves no id.
    const itemId = !array ? id : key && !taken.has(key) ? key : `${id}-${position}`;
    taken.add(itemId);
    articles.push({ id: itemId, file: file.replace(/\\/g, "/"), format, ...content });
  }
  if (articles.length === 0) return rejected("no body paragraphs", warnings);
  return { ok: true, articles, warnings };
}

/**
 * The text a parser reads. Plain text is the file's text exactly as decoded: spans point into it,
 * so mojibake is only reported there. Other formats build their own article text, so the BOM goes
 * and mojibake is repaired.
 */
function readableSource(format: ArticleFormat, text: string, warnings: string[]): string {
  const mojibake = findMojibake(format === "text" ? text : withoutBom(text));
  if (mojibake.count === 0) return format === "text" ? text : withoutBom(text);
  const { read, repaired } = mojibake.example ?? { read: "", repaired: "" };
  const sequences = `${mojibake.count} sequence${mojibake.count === 1 ? "" : "s"}`;
  if (format === "text") {
    warnings.push(
      `text looks double-encoded (mojibake: ${sequences} such as "${read}" for "${repaired}"); left as read, so offsets hold`,
    );
    return text;
  }
  warnings.push(
    `text was double-encoded (mojibake); repaired ${sequences} such as "${read}" to "${repaired}"`,
  );
  return mojibake.repaired;
}
