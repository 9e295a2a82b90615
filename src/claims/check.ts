import { quoteText } from "../answer/present.ts";
import { REJECTED_NOUNS } from "../attribution/lexicon.ts";
import { isSpeechForm } from "../attribution/speech-verbs.ts";
import type { AttributionHit, Library } from "../library/api.ts";
import type { Claim } from "../search/question.ts";
import type { Speaker } from "../types.ts";
import { type Alignment, align } from "./align.ts";
import {
  answeredBy,
  type DenialLink,
  deniersOf,
  deniesByVerb,
  isDenial,
  sameSpeaker,
} from "./denials.ts";
import { perAnswer } from "./per-answer.ts";
import { oppositesOf, readTerms, sameWord, stemOf, type Term } from "./terms.ts";
import { DISMISSING_WORDS, FRAMING_WORDS, JUDGING_FAMILIES } from "./words.ts";

/**
 * Share of a claim's weighted words a statement must carry to make the claim. Set on the dev
 * questions (../shared/gold/polnear-dev-questions.json): paraphrases that are right sit above,
 * claims nobody makes that share a topic sit below; see README "How /who decides".
 */
export const CLAIM_COVERAGE = 0.3;
/** Share of the claim's words other than names the statement must carry: what is said of them. */
export const PREDICATE_COVERAGE = 0.45;
/**
 * Least words other than names a statement must carry, all of them in a claim with fewer:
 * "the talks had stalled" shares half of "the talks had collapsed", and none of its news.
 */
const MIN_PREDICATE_WORDS = 2;
/** Names of the claim a statement may lack: one may stand as "he" or "the bank"; two is another story. */
const MAX_MISSING_NAMES = 2;
/** Least words of a quotation in the claim that, found word for word, make the claim. */
const MIN_QUOTED_WORDS = 4;
/** Least share for a statement to be shown as related when nobody makes the claim. */
const RELATED_COVERAGE = 0.2;
const MAX_CANDIDATES = 30;
const MAX_RELATED = 3;

export type Role = "claim" | "denial" | "related";

/** One statement as checked against the claim: its role and, when it is not the claim, why. */
export interface Checked {
  hit: AttributionHit;
  alignment: Alignment;
  role: Role | null;
  /** What did not match, in words ("does not mention Ohio, Florida"); null for a claim. */
  why: string | null;
  /** It makes the claim, but its speaker is not the one the claim names. */
  byAnother?: boolean;
}

/** The three outcomes of `/who`. */
export type Outcome =
  | { kind: "claim"; claims: Checked[]; denials: DenialLink[] }
  | { kind: "unclear"; claims: Checked[]; denials: DenialLink[] }
  | { kind: "nobody"; related: Checked[]; closest: Checked | null; unknownSpeaker: boolean };

/** The speaker a claim names, as found among the library's speakers. */
export interface NamedSpeaker {
  asked: string;
  speakers: Speaker[];
}

/**
 * Checks a claim against the statements that share its words: a statement makes the claim when
 * it is by the speaker the claim names (if any), carries enough of its words with the same
 * polarity, names every name, acronym and number in it, carries the judgement a judging verb
 * claims ("praised"), and is a denial where the claim asks who denied something.
 */
export interface ClaimCheck {
  outcome: Outcome;
  named: NamedSpeaker | null;
  /** Every statement looked at, with its role and why: for explaining and tuning. */
  checked: Checked[];
}

