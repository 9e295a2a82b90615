import { answer, invalid } from "../src/answer/answer.ts";
import { cleanQuery, echo, hasWords, quoteItem, quoteText } from "../src/answer/present.ts";
import { resolveSpeaker } from "../src/answer/speaker-choice.ts";
import { type Command, publicOption } from "../src/command.ts";
import type { AttributionHit } from "../src/library/api.ts";
import { copiesNotice, groupCopies } from "../src/story/copies.ts";
import { plural } from "../src/text/plural.ts";

/** Quotes listed on one page; the heading still counts them all, and page:N turns to the next. */
const MAX_LISTED = 50;
/** The furthest page asked for: 50,000 quotes, more than anyone is quoted. */
const MAX_PAGE = 1000;

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
    {
      name: "page",
      description: `Which ${MAX_LISTED} quotes to list: page:2 for the next`,
      type: "integer",
      minValue: 1,
      maxValue: MAX_PAGE,
    },
    publicOption,
  ],
  run(args, { library }) {
    const page = args.page === undefined ? 1 : Number(args.page);
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
      return invalid("quote", `page takes a whole number from 1 to ${MAX_PAGE}, e.g. page:2`);
    }
    const choice = resolveSpeaker(library, String(args.speaker ?? ""), "quote");
    if (choice.kind === "answer") return choice.answer;
    const { speaker } = choice;
    const about = args.about ? cleanQuery(args.about) : null;
    const topic = about && hasWords(about.text) ? about.text : undefined;
    const from = (page - 1) * MAX_LISTED;
    const listed = library.quotesBy(speaker.id, {
      about: topic,
      limit: MAX_LISTED,
      offset: from,
      storiesFirst: true,
    });
    const hits = oncePerArticle(listed);
    // The speaker's own count, less the repeats dropped: a list is cut at MAX_LISTED, a count is not.
    const total = Math.max(speaker.quotes - (listed.length - hits.length), from + hits.length);
    const count = plural(total, "quote");
    const onTopic = hits.filter((h) => h.score > 0).length;
    const heading = !topic
      ? `${speaker.name}: ${count}`
      : onTopic > 0
        ? `${speaker.name}: ${count}, ${onTopic}${onTopic === MAX_LISTED ? "+" : ""} about ${echo(topic)} first`
        : `${speaker.name}: ${count}, none about ${echo(topic)}`;
    const cut = pageNotice(page, from, hits.length, total);
    const items = groupCopies(
      hits.map((h) => quoteItem(h, library)),
      library,
    );
    const notices = [choice.notice, about?.notice ?? null, cut, copiesNotice(hits.length, items)];
    const notice = notices.filter(Boolean).join(" ");
    return answer("quote", heading, items, notice || null);
  },
};

/** Which of the quotes this page shows, and how to turn to the next: null when it shows all. */
function pageNotice(page: number, from: number, shown: number, total: number): string | null {
  if (page === 1 && total <= shown) return null;
  if (shown === 0) return `Page ${page} is past the last quote; page:1 starts from the top.`;
  const which = page === 1 ? `the first ${shown}` : `${from + 1}–${from + shown}`;
  const next = from + shown < total ? ` Ask with page:${page + 1} for the next.` : "";
  return `Showing ${which}.${next}`;
}

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
