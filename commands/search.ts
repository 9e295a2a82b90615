import { answer, invalid } from "../src/answer/answer.ts";
import { cleanQuery, echo, hasWords, passageItem } from "../src/answer/present.ts";
import { resolveSpeaker } from "../src/answer/speaker-choice.ts";
import { type Command, publicOption } from "../src/command.ts";
import { copiesNotice, groupCopies } from "../src/story/copies.ts";
import { matchCount } from "../src/text/plural.ts";

export const search: Command = {
  name: "search",
  description: "Find passages in the coverage",
  bareOption: "query",
  options: [
    {
      name: "query",
      description: "Words to look for",
      type: "string",
      required: true,
      maxLength: 500,
    },
    {
      name: "speaker",
      description: "Only passages quoting this speaker",
      type: "string",
      autocomplete: "speaker",
    },
    {
      name: "outlet",
      description: "Only articles from this outlet",
      type: "string",
      maxLength: 100,
    },
    publicOption,
  ],
  run(args, { library }) {
    const query = cleanQuery(args.query);
    if (!hasWords(query.text)) {
      return invalid(
        "search",
        "Type some words to search for, e.g. /search query:crude intelligence methods",
      );
    }
    let speakerId: string | undefined;
    if (args.speaker) {
      const choice = resolveSpeaker(library, String(args.speaker), "search");
      if (choice.kind === "answer") return choice.answer;
      speakerId = choice.speaker.id;
    }
    const outlet = args.outlet ? String(args.outlet) : undefined;
    const hits = library.searchPassages(query.text, { limit: 50, outlet, speakerId });
    const filters = [
      speakerId ? `quoting ${library.speaker(speakerId)?.name}` : "",
      outlet ? `in ${outlet}` : "",
    ].filter(Boolean);
    const where = filters.length ? ` ${filters.join(" ")}` : "";
    const heading = hits.length
      ? `${matchCount(hits.length, "passage", hits.length === 50)} ${echo(query.text)}${where}`
      : `No passage matches ${echo(query.text)}${where}`;
    const items = groupCopies(
      hits.map((h) => passageItem(h, library)),
      library,
    );
    const notice = [query.notice, copiesNotice(hits.length, items)].filter(Boolean).join(" ");
    return answer("search", heading, items, notice || null);
  },
};
