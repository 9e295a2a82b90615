/**
 * The real CLI (`bin/whosaid.js`) in a child process. A child that outlives its test is killed
 * when the file's tests end: a timed-out test must not leave a `whosaid add` running for minutes.
 */
import { type ChildProcess, execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll } from "vitest";

export const root = join(import.meta.dirname, "../..");
export const bin = join(root, "bin/whosaid.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
});

/** Runs the CLI with exactly these arguments; a non-zero exit is a result, not an error. */
export function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], options, (error, stdout, stderr) => {
      running.delete(child);
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
    running.add(child);
  });
}
