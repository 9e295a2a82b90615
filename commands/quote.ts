import { answer } from "../src/answer/answer.ts";
import { cleanQuery, echo, hasWords, quoteItem, quoteText } from "../src/answer/present.ts";
import { resolveSpeaker } from "../src/answer/speaker-choice.ts";
import { type Command, publicOption } from "../src/command.ts";
import type { AttributionHit } from "../src/library/api.ts";
import { copiesNotice, groupCopies } from "../src/story/copies.ts";
import { plural } from "../src/text/plural.ts";

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
    const listed = library.quotesBy(speaker.id, { about: topic, limit: MAX_LISTED });
    const hits = oncePerArticle(listed);
    // The speaker's own count, less the repeats dropped: a list is cut at MAX_LISTED, a count is not.
    const total = Math.max(speaker.quotes - (listed.length - hits.length), hits.length);
    const count = plural(total, "quote");
    const onTopic = hits.filter((h) => h.score > 0).length;
    const heading = !topic
      ? `${speaker.name}: ${count}`
      : onTopic > 0
        ? `${speaker.name}: ${count}, ${onTopic}${onTopic === MAX_LISTED ? "+" : ""} about ${echo(topic)} first`
        : `${speaker.name}: ${count}, none about ${echo(topic)}`;
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

/**
 * A statement an article prints twice (a lead that restates a paragraph) is one statement: it
 * is listed once, cited to the body paragraph, which `/article` numbers, rather than the lead.
 */
function oncePerArticle(hits: AttributionHit[]): AttributionHit[] {
  const kept = new Map<string, number>();
  const out: (AttributionHit | null)[] = [];
  for (const hit of hits) {
    const a = hit.attribution;
    const key = `${a.articleId}|${quoteText(a).toLowerCase()}`;
    const at = kept.get(key);
    if (at !== undefined && !(out[at]?.attribution.paragraph === 0 && a.paragraph > 0)) continue;
    if (at !== undefined) out[at] = null;
    kept.set(key, out.push(hit) - 1);
  }
  return out.filter((h) => h !== null);
}
