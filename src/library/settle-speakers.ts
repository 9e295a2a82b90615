import { deserialize, serialize } from "node:v8";
import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { Assigned, RegistryBuilder } from "./analyzed.ts";
import { evidenceOf } from "./catalog.ts";
import { type BookEntry, type SavedBook, SpeakerBook } from "./speaker-book.ts";
import { startTsWorker } from "./ts-worker.ts";

/** The speakers decided over the whole archive: the registry's pass, and the book over it. */
export function registryBook(
  entries: ReadonlyMap<string, BookEntry>,
  ordered: readonly { id: string }[],
  buildRegistry: RegistryBuilder,
): SpeakerBook {
  return SpeakerBook.fromRegistry(buildRegistry(new EvidenceOnRead(entries)), entries, ordered);
}

/**
 * The registry's evidence, each article's parsed from its saved facts when it is read, and let
 * go after: the registry walks the archive twice and keeps only what it counts. Parsed all at
 * once, the evidence of 100,000 articles (a million attributions, their mentions and entities)
 * was the largest thing a full save held beside the library.
 */
class EvidenceOnRead implements ReadonlyMap<string, SpeakerEvidence> {
  constructor(private readonly facts: ReadonlyMap<string, BookEntry>) {}

  get size(): number {
    return this.facts.size;
  }

  get(id: string): SpeakerEvidence | undefined {
    const entry = this.facts.get(id);
    return entry && evidenceOf(entry);
  }

  has(id: string): boolean {
    return this.facts.has(id);
  }

  forEach(
    callback: (
      value: SpeakerEvidence,
      key: string,
      map: ReadonlyMap<string, SpeakerEvidence>,
    ) => void,
  ): void {
    for (const [id, evidence] of this) callback(evidence, id, this);
  }

  *entries(): MapIterator<[string, SpeakerEvidence]> {
    for (const [id, entry] of this.facts) yield [id, evidenceOf(entry)];
  }

  keys(): MapIterator<string> {
    return this.facts.keys();
  }

  *values(): MapIterator<SpeakerEvidence> {
    for (const entry of this.facts.values()) yield evidenceOf(entry);
  }

  [Symbol.iterator](): MapIterator<[string, SpeakerEvidence]> {
    return this.entries();
  }
}

/** A decided book: saved, with each article's speaker numbers. */
export interface SettledSpeakers {
  book: SavedBook;
  assigned: [string, Assigned][];
}

/**
 * What the registry's pass reads of each article (`BookEntry`), in corpus order, packed: the
 * speaker facts and paragraphs of every article go in arrays whose memory is handed to the
 * worker rather than copied, and no catalog entry is cloned. Facts a loaded catalog keeps in
 * shared memory (see `shareFacts`) are not copied at all: the worker is sent where they are.
 * At 100,000 articles the entries cloned whole were a copy of the catalog on each side of the
 * message during a full save, and the facts copied were 0.1 GB.
 */
export interface SettleRequest {
  /** Each article's id, title and date (what corpus order compares). */
  articles: [string, string | null, string | null][];
  /** The shared memory that holds saved facts, sent as it is (shared, not copied). */
  shared: SharedArrayBuffer[];
  /** The facts not in shared memory (an edit's), one after another, as UTF-8 JSON. */
  facts: Uint8Array<ArrayBuffer>;
  /** Where each article's facts are: in `shared[source]`, or in `facts` where source is -1. */
  factSource: Int32Array<ArrayBuffer>;
  factStarts: Uint32Array<ArrayBuffer>;
  factEnds: Uint32Array<ArrayBuffer>;
  /** The paragraph of each attribution, one article after another. */
  paragraphs: Int32Array<ArrayBuffer>;
  /** Where each article's paragraphs end in `paragraphs`. */
  paragraphEnds: Uint32Array<ArrayBuffer>;
}

/** The transferable arrays of a request (the rest is cloned, or shared). */
export const requestTransfers = (r: SettleRequest): ArrayBuffer[] => [
  r.facts.buffer,
  r.factSource.buffer,
  r.factStarts.buffer,
  r.factEnds.buffer,
  r.paragraphs.buffer,
  r.paragraphEnds.buffer,
];

