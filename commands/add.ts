import { answer, invalid } from "../src/answer/answer.ts";
import type { Command } from "../src/command.ts";
import { plural } from "../src/text/plural.ts";

export const add: Command = {
  name: "add",
  description: "Add an article from a link: fetched, saved and indexed (server managers)",
  bareOption: "url",
  managersOnly: true,
  options: [
    {
      name: "url",
      description: "The article's link (http or https)",
      type: "string",
      required: true,
      maxLength: 2000,
    },
  ],
  async run(args, { library, live }) {
    const url = String(args.url ?? "").trim();
    if (!live) {
      return invalid(
        "add",
        "Adding links works in the Discord bot and with `npx whosaid add <url>`.",
      );
    }
    if (!url)
      return invalid("add", "Give the article's link, e.g. /add url:https://tass.com/politics/1");
    let added: Awaited<ReturnType<typeof live.add>>;
    try {
      added = await live.add(url);
    } catch (error) {
      return invalid("add", `Could not add ${url}: ${(error as Error).message}`);
    }
    const title = added.title ?? added.url;
    const found = `${plural(added.statements, "statement")} by ${plural(added.speakers, "speaker")}`;
    const article = library.articles().find((a) => a.file === added.file);
    const heading = `${added.fresh ? "Added" : "Already in the coverage:"} “${title}”${added.outlet ? ` (${added.outlet})` : ""}: ${found}`;
    return answer("add", heading, [
      {
        kind: "article",
        speaker: null,
        text: title,
        details: [found, `saved as ${added.file}${article ? `, /article id:${article.id}` : ""}`],
        ...(article ? { citation: library.citation(article.id, 0) } : {}),
      },
    ]);
  },
};
