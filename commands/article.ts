import { answer, invalid } from "../src/answer/answer.ts";
import { type Command, publicOption } from "../src/command.ts";

export const article: Command = {
  name: "article",
  description: "Read one article, paragraph by paragraph",
  bareOption: "id",
  options: [
    {
      name: "id",
      description: "The article's id, as citations show it",
      type: "string",
      required: true,
      autocomplete: "article",
      maxLength: 100,
    },
    publicOption,
  ],
  run(args, { library }) {
    const id = String(args.id ?? "").trim();
    const close = library.article(id) ? [] : library.suggestArticles(id, 5);
    const found =
      library.article(id) ?? (close.length === 1 ? library.article(close[0]?.id ?? "") : undefined);
    if (!found && close.some((a) => a.id === id)) {
      // Listed, but its saved text could not be read: the library is reading it again.
      return invalid(
        "article",
        `The saved text of “${id}” is damaged and is being read again from its file. Try again in a moment.`,
      );
    }
    if (!found) {
      return invalid(
        "article",
        close.length
          ? `No article has the id “${id}”. Did you mean: ${close.map((a) => a.id).join(", ")}?`
          : `No article has the id “${id}”. Type /articles to list them.`,
      );
    }
    const heading = found.title ?? found.id;
    return answer(
      "article",
      heading,
      found.paragraphs.map((p) => ({
        kind: "passage",
        speaker: null,
        text: p.text,
        citation: library.citation(found.id, p.n),
      })),
      found.lead,
    );
  },
};
