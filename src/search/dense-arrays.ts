import type { IndexInternals } from "./minisearch-internals.ts";

/** Per-document arrays of one index, indexed by MiniSearch's short document id. */
export interface Dense {
  /**
   * Field lengths, `width` per document, as MiniSearch keeps them in a Map of arrays; kept at
   * 65,535 as a saved index keeps them (no paragraph holds that many distinct words).
   */
  lengths: Uint16Array;
  width: number;
  /** All zero between uses: a scratch mark per document. */
  mark: Uint8Array;
  /** A document has a slot in the stage being scored when its stamp is the stage's. */
  stamp: Int32Array;
  /** The slot of each stamped document. */
  slot: Int32Array;
  /** The last stamp handed out; never 0, so that new arrays hold no stamp. */
  generation: number;
  /** The index's next short id the arrays cover up to. */
  nextId: number;
}

const denseOf = new WeakMap<IndexInternals, Dense>();

/**
 * The index's dense arrays. Documents get new ids when added and keep their lengths until
 * discarded, so documents added since the last call are read in; the rest stands.
 */
export function dense(ms: IndexInternals): Dense {
  const known = denseOf.get(ms);
  const { nextId } = ms;
  if (known && known.nextId === nextId) return known;
  const width = ms.fieldCount;
  const from = known && known.nextId < nextId && known.width === width ? known.nextId : 0;
  const made = from === 0 || !known ? allocate(nextId, width) : grown(known, nextId);
  const { lengths } = ms.documents;
  for (let d = from; d < nextId; d++) {
    const own = lengths.get(d);
    if (own)
      for (let f = 0; f < width; f++) made.lengths[d * width + f] = Math.min(own[f] ?? 0, 0xffff);
  }
  made.nextId = nextId;
  denseOf.set(ms, made);
  return made;
}

function allocate(size: number, width: number): Dense {
  return {
    lengths: new Uint16Array(size * width),
    width,
    mark: new Uint8Array(size),
    stamp: new Int32Array(size),
    slot: new Int32Array(size),
    generation: 0,
    nextId: 0,
  };
}

/** Room for ids up to `size`, with some to spare so that adding one article copies nothing. */
function grown(known: Dense, size: number): Dense {
  if (known.mark.length >= size) return known;
  const room = Math.ceil(size * 1.25) + 1024;
  const made = allocate(room, known.width);
  made.lengths.set(known.lengths);
  made.generation = known.generation;
  return made;
}
