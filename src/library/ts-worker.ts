import { type ResourceLimits, type Transferable, Worker } from "node:worker_threads";

export interface TsWorkerOptions {
  /** Run the worker thread at nice 10, to take mostly time the main thread leaves idle. */
  lowPriority?: boolean;
  workerData?: unknown;
  transferList?: readonly Transferable[];
  /** Past these, the worker ends with an error; the process goes on. */
  resourceLimits?: ResourceLimits;
}

/**
 * A worker on a TypeScript module: the app runs under tsx, whose loader a worker does not
 * inherit, so a small bootstrap registers tsx in the worker before importing the module.
 */
export function startTsWorker(url: URL, options: TsWorkerOptions = {}): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  // On Linux a priority set from a thread is that thread's; elsewhere it would be the process's.
  const lower =
    options.lowPriority && process.platform === "linux"
      ? 'import { setPriority } from "node:os";\ntry { setPriority(10); } catch {}\n'
      : "";
  const code =
    lower +
    `import { register } from ${JSON.stringify(tsx)};\n` +
    "register();\n" +
    `await import(${JSON.stringify(url.href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    execArgv: [],
    workerData: options.workerData,
    transferList: options.transferList ? [...options.transferList] : undefined,
    resourceLimits: options.resourceLimits,
  });
}
