import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { Article, ArticleSummary, Attribution, Entity } from "../types.ts";
import type { AnalyzedArticle, Assigned } from "./analyzed.ts";

/** Where an article's text and extraction are saved: a docs piece and the bytes of its line. */
export interface BodyLocation {
  piece: string;
  offset: number;
  length: number;
  /** CRC-32 of the line: a start-up does not read a gigabyte of text to check it, each read does. */
  crc: number;
}

/**
 * An article as a large library keeps it in memory: its summary, and of its extraction what
 * answers need before they show any text. The text itself is read when shown (see bodies.ts).
 * Few objects an article: at 100,000 articles every small object costs start-up time in
 * garbage collection.
 */
export interface CatalogEntry {
  summary: ArticleSummary;
  /** Each attribution's paragraph and stance, in extraction order: what lists and filters read. */
  paragraphs: number[];
  stances: Attribution["stance"][];
  /**
   * What only the speaker registry and lookup read (`SpeakerFacts`), as saved JSON text or its
   * bytes in the saved catalog: parsed when the registry runs or the article changes, never at a
   * start-up.
   */
  speakerFacts: string | Uint8Array;
}

/** Of an article, what decides who its speakers are. */
export interface SpeakerFacts {
  /** Each attribution's speaker as the article names them, in extraction order. */
  names: (string | null)[];
  /** How the article refers to them there ("the senior official", "he"). */
  mentions: (string | null)[];
  /** Every person (a lone surname elsewhere may mean them) and whoever is quoted. */
  entities: Entity[];
}

export function articleSummary(article: Article): ArticleSummary {
  const { text: _t, paragraphs, captions: _c, lead: _l, ...rest } = article;
  return { ...rest, paragraphCount: paragraphs.length };
}

export function catalogEntry({ article, extraction }: AnalyzedArticle): CatalogEntry {
  const { attributions, entities } = extraction;
  const quoted = new Set(attributions.map((a) => a.speaker));
  const saved: SavedSpeakerFacts = [
    attributions.map((a) => a.speaker),
    attributions.map((a) => a.mention?.text ?? null),
    entities
      .filter((e) => e.kind === "person" || quoted.has(e.name))
      .map((e) => [e.name, e.kind, e.aliases]),
  ];
  return {
    summary: articleSummary(article),
    paragraphs: attributions.map((a) => a.paragraph),
    stances: attributions.map((a) => a.stance),
    speakerFacts: JSON.stringify(saved),
  };
}

/** How many attributions an entry has. */
export const factCount = (entry: CatalogEntry) => entry.paragraphs.length;

type SavedEntity = [string, Entity["kind"], string[]];
type SavedSpeakerFacts = [SpeakerFacts["names"], SpeakerFacts["mentions"], SavedEntity[]];

/** An entry's `speakerFacts`, parsed. */
export function parseSpeakerFacts(saved: string | Uint8Array): SpeakerFacts {
  const [names, mentions, entities] = JSON.parse(text(saved)) as SavedSpeakerFacts;
  return {
    names,
    mentions,
    entities: entities.map(([name, kind, aliases]) => ({ name, kind, aliases })),
  };
}

/** An entry as the speaker registry reads it (built for the registry's pass, then dropped). */
export function evidenceOf(entry: Pick<CatalogEntry, "speakerFacts">): SpeakerEvidence {
  const { names, mentions, entities } = parseSpeakerFacts(entry.speakerFacts);
  return {
    entities,
    attributions: names.map((speaker, i) => {
      const text = mentions[i] ?? null;
      return { speaker, mention: text === null ? null : { text } };
    }),
  };
}

/** One article as the saved catalog holds it: its entry, its text's place, its speakers. */
export type CatalogLine = [CatalogEntry, BodyLocation, Assigned];

/** Stances saved as numbers: a string each would be an object each. */
const STANCES: readonly Attribution["stance"][] = [null, "allegation", "denial"];
const stanceCode = (stance: Attribution["stance"]) => Math.max(0, STANCES.indexOf(stance));

type SavedLine = [ArticleSummary, number[], number[], BodyLocation | undefined, Assigned];

const TAB = 9;
const NEWLINE = 10;

/**
 * The catalog as saved: one line an article, its entry as JSON, a tab, then its speaker facts as
 * JSON (no raw tab or newline in either), so a start-up parses the first and leaves the second
 * as bytes.
 */
export function encodeCatalog(
  entries: Iterable<CatalogEntry>,
  locate: (id: string) => BodyLocation | undefined,
  assigned: (id: string) => Assigned | undefined,
): Buffer {
  const lines: string[] = [];
  for (const { summary, paragraphs, stances, speakerFacts } of entries) {
    const line: SavedLine = [
      summary,
      paragraphs,
      stances.map(stanceCode),
      locate(summary.id),
      assigned(summary.id) ?? [],
    ];
    lines.push(`${JSON.stringify(line)}\t${text(speakerFacts)}`);
  }
  return Buffer.from(lines.join("\n"));
}

/** Decodes a catalog piece; its entries' speaker facts are views of `bytes`, which they keep. */
export function decodeCatalog(bytes: Uint8Array): CatalogLine[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoded: CatalogLine[] = [];
  for (let start = 0; start < buffer.length; ) {
    const newline = buffer.indexOf(NEWLINE, start);
    const end = newline < 0 ? buffer.length : newline;
    const tab = buffer.indexOf(TAB, start);
    if (tab < 0 || tab > end) throw new Error("the saved catalog is malformed");
    const [summary, paragraphs, stances, at, assigned] = JSON.parse(
      buffer.toString("utf8", start, tab),
    ) as Partial<SavedLine>;
    const count = paragraphs?.length;
    if (
      !summary?.id ||
      !at ||
      !Array.isArray(paragraphs) ||
      !Array.isArray(stances) ||
      !Array.isArray(assigned) ||
      stances.length !== count ||
      assigned.length !== count
    ) {
      throw new Error("the saved catalog is malformed");
    }
    const entry: CatalogEntry = {
      summary,
      paragraphs,
      stances: stances.map((code) => STANCES[code] ?? null),
      speakerFacts: buffer.subarray(tab + 1, end),
    };
    decoded.push([entry, at, assigned]);
    start = end + 1;
  }
  return decoded;
}

function text(saved: string | Uint8Array): string {
  return typeof saved === "string"
    ? saved
    : Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength).toString("utf8");
}
