import { parentPort } from "node:worker_threads";
import { buildSpeakerRegistry } from "../attribution/speakers.ts";
import { type SettleRequest, settleRequest, transferable } from "./settle-speakers.ts";

// Decides the speakers over the whole archive it is sent, once, and sends the book back saved,
// as bytes whose memory moves to the main thread.
parentPort?.once("message", (request: SettleRequest) => {
  const reply = transferable(settleRequest(request, buildSpeakerRegistry));
  parentPort?.postMessage(reply, [reply]);
});
