import { quoteText } from "../answer/present.ts";
import { DENIAL_WORDS, NOT_NAMES, TITLES } from "../attribution/lexicon.ts";
import { speechVerb } from "../attribution/speech-verbs.ts";
import type { AttributionHit, Library } from "../library/api.ts";
import type { Attribution } from "../types.ts";
import { align } from "./align.ts";
import { readTerms, type Term } from "./terms.ts";

/**
 * "the accusation", "these claims", "such speculations", "the report": a denial pointing back at
 * an allegation made before it.
 */
const REFERS_BACK =
  /\b(?:the|these|those|such|this|that|his|her|their|its|all|any|both)\s+(?:[\p{L}-]+\s+){0,2}(?:accusations?|allegations?|claims?|charges?|reports?|speculations?|assertions?|rumou?rs?|stor(?:y|ies)|suggestions?|criticism|remarks?)\b/iu;

/** Share of an allegation's words a denial must carry to restate it (negated or not). */
const RESTATES = 0.5;
/** Searches for another article's statements on the story: the words, then up to 2 names. */
const MAX_STORY_QUERIES = 3;
/** Link evidence, strongest first: the text ties them; then proximity decides among equals. */
const NAMES_ACCUSER = 4;
const RESTATES_IT = 4;
const ACCUSED_ANSWERS = 2;
const POINTS_BACK = 2;
const NEARBY = 1;
/** Paragraphs apart within which an allegation and a denial count as nearby. */
const NEARBY_PARAGRAPHS = 3;
/** The least evidence that links a denial to an allegation. */
const LINKED = 3;

/** Why a denial is taken to answer an allegation, in words an answer can show. */
export interface DenialLink {
  denial: AttributionHit;
  reasons: string[];
}

/** Whether a statement rejects something: a denial by stance, by its verb or by its words. */
export function isDenial(hit: AttributionHit): boolean {
  const a = hit.attribution;
  if (a.stance === "denial") return true;
  if (deniesByVerb(hit)) return true;
  // "said that was not her view and dismissed those reports": a verb of denial in what was said.
  return readTerms(quoteText(a)).some(
    (t) => DENIAL_WORDS.has(t.word) || speechVerb(t.word)?.kind === "deny",
  );
}

/** "rejected claims that ...": the statement's content is what the speaker denies. */
export function deniesByVerb(hit: AttributionHit): boolean {
  const cue = hit.attribution.cue?.text.toLowerCase() ?? "";
  return cue.split(/\s+/).some((w) => speechVerb(w)?.kind === "deny");
}

/**
 * The denials that answer an allegation: in its article, each denial is linked to the
 * allegation with the most evidence (it names the accuser, restates the allegation, is spoken
 * by the accused, points back at "the claims"), nearness deciding between equals; in other
 * articles, a denial that restates the allegation or names the accuser and what it was about.
 */
export function deniersOf(
  allegation: AttributionHit,
  library: Library,
  { acrossArticles = true, limit = 5 } = {},
): DenialLink[] {
  const own = allegation.attribution;
  const article = library.statementsIn(own.articleId);
  const allegations = article.filter(
    (h) => h.attribution.stance === "allegation" || sameStatement(h, allegation),
  );
  const links: DenialLink[] = [];
  for (const denial of article) {
    if (sameSpeaker(denial, allegation)) continue;
    if (!isDenial(denial) && !restatesNegated(own, denial)) continue;
    let best: { hit: AttributionHit; score: number; reasons: string[] } | null = null;
    for (const candidate of allegations) {
      if (sameSpeaker(denial, candidate)) continue;
      const { score, reasons } = evidenceOfLink(candidate, denial, true);
      if (!best || score > best.score) best = { hit: candidate, score, reasons };
    }
    if (best && best.score >= LINKED && sameSpeaker(best.hit, allegation)) {
      links.push({ denial, reasons: best.reasons });
    }
  }
  if (!acrossArticles) return links.slice(0, limit);
  // Other articles cost a few searches: asked for the allegation the answer leads with.
  const elsewhere = storyStatements(own, library).filter(
    (d) => d.attribution.articleId !== own.articleId && !sameSpeaker(d, allegation),
  );
  for (const denial of elsewhere) {
    if (restatesNegated(own, denial)) {
      links.push({ denial, reasons: ["restates the allegation, negated"] });
      continue;
    }
    if (!isDenial(denial)) continue;
    const { score, reasons } = evidenceOfLink(allegation, denial, false);
    if (score >= LINKED) links.push({ denial, reasons });
  }
  return links.slice(0, limit);
}

/**
 * Statements of other articles that may be on the allegation's story: those that match its
 * words, and those that name what it names (search needs every word, and a reply rewords).
 */
function storyStatements(allegation: Attribution, library: Library): AttributionHit[] {
  const terms = readTerms(quoteText(allegation));
  const names = new Map<number, string[]>();
  for (const t of terms) if (t.entity) names.set(t.group, [...(names.get(t.group) ?? []), t.word]);
  const found = new Map<string, AttributionHit>();
  const queries = [quoteText(allegation), ...[...names.values()].map((n) => n.join(" "))];
  for (const query of queries.slice(0, MAX_STORY_QUERIES)) {
    for (const h of library.searchAttributions(query, { limit: 20 })) {
      const a = h.attribution;
      found.set(`${a.articleId}@${a.evidence.start}@${a.content[0]?.start}`, h);
    }
  }
  return [...found.values()];
}

