import { workerData } from "node:worker_threads";
import { scanArticleFiles } from "../corpus/load-corpus.ts";
import { packScan, type ScanRequest } from "./background-scan.ts";

// The worker of a BackgroundScan: scans the data folder it was started on, posts the result
// packed, and ends. A scan that throws posts nothing: the caller scans on its own thread instead.
const { dataDir, port } = workerData as ScanRequest;
const packed = packScan(await scanArticleFiles(dataDir));
const arrays = [packed.sizes, packed.mtimes, packed.metaAt, packed.metaMtimes];
const buffers = arrays.map((a) => a.buffer as ArrayBuffer);
port.postMessage(packed, buffers);