export function checkClaim(claim: Claim, whole: Library): ClaimCheck {
  const library = perAnswer(whole);
  const named = claim.speaker ? nameSpeaker(claim.speaker, library) : null;
  const read = claimTerms(claim.text);
  const asksDenial = claim.verbKind === "deny" || read.some((t) => DISMISSING_WORDS.has(t.word));
  // "rejected claims that it played a part": a denial names the claims by its verb alone.
  const terms = asksDenial ? read.filter((t) => t.entity || !REJECTED_NOUNS.has(t.word)) : read;
  const pool = new Map<string, AttributionHit>();
  const add = (h: AttributionHit) => {
    const key = `${h.attribution.articleId}@${h.attribution.evidence.start}@${quoteText(h.attribution)}`;
    if (!pool.has(key)) pool.set(key, h);
  };
  for (const s of named?.speakers ?? []) {
    for (const h of library.quotesBy(s.id, { about: claim.text, limit: MAX_CANDIDATES })) add(h);
  }
  for (const h of library.searchAttributions(claim.text, { limit: MAX_CANDIDATES })) add(h);
  if (asksDenial) {
    // A denial often says little itself ("dismissed the charges"): look for denials, and for
    // the denials of the allegations that match.
    for (const h of library.searchAttributions(claim.text, {
      stance: "denial",
      limit: MAX_CANDIDATES,
    }))
      add(h);
    // The allegation may be one the article gives no stance: "reports alleging that she
    // claimed ...", then "dismissed those reports".
    for (const h of [...pool.values()]
      .filter((p) => p.attribution.stance !== "denial")
      .slice(0, 3)) {
      for (const link of deniersOf(h, library, { acrossArticles: false })) {
        add({ ...link.denial, score: h.score });
      }
    }
  }

  const checked = [...pool.values()].map((hit) =>
    check(hit, terms, claim, named, asksDenial, library),
  );
  readTogether(checked, terms, claim, named, asksDenial, library);
  const claims = namedFirst(
    checked.filter((c) => c.role === "claim").sort((x, y) => y.hit.score - x.hit.score),
  );
  const top = claims[0];
  if (top) {
    const denials = denialsFor(claims, checked, library);
    return {
      outcome: { kind: top.hit.speaker ? "claim" : "unclear", claims, denials },
      named,
      checked,
    };
  }
  const own = (c: Checked) => named?.speakers.some((s) => s.id === c.hit.speaker?.id) ?? false;
  // The named speaker's closest statement first, then whoever does make the claim, then the
  // nearest of the rest.
  const byCoverage = (x: Checked, y: Checked) => y.alignment.coverage - x.alignment.coverage;
  const ownBest = checked.filter(own).sort(byCoverage).slice(0, 1);
  const rest = checked
    .filter(
      (c) =>
        !own(c) &&
        (c.byAnother || (c.alignment.coverage >= RELATED_COVERAGE && !namelessHeadline(c.hit))),
    )
    .sort(
      (x, y) => Number(Boolean(y.byAnother)) - Number(Boolean(x.byAnother)) || byCoverage(x, y),
    );
  const related = [...ownBest, ...rest]
    .slice(0, MAX_RELATED)
    .map((c) => ({ ...c, role: "related" as const }));
  return {
    outcome: {
      kind: "nobody",
      related,
      closest: related[0] ?? null,
      unknownSpeaker: named !== null && named.speakers.length === 0,
    },
    named,
    checked,
  };
}

/** ", saying what matters is ...": a speech verb after a comma goes on with the claim's frame. */
const FRAME_GOES_ON = /,\s+(\p{Ll}+ing)\b/gu;

/**
 * The words a statement must carry to make the claim: the claim's, less those that frame it
 * (FRAMING_WORDS, and ", saying" or ", adding" that goes on reporting: "dismissed the attacks as
 * sideshows, saying what matters is a plan" asks for what matters, not for "saying").
 */
function claimTerms(text: string): Term[] {
  const plain = text.replace(FRAME_GOES_ON, (all, verb: string) =>
    isSpeechForm(verb) ? "," : all,
  );
  // "would not merely be": under a negation the word carries the claim's polarity, so it stays.
  return readTerms(plain).filter((t) => t.negated || !FRAMING_WORDS.has(t.word));
}

/**
 * A headline whose speaker is only a role ("Minister says taxes will rise"): shown beside a
 * claim nobody makes, it names no one and repeats words the body gives with their speaker, so
 * it is noise. It still stands when its own words make the claim ("Not clear" is then right).
 */
