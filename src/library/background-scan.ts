import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  type Worker,
} from "node:worker_threads";
import {
  type ArticleFileInfo,
  type ArticleScan,
  type SkippedFile,
  scanArticleFiles,
} from "../corpus/load-corpus.ts";
import { startTsWorker } from "./ts-worker.ts";

/** What a scan worker is started with. */
export interface ScanRequest {
  dataDir: string;
  /** Where the worker posts its PackedScan. */
  port: MessagePort;
}

/**
 * A scan as a worker posts it. Cloning 100,000 small objects costs the receiving thread ~250 ms,
 * which is most of what the worker spared it; the same scan as a few long strings and number
 * arrays costs it ~40 ms.
 */
export interface PackedScan {
  count: number;
  /** The files' paths, and their ids, joined by NUL (which no file name holds). */
  files: string;
  ids: string;
  sizes: Float64Array;
  mtimes: Float64Array;
  /** The files that have a sidecar: their index, the sidecar's path (NUL-joined) and time. */
  metaAt: Int32Array;
  metaFiles: string;
  metaMtimes: Float64Array;
  skipped: SkippedFile[];
}

const NUL = "\0";

export function packScan(scan: ArticleScan): PackedScan {
  const { files } = scan;
  const withMeta = files.flatMap((f, i) => (f.metaFile === undefined ? [] : [i]));
  return {
    count: files.length,
    files: files.map((f) => f.file).join(NUL),
    ids: files.map((f) => f.id).join(NUL),
    sizes: Float64Array.from(files, (f) => f.size),
    mtimes: Float64Array.from(files, (f) => f.mtimeMs),
    metaAt: Int32Array.from(withMeta),
    metaFiles: withMeta.map((i) => files[i]?.metaFile).join(NUL),
    metaMtimes: Float64Array.from(withMeta, (i) => files[i]?.metaMtimeMs ?? Number.NaN),
    skipped: scan.skipped,
  };
}

/** The scan back from its packed form; null when the parts do not add up. */
export function unpackScan(packed: PackedScan): ArticleScan | null {
  const { count, sizes, mtimes, metaAt, metaMtimes } = packed;
  const split = (text: string, n: number) => (n === 0 ? [] : text.split(NUL));
  const paths = split(packed.files, count);
  const ids = split(packed.ids, count);
  const metaFiles = split(packed.metaFiles, metaAt.length);
  const fits = (n: number, ...lists: { length: number }[]) => lists.every((l) => l.length === n);
  if (!fits(count, paths, ids, sizes, mtimes) || !fits(metaAt.length, metaFiles, metaMtimes)) {
    return null;
  }
  const files = paths.map(
    (file, i): ArticleFileInfo => ({
      file,
      size: sizes[i] as number,
      mtimeMs: mtimes[i] as number,
      id: ids[i] as string,
    }),
  );
  for (let k = 0; k < metaAt.length; k++) {
    const info = files[metaAt[k] as number];
    if (!info) return null;
    info.metaFile = metaFiles[k] as string;
    info.metaMtimeMs = metaMtimes[k] as number;
  }
  return { files, skipped: packed.skipped };
}

const WORKER_URL = new URL("./scan-worker.ts", import.meta.url);

/**
 * A scan of the data folder on a worker thread, started early so that it runs on the other core
 * while this thread loads the saved index. It gives exactly what `scanArticleFiles` gives, and
 * never makes its caller wait for the worker: when the worker cannot start, fails, or has not
 * answered by the time the scan is wanted, the folder is scanned on this thread as it would have
 * been without one (which also meets any error the scan throws).
 *
 * The worker runs at a low priority (nice 10), so that it takes mostly time the load leaves
 * idle: beside a worker at normal priority, the load of a 100,000-file index ran ~0.8 s longer,
 * which took most of what the worker saved; beside this one, ~0.2 s. (At the lowest priority, a
 * busy machine leaves it hardly any time at all.)
 */
export class BackgroundScan {
  /** Where the result was had, once `result` settled. */
  ranOn: "worker" | "here" | null = null;
  /** Settles once the worker has answered or failed, or is ended. */
  readonly finished: Promise<void>;
  private reply: ArticleScan | null = null;
  private settle: () => void = () => {};
  private worker: Worker | null = null;
  private readonly channel = new MessageChannel();

  private constructor(
    private readonly dataDir: string,
    workerUrl: URL,
  ) {
    this.finished = new Promise((resolve) => {
      this.settle = resolve;
    });
    const { port1, port2 } = this.channel;
    try {
      this.worker = startTsWorker(workerUrl, {
        lowPriority: true,
        workerData: { dataDir, port: port2 },
        transferList: [port2],
      });
    } catch {
      void this.end();
      return;
    }
    port1.on("message", (packed: PackedScan) => this.take(packed));
    // The port must not keep the process alive: the worker does while it runs.
    port1.unref();
    // The reply comes on its own port, which "exit" does not wait for: look there first.
    this.worker.once("exit", () => {
      if (!this.collect()) void this.end();
    });
    this.worker.once("error", () => this.end());
  }

  /** Starts the scan; `workerUrl` is the worker module, which a test may make fail. */
  static start(dataDir: string, options: { workerUrl?: URL } = {}): BackgroundScan {
    return new BackgroundScan(dataDir, options.workerUrl ?? WORKER_URL);
  }

  /**
   * The scan: the worker's when it has answered, even if this thread has been too busy to take
   * the message yet; else the worker is ended and the folder scanned here.
   */
  async result(): Promise<ArticleScan> {
    this.collect();
    const scan = this.reply;
    await this.cancel();
    this.ranOn = scan ? "worker" : "here";
    return scan ?? scanArticleFiles(this.dataDir);
  }

  /** Ends the worker; a result asked for later is made on this thread. */
  async cancel(): Promise<void> {
    await this.end();
  }

  /** Takes the worker's reply if one is waiting, though not yet delivered; whether one was. */
  private collect(): boolean {
    if (!this.worker) return false;
    const message = receiveMessageOnPort(this.channel.port1);
    if (message) this.take(message.message as PackedScan);
    return message !== undefined;
  }

  private take(packed: PackedScan): void {
    if (!this.worker) return;
    try {
      this.reply = unpackScan(packed);
    } catch {
      // A reply that does not unpack is a failure too.
    }
    void this.end();
  }

  /** Stops listening to the worker and ends it. */
  private async end(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.channel.port1.close();
    this.settle();
    if (!worker) return;
    worker.removeAllListeners();
    worker.on("error", () => {});
    await worker.terminate();
  }
}

/**
 * A worker on a TypeScript module, at low priority: the app runs under tsx, whose loader a worker
 * does not inherit, so a small bootstrap registers tsx in the worker before importing the module
 * (as analyze-pool.ts does). Only on Linux is a priority a thread's own (and its threads').
 */
