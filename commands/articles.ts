import { answer } from "../src/answer/answer.ts";
import { cleanQuery, echo } from "../src/answer/present.ts";
import { type Command, publicOption } from "../src/command.ts";
import type { Library } from "../src/library/api.ts";
import { fold } from "../src/text/fold.ts";
import { matchCount, plural } from "../src/text/plural.ts";
import type { ArticleSummary } from "../src/types.ts";

/** A list longer than this is cut, newest first. */
const MAX_LISTED = 100;

export const articles: Command = {
  name: "articles",
  description: "List the articles whosaid has read",
  bareOption: "filter",
  options: [
    {
      name: "filter",
      description: "Only articles whose title, outlet, date or id contains this",
      type: "string",
      maxLength: 100,
    },
    publicOption,
  ],
  run(args, { library }) {
    const filter = cleanQuery(args.filter).text;
    const list = filter ? filterArticles(library, filter, MAX_LISTED + 1) : library.articles();
    const shown = list.slice(0, MAX_LISTED);
    const more = list.length > shown.length;
    const heading = filter
      ? `${matchCount(more ? MAX_LISTED : list.length, "article", more)} ${echo(filter)}`
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

/**
 * Articles, newest first, in which every word of the filter appears in the title, outlet, date,
 * dateline or id: `/articles TASS`, `/articles 2018-09`, `/articles TASS September`.
 */
function filterArticles(library: Library, filter: string, limit: number): ArticleSummary[] {
  const words = fold(filter).split(" ").filter(Boolean);
  const found: ArticleSummary[] = [];
  for (const a of library.articles()) {
    const text = fold([a.title, a.outlet, a.date, a.dateline, a.id].filter(Boolean).join(" "));
    if (words.every((w) => text.includes(w)) && found.push(a) >= limit) break;
  }
  return found;
}