function namelessHeadline(hit: AttributionHit): boolean {
  return !hit.speaker && hit.attribution.paragraph === 0;
}

function check(
  hit: AttributionHit,
  terms: readonly Term[],
  claim: Claim,
  named: NamedSpeaker | null,
  asksDenial: boolean,
  library: Library,
  alongside: readonly AttributionHit[] = [],
  before = "",
): Checked {
  const a = hit.attribution;
  const together = [hit, ...alongside];
  let contentText = together.map((h) => quoteText(h.attribution)).join(" . ");
  let contextText = [a, ...alongside.map((h) => h.attribution)]
    .map((x) => `${x.evidence.text} ${x.mention?.text ?? ""} ${x.cue?.text ?? ""}`)
    .concat(before)
    .join(" . ");
  // A denial by its verb ("rejected claims that Russia ...") reports what it denies: its words
  // count turned around. Asked who denied something, the denial carries the allegation's words.
  // Each statement read together keeps its own polarity: the speaker's plain words beside a
  // denial are not denied with it.
  const content = together.flatMap((h) =>
    readTerms(quoteText(h.attribution), deniesByVerb(h) && !asksDenial),
  );
  if (asksDenial && isDenial(hit)) {
    // "called the charges unsubstantiated": what it denies is the allegation it answers, and
    // the sentence that allegation stands in ("according to show insiders") is its context.
    const answered = answeredBy(hit, library)?.attribution;
    if (answered) {
      contentText += ` ${quoteText(answered)}`;
      contextText += ` ${answered.evidence.text}`;
      content.push(...readTerms(quoteText(answered)));
    }
  }
  const context = readTerms(contextText);
  const alignment = align(
    terms,
    asksDenial ? content.map((t) => ({ ...t, negated: false })) : content,
    context,
  );
  const result = (role: Role | null, why: string | null): Checked => ({
    hit,
    alignment,
    role,
    why,
  });
  const judged = judge(hit, alignment, contentText, terms, claim, asksDenial);
  if (named && !named.speakers.some((s) => s.id === hit.speaker?.id)) {
    // Someone else may well say it: the answer says so, but never as the named speaker's claim.
    const by = hit.speaker?.name ?? `“${a.mention?.text ?? "someone"}”`;
    // "Washington denied accusing Russia": a denial of the named speaker's own act, which
    // nobody else's denial can make.
    const ownAct =
      claim.verbKind === "deny" && isSpeechForm(claim.text.split(/\s+/)[0]?.toLowerCase() ?? "");
    if (judged.role === "claim" && !ownAct) {
      return { ...result(null, `is ${by}'s, not ${named.asked}'s`), byAnother: true };
    }
    return result(null, `is not by ${named.asked}`);
  }
  return result(judged.role, judged.why);
}

/** How much less of the claim a named speaker's statement may carry and still lead. */
const NAMED_LEAD = 0.15;

/**
 * The claims with a named speaker's first where it says about as much as the best of those
 * the article leaves unclear: "A senior official said ..." ranks below the minister quoted
 * saying the same, as the answer can name who made the claim.
 */
function namedFirst(claims: Checked[]): Checked[] {
  const top = claims[0];
  if (!top || top.hit.speaker) return claims;
  const named = claims.find(
    (c) => c.hit.speaker && c.alignment.coverage >= top.alignment.coverage - NAMED_LEAD,
  );
  return named ? [named, ...claims.filter((c) => c !== named)] : claims;
}

/** Least coverage of a statement for what stands beside it in its paragraph to be read too. */
const TOGETHER_COVERAGE = 0.2;
/** Most statements read together with their neighbours, for one answer: each reads an article. */
const MAX_TOGETHER = 5;

/**
 * A statement that falls short only of the claim's words (no clash of names, polarity or verb)
 * is read again with what stands beside it in its paragraph, and makes the claim if together
 * they do:
 * - the same speaker's other statements there: "called the bank's conduct outrageous and
 *   wanted executives' pay clawed back" joins two things one speaker said, each reported apart;
 * - the sentence before it, as context (half credit, as the statement's own sentence): "The
 *   Tax Policy Center, reviewing a previous draft of the plan, came to a similar conclusion.
 *   The top 1 percent would see ..., the group said." frames what the group estimated.
 */
