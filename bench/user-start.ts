/**
 * What the user waits for: whosaid started as a user starts it, in a process of its own, over
 * the saved index the build part left. The in-process serve part times the library inside a
 * warm process; this times `npm start` (the local shell) to its first answer and `npx whosaid
 * ask` end to end, and follows the RSS of the whole process tree (npm, tsx and node) while the
 * shell answers the query set. Each start is measured `runs` times and the median kept, with the
 * page cache warm and, where the machine lets this process drop it, cold.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchQuery } from "./queries.ts";
import { median } from "./stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROMPT = "whosaid> ";
/** A user gives up long before this; it only stops a hung start from hanging the bench. */
const START_TIMEOUT_MS = 180_000;

export interface UserPaths {
  dataDir: string;
  indexDir: string;
}

export interface StartFigures {
  /** `npm start` to the end of its first answer, median of the runs. */
  firstAnswerMs: number;
  /** `npx whosaid ask "/search …"`, start to exit, median of the runs. */
  askMs: number;
  runs: number;
}

export interface UserResult {
  warm: StartFigures;
  /** Null where the page cache could not be dropped; `cacheNote` says why. */
  cold: StartFigures | null;
  cacheNote: string;
  /** The shell's process tree while it answered the query set. */
  rssReady: number;
  rssPeak: number;
  /** Shell lines answered for the RSS figures. */
  answered: number;
}

/** A bench query as a user types it into the shell; null for what the shell has no line for. */
export function shellLine(query: BenchQuery): string | null {
  const text = query.text.replace(/\s+/g, " ").trim();
  switch (query.command) {
    case "search":
      return `/search query:${text}`;
    case "find-source":
      return `/find-source text:${text}`;
    case "quote":
      return `/quote speaker:${text}`;
    case "who":
      return `/who claim:${text}`;
    default:
      return null;
  }
}

/** The pids under `root` (itself included), from `/proc/<pid>/stat` lines by pid. */
export function treeOf(root: number, stats: ReadonlyMap<number, string>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) {
    // The command name is in parentheses and may hold spaces: the parent pid follows its close.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return tree;
}

/** RSS of a process and everything it started, in bytes; 0 where /proc cannot be read. */
export function treeRss(root: number): number {
  const stats = new Map<number, string>();
  let names: string[] = [];
  try {
    names = readdirSync("/proc").filter((n) => /^\d+$/.test(n));
  } catch {
    return 0;
  }
  for (const name of names) {
    try {
      stats.set(Number(name), readFileSync(`/proc/${name}/stat`, "utf8"));
    } catch {
      // gone since the listing
    }
  }
  let rss = 0;
  for (const pid of treeOf(root, stats)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return rss;
}

/**
 * Drops the page cache so that the next start reads the saved index from disk. Needs root on a
 * machine whose /proc/sys is writable; says why not otherwise.
 */
export function dropPageCache(): string | null {
  try {
    spawnSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3");
    return null;
  } catch (error) {
    return `the page cache could not be dropped here (${(error as NodeJS.ErrnoException).code ?? String(error)}), so only warm starts are measured`;
  }
}

/** A started shell: its output so far, and a way to wait for the nth prompt. */
class Shell {
  readonly child: ChildProcess;
  private output = "";
  private prompts = 0;
  private waiters: { n: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(paths: UserPaths) {
    this.child = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: userEnv(paths),
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    this.child.stdout?.on("data", (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
      let at = this.output.indexOf(PROMPT);
      while (at >= 0) {
        this.prompts++;
        this.output = this.output.slice(at + PROMPT.length);
        at = this.output.indexOf(PROMPT);
      }
      const due = this.waiters.filter((w) => w.n <= this.prompts);
      this.waiters = this.waiters.filter((w) => w.n > this.prompts);
      for (const w of due) w.resolve();
    });
    this.child.stderr?.resume();
    // One listener for every waiter: the bench asks for a prompt per query (over a thousand).
    this.child.once("exit", (code) => {
      for (const w of this.waiters) {
        w.reject(new Error(`the shell exited (code ${code}) before prompt ${w.n}`));
      }
      this.waiters = [];
    });
  }

  /** Resolves once the shell has printed its nth prompt (the first comes when it is ready). */
  prompt(n: number): Promise<void> {
    if (n <= this.prompts) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the shell gave no prompt ${n} in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      this.waiters.push({
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  send(line: string): void {
    this.child.stdin?.write(`${line}\n`);
  }

  /** Ends the shell and everything it started (npm runs tsx, which runs node). */
  stop(): void {
    if (this.child.pid !== undefined && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

/** The environment a user's shell start has: no token, no watcher, the bench's folders. */
function userEnv(paths: UserPaths): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: paths.dataDir,
    INDEX_DIR: paths.indexDir,
    WATCH: "false",
    // Set and empty: a developer's .env must not turn the shell into the bot.
    DISCORD_TOKEN: "",
  };
}

/** `npm start` to the end of its first answer, in ms. */
async function timeFirstAnswer(paths: UserPaths, firstLine: string): Promise<number> {
  const started = performance.now();
  const shell = new Shell(paths);
  try {
    // Typed at once, as a user who does not wait for the prompt: read when the shell is ready.
    shell.send(firstLine);
    await shell.prompt(2);
    return performance.now() - started;
  } finally {
    shell.stop();
  }
}

/** `npx whosaid ask` from start to exit, in ms. */
function timeAsk(paths: UserPaths, line: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "whosaid", "ask", line], {
      cwd: ROOT,
      env: userEnv(paths),
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), START_TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`npx whosaid ask exited with code ${code}`));
    });
  });
}

