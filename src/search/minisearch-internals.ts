import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import MiniSearch, { type Options } from "minisearch";
import type SearchableMap from "minisearch/SearchableMap";

/**
 * The one module that reads and sets MiniSearch's private fields. whosaid scores queries over
 * MiniSearch's own term index, saves it as binary pieces, adds documents in batches and keeps
 * its per-document Maps in a DocumentTable (see docs/DESIGN.md for why). MiniSearch offers no
 * public API for any of that, so every other module goes through `IndexInternals`, which names
 * what it needs under names of ours, and checks once per process that the installed MiniSearch
 * still has that shape.
 *
 * `package.json` pins MiniSearch to the release below, and the engine version includes the
 * installed release, so a saved index is rebuilt rather than loaded into another MiniSearch.
 */
export const SUPPORTED_MINISEARCH = "7.2.0";

/** A postings list (short id -> term frequency): a Map while built, PackedPostings once packed. */
export interface Postings {
  readonly size: number;
  forEach(fn: (tf: number, id: number) => void): void;
}

/** One term's postings in each field it occurs in (field id -> postings). */
export type FieldPostings = Map<number, Postings>;

/** The per-document Maps MiniSearch keeps, or a DocumentTable's views standing in for them. */
export interface DocumentMaps {
  ids: Map<number, string>;
  shortIds: Map<string, number>;
  lengths: Map<number, number[]>;
}

/** What a saved index keeps of an index besides its documents and postings. */
export interface IndexCounts {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
}

/** MiniSearch 7.2's private fields and methods, as its source declares them. */
interface Private {
  _options: Required<Options<unknown>>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: SearchableMap<FieldPostings>;
  addDocumentId(id: unknown): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
  saveStoredFields(shortId: number, document: unknown): void;
}

const known = new WeakMap<object, IndexInternals>();
let checked = false;

/** An index's private state, under the names whosaid uses. One per MiniSearch instance. */
export class IndexInternals {
  private constructor(private readonly ms: Private) {}

  static of<T>(index: MiniSearch<T>): IndexInternals {
    let own = known.get(index);
    if (!own) {
      if (!checked) {
        assertMiniSearchShape();
        checked = true;
      }
      own = new IndexInternals(index as unknown as Private);
      known.set(index, own);
    }
    return own;
  }

  /** The term index: term -> field id -> postings. */
  get terms(): SearchableMap<FieldPostings> {
    return this.ms._index;
  }

  set terms(map: SearchableMap<FieldPostings>) {
    this.ms._index = map;
  }

  get options(): Required<Options<unknown>> {
    return this.ms._options;
  }

  fieldId(field: string): number | undefined {
    return this.ms._fieldIds[field];
  }

  get fieldCount(): number {
    return Object.keys(this.ms._fieldIds).length;
  }

  /** Documents in the index (BM25's N). */
  get documentCount(): number {
    return this.ms._documentCount;
  }

  /** Short ids handed out so far: every short id is below it. */
  get nextId(): number {
    return this.ms._nextId;
  }

  averageFieldLength(fieldId: number): number {
    return this.ms._avgFieldLength[fieldId] as number;
  }

  /** A document's id by its short id; undefined once discarded. */
  idOf(shortId: number): string | undefined {
    return this.ms._documentIds.get(shortId);
  }

  hasId(id: unknown): boolean {
    return this.ms._idToShortId.has(id as string);
  }

  get hasStoredFields(): boolean {
    return this.ms._storedFields.size > 0;
  }

  /** Registers a document as MiniSearch's `add` does before indexing its terms. */
  addDocument(id: unknown, document: unknown): number {
    const shortId = this.ms.addDocumentId(id);
    this.ms.saveStoredFields(shortId, document);
    return shortId;
  }

  /** Records a field's length for a document, keeping the average as MiniSearch does. */
  addFieldLength(shortId: number, fieldId: number, length: number): void {
    this.ms.addFieldLength(shortId, fieldId, this.ms._documentCount - 1, length);
  }

