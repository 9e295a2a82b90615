import { parentPort } from "node:worker_threads";
import { buildSpeakerRegistry } from "../attribution/speakers.ts";
import {
  registryBook,
  type SettledSpeakers,
  type SettleRequest,
  unpackSettleRequest,
} from "./settle-speakers.ts";

// Decides the speakers over the whole archive it is sent, once, and sends the book back saved.
parentPort?.once("message", (request: SettleRequest) => {
  const { entries, ordered } = unpackSettleRequest(request);
  const book = registryBook(entries, ordered, buildSpeakerRegistry);
  const settled: SettledSpeakers = { book: book.save(), assigned: [...book.assigned] };
  parentPort?.postMessage(settled);
});