function readTogether(
  checked: Checked[],
  terms: readonly Term[],
  claim: Claim,
  named: NamedSpeaker | null,
  asksDenial: boolean,
  library: Library,
): void {
  if (checked.some((c) => c.role === "claim")) return;
  const short = checked
    .filter(
      (c) =>
        c.role === null &&
        c.why?.startsWith("does not say") &&
        c.alignment.coverage >= TOGETHER_COVERAGE,
    )
    .sort((x, y) => y.alignment.coverage - x.alignment.coverage)
    .slice(0, MAX_TOGETHER);
  const done = new Set<string>();
  for (const c of short) {
    const a = c.hit.attribution;
    const place = `${a.articleId}@${a.paragraph}@${c.hit.speaker?.id ?? a.mention?.text}`;
    if (done.has(place)) continue;
    done.add(place);
    const alongside = library
      .statementsIn(a.articleId)
      .filter(
        (h) =>
          h.attribution.paragraph === a.paragraph &&
          sameSpeaker(h, c.hit) &&
          quoteText(h.attribution) !== quoteText(a),
      );
    const before = sentenceBefore(c.hit, library);
    if (alongside.length === 0 && !before) continue;
    const together = check(c.hit, terms, claim, named, asksDenial, library, alongside, before);
    if (together.role === "claim") Object.assign(c, together);
  }
}

/**
 * A word before a full stop that does not end a sentence: a title of up to four letters
 * ("Sen.", "Mrs.", "Gov.") or initials ("U.S.", "D.C.").
 */
const TITLE = /^(?:\p{Lu}\p{Ll}{0,3}|(?:\p{Lu}\.)+\p{Lu})$/u;
/** Longest word TITLE is asked of: titles and initials are short. */
const TITLE_CHARS = 12;
const SENTENCE_STOP = /[.!?]["\u201d\u2019]?\s+(?=["\u201c\u2018]?\p{Lu})/gu;

/**
 * The sentence just before a statement's own, in its paragraph: "" where the statement opens
 * the paragraph, and where that sentence holds someone else's words (another speaker's
 * statement, or a quotation), which must never be read as this speaker's.
 */
function sentenceBefore(hit: AttributionHit, library: Library): string {
  const a = hit.attribution;
  if (a.paragraph < 1) return "";
  const article = library.article(a.articleId);
  const paragraph = article?.paragraphs[a.paragraph - 1];
  if (!article || !paragraph || a.evidence.start <= paragraph.start) return "";
  const text = article.text.slice(paragraph.start, a.evidence.start).trimEnd();
  let from = 0;
  for (const stop of text.matchAll(SENTENCE_STOP)) {
    const end = stop.index + stop[0].length;
    const word = text
      .slice(Math.max(0, stop.index - TITLE_CHARS), stop.index)
      .split(/\s/)
      .pop();
    if (end < text.length && !TITLE.test(word ?? "")) from = end;
  }
  const start = paragraph.start + from;
  const end = paragraph.start + text.length;
  const sentence = text.slice(from);
  if (QUOTE_MARK.test(sentence)) return "";
  const others = library
    .statementsIn(a.articleId)
    .some(
      (h) =>
        h.attribution.evidence.start < end &&
        h.attribution.evidence.end > start &&
        !sameSpeaker(h, hit),
    );
  return others ? "" : sentence;
}

