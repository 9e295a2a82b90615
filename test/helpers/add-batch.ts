import type MiniSearch from "minisearch";
import { IndexBatch } from "../../src/search/index-batch.ts";

/** Adds the documents with an IndexBatch, as the library does a large change: searchable on return. */
export function addBatch<T>(index: MiniSearch<T>, documents: Iterable<T>): void {
  const batch = new IndexBatch(index);
  batch.addAll(documents);
  batch.flush();
}
