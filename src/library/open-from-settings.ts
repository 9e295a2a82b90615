import type { Settings } from "../config.ts";
import { type LibraryHandle, openLibrary } from "./open-library.ts";

/** How a surface uses the library it opens. */
export interface SurfaceUse {
  /**
   * The bot and the shell: they watch the folder when the settings ask, and answer from the
   * saved index at once, taking in what changed in the folder since after. A one-off command
   * (`ask`, `index`, `add`) waits for the folder instead.
   */
  serving?: boolean;
  /** Read every article again (`whosaid index`). */
  rebuild?: boolean;
  /** Where skipped files, warnings and refresh failures go. */
  log: (line: string) => void;
}

/** The library the settings name, opened the one way every surface opens it. */
export function openFromSettings(settings: Settings, use: SurfaceUse): Promise<LibraryHandle> {
  return openLibrary({
    dataDir: settings.dataDir,
    indexDir: settings.indexDir,
    maxArticleBytes: settings.maxArticleBytes,
    watch: use.serving === true && settings.watch,
    answerBeforeScan: use.serving === true,
    rebuild: use.rebuild === true,
    log: use.log,
  });
}
