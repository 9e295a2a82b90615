import type { SpeakerEvidence } from "../attribution/speakers.ts";
import type { ArticleSummary } from "../types.ts";
import type { RegistryBuilder } from "./analyzed.ts";
import { type CatalogEntry, evidenceOf } from "./catalog.ts";
import { type Assigned, type SavedBook, SpeakerBook } from "./speaker-book.ts";
import { startTsWorker } from "./ts-worker.ts";

/** The speakers decided over the whole archive: the registry's pass, and the book over it. */
export function registryBook(
  entries: ReadonlyMap<string, CatalogEntry>,
  ordered: readonly ArticleSummary[],
  buildRegistry: RegistryBuilder,
): SpeakerBook {
  const evidence = new Map<string, SpeakerEvidence>();
  for (const [id, entry] of entries) evidence.set(id, evidenceOf(entry));
  return SpeakerBook.fromRegistry(buildRegistry(evidence), entries, ordered);
}

/** A book as a worker thread sends it: saved, with each article's speaker numbers. */
export interface SettledSpeakers {
  book: SavedBook;
  assigned: [string, Assigned][];
}

export interface SettleRequest {
  entries: CatalogEntry[];
  /** Article ids in corpus order. */
  order: string[];
}

const WORKER_URL = new URL("./settle-worker.ts", import.meta.url);

/**
 * The registry's pass over the whole archive on a worker thread, with the attribution engine's
 * own registry: 12-16 s at 100,000 articles that would otherwise hold every command. Null when
 * the worker cannot start or fails; the caller then decides on its own thread.
 */
export function settleOnWorker(
  entries: ReadonlyMap<string, CatalogEntry>,
  ordered: readonly ArticleSummary[],
  workerUrl: URL = WORKER_URL,
): Promise<SettledSpeakers | null> {
  return new Promise((resolve) => {
    let worker: ReturnType<typeof startTsWorker>;
    try {
      worker = startTsWorker(workerUrl);
    } catch {
      resolve(null);
      return;
    }
    const end = (settled: SettledSpeakers | null) => {
      worker.removeAllListeners();
      worker.on("error", () => undefined);
      void worker.terminate();
      resolve(settled);
    };
    worker.once("message", (settled: SettledSpeakers) => end(settled));
    worker.once("error", () => end(null));
    worker.once("exit", () => end(null));
    const request: SettleRequest = {
      entries: [...entries.values()],
      order: ordered.map((s) => s.id),
    };
    worker.postMessage(request);
  });
}
