import type {
  AnalyzedArticle,
  Assigned,
  LibraryChange,
  RegistryBuilder,
} from "../library/analyzed.ts";
import { Bodies, type BodyPlan, type PieceSource } from "../library/bodies.ts";
import { type CatalogEntry, decodeCatalog, encodeCatalog } from "../library/catalog.ts";
import { decodeDocs, encodeDocs } from "../library/docs-codec.ts";
import { LibraryIndex } from "../library/engine.ts";
import { shareFacts } from "../library/settle-speakers.ts";
import { type SavedLists, SpeakerLists } from "../library/speaker-lists.ts";
import { loadAttributionIndex } from "../search/attribution-index.ts";
import { encodeIndexInChunks, type SavedPieces, useSavedTerms } from "../search/packed-index.ts";
import type { ByteSource } from "../search/paged-postings.ts";
import { loadPassageIndex } from "../search/passage-index.ts";
import type { PartData } from "./saved-index.ts";

/**
 * The saved form of a library: named binary parts (saved-index.ts keeps them on disk).
 * `catalog.<n>`, `passages.<n>`, `attributions.<n>` and `derived` are the base, with the
 * indexes' postings in `passages.postings.<n>` and `attributions.postings.<n>` (those of terms
 * piece `<n>`), read a term at a time when a query needs it; `docs.<n>` the articles' text, read
 * one article at a time when shown; and `delta` the articles added, changed and removed since
 * the base, so that saving one change does not rewrite it.
 */
export type LibraryParts = Map<string, Uint8Array>;

export const DELTA_PART = "delta";
/** The corpus order and the speaker lists, as `SavedLists`. */
const DERIVED_PART = "derived";
/** Docs pieces are read an article at a time, never whole; the saved index keeps them as files. */
export const isDocsPart = (name: string) => name.startsWith("docs.");
/** Postings parts are read a term at a time, never whole; the saved index keeps them as files. */
export const isPostingsPart = (name: string) => /^[a-z]+\.postings\.\d+$/.test(name);
/** Catalog pieces are decoded one at a time at a load, each read from disk when reached. */
export const isCatalogPart = (name: string) => name.startsWith("catalog.");
/**
 * Parts a load decodes and lets go (the catalog's pieces, then the derived part), read one after
 * another into one scratch buffer (see `PartReader`) rather than each into memory of its own:
 * on this machine memory new to the process costs ~4 s of CPU a GB to read into and touch.
 */
export const isReadOnce = (name: string) => isCatalogPart(name) || name === DERIVED_PART;
/** Articles a catalog piece holds, so that no piece nears a size limit. */
const CATALOG_PER_PIECE = 10_000;

/** A library's base parts, made one at a time: see `baseParts`. */
export interface BaseParts {
  /**
   * Each part is made when the iteration reaches it; a part in chunks is good only until the
   * next is asked for (see `encodeIndexInChunks`).
   */
  parts: Iterable<[string, PartData]>;
  /** The docs pieces saved before that the base still reads. */
  keep: Set<string>;
  /** Its `commit` is to be called once the parts are written. */
  plan: BodyPlan;
}

/**
 * The whole library as base parts, with no delta: docs pieces for the articles not saved yet,
 * the catalog, the speaker lists and the indexes. Each part is made when the iteration reaches
 * it, so the caller can write it and let it go before the next is made: a full save at 100,000
 * articles holds one part at a time beside the library, not the whole saved index. Speakers
 * left undecided by edits are decided here unless `LibraryIndex.settle` did it before; nothing
 * may change the library until the last part is made.
 */
