import { answer, invalid } from "../src/answer/answer.ts";
import type { Command } from "../src/command.ts";
import { plural } from "../src/text/plural.ts";

export const feeds: Command = {
  name: "feeds",
  description:
    "The news feeds whosaid follows: last success, last error, articles taken (server managers)",
  managersOnly: true,
  options: [],
  run(_args, { live }) {
    if (!live) return invalid("feeds", "Feeds are followed while the Discord bot runs.");
    const list = live.status();
    if (list.length === 0) {
      return answer(
        "feeds",
        "No feeds are followed",
        [],
        "List feed URLs in feeds.txt in the data folder (one a line) or in FEEDS in .env.",
      );
    }
    const failing = list.filter((f) => f.lastError).length;
    return answer(
      "feeds",
      `${plural(list.length, "feed")}${failing ? `, ${failing} failing` : ""}`,
      list.map((f) => ({
        kind: "feed",
        speaker: null,
        text: f.title ? `${f.title} · ${f.url}` : f.url,
        details: [
          `last success: ${f.lastSuccess ?? "never"}`,
          ...(f.lastError ? [`last error (${f.lastErrorAt}): ${f.lastError}`] : []),
          `${plural(f.items, "article")} taken in`,
        ],
      })),
    );
  },
};
