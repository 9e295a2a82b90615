import { answer, invalid } from "../src/answer.ts";
import { type Command, publicOption } from "../src/command.ts";
import type { AttributionHit } from "../src/library.ts";
import { cleanQuery, echo, hasWords, quoteItem, quoteText } from "../src/present.ts";
import { groupCopies } from "../src/story/copies.ts";

const MAX_CLAIMS = 10;
const MAX_DENIALS = 5;
/** Share of the best match's score below which a statement is not shown as an answer. */
const RELEVANT = 0.3;

export const who: Command = {
  name: "who",
  description: "Who said or claimed something, and who denied it",
  bareOption: "claim",
  options: [
    {
      name: "claim",
      description: "The claim, or a question: who accused Russia of …?",
      type: "string",
      required: true,
      maxLength: 500,
    },
    publicOption,
  ],
  run(args, { library }) {
    const claim = cleanQuery(args.claim);
    if (!hasWords(claim.text)) {
      return invalid(
        "who",
        "Type the claim to look for, e.g. /who claim:who accused Russia of interfering?",
      );
    }
    const hits = distinct(library.searchAttributions(claim.text, { limit: 30 }));
    const top = hits[0];
    if (!top)
      return answer(
        "who",
        `Nobody in the coverage is reported saying ${echo(claim.text)}`,
        [],
        claim.notice,
      );
    // A weak match far below the best is another statement that shares a few words: leave it out.
    const claims = hits.filter((h) => h.score >= top.score * RELEVANT).slice(0, MAX_CLAIMS);

    // Where the best match is an allegation, the reader also wants to know who denied it: a denial
    // the article ties to that accuser, or one whose own words match the claim as well.
    const denials =
      top.attribution.stance === "allegation"
        ? distinct(library.searchAttributions(claim.text, { stance: "denial", limit: 20 }))
            .filter(
              (d) =>
                !claims.includes(d) &&
                ((d.attribution.answers !== null &&
                  d.attribution.answers === top.speaker?.name &&
                  d.attribution.articleId === top.attribution.articleId) ||
                  d.score >= top.score * RELEVANT),
            )
            .slice(0, MAX_DENIALS)
        : [];
    // Copies of one story (a wire text in several outlets) show once, "also in" the others.
    const items = groupCopies(
      [
        ...claims.map((h) => quoteItem(h, library, "claim")),
        ...denials.map((h) => quoteItem(h, library, "denial")),
      ],
      library,
    );
    const outlet = library.citation(top.attribution.articleId, top.attribution.paragraph).outlet;
    const per = outlet ? ` (per ${outlet})` : "";
    const heading = top.speaker
      ? `${top.speaker.name}${per}`
      : `Unclear: the article says “${top.attribution.mention?.text ?? "someone"}” and does not make clear who${per}`;
    const notice = [
      top.speaker ? null : "The speaker of the best match is not named clearly in the article.",
      claim.notice,
    ].filter(Boolean);
    return answer("who", heading, items, notice.length ? notice.join(" ") : null);
  },
};

/**
 * Drops repeats of one statement in one article (a lead that restates a paragraph), keeping the
 * best-ranked; repeats in copies of the story elsewhere are grouped by groupCopies.
 */
function distinct(hits: AttributionHit[]): AttributionHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.attribution.articleId}|${h.speaker?.id ?? h.attribution.mention?.text}|${quoteText(h.attribution).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