export function baseParts(library: LibraryIndex): BaseParts {
  const { entries, bodies, lists, passageIndex, attributionIndex } = library.contents;
  lists.settleHere();
  const plan = bodies.plan();
  const keep = bodies.pieces();
  const locate = (id: string) => plan.locations.get(id) ?? bodies.location(id);
  function* parts(): Generator<[string, PartData]> {
    yield* plan.parts;
    plan.parts.clear();
    const book = lists.book;
    const all = [...entries.values()];
    for (let i = 0; i * CATALOG_PER_PIECE < Math.max(all.length, 1); i++) {
      const batch = all.slice(i * CATALOG_PER_PIECE, (i + 1) * CATALOG_PER_PIECE);
      yield [`catalog.${i}`, encodeCatalog(batch, locate, (id) => book.assigned.get(id))];
    }
    yield [DERIVED_PART, savedListsJson(lists.save())];
    // An index is encoded whole, as a search may tidy its postings.
    for (const [name, index] of [
      ["passages", passageIndex],
      ["attributions", attributionIndex],
    ] as const) {
      let i = 0;
      for (const { kind, chunks } of encodeIndexInChunks(index)) {
        // A postings piece goes with the terms piece before it, and is named after it.
        yield [kind === "postings" ? `${name}.postings.${i - 1}` : `${name}.${i++}`, chunks];
      }
    }
  }
  return { parts: parts(), keep, plan };
}

/** Speakers whose quote lists go in one chunk of the derived part. */
const QUOTES_PER_CHUNK = 1000;

/**
 * `JSON.stringify(saved)`, byte for byte, made a chunk at a time as it is written: at 100,000
 * articles the whole text and its bytes were 0.14 GB held at once during a full save.
 */
function* savedListsJson(saved: SavedLists): Generator<Uint8Array> {
  const { speakers, names, mentions, quotes } = saved.book;
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  yield Buffer.from('{"order":');
  yield json(saved.order);
  yield Buffer.from(',"book":{"speakers":');
  yield json(speakers);
  yield Buffer.from(',"names":');
  yield json(names);
  yield Buffer.from(',"mentions":');
  yield json(mentions);
  yield Buffer.from(',"quotes":[');
  for (let i = 0; i < quotes.length; i += QUOTES_PER_CHUNK) {
    const batch = JSON.stringify(quotes.slice(i, i + QUOTES_PER_CHUNK)).slice(1, -1);
    yield Buffer.from(i > 0 ? `,${batch}` : batch);
  }
  yield Buffer.from("]}}");
}

/**
 * The changes since the base was saved, as the `delta` part: a JSON line of the ids removed and
 * added, then the added articles. Null when an added article cannot be read.
 */
export function deltaPart(
  library: LibraryIndex,
  changes: { remove: ReadonlySet<string>; add: ReadonlySet<string> },
): Uint8Array | null {
  const added: AnalyzedArticle[] = [];
  for (const id of changes.add) {
    const analyzed = library.contents.bodies.get(id);
    if (!analyzed) return null;
    added.push(analyzed);
  }
  return Buffer.from(
    JSON.stringify({ remove: [...changes.remove], add: [...changes.add] }) +
      "\n" +
      encodeDocs(added).toString("utf8"),
  );
}

/** The `delta` part, decoded. */
export function decodeDelta(bytes: Uint8Array): LibraryChange {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = text.indexOf(10);
  const head = JSON.parse(text.toString("utf8", 0, newline < 0 ? text.length : newline)) as {
    remove: string[];
    add: string[];
  };
  const add = newline < 0 ? [] : decodeDocs(text.subarray(newline + 1));
  if (add.length !== head.add.length) throw new Error("the saved index's delta is malformed");
  return { remove: head.remove, add };
}

/**
 * Restores the base of a library from its saved parts (the delta is left to the caller); throws
 * when one is missing or malformed. The docs pieces may be left out of `parts` and named in
 * `files` instead: they are then read from disk an article at a time; so may the postings
 * pieces, given by `postings` instead, read a term at a time. A block of postings found damaged
 * when read is reported through `damaged`.
 */