  /** The per-document Maps, or the DocumentTable views installed in their place. */
  get documents(): DocumentMaps {
    const { _documentIds: ids, _idToShortId: shortIds, _fieldLength: lengths } = this.ms;
    return { ids, shortIds, lengths };
  }

  set documents(maps: DocumentMaps) {
    this.ms._documentIds = maps.ids;
    this.ms._idToShortId = maps.shortIds;
    this.ms._fieldLength = maps.lengths;
  }

  get counts(): IndexCounts {
    const ms = this.ms;
    return {
      documentCount: ms._documentCount,
      nextId: ms._nextId,
      fieldIds: ms._fieldIds,
      averageFieldLength: ms._avgFieldLength,
      dirtCount: ms._dirtCount,
    };
  }

  set counts(counts: IndexCounts) {
    const ms = this.ms;
    ms._documentCount = counts.documentCount;
    ms._nextId = counts.nextId;
    ms._fieldIds = counts.fieldIds;
    ms._avgFieldLength = counts.averageFieldLength;
    ms._dirtCount = counts.dirtCount;
  }
}

/** The MiniSearch release installed, from its package.json (its exports do not list it). */
export function installedMiniSearch(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve("minisearch"));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "minisearch") return pkg.version ?? "unknown";
    } catch {
      // not this folder: go up
    }
    const up = dirname(dir);
    if (up === dir) return "unknown";
    dir = up;
  }
}

/**
 * Throws, naming the supported release, when a MiniSearch instance lacks a private field or
 * method whosaid relies on (checked on a probe index of one document unless one is given).
 */
export function assertMiniSearchShape(probe?: MiniSearch<{ id: string; t: string }>): void {
  const index = probe ?? new MiniSearch<{ id: string; t: string }>({ fields: ["t"] });
  if (!probe) index.add({ id: "a", t: "probe word" });
  const ms = index as unknown as Record<string, unknown>;
  const missing: string[] = [];
  const expect = (name: string, ok: (v: unknown) => boolean) => {
    if (!ok(ms[name])) missing.push(name);
  };
  const isMap = (v: unknown) => v instanceof Map;
  const isNumber = (v: unknown) => typeof v === "number";
  const isFunction = (v: unknown) => typeof v === "function";
  // MiniSearch's bundle carries its own copy of SearchableMap: check the methods, not the class.
  expect("_index", (v) => {
    const map = v as SearchableMap<unknown> | undefined;
    return (
      ["get", "set", "atPrefix", "fuzzyGet"].every(
        (m) => typeof map?.[m as keyof SearchableMap<unknown>] === "function",
      ) && map?.get("probe") instanceof Map
    );
  });
  expect("_documentIds", isMap);
  expect("_idToShortId", isMap);
  expect("_fieldLength", (v) => isMap(v) && Array.isArray((v as Map<number, unknown>).get(0)));
  expect("_storedFields", isMap);
  expect("_fieldIds", (v) => typeof v === "object" && v !== null && "t" in v);
  expect("_avgFieldLength", Array.isArray);
  expect("_documentCount", (v) => v === 1);
  expect("_nextId", (v) => v === 1);
  expect("_dirtCount", isNumber);
  expect("_options", (v) => typeof v === "object" && v !== null && "fields" in v);
  for (const method of ["addDocumentId", "addFieldLength", "saveStoredFields"]) {
    expect(method, isFunction);
  }
  if (missing.length > 0) {
    throw new Error(
      `MiniSearch ${installedMiniSearch()} is installed, but whosaid relies on the private ` +
        `internals of MiniSearch ${SUPPORTED_MINISEARCH} (${missing.join(", ")} differ): ` +
        `run npm ci to install minisearch@${SUPPORTED_MINISEARCH}, or update ` +
        "src/search/minisearch-internals.ts for the new release.",
    );
  }
}