/** "Baltic Ore has never dumped waste" after "accused Baltic Ore of dumping waste". */
function restatesNegated(allegation: Attribution, statement: AttributionHit): boolean {
  const said = statement.attribution;
  const alignment = align(readTerms(quoteText(allegation)), readTerms(quoteText(said)), []);
  return alignment.coverage >= RESTATES && alignment.opposite;
}

/**
 * The allegation a denial answers in its own article: the one with the most evidence of the
 * link, at least LINKED, the nearest among equals; null when the text ties it to none. Where
 * no allegation is tied to it, a denial that points back ("dismissed those reports") answers
 * the statement reported just before it that the article gives no stance: "reports alleging
 * that she claimed he had raped her".
 */
export function answeredBy(denial: AttributionHit, library: Library): AttributionHit | null {
  const d = denial.attribution;
  const statements = library.statementsIn(d.articleId);
  const alleged = tiedTo(
    denial,
    statements.filter((h) => h.attribution.stance === "allegation"),
  );
  if (alleged || !REFERS_BACK.test(d.evidence.text)) return alleged;
  return tiedTo(
    denial,
    statements.filter(({ attribution: c }) => {
      return (
        c.stance === null && c.evidence.start < d.evidence.start && d.paragraph - c.paragraph <= 1
      );
    }),
  );
}

/** Of the candidates, the one the text ties the denial to best, the nearest among equals. */
function tiedTo(denial: AttributionHit, candidates: AttributionHit[]): AttributionHit | null {
  const d = denial.attribution;
  let best: { hit: AttributionHit; score: number; apart: number } | null = null;
  for (const candidate of candidates) {
    if (sameSpeaker(candidate, denial)) continue;
    const { score } = evidenceOfLink(candidate, denial, true);
    const apart = Math.abs(d.evidence.start - candidate.attribution.evidence.start);
    if (!best || score > best.score || (score === best.score && apart < best.apart)) {
      best = { hit: candidate, score, apart };
    }
  }
  return best && best.score >= LINKED ? best.hit : null;
}

function evidenceOfLink(
  allegation: AttributionHit,
  denial: AttributionHit,
  sameArticle: boolean,
): { score: number; reasons: string[] } {
  const a = allegation.attribution;
  const d = denial.attribution;
  const reasons: string[] = [];
  let score = 0;
  const denialText = `${quoteText(d)} ${d.evidence.text}`;
  const denialWords = new Set(readTerms(denialText).map((t) => t.word));
  // The denier's own name in the accuser's mention ("Lawyers for Nora Vance") names its side.
  const accused = nameWords(denial);
  const accuser = nameWords(allegation).filter((w) => !accused.includes(w));
  if (
    (allegation.speaker && d.answers === allegation.speaker.name) ||
    accuser.some((w) => denialWords.has(w))
  ) {
    score += NAMES_ACCUSER;
    reasons.push(`names ${allegation.speaker?.name ?? a.mention?.text ?? "the accuser"}`);
  }
  const restated = align(readTerms(quoteText(a)), readTerms(denialText), []);
  if (restated.coverage >= RESTATES) {
    score += RESTATES_IT;
    reasons.push("restates the allegation");
  }
  // Named in what is alleged, not in who alleges it: "Lawyers for Nora Vance asked ..." is
  // spoken for Vance, not against her.
  const alleged = a.mention ? a.evidence.text.replace(a.mention.text, " ") : a.evidence.text;
  const allegationWords = new Set(readTerms(`${quoteText(a)} ${alleged}`).map((t) => t.word));
  if (accused.some((w) => allegationWords.has(w))) {
    score += ACCUSED_ANSWERS;
    reasons.push("is spoken by or for the accused");
  }
  if (sameArticle && REFERS_BACK.test(d.evidence.text)) {
    score += POINTS_BACK;
    reasons.push("points back at the allegation");
  }
  if (sameArticle && Math.abs(d.paragraph - a.paragraph) <= NEARBY_PARAGRAPHS) {
    // Nearness alone never links; it decides between allegations the text ties equally.
    score += NEARBY - (d.paragraph < a.paragraph ? 0.5 : 0);
  }
  if (!sameArticle && !reasons.includes("restates the allegation")) {
    // Another article must show it is the same story, not only the same accuser.
    const shared =
      restated.coverage > 0 &&
      readTerms(quoteText(a)).some((t) => t.entity && denialWords.has(t.word));
    if (!shared) score = 0;
  }
  return { score, reasons };
}

/** The distinctive words of a speaker's names and the article's mention: "parker", "mi5". */
function nameWords(hit: AttributionHit): string[] {
  const names = [hit.speaker?.name, ...(hit.speaker?.aliases ?? []), hit.attribution.mention?.text];
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const t of readTerms(name) as Term[]) {
      if (t.entity && !NOT_NAMES.has(t.word) && !TITLES.has(t.word)) out.add(t.word);
    }
  }
  return [...out];
}

/** One speaker: the same resolved speaker, or, both unresolved, the same words for them. */
export function sameSpeaker(x: AttributionHit, y: AttributionHit): boolean {
  if (x.speaker && y.speaker) return x.speaker.id === y.speaker.id;
  return x.attribution.mention?.text === y.attribution.mention?.text && !x.speaker && !y.speaker;
}

function sameStatement(x: AttributionHit, y: AttributionHit): boolean {
  return (
    x.attribution.articleId === y.attribution.articleId &&
    x.attribution.evidence.start === y.attribution.evidence.start &&
    quoteText(x.attribution) === quoteText(y.attribution)
  );
}
