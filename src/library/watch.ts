import { isAbsolute, relative, resolve, sep } from "node:path";
import { watch } from "chokidar";

/**
 * Watches the data folder and calls `onChange` once a burst of changes has settled for
 * `debounceMs`. Hidden entries and the index folder are not watched: saving the index must not
 * trigger a refresh. Returns the function that stops watching.
 */
export function watchFolder(
  dataDir: string,
  indexDir: string,
  debounceMs: number,
  onChange: () => void,
): () => Promise<void> {
  const root = resolve(dataDir);
  const index = resolve(indexDir);
  const ignored = (path: string) => {
    const full = resolve(path);
    if (full === index || full.startsWith(index + sep)) return true;
    const inside = relative(root, full);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return false;
    return inside.split(sep).some((part) => part.startsWith("."));
  };
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  const watcher = watch(root, { ignoreInitial: true, ignored });
  for (const event of ["add", "change", "unlink", "addDir", "unlinkDir"] as const) {
    watcher.on(event, schedule);
  }
  return async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    await watcher.close();
  };
}
