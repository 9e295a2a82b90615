import { parentPort, workerData } from "node:worker_threads";
import type { PoolRequest, PoolWorkerData } from "../../src/library/analyze-pool.ts";
import { poolWork } from "../../src/library/pool-work.ts";

// The pool's real worker, except for three items. An article with the id "hang", or a file named
// hang.txt, never finishes, spinning as a parser caught by a hostile file would. One with the id
// "idle" waits 1.5 s without using the CPU before it is analysed, as a worker does on a machine
// whose cores are busy with other work; one with the id "stall" waits 10 s, as a read stuck on a
// file that never answers. Like the real worker, it tells the watchdog where it is.
const status = new Int32Array((workerData as PoolWorkerData).status);
const answer = poolWork(status);
const WAIT_MS: Record<string, number> = { idle: 1500, stall: 10_000 };
const asleep = new Int32Array(new SharedArrayBuffer(4));
let chain = Promise.resolve();
parentPort?.on("message", (request: PoolRequest) => {
  const idOf = (item: PoolRequest["items"][number]) => ("text" in item ? item.id : "");
  const hang = request.items.findIndex((item) =>
    "text" in item ? item.id === "hang" : item.file.endsWith("hang.txt"),
  );
  const wait = request.items.findIndex((item) => WAIT_MS[idOf(item)] !== undefined);
  const on = (at: number) => {
    Atomics.store(status, 1, 0);
    Atomics.store(status, 0, request.id);
    Atomics.store(status, 1, at + 1);
  };
  chain = chain.then(async () => {
    if (hang >= 0) {
      on(hang);
      for (;;) {
        // Stalled for good.
      }
    }
    if (wait >= 0) {
      on(wait);
      Atomics.wait(
        asleep,
        0,
        0,
        WAIT_MS[idOf(request.items[wait] as PoolRequest["items"][number])],
      );
    }
    parentPort?.postMessage(await answer(request));
  });
});
