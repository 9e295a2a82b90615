import type { Paragraph, TextSpan } from "../types.ts";
import { findDateline } from "./dateline.ts";
import { type ArticleContent, emptyContent } from "./outcome.ts";

/** A piece of article text pulled out of Markdown, HTML or JSON, in reading order. */
export interface Piece {
  kind: "paragraph" | "caption";
  text: string;
}

/**
 * Builds the article of a non-plain format from its pieces: the text is the pieces joined by a
 * blank line, and every paragraph and caption is a span of it. A dateline opening the first
 * paragraph is read and left out of the paragraph, as for plain text.
 */
export function buildContent(pieces: Piece[]): ArticleContent {
  const parts: string[] = [];
  const paragraphs: Paragraph[] = [];
  const captions: TextSpan[] = [];
  let length = 0;
  let dateline: ReturnType<typeof findDateline> = null;
  for (const piece of pieces) {
    let text = piece.text.trim();
    if (piece.kind === "paragraph" && paragraphs.length === 0) {
      dateline = findDateline(text);
      if (dateline) text = text.slice(dateline.length).trim();
    }
    if (!text) continue;
    if (length > 0) {
      parts.push("\n\n");
      length += 2;
    }
    const span = { start: length, end: length + text.length, text };
    parts.push(text);
    length = span.end;
    if (piece.kind === "paragraph") paragraphs.push({ n: paragraphs.length + 1, ...span });
    else captions.push(span);
  }
  const content = emptyContent(parts.join(""));
  content.paragraphs = paragraphs;
  content.captions = captions;
  if (dateline) {
    content.dateline = dateline.dateline;
    content.outlet = dateline.outlet;
    content.date = dateline.date;
  }
  return content;
}
