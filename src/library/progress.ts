/** Reports how far a long step has gone: `done` of `total` items. */
export type Progress = (done: number, total: number) => void;

const WIDTH = 30;
const EVERY_MS = 100;

/**
 * A progress bar on a terminal, redrawn in place at most ten times a second and cleared when
 * done; null where the stream is not a terminal (a log file or a pipe gets no bar).
 */
export function terminalProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress | null {
  if (!stream.isTTY) return null;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < EVERY_MS) return;
    last = now;
    if (done >= total) {
      stream.write("\r\x1b[K");
      return;
    }
    const share = total > 0 ? done / total : 0;
    const filled = Math.round(share * WIDTH);
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    stream.write(
      `\r${label} [${bar}] ${Math.floor(share * 100)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}`,
    );
  };
}