const isShared = (facts: string | Uint8Array): facts is Uint8Array<SharedArrayBuffer> =>
  typeof facts !== "string" && facts.buffer instanceof SharedArrayBuffer;

/** Packs what the worker needs of `entries`, in the order of `ordered`. */
export function packSettleRequest(
  entries: ReadonlyMap<string, BookEntry>,
  ordered: readonly { id: string }[],
): SettleRequest {
  const listed = ordered.map(({ id }) => entries.get(id)).filter((e) => e !== undefined);
  let factBytes = 0;
  let paragraphCount = 0;
  for (const e of listed) {
    const saved = e.speakerFacts;
    if (typeof saved === "string") factBytes += Buffer.byteLength(saved);
    else if (!isShared(saved)) factBytes += saved.byteLength;
    paragraphCount += e.paragraphs.length;
  }
  const facts = Buffer.allocUnsafeSlow(factBytes);
  const shared = new Map<SharedArrayBuffer, number>();
  const factSource = new Int32Array(listed.length);
  const factStarts = new Uint32Array(listed.length);
  const factEnds = new Uint32Array(listed.length);
  const paragraphs = new Int32Array(paragraphCount);
  const paragraphEnds = new Uint32Array(listed.length);
  let f = 0;
  let p = 0;
  listed.forEach((e, i) => {
    const saved = e.speakerFacts;
    if (isShared(saved)) {
      let source = shared.get(saved.buffer);
      if (source === undefined) {
        source = shared.size;
        shared.set(saved.buffer, source);
      }
      factSource[i] = source;
      factStarts[i] = saved.byteOffset;
      factEnds[i] = saved.byteOffset + saved.byteLength;
    } else {
      factSource[i] = -1;
      factStarts[i] = f;
      if (typeof saved === "string") f += facts.write(saved, f);
      else {
        facts.set(saved, f);
        f += saved.length;
      }
      factEnds[i] = f;
    }
    paragraphs.set(e.paragraphs, p);
    p += e.paragraphs.length;
    paragraphEnds[i] = p;
  });
  const articles = listed.map(({ summary: s }): [string, string | null, string | null] => [
    s.id,
    s.title,
    s.date,
  ]);
  return {
    articles,
    shared: [...shared.keys()],
    facts,
    factSource,
    factStarts,
    factEnds,
    paragraphs,
    paragraphEnds,
  };
}

/**
 * The entries and corpus order a request was packed from (facts are views of its bytes). The
 * request is emptied: its arrays are then held only by what is made of them, and go with it.
 */
export function unpackSettleRequest(request: SettleRequest): {
  entries: Map<string, BookEntry>;
  ordered: { id: string }[];
} {
  const { articles, shared, facts, factSource, factStarts, factEnds, paragraphs, paragraphEnds } =
    request;
  Object.assign(request, emptyRequest());
  const entries = new Map<string, BookEntry>();
  articles.forEach(([id, title, date], i) => {
    const source = factSource[i] as number;
    const start = factStarts[i] as number;
    const end = factEnds[i] as number;
    entries.set(id, {
      summary: { id, title, date },
      paragraphs: Array.from(paragraphs.subarray(paragraphEnds[i - 1] ?? 0, paragraphEnds[i])),
      speakerFacts:
        source < 0
          ? facts.subarray(start, end)
          : new Uint8Array(shared[source] as SharedArrayBuffer, start, end - start),
    });
  });
  return { entries, ordered: articles.map(([id]) => ({ id })) };
}

/**
 * Moves speaker facts into one block of shared memory, each entry's facts then a view of it:
 * a settle worker reads them there, uncopied. Made for a loaded catalog piece, whose facts are
 * otherwise views that keep the whole piece's bytes.
 */
