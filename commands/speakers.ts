import { answer } from "../src/answer/answer.ts";
import { cleanQuery, echo } from "../src/answer/present.ts";
import { speakerDetails } from "../src/answer/speaker-choice.ts";
import { type Command, publicOption } from "../src/command.ts";
import { matchCount, plural } from "../src/text/plural.ts";

/** A list longer than this is cut, most quoted first: nobody reads 2,000 names in a chat. */
const MAX_LISTED = 100;

export const speakers: Command = {
  name: "speakers",
  description: "Who is quoted, how often, under which names and roles",
  bareOption: "filter",
  options: [
    {
      name: "filter",
      description: "Only speakers whose name or role contains this",
      type: "string",
      maxLength: 100,
    },
    publicOption,
  ],
  run(args, { library }) {
    const filter = cleanQuery(args.filter).text;
    const all = filter ? library.findSpeakers(filter, 200) : library.speakers();
    const list = [...all].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
    const shown = list.slice(0, MAX_LISTED);
    const heading = filter
      ? `${matchCount(list.length, "speaker")} ${echo(filter)}`
      : `${plural(list.length, "speaker")} quoted in ${plural(library.articleCount, "article")}`;
    const notice =
      list.length > shown.length
        ? `Showing the ${shown.length} most quoted; add a filter to narrow the list.`
        : null;
    return answer(
      "speakers",
      heading,
      shown.map((s) => ({
        kind: "speaker",
        speaker: s.name,
        text: s.name,
        details: speakerDetails(s),
      })),
      notice,
    );
  },
};