export function restoreLibrary(
  parts: LibraryParts,
  registry: RegistryBuilder,
  options: {
    files?: ReadonlyMap<string, string>;
    report?: (message: string) => void;
    /**
     * Parts left on disk (`isReadOnce`: the catalog's pieces, the derived part), read one at a
     * time when reached, each good only until the next is read (see `PartReader`).
     */
    onDisk?: { names: readonly string[]; read(name: string): Uint8Array };
    postings?: (name: string) => ByteSource | undefined;
    damaged?: (reason: string) => void;
  } = {},
): LibraryIndex {
  const postings = (name: string) => parts.get(name) ?? options.postings?.(name);
  const passageIndex = loadPassageIndex(pieces(parts, "passages", postings), options.damaged);
  const attributionIndex = loadAttributionIndex(
    pieces(parts, "attributions", postings),
    options.damaged,
  );
  const entries = new Map<string, CatalogEntry>();
  const bodies = new Bodies(options.report ?? (() => undefined));
  const source = (piece: string): PieceSource => {
    const found = parts.get(piece) ?? options.files?.get(piece);
    if (found === undefined) throw new Error(`the saved index has no ${piece} part`);
    return found;
  };
  const assigned = new Map<string, Assigned>();
  const onDisk = new Set(options.onDisk?.names);
  const catalogPiece = (name: string) =>
    parts.get(name) ?? (onDisk.has(name) ? options.onDisk?.read(name) : undefined);
  for (let i = 0; i === 0 || parts.has(`catalog.${i}`) || onDisk.has(`catalog.${i}`); i++) {
    const piece = catalogPiece(`catalog.${i}`);
    if (!piece) throw new Error("the saved index has no catalog part");
    const lines = decodeCatalog(piece);
    // Kept apart from the piece, which then goes, and shared with a settle worker uncopied.
    shareFacts(lines.map(([entry]) => entry));
    for (const [entry, at, speakers] of lines) {
      entries.set(entry.summary.id, entry);
      bodies.place(entry.summary.id, at, source(at.piece));
      assigned.set(entry.summary.id, speakers);
    }
  }
  // The speakers as the registry last decided them: a start-up does not run it again.
  const derived =
    parts.get(DERIVED_PART) ??
    (onDisk.has(DERIVED_PART) ? options.onDisk?.read(DERIVED_PART) : undefined);
  if (!derived) throw new Error(`the saved index has no ${DERIVED_PART} part`);
  // Read where it is: a copy of its bytes was 71 MB more at the load's peak at 100,000 articles.
  const saved = JSON.parse(
    Buffer.from(derived.buffer, derived.byteOffset, derived.byteLength).toString("utf8"),
  ) as SavedLists;
  const lists = SpeakerLists.restore(entries, registry, saved, assigned);
  return new LibraryIndex({ entries, bodies, passageIndex, attributionIndex, lists });
}

/**
 * An index's saved pieces in order: the parts named `<name>.0`, `<name>.1`, ..., each terms
 * piece followed by its postings; throws when there is none, or a postings piece is missing.
 */
function pieces(
  parts: LibraryParts,
  name: string,
  postings: (name: string) => Uint8Array | ByteSource | undefined,
): SavedPieces {
  const documents = parts.get(`${name}.0`);
  if (!documents) throw new Error(`the saved index has no ${name} part`);
  return [documents, ...termPieces(parts, name, postings)];
}

/** An index's terms pieces in order, `<name>.1`, `<name>.2`, ..., each followed by its postings. */
function termPieces(
  parts: LibraryParts,
  name: string,
  postings: (name: string) => Uint8Array | ByteSource | undefined,
): SavedPieces {
  const found: (Uint8Array | ByteSource)[] = [];
  for (let i = 1; parts.has(`${name}.${i}`); i++) {
    found.push(parts.get(`${name}.${i}`) as Uint8Array);
    const held = postings(`${name}.postings.${i}`);
    if (!held) throw new Error(`the saved index has no ${name}.postings.${i} part`);
    found.push(held);
  }
  return found;
}

/**
 * The indexes' terms pieces (`passages.1`, `attributions.1`, ...), which a full save reads back
 * (see `usePostingsSaved`); not the catalog's or the docs' numbered pieces, nor the documents.
 */
export const isTermsPart = (name: string) => /^(?:passages|attributions)\.[1-9]\d*$/.test(name);

/**
 * Has the library read its indexes' postings from the base just saved from it, as a loaded
 * library does: `parts` holds the terms pieces written, `postings` gives each postings part's
 * file. Throws, changing nothing, when a piece is missing or malformed.
 */
export function usePostingsSaved(
  library: LibraryIndex,
  parts: LibraryParts,
  postings: (name: string) => ByteSource | undefined,
  damaged: (reason: string) => void,
): void {
  const { passageIndex, attributionIndex } = library.contents;
  useSavedTerms(
    [
      { index: passageIndex, termPieces: termPieces(parts, "passages", postings) },
      { index: attributionIndex, termPieces: termPieces(parts, "attributions", postings) },
    ],
    damaged,
  );
}
