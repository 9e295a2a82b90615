import { answer } from "../src/answer.ts";
import { type Command, publicOption } from "../src/command.ts";
import { plural } from "../src/plural.ts";
import { cleanQuery } from "../src/present.ts";

/** A list longer than this is cut, newest first. */
const MAX_LISTED = 100;

export const articles: Command = {
  name: "articles",
  description: "List the articles whosaid has read",
  bareOption: "filter",
  options: [
    {
      name: "filter",
      description: "Only articles whose id or title contains this",
      type: "string",
      maxLength: 100,
    },
    publicOption,
  ],
  run(args, { library }) {
    const filter = cleanQuery(args.filter).text;
    const list = filter ? library.suggestArticles(filter, MAX_LISTED + 1) : library.articles();
    const shown = list.slice(0, MAX_LISTED);
    const more = list.length > shown.length;
    const heading = filter
      ? `${more ? `${MAX_LISTED}+ articles` : plural(list.length, "article")} match “${filter}”`
      : plural(list.length, "article");
    const notice = more
      ? `Showing the first ${shown.length}; add a filter to narrow the list.`
      : null;
    return answer(
      "articles",
      heading,
      shown.map((a) => ({
        kind: "article",
        speaker: null,
        text: a.title ?? a.id,
        details: [`id ${a.id}`, plural(a.paragraphCount, "paragraph")],
        citation: library.citation(a.id, 0),
      })),
      notice,
    );
  },
};
