import { parse as parseYaml } from "yaml";
import { splitBlocks } from "./blocks.ts";
import { buildContent, type Piece } from "./extracted.ts";
import { applyMeta, readMeta } from "./meta.ts";
import type { ArticleContent } from "./outcome.ts";

const OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const FIELD_LINE = /^[\w-]+\s*:/;

/**
 * Parses Markdown with optional YAML front matter (title, outlet, date, url, author). The body's
 * paragraphs, stripped of Markdown, make the article text. Broken front matter is reported and
 * left out; the article still loads from its body.
 */
export function parseMarkdown(source: string): { content: ArticleContent; warnings: string[] } {
  const { fields, body, warnings } = splitFrontMatter(source);
  const { pieces, heading } = readBody(body);
  const content = buildContent(pieces);
  content.title = heading;
  const meta = readMeta(fields, "front matter");
  warnings.push(...meta.warnings, ...applyMeta(content, meta.meta, "front matter"));
  return { content, warnings };
}

function splitFrontMatter(source: string): { fields: unknown; body: string; warnings: string[] } {
  const open = OPENING.exec(source);
  if (!open) return { fields: null, body: source, warnings: [] };
  const rest = source.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close) {
    // Without a closing line, the field-like lines up to the first blank line were meant as
    // front matter; the rest is the body.
    const lines = rest.split(/\r\n|\r|\n/);
    let i = 0;
    while (i < lines.length && FIELD_LINE.test(lines[i] as string)) i++;
    return {
      fields: null,
      body: lines.slice(i).join("\n"),
      warnings: ["front matter has no closing --- line; read the body without it"],
    };
  }
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  try {
    return { fields: parseYaml(yaml), body, warnings: [] };
  } catch (error) {
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return {
      fields: null,
      body,
      warnings: [`front matter is not valid YAML (${why}); read the body without it`],
    };
  }
}

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const SETEXT = /^(.+)(?:\r\n|\r|\n)(?:=+|-+)\s*$/;
const RULE = /^(?:[-*_]\s*){3,}$/;
const FENCE = /^(?:```|~~~)/;
const IMAGE_ONLY = /^!\[([^\]]*)\]\([^)]*\)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const REFERENCE = /^\s*\[[^\]]+\]:\s*\S+/;
const HTML_ONLY = /^<[^>]+>$/;

function readBody(body: string): { pieces: Piece[]; heading: string | null } {
  const pieces: Piece[] = [];
  let heading: string | null = null;
  for (const block of splitBlocks(body)) {
    const lines = block.text.split(/\r\n|\r|\n/).filter((l) => !FENCE.test(l.trim()));
    const first = lines[0]?.trim() ?? "";
    const title =
      HEADING.exec(first)?.[1] ?? (lines.length === 2 ? SETEXT.exec(block.text)?.[1] : undefined);
    if (title !== undefined) {
      // The first heading before any text is the title; later headings are section heads.
      if (heading === null && pieces.length === 0) heading = inline(title);
      continue;
    }
    if (lines.every((l) => RULE.test(l.trim()) || REFERENCE.test(l) || HTML_ONLY.test(l.trim()))) {
      continue;
    }
    const image = IMAGE_ONLY.exec(first);
    if (image && lines.length === 1) {
      if (image[1]?.trim()) pieces.push({ kind: "caption", text: inline(image[1]) });
      continue;
    }
    const unquoted = lines.map((l) => l.replace(/^\s*>\s?/, ""));
    const text = unquoted.some((l) => LIST_ITEM.test(l))
      ? unquoted
          .map((l) => inline(l.replace(LIST_ITEM, "")))
          .filter(Boolean)
          .join("\n")
      : inline(unquoted.map((l) => l.trim()).join(" "));
    if (text) pieces.push({ kind: "paragraph", text });
  }
  return { pieces, heading };
}

/**
 * Reduces inline Markdown to its text: links and images to their words, emphasis dropped.
 *
 * Linear in the text: a pattern tried at each opening mark reads on only to the next mark that
 * could open another match (a bracket for links, `<` for tags, the same delimiter for strong
 * and struck text), so no character is read from two starts. A hostile run of `[` with no `]`
 * had each `[` read the 500 characters after it, 2 s for 1 MB. The text of a link or emphasis
 * therefore holds no bracket or delimiter of its kind ("[a [b](c)" gives "[a b", as CommonMark
 * reads it; "**a **b**" gives "**a b"); a URL may hold parentheses, not brackets.
 */
function inline(text: string): string {
  return text
    .replace(/!\[([^[\]]{0,500})\]\([^)[]{0,2000}\)/g, "$1")
    .replace(/\[([^[\]]{1,500})\]\([^)[]{0,2000}\)/g, "$1")
    .replace(/\[([^[\]]{1,500})\]\[[^[\]]{0,100}\]/g, "$1")
    .replace(/<(https?:[^<>\s]{1,2000})>/g, "$1")
    .replace(/<\/?[a-z][^<>]{0,500}>/gi, "")
    .replace(/`([^`]{1,500})`/g, "$1")
    .replace(/(\*\*|__)(?=\S)((?:(?!\1).){1,500}?)(?<=\S)\1/g, "$2")
    .replace(/~~(?=\S)((?:(?!~~).){1,500}?)(?<=\S)~~/g, "$1")
    .replace(/(?<![\w*])\*(?=\S)([^*]{1,500}?)(?<=\S)\*(?![\w*])/g, "$1")
    .replace(/(?<![\w_])_(?=\S)([^_]{1,500}?)(?<=\S)_(?![\w_])/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>~])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
