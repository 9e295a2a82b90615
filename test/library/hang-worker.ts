import { parentPort, workerData } from "node:worker_threads";
import type { PoolRequest, PoolWorkerData } from "../../src/library/analyze-pool.ts";
import { poolWork } from "../../src/library/pool-work.ts";

// The pool's real worker, except that an article with the id "hang", or a file named hang.txt,
// never finishes, as a parser caught by a hostile file would not. Like the real worker, it tells
// the watchdog where it is.
const status = new Int32Array((workerData as PoolWorkerData).status);
const answer = poolWork(status);
let chain = Promise.resolve();
parentPort?.on("message", (request: PoolRequest) => {
  const at = request.items.findIndex((item) =>
    "text" in item ? item.id === "hang" : item.file.endsWith("hang.txt"),
  );
  chain = chain.then(async () => {
    if (at >= 0) {
      Atomics.store(status, 1, 0);
      Atomics.store(status, 0, request.id);
      Atomics.store(status, 1, at + 1);
      for (;;) {
        // Stalled for good.
      }
    }
    parentPort?.postMessage(await answer(request));
  });
});
