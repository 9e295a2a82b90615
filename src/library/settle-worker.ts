import { parentPort } from "node:worker_threads";
import { buildSpeakerRegistry } from "../attribution/speakers.ts";
import type { ArticleSummary } from "../types.ts";
import type { CatalogEntry } from "./catalog.ts";
import { registryBook, type SettledSpeakers, type SettleRequest } from "./settle-speakers.ts";

// Decides the speakers over the whole archive it is sent, once, and sends the book back saved.
parentPort?.once("message", ({ entries, order }: SettleRequest) => {
  const byId = new Map<string, CatalogEntry>(entries.map((e) => [e.summary.id, e]));
  const ordered = order.map((id) => byId.get(id)?.summary as ArticleSummary);
  const book = registryBook(byId, ordered, buildSpeakerRegistry);
  const settled: SettledSpeakers = { book: book.save(), assigned: [...book.assigned] };
  parentPort?.postMessage(settled);
});
