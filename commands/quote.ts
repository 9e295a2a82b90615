import { answer } from "../src/answer.ts";
import { type Command, publicOption } from "../src/command.ts";
import { plural } from "../src/plural.ts";
import { cleanQuery, hasWords, quoteItem } from "../src/present.ts";
import { resolveSpeaker } from "../src/speaker-choice.ts";
import { copiesNotice, groupCopies } from "../src/story/copies.ts";

/** Quotes listed at most; the heading still counts them all. */
const MAX_LISTED = 50;

export const quote: Command = {
  name: "quote",
  description: "What a speaker said, with the evidence and where it stands",
  bareOption: "speaker",
  options: [
    {
      name: "speaker",
      description: "A name or role: Peskov, MI5 chief",
      type: "string",
      required: true,
      autocomplete: "speaker",
      maxLength: 100,
    },
    {
      name: "about",
      description: "Put quotes on this topic first",
      type: "string",
      maxLength: 500,
    },
    publicOption,
  ],
  run(args, { library }) {
    const choice = resolveSpeaker(library, String(args.speaker ?? ""), "quote");
    if (choice.kind === "answer") return choice.answer;
    const { speaker } = choice;
    const about = args.about ? cleanQuery(args.about) : null;
    const topic = about && hasWords(about.text) ? about.text : undefined;
    const hits = library.quotesBy(speaker.id, { about: topic, limit: MAX_LISTED });
    // The speaker's own count: a list is cut at MAX_LISTED, a count is not.
    const total = Math.max(speaker.quotes, hits.length);
    const count = plural(total, "quote");
    const onTopic = hits.filter((h) => h.score > 0).length;
    const heading = !topic
      ? `${speaker.name}: ${count}`
      : onTopic > 0
        ? `${speaker.name}: ${count}, ${onTopic}${onTopic === MAX_LISTED ? "+" : ""} about “${topic}” first`
        : `${speaker.name}: ${count}, none about “${topic}”`;
    const cut = total > hits.length ? `Showing the first ${hits.length}.` : null;
    const items = groupCopies(
      hits.map((h) => quoteItem(h, library)),
      library,
    );
    const notices = [choice.notice, about?.notice ?? null, cut, copiesNotice(hits.length, items)];
    const notice = notices.filter(Boolean).join(" ");
    return answer("quote", heading, items, notice || null);
  },
};