export function shareFacts(entries: Iterable<Pick<BookEntry, "speakerFacts">>): void {
  const list = [...entries];
  let total = 0;
  for (const e of list) {
    total +=
      typeof e.speakerFacts === "string"
        ? Buffer.byteLength(e.speakerFacts)
        : e.speakerFacts.byteLength;
  }
  const block = Buffer.from(new SharedArrayBuffer(total));
  let at = 0;
  for (const e of list) {
    const saved = e.speakerFacts;
    let length: number;
    if (typeof saved === "string") length = block.write(saved, at);
    else {
      block.set(saved, at);
      length = saved.length;
    }
    e.speakerFacts = new Uint8Array(block.buffer, at, length);
    at += length;
  }
}

function emptyRequest(): SettleRequest {
  return {
    articles: [],
    shared: [],
    facts: new Uint8Array(0),
    factSource: new Int32Array(0),
    factStarts: new Uint32Array(0),
    factEnds: new Uint32Array(0),
    paragraphs: new Int32Array(0),
    paragraphEnds: new Uint32Array(0),
  };
}

/**
 * The worker's side: the speakers decided over a request, as bytes (`v8.serialize`) to transfer
 * back. Each step lets go of what the next does not read: the request's arrays go with the
 * entries made of them, the book's quote lists as they are joined, and all of it before the
 * reply is encoded. At 100,000 articles the worker held all of these at once, ~0.5 GB.
 */
export function settleRequest(request: SettleRequest, buildRegistry: RegistryBuilder): Buffer {
  return serialize(decide(request, buildRegistry));
}

function decide(request: SettleRequest, buildRegistry: RegistryBuilder): SettledSpeakers {
  const { entries, ordered } = unpackSettleRequest(request);
  const book = registryBook(entries, ordered, buildRegistry);
  return { book: book.save({ release: true }), assigned: [...book.assigned] };
}

/** `settleRequest`'s bytes, as sent: their memory moves to the receiver, uncopied. */
export function transferable(bytes: Buffer): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) {
    return buffer;
  }
  return new Uint8Array(bytes).buffer;
}

/** A worker's reply, decoded; null when it is not a decided book. */
export function decodeSettled(reply: ArrayBuffer): SettledSpeakers | null {
  try {
    const settled = deserialize(new Uint8Array(reply)) as Partial<SettledSpeakers> | null;
    return settled?.book && Array.isArray(settled.assigned) ? (settled as SettledSpeakers) : null;
  } catch {
    return null;
  }
}

const WORKER_URL = new URL("./settle-worker.ts", import.meta.url);

/**
 * The settle worker's heap, in MB, for an archive of `articles`: 256 MB and 10 KB an article
 * (1.25 GB at 100,000), room for the registry's pass, which grows with the archive, so that only
 * something gone wrong reaches it.
 */
export const settleHeapMb = (articles: number) => Math.ceil(256 + articles / 100);

/**
 * The registry's pass over the whole archive on a worker thread, with the attribution engine's
 * own registry: 12-16 s at 100,000 articles that would otherwise hold every command. Null when
 * the worker cannot start, fails, or runs past `heapMb` of heap (it then ends alone, where
 * running out of memory would end the process); the caller then decides on its own thread.
 */
export function settleOnWorker(
  entries: ReadonlyMap<string, BookEntry>,
  ordered: readonly { id: string }[],
  workerUrl: URL = WORKER_URL,
  heapMb = settleHeapMb(entries.size),
): Promise<SettledSpeakers | null> {
  return new Promise((resolve) => {
    let worker: ReturnType<typeof startTsWorker>;
    try {
      worker = startTsWorker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    } catch {
      resolve(null);
      return;
    }
    const end = async (reply: ArrayBuffer | null) => {
      worker.removeAllListeners();
      worker.on("error", () => undefined);
      // The reply is decoded once the worker has ended and its heap is gone, not beside it.
      await worker.terminate().catch(() => undefined);
      resolve(reply ? decodeSettled(reply) : null);
    };
    worker.once("message", (reply: ArrayBuffer) => void end(reply));
    worker.once("error", () => void end(null));
    worker.once("exit", () => void end(null));
    const request = packSettleRequest(entries, ordered);
    worker.postMessage(request, requestTransfers(request));
  });
}
