import { parentPort, workerData } from "node:worker_threads";
import type { PoolRequest, PoolWorkerData } from "./analyze-pool.ts";
import { poolWork } from "./pool-work.ts";

// A worker of the analysis pool: answers its requests one at a time, in the order sent.
const answer = poolWork(new Int32Array((workerData as PoolWorkerData).status));
let chain = Promise.resolve();
parentPort?.on("message", (request: PoolRequest) => {
  chain = chain.then(async () => parentPort?.postMessage(await answer(request)));
});