async function startFigures(
  paths: UserPaths,
  firstLine: string,
  runs: number,
  before: () => void,
): Promise<StartFigures> {
  const first: number[] = [];
  const ask: number[] = [];
  for (let run = 0; run < runs; run++) {
    before();
    first.push(await timeFirstAnswer(paths, firstLine));
    before();
    ask.push(await timeAsk(paths, firstLine));
  }
  return { firstAnswerMs: median(first), askMs: median(ask), runs };
}

/** The shell's process tree RSS while it answers `lines` one after the other. */
async function shellMemory(
  paths: UserPaths,
  lines: readonly string[],
): Promise<{ rssReady: number; rssPeak: number; answered: number }> {
  const shell = new Shell(paths);
  const pid = shell.child.pid as number;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(pid));
  };
  const timer = setInterval(sample, 50);
  try {
    await shell.prompt(1);
    const rssReady = treeRss(pid);
    for (const [i, line] of lines.entries()) {
      shell.send(line);
      await shell.prompt(i + 2);
    }
    sample();
    return { rssReady, rssPeak: Math.max(peak, rssReady), answered: lines.length };
  } finally {
    clearInterval(timer);
    shell.stop();
  }
}

/** Starts whosaid as a user does over a saved index and measures what they wait for. */
export async function userStartPart(
  paths: UserPaths,
  queries: readonly BenchQuery[],
  { runs = 3, cold = true }: { runs?: number; cold?: boolean } = {},
): Promise<UserResult> {
  const lines = queries.map(shellLine).filter((l): l is string => l !== null);
  const firstLine = lines.find((l) => l.startsWith("/search")) ?? "/search the";
  const warm = await startFigures(paths, firstLine, runs, () => {});
  const cacheNote = cold ? dropPageCache() : "cold starts not asked for";
  const coldFigures =
    cacheNote === null ? await startFigures(paths, firstLine, runs, dropPageCache) : null;
  const memory = await shellMemory(paths, lines);
  return {
    warm,
    cold: coldFigures,
    cacheNote: cacheNote ?? "cold starts follow a dropped page cache",
    ...memory,
  };
}
