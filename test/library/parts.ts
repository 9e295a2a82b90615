import type { LibraryIndex } from "../../src/library/engine.ts";
import { baseParts, type LibraryParts } from "../../src/store/library-parts.ts";

/** A library's whole saved form in memory, docs pieces included, as a save would write it. */
export function toParts(library: LibraryIndex): LibraryParts {
  const { parts, keep } = baseParts(library);
  if (keep.size > 0) throw new Error("articles are on disk; a test keeps them in memory");
  const whole: LibraryParts = new Map();
  // A part in chunks is good only until the next is made: joined as it comes.
  for (const [name, data] of parts) {
    whole.set(
      name,
      data instanceof Uint8Array ? data : Buffer.concat([...(data as Iterable<Uint8Array>)]),
    );
  }
  return whole;
}