const QUOTE_MARK = /["\u201c\u201d]/u;

/** What the statement's words make of it, whoever the speaker: the claim, a denial, or neither. */
function judge(
  hit: AttributionHit,
  alignment: Alignment,
  contentText: string,
  terms: readonly Term[],
  claim: Claim,
  asksDenial: boolean,
): { role: Role | null; why: string | null } {
  const a = hit.attribution;
  const result = (role: Role | null, why: string | null) => ({ role, why });
  if (quotesVerbatim(claim.text, contentText)) {
    return alignment.opposite ? result(null, "quotes it, but negated") : result("claim", null);
  }
  if (alignment.missingEntities.length >= MAX_MISSING_NAMES) {
    return result(null, `does not mention ${listed(alignment.missingEntities)}`);
  }
  const swap = alignment.swapped[0];
  if (swap) return result(null, `is about “${swap.statement}”, not “${swap.claim}”`);
  // "rose by 6 percent" is not "rose by 4 percent": a number is the claim's news.
  if (alignment.missingNumbers.length > 0) {
    const missing = listed(alignment.missingNumbers);
    return result(
      null,
      alignment.otherNumbers.length > 0
        ? `gives ${listed(alignment.otherNumbers.slice(0, 3))}, not ${missing}`
        : `does not mention ${missing}`,
    );
  }
  // A name the claim gives that the statement lacks, where the statement names someone or
  // something else instead: a swapped subject or object ("Ohio" for "Arizona").
  const speakerWords = new Set(
    readTerms(`${hit.speaker?.name ?? ""} ${a.mention?.text ?? ""}`).map((t) => t.word),
  );
  const others = alignment.otherEntities.filter((w) => !speakerWords.has(w));
  if (alignment.missingEntities.length > 0 && others.length > 0) {
    return result(
      null,
      `is about ${listed(others.slice(0, 3))}, not ${listed(alignment.missingEntities)}`,
    );
  }
  if (claim.verbKind === "judge" && claim.verb) {
    const judged = judgement(claim.verb, `${contentText} ${a.cue?.text ?? ""}`, isDenial(hit));
    if (judged === "opposite")
      return result(isDenial(hit) ? "denial" : null, `does the opposite of “${claim.verb}”`);
    if (judged === "absent") return result(null, `does not say it ${claim.verb} anything`);
  }
  if (
    asksDenial &&
    !isDenial(hit) &&
    !negatesClaimWords(quoteText(a), terms) &&
    !callsItSo(quoteText(a), claim)
  ) {
    return result(null, "is not a denial");
  }
  const covered =
    alignment.coverage >= CLAIM_COVERAGE &&
    alignment.predicate >= PREDICATE_COVERAGE &&
    alignment.wordsFound >= Math.min(alignment.words, MIN_PREDICATE_WORDS) &&
    // Its sentence may say the rest, but what was said must say some of it: "asking not to
    // be named" beside the claim is not the claim.
    (alignment.wordsSaid > 0 || alignment.words === 0);
  // A denial answers the claim only when it says enough of it: "rejects MI5 chief's claims
  // about Russia" shares a name with "accused Russia of interfering", not the charge.
  if (!asksDenial && alignment.opposite && covered) {
    return result(
      isDenial(hit) ? "denial" : null,
      `says the opposite (${listed(alignment.flipped.map((w) => `“${w}”`))})`,
    );
  }
  if (!covered) {
    return result(
      null,
      `does not say ${listed(alignment.missing.slice(0, 4).map((w) => `“${w}”`))}`,
    );
  }
  if (alignment.unsure && !asksDenial) {
    return result(null, "says it only under a negation, which may turn it around");
  }
  if (alignment.otherMood) {
    return result(
      null,
      alignment.otherMood === "will"
        ? "says it must happen, not that it will"
        : "says it will happen, not that it must",
    );
  }
  return result("claim", null);
}

/**
 * Whether words that are no denial by their verb deny the claim by negating some of its own
 * words: "Baltic Ore has never dumped toxic waste" answers who denied dumping it; "set rules
 * everyone can follow", beside a "not" elsewhere, denies no "ruling would follow".
 */
function negatesClaimWords(said: string, terms: readonly Term[]): boolean {
  return readTerms(said).some(
    (t) => (t.negated || t.hedged) && terms.some((c) => sameWord(c.stem, t.stem)),
  );
}

/** "dismissed the attacks as mere sideshows": what the speaker is asked to have called it. */
const CALLED_AS = /\bas\s+([^,;]+)/u;

/**
 * Whether words that are no denial by their verb dismiss what the claim asks about by calling
 * it what the claim says they did: asked who "dismissed the attacks as mere sideshows", "Those
 * are just distractions" is the dismissal. Only a denying verb's "as" names a dismissal.
 */
function callsItSo(said: string, claim: Claim): boolean {
  if (claim.verbKind !== "deny") return false;
  const called = CALLED_AS.exec(claim.text)?.[1];
  if (!called) return false;
  const names = claimTerms(called).filter((t) => !t.entity);
  const words = readTerms(said);
  return names.some((n) => words.some((w) => !w.negated && sameWord(w.stem, n.stem)));
}

/** Whether a statement carries the judgement of a judging verb, its opposite, or neither. */
function judgement(verb: string, text: string, denial: boolean): "same" | "opposite" | "absent" {
  const stem = stemOf(verb);
  const family = JUDGING_FAMILIES.find((f) => f.some((w) => stemOf(w) === stem)) ?? [verb];
  const stems = family.map(stemOf);
  const opposite = new Set(stems.flatMap(oppositesOf));
  const words = readTerms(text);
  if (words.some((t) => !t.negated && stems.some((s) => sameWord(s, t.stem)))) return "same";
  if (words.some((t) => opposite.has(t.stem)) || (denial && opposite.has(stemOf("reject")))) {
    return "opposite";
  }
  return "absent";
}

/** The denials to list under the claims: linked to an allegation among them, or denying it. */
function denialsFor(claims: Checked[], checked: Checked[], library: Library): DenialLink[] {
  const out: DenialLink[] = [];
  const key = (h: AttributionHit) =>
    `${h.attribution.articleId}@${h.attribution.evidence.start}@${quoteText(h.attribution)}`;
  const seen = new Set(claims.map((c) => key(c.hit)));
  const push = (link: DenialLink) => {
    if (seen.has(key(link.denial))) return;
    seen.add(key(link.denial));
    out.push(link);
  };
  const allegations = claims.slice(0, 3).filter((c) => c.hit.attribution.stance === "allegation");
  allegations.forEach((c, i) => {
    for (const link of deniersOf(c.hit, library, { acrossArticles: i === 0 })) push(link);
  });
  for (const c of checked) {
    if (c.role === "denial") push({ denial: c.hit, reasons: c.why ? [c.why] : [] });
  }
  return out;
}

/**
 * The library's speakers a claim's named speaker can be: found by the name as typed, kept only
 * when they share its last word (the surname, or "Washington"), so a fuzzy match never stands
 * in for someone the coverage does not quote.
 */
function nameSpeaker(asked: string, library: Library): NamedSpeaker {
  const words = readTerms(asked).filter((t) => t.entity);
  const last = words[words.length - 1]?.word;
  if (!last) return { asked, speakers: [] };
  const found = new Map<string, Speaker>();
  for (const s of [...library.findSpeakers(asked, 5), ...library.findSpeakers(last, 5)]) {
    if ([s.name, ...s.aliases].some((n) => readTerms(n).some((t) => t.word === last))) {
      found.set(s.id, s);
    }
  }
  return { asked, speakers: [...found.values()] };
}

function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const QUOTED = /["\u201c]([^"\u201c\u201d]+)["\u201d]/gu;

/** Whether a quotation in the claim ("... said “X”") stands word for word in the statement. */
function quotesVerbatim(claim: string, statement: string): boolean {
  const flat = (t: string) => ` ${readWords(t).join(" ")} `;
  const said = flat(statement);
  for (const m of claim.matchAll(QUOTED)) {
    const words = readWords(m[1] ?? "");
    if (words.length >= MIN_QUOTED_WORDS && said.includes(` ${words.join(" ")} `)) return true;
  }
  return false;
}

function readWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? []
  );
}
