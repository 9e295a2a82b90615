import { add } from "../../commands/add.ts";
import type { Settings } from "../config.ts";
import { openFromSettings } from "../library/open-from-settings.ts";
import { renderText } from "../surfaces/render-text.ts";
import { startLive } from "./start-live.ts";

/**
 * `whosaid add <url>`: fetches, saves and indexes one article and prints what /add answers in
 * Discord. Returns the exit code: 0 added (or already there), 1 refused or failed, 2 no URL.
 */
export async function addFromCommandLine(
  settings: Settings,
  urls: string[],
  json: boolean,
): Promise<number> {
  if (urls.length !== 1) {
    console.error("Give one article link to add, e.g. whosaid add https://tass.com/politics/1");
    return 2;
  }
  const handle = await openFromSettings(settings, {
    log: (line) => line.startsWith("skipped ") || console.error(line),
  });
  const live = await startLive(settings, handle, { poll: false, log: (l) => console.error(l) });
  try {
    const answer = await add.run(
      { url: urls[0] },
      { library: handle.library, live: live.coverage, surface: "cli" },
    );
    console.log(json ? JSON.stringify(answer, null, 2) : renderText(answer));
    return answer.status === "invalid" ? 1 : 0;
  } finally {
    await live.close();
    await handle.close();
  }
}
