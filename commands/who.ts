import { type AnswerItem, answer, invalid } from "../src/answer/answer.ts";
import { cleanQuery, hasWords, quoteItem, quoteText } from "../src/answer/present.ts";
import { type Checked, checkClaim, type NamedSpeaker } from "../src/claims/check.ts";
import { type Command, publicOption } from "../src/command.ts";
import type { AttributionHit } from "../src/library/api.ts";
import { parseClaim } from "../src/search/question.ts";
import { groupCopies } from "../src/story/copies.ts";

const MAX_CLAIMS = 10;
const MAX_DENIALS = 5;
/** Longest stretch of the closest statement the notice quotes. */
const NOTICE_QUOTE = 120;

export const NOBODY = "Nobody in the coverage is reported saying that";

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
    const typed = cleanQuery(args.claim);
    if (!hasWords(typed.text)) {
      return invalid(
        "who",
        "Type the claim to look for, e.g. /who claim:who accused Russia of interfering?",
      );
    }
    const claim = parseClaim(typed.text);
    if (!hasWords(claim.text)) {
      return invalid(
        "who",
        `Say what was claimed, not only who: e.g. /who claim:${claim.speaker ?? "Peskov"} said the claims were unfounded`,
      );
    }
    const { outcome, named } = checkClaim(claim, library);
    const notices: (string | null)[] = [];
    if (outcome.kind === "nobody") {
      notices.push(nobodyNotice(outcome.closest, named, outcome.unknownSpeaker));
      const others = outcome.related.filter((c) => c.byAnother);
      const namedOthers = [
        ...new Set(others.flatMap((c) => (c.hit.speaker ? [c.hit.speaker.name] : []))),
      ];
      if (namedOthers.length)
        notices.push(
          `${namedOthers.join(", ")} ${namedOthers.length > 1 ? "are" : "is"} reported saying it (below).`,
        );
      // The words match a statement whose speaker the article leaves unclear: it may or may
      // not be the one named, so the answer says neither.
      const unclear = others.find((c) => !c.hit.speaker);
      notices.push(typed.notice);
      const items = outcome.related.map((c) => quoteItem(c.hit, library, "related"));
      if (unclear && named) {
        const mention = unclear.hit.attribution.mention?.text ?? "someone";
        return answer(
          "who",
          `Not clear: the words match a statement by “${mention}”, and the article does not make clear who that is`,
          items,
          joined([
            `Whether ${named.asked} said it is not clear: the article does not say who “${mention}” is. The statements below are related, not the claim.`,
            typed.notice,
          ]),
        );
      }
      // "empty": nothing in the coverage makes the claim, whatever related statements it shows.
      return { ...answer("who", NOBODY, items, joined(notices)), status: "empty" };
    }
    const claims = distinct(outcome.claims.map((c) => c.hit)).slice(0, MAX_CLAIMS);
    const links = new Map(outcome.denials.map((l) => [l.denial, l.reasons]));
    const denials = distinct(outcome.denials.map((l) => l.denial)).slice(0, MAX_DENIALS);
    // Copies of one story (a wire text in several outlets) show once, "also in" the others.
    const items: AnswerItem[] = groupCopies(
      [
        ...claims.map((h) => quoteItem(h, library, "claim")),
        // Each denial says why it is taken to answer the claim: what the text ties it by.
        ...denials.map((h) => {
          const reasons = links.get(h) ?? [];
          const item = quoteItem(h, library, "denial");
          return reasons.length ? { ...item, details: [`Linked: ${reasons.join("; ")}`] } : item;
        }),
      ],
      library,
    );
    const top = claims[0] as AttributionHit;
    const outlet = library.citation(top.attribution.articleId, top.attribution.paragraph).outlet;
    const per = outlet ? ` (per ${outlet})` : "";
    const heading = top.speaker
      ? `${top.speaker.name}${per}`
      : `Not clear: the article says “${top.attribution.mention?.text ?? "someone"}” and does not make clear who${per}`;
    if (!top.speaker)
      notices.push("The words match, but the article does not make clear who said them.");
    if (denials.length > 0) notices.push(deniedNotice(denials));
    notices.push(typed.notice);
    return answer("who", heading, items, joined(notices));
  },
};

/** Says who was asked about and what the closest statement lacks. */
function nobodyNotice(
  closest: Checked | null,
  named: NamedSpeaker | null,
  unknownSpeaker: boolean,
): string {
  const lines: string[] = [];
  if (unknownSpeaker && named) lines.push(`The coverage quotes nobody called “${named.asked}”.`);
  else if (named) lines.push(`${named.asked} is not reported saying this.`);
  else lines.push("No statement in the coverage makes this claim.");
  if (closest) {
    const who =
      closest.hit.speaker?.name ?? `“${closest.hit.attribution.mention?.text ?? "someone"}”`;
    const words = clip(quoteText(closest.hit.attribution));
    lines.push(`Closest: ${who}, “${words}”${closest.why ? `, which ${closest.why}` : ""}.`);
    lines.push("The statements below are related, not the claim.");
  }
  return lines.join(" ");
}

function deniedNotice(denials: AttributionHit[]): string {
  const names = [...new Set(denials.map((d) => d.speaker?.name ?? "an unclear speaker"))];
  return `Denied by ${names.join(", ")}.`;
}

function clip(text: string): string {
  if (text.length <= NOTICE_QUOTE) return text;
  return `${text.slice(0, NOTICE_QUOTE).replace(/\s+\S*$/, "")} …`;
}

function joined(notices: (string | null)[]): string | null {
  const kept = notices.filter((n): n is string => Boolean(n));
  return kept.length ? kept.join(" ") : null;
}

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
