import { closeSync, openSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";
import type { AnalyzedArticle } from "./analyzed.ts";
import type { BodyLocation } from "./catalog.ts";
import { decodeDoc, encodeDocsAt } from "./docs-codec.ts";

/** Where a docs piece's bytes are: a file of the saved index, or bytes in memory. */
export type PieceSource = string | Uint8Array;

/** Articles a docs piece holds, so that no piece nears a size limit. */
const DOCS_PER_PIECE = 2000;

/** Docs pieces to save for the articles held only in memory, and what to do once they are. */
export interface BodyPlan {
  parts: Map<string, Buffer>;
  /** Called with where every docs piece now is: the planned articles are read from there. */
  commit(sources: ReadonlyMap<string, PieceSource>): void;
}

/**
 * The text and extraction of every article. A new article is held in memory until it is saved;
 * a saved one is read from its docs piece when asked for, so a library of 100,000 articles keeps
 * only the few it is showing decoded.
 */
export class Bodies {
  private readonly memory = new Map<string, AnalyzedArticle>();
  private readonly disk = new Map<string, BodyLocation>();
  private readonly sources = new Map<string, PieceSource>();
  private nextPiece = 0;
  /** Told of each saved article whose text cannot be read, so it can be read again from source. */
  onDamaged: ((id: string) => void) | null = null;
  /** Articles told of and not replaced since: each is told once. */
  private readonly damaged = new Set<string>();

  constructor(private readonly report: (message: string) => void) {}

  /**
   * The article, read afresh from its piece each time it is saved there (~0.1 ms). Decoded
   * articles are not kept: kept even for the next few reads, each outlives two young-generation
   * collections, so V8 moves it to the old space, where it stays until a full collection. At
   * 100,000 articles that was 1 MB a query and 0.8 GB of RSS at the peak of a run of queries.
   */
  get(id: string): AnalyzedArticle | undefined {
    const held = this.memory.get(id);
    if (held) return held;
    const at = this.disk.get(id);
    return at && this.read(id, at);
  }

  /** A new or changed article, held in memory until saved. */
  put(analyzed: AnalyzedArticle): void {
    const id = analyzed.article.id;
    this.forget(id);
    this.memory.set(id, analyzed);
  }

  /** An article saved at `at`, in a piece whose bytes `source` gives. */
  place(id: string, at: BodyLocation, source: PieceSource): void {
    this.forget(id);
    this.disk.set(id, at);
    this.sources.set(at.piece, source);
    this.notePiece(at.piece);
  }

  forget(id: string): void {
    this.memory.delete(id);
    this.disk.delete(id);
    this.damaged.delete(id);
  }

  location(id: string): BodyLocation | undefined {
    return this.disk.get(id);
  }

  /** How many articles are held only in memory. */
  get unsaved(): number {
    return this.memory.size;
  }

  /** Names of the docs pieces that hold at least one current article. */
  pieces(): Set<string> {
    const used = new Set<string>();
    for (const at of this.disk.values()) used.add(at.piece);
    return used;
  }

  /** Packs the articles held in memory into new docs pieces; nothing changes until `commit`. */
  plan(): BodyPlan & { locations: Map<string, BodyLocation> } {
    const waiting = [...this.memory.values()];
    const planned = new Set(waiting);
    const parts = new Map<string, Buffer>();
    const locations = new Map<string, BodyLocation>();
    for (let i = 0, n = this.nextPiece; i < waiting.length; i += DOCS_PER_PIECE, n++) {
      const piece = `docs.${n}`;
      const { bytes, lines } = encodeDocsAt(waiting.slice(i, i + DOCS_PER_PIECE));
      parts.set(piece, bytes);
      for (const { id, ...at } of lines) locations.set(id, { piece, ...at });
    }
    return {
      parts,
      locations,
      commit: (sources) => {
        for (const [piece, source] of sources) this.sources.set(piece, source);
        for (const [id, at] of locations) {
          const analyzed = this.memory.get(id);
          // Only articles not replaced since the plan was made move to disk.
          if (analyzed && planned.has(analyzed)) this.place(id, at, sources.get(at.piece) ?? "");
        }
      },
    };
  }

  private notePiece(piece: string): void {
    const n = Number(piece.slice(piece.lastIndexOf(".") + 1));
    if (Number.isInteger(n) && n >= this.nextPiece) this.nextPiece = n + 1;
  }

  private read(id: string, at: BodyLocation): AnalyzedArticle | undefined {
    const source = this.sources.get(at.piece);
    try {
      if (source === undefined) throw new Error(`no ${at.piece} piece`);
      const line =
        typeof source === "string"
          ? readBytes(source, at.offset, at.length)
          : Buffer.from(source.buffer, source.byteOffset + at.offset, at.length);
      if (crc32(line) !== at.crc) throw new Error(`its text in ${at.piece} is damaged`);
      const analyzed = decodeDoc(line.toString("utf8"));
      if (analyzed.article.id !== id) throw new Error("it holds another article there");
      return analyzed;
    } catch (error) {
      if (!this.damaged.has(id)) {
        this.damaged.add(id);
        const why = error instanceof Error ? error.message : String(error);
        const healing = this.onDamaged
          ? "reading it again from its source file"
          : "run `npm run index` to rebuild it";
        this.report(`cannot read article ${id} from the saved index (${why}); ${healing}`);
        this.onDamaged?.(id);
      }
      return undefined;
    }
  }
}

function readBytes(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const out = Buffer.alloc(length);
    const n = readSync(fd, out, 0, length, offset);
    if (n !== length) throw new Error(`${path} is truncated`);
    return out;
  } finally {
    closeSync(fd);
  }
}
