import { answer } from "../src/answer.ts";
import { type Command, publicOption } from "../src/command.ts";
import { plural } from "../src/plural.ts";
import { cleanQuery } from "../src/present.ts";

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
    const list = filter ? library.suggestArticles(filter, 100) : library.articles();
    const heading = filter
      ? `${plural(list.length, "article")} match “${filter}”`
      : plural(list.length, "article");
    return answer(
      "articles",
      heading,
      list.map((a) => ({
        kind: "article",
        speaker: null,
        text: a.title ?? a.id,
        details: [`id ${a.id}`, `${a.paragraphs.length} paragraphs`],
        citation: library.citation(a.id, 0),
      })),
    );
  },
};
