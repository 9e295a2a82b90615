import { type Answer, type AnswerItem, answer, invalid } from "../src/answer/answer.ts";
import { quoteItem } from "../src/answer/present.ts";
import { findSources, MAX_WORDS, type SourceMatch } from "../src/answer/source-match.ts";
import type { Command } from "../src/command.ts";
import type { Library } from "../src/library/api.ts";

/**
 * "Find source": given the text of a message that quotes someone, find the passage the words
 * come from and who said them there, and say whether the wording is exact, close (with the
 * difference word by word) or not in the coverage.
 */
export const findSource: Command = {
  name: "find-source",
  description: "Find the passage a quote comes from, who said it, and whether the wording matches",
  bareOption: "text",
  options: [
    {
      name: "text",
      description: "The quote as someone wrote it",
      type: "string",
      required: true,
      maxLength: 4000,
    },
  ],
  run(args, { library }) {
    return findSourceOf(String(args.text ?? ""), library);
  },
};

function findSourceOf(text: string, library: Library): Answer {
  const found = findSources(text, library);
  if (!found) {
    return invalid(
      "find-source",
      "There are too few words to look for: pick a message that quotes at least three words.",
    );
  }
  const notices: string[] = [];
  if (found.repeated) notices.push("A sentence the message repeats was compared once.");
  if (found.shortened)
    notices.push(`Only the first ${MAX_WORDS} words of a long quote were compared.`);
  const [first] = found.matches;
  if (!first) {
    const none = `None of the ${library.articleCount} articles has these words, or words close to them.`;
    return {
      command: "find-source",
      heading: "Not in the coverage",
      items: [],
      notice: [none, ...notices].join(" "),
      status: "empty",
    };
  }
  const items = found.matches.map((m) => sourceItem(m, library));
  if (!first.said)
    notices.push("The article does not make clear who said this; no name is guessed.");
  const wording =
    first.wording === "exact"
      ? "exact wording"
      : first.negationChanged
        ? "close wording but the opposite meaning"
        : "close wording";
  // Cited where the item is: a quote's own paragraph, which may be before the matched words.
  const c = items[0]?.citation;
  const where = c ? [c.outlet ?? c.title ?? c.articleId, c.date, `¶${c.paragraph}`] : [];
  const heading = `${items[0]?.speaker ?? "Speaker unclear"}: ${wording}, ${where.filter(Boolean).join(" ")}`;
  return answer("find-source", heading, items, notices.length ? notices.join(" ") : null);
}

function sourceItem(match: SourceMatch, library: Library): AnswerItem {
  const details =
    match.wording === "exact"
      ? ["Exact wording: the message matches the article word for word."]
      : [
          `Close wording: ${Math.round(match.similarity * 100)}% of the words match.`,
          `Difference (article → message): ${match.diff ?? ""}`,
          ...(match.negationChanged
            ? ["Meaning changed: the message adds or drops a negation, so it says the opposite."]
            : []),
        ];
  if (match.said) return { ...quoteItem(match.said, library), details };
  return {
    kind: "passage",
    speaker: null,
    text: match.source,
    citation: library.citation(match.articleId, match.paragraph),
    details,
  };
}
