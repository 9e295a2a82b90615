import { deserialize, serialize } from "node:v8";
import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { RegistryBuilder } from "./analyzed.ts";
import { evidenceOf } from "./catalog.ts";
import {
  type BookEntry,
  type BookSource,
  type DecidedBook,
  decideBook,
  SpeakerBook,
} from "./speaker-book.ts";
import { startTsWorker } from "./ts-worker.ts";

/** The speakers decided over the whole archive: the registry's pass, and the book over it. */
export function registryBook(
  entries: ReadonlyMap<string, BookEntry>,
  ordered: readonly { id: string }[],
  buildRegistry: RegistryBuilder,
): SpeakerBook {
  const inCorpusOrder = viewOf(
    entries,
    ordered.map(({ id }) => id).filter((id) => entries.has(id)),
  );
  // The registry reads the articles in the catalog's own order, as it always has: where two
  // spellings tie, the first it meets is the speaker's name.
  const decided = decideBook(inCorpusOrder, () =>
    buildRegistry(new EvidenceOnRead(viewOf(entries, [...entries.keys()]))),
  );
  return SpeakerBook.fromDecided(decided, inCorpusOrder.ids, entries);
}

/** Catalog entries as a `BookSource`, in the order of `ids`. */
function viewOf(entries: ReadonlyMap<string, BookEntry>, ids: readonly string[]): BookSource {
  const at = (i: number) => entries.get(ids[i] as string) as BookEntry;
  return { ids, facts: (i) => at(i).speakerFacts, paragraphs: (i) => at(i).paragraphs };
}

/**
 * The registry's evidence, each article's parsed from its saved facts when it is read, and let
 * go after: the registry walks the archive twice and keeps only what it counts. Parsed all at
 * once, the evidence of 100,000 articles (a million attributions, their mentions and entities)
 * was the largest thing a full save held beside the library.
 */
class EvidenceOnRead implements ReadonlyMap<string, SpeakerEvidence> {
  /** Id -> place in the source, made only if the registry looks an article up by id. */
  private places: Map<string, number> | null = null;

  constructor(private readonly source: Pick<BookSource, "ids" | "facts">) {}

  get size(): number {
    return this.source.ids.length;
  }

  get(id: string): SpeakerEvidence | undefined {
    this.places ??= new Map(this.source.ids.map((id, i) => [id, i]));
    const i = this.places.get(id);
    return i === undefined ? undefined : this.evidence(i);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
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
    for (const [i, id] of this.source.ids.entries()) yield [id, this.evidence(i)];
  }

  keys(): MapIterator<string> {
    return this.source.ids.values();
  }

  *values(): MapIterator<SpeakerEvidence> {
    for (const [, evidence] of this) yield evidence;
  }

  [Symbol.iterator](): MapIterator<[string, SpeakerEvidence]> {
    return this.entries();
  }

  private evidence(i: number): SpeakerEvidence {
    return evidenceOf({ speakerFacts: this.source.facts(i) });
  }
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
  /** Each article's id, in corpus order. */
  ids: string[];
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
  return {
    ids: listed.map(({ summary }) => summary.id),
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
 * A request's articles read where they are: each article's facts and paragraphs are views of the
 * request's arrays, made when the registry or the book reaches that article. At 100,000 articles
 * the catalog entries unpacked from a request were ~45 MB of the worker's heap.
 */
export function requestSource(request: SettleRequest): BookSource {
  const { ids, shared, facts, factSource, factStarts, factEnds, paragraphs, paragraphEnds } =
    request;
  return {
    ids,
    facts(i) {
      const source = factSource[i] as number;
      const start = factStarts[i] as number;
      const end = factEnds[i] as number;
      return source < 0
        ? facts.subarray(start, end)
        : new Uint8Array(shared[source] as SharedArrayBuffer, start, end - start);
    },
    paragraphs: (i) => paragraphs.subarray(paragraphEnds[i - 1] ?? 0, paragraphEnds[i]),
  };
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

/**
 * The worker's side: the speakers decided over a request, as bytes (`v8.serialize`) to transfer
 * back. The request's arrays are read where they are, and the book is sent in numbers (see
 * `DecidedBook`): the registry, its evidence read one article at a time, and the book's
 * arrays are all the worker's heap holds.
 */
export function settleRequest(request: SettleRequest, buildRegistry: RegistryBuilder): Buffer {
  const source = requestSource(request);
  return serialize(decideBook(source, () => buildRegistry(new EvidenceOnRead(source))));
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
export function decodeSettled(reply: ArrayBuffer): DecidedBook | null {
  try {
    const d = deserialize(new Uint8Array(reply)) as Partial<DecidedBook> | null;
    const whole =
      Array.isArray(d?.speakers) &&
      Array.isArray(d.names) &&
      Array.isArray(d.mentions) &&
      d.assigned instanceof Int32Array &&
      d.assignedEnds instanceof Uint32Array &&
      d.quoteArticles instanceof Int32Array &&
      d.quotePositions instanceof Int32Array &&
      d.quoteEnds instanceof Uint32Array;
    return whole ? (d as DecidedBook) : null;
  } catch {
    return null;
  }
}

const WORKER_URL = new URL("./settle-worker.ts", import.meta.url);

/**
 * The settle worker's heap, in MB, for an archive of `articles`: 128 MB and 3 KB an article
 * (0.42 GB at 100,000, where the registry and the book it decides hold ~0.1 GB at their peak),
 * room for the registry's pass, which grows with the archive, so that only something gone wrong
 * reaches it. A cap near what the pass needs also has V8 collect sooner: with 1.25 GB, the
 * worker's garbage grew it 0.05 GB more at 100,000 articles.
 */
export const settleHeapMb = (articles: number) => Math.ceil(128 + articles / 350);

/**
 * The settle worker's young generation, in MB. The registry's pass parses each article's facts
 * and drops them at once: with V8's default (16 MB semi-spaces) that garbage made ~0.1 GB of the
 * worker's RSS at 100,000 articles, and 4 MB holds it to a fraction, for more, shorter scavenges.
 */
const SETTLE_YOUNG_MB = 4;

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
): Promise<DecidedBook | null> {
  return new Promise((resolve) => {
    let worker: ReturnType<typeof startTsWorker>;
    try {
      worker = startTsWorker(workerUrl, {
        resourceLimits: {
          maxOldGenerationSizeMb: heapMb,
          maxYoungGenerationSizeMb: SETTLE_YOUNG_MB,
        },
      });
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
