import { crc32 } from "node:zlib";
import type { Article, Extraction } from "../types.ts";
import type { AnalyzedArticle } from "./analyzed.ts";
import type { BodyLocation } from "./catalog.ts";

/**
 * Articles with their extractions as saved: one JSON line each, so a batch of articles is one
 * piece of bounded size rather than a part of the whole corpus. A span's text is left out where it
 * is the article text between its offsets (paragraphs, captions, quotes, evidence): it is cut
 * from the article text again on reading, which halves the bytes and, as JavaScript shares the
 * characters of a slice, the memory too.
 */
export function encodeDocs(analyzed: readonly AnalyzedArticle[]): Buffer {
  return encodeDocsAt(analyzed).bytes;
}

/** The docs piece, with where each article's line stands in it, so one can be read alone. */
export function encodeDocsAt(analyzed: readonly AnalyzedArticle[]): {
  bytes: Buffer;
  lines: ({ id: string } & Omit<BodyLocation, "piece">)[];
} {
  const lines: ({ id: string } & Omit<BodyLocation, "piece">)[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const a of analyzed) {
    if (chunks.length > 0) {
      chunks.push(NEWLINE);
      offset += 1;
    }
    const line = Buffer.from(JSON.stringify(strip(a)));
    chunks.push(line);
    lines.push({ id: a.article.id, offset, length: line.length, crc: crc32(line) });
    offset += line.length;
  }
  return { bytes: Buffer.concat(chunks, offset), lines };
}

const NEWLINE = Buffer.from("\n");

export function decodeDocs(bytes: Uint8Array): AnalyzedArticle[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text === "") return [];
  return text.split("\n").map(decodeDoc);
}

/** One article's line of a docs piece. */
export function decodeDoc(line: string): AnalyzedArticle {
  return restore(JSON.parse(line) as AnalyzedArticle);
}

function strip({ article, extraction }: AnalyzedArticle): AnalyzedArticle {
  const own = (value: unknown) => withoutText(value, article.text);
  return {
    article: {
      ...article,
      paragraphs: article.paragraphs.map(own) as Article["paragraphs"],
      captions: article.captions.map(own) as Article["captions"],
    },
    extraction: {
      entities: extraction.entities,
      attributions: extraction.attributions.map((a) => ({
        ...a,
        mention: a.mention && own(a.mention),
        cue: a.cue && own(a.cue),
        content: a.content.map(own),
        evidence: own(a.evidence),
      })) as Extraction["attributions"],
    },
  };
}

function restore({ article, extraction }: AnalyzedArticle): AnalyzedArticle {
  const own = <T>(value: T) => withText(value, article.text);
  article.paragraphs = article.paragraphs.map(own);
  article.captions = article.captions.map(own);
  for (const a of extraction.attributions) {
    a.mention = a.mention && own(a.mention);
    a.cue = a.cue && own(a.cue);
    a.content = a.content.map(own);
    a.evidence = own(a.evidence);
  }
  return { article, extraction };
}

interface MaybeSpan {
  start: number;
  end: number;
  text?: string;
}

function withoutText<T>(value: T, text: string): T {
  const span = value as MaybeSpan;
  if (span.text === undefined || text.slice(span.start, span.end) !== span.text) return value;
  const { text: _, ...rest } = span;
  return rest as T;
}

/**
 * Puts the text back on the span itself. A copy made here would go straight to V8's old space
 * (the site is pretenured, as a load keeps what it decodes), so every article read while serving
 * would stay until a full collection: 1.4 MB a query, and 0.6 GB of RSS at the peak.
 */
function withText<T>(value: T, text: string): T {
  const span = value as MaybeSpan;
  span.text ??= text.slice(span.start, span.end);
  return value;
}
