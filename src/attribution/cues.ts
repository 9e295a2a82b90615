import {
  ACCUSING_NOUNS,
  AUX_ADVERBS,
  CATENATIVES,
  CLAIM_NOUNS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GERUND_CATENATIVES,
  GROUP_NOUNS,
  HEARSAY_ADVERBS,
  isAdverb,
  NEGATING,
  NOT_LABELS,
  NOT_NAMES,
  NP_STOP,
  ORG_WORDS,
  PLEDGE_NOUNS,
  POSSESSIVES,
  PRONOUNS,
  RECORDING_NOUNS,
  REJECTED_NOUNS,
  ROLE_NOUNS,
  STATEMENT_NOUNS,
  TIME_WORDS,
  TITLES,
} from "./lexicon.ts";
import { phraseAfter, phraseBefore, standingAlone } from "./phrases.ts";
import type { Cue } from "./sentence-parts.ts";
import type { Token } from "./sentences.ts";
import {
  type CueKind,
  isAmbiguousForm,
  isQuotingForm,
  speechForms,
  speechVerb,
} from "./speech-verbs.ts";

const OBJECT_PRONOUNS = new Set(["him", "her", "them", "it", "us", "me", "himself", "herself"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "you", "it", "who"]);
const PREPOSITIONS = new Set(
  "of in for about on with over into from by at against among between".split(" "),
);
const WRITINGS = new Set([
  "letter",
  "book",
  "books",
  "memoir",
  "novel",
  "check",
  "bill",
  "law",
  "song",
]);
const FREE_RELATIVE = new Set(["what", "whatever", "how"]);
const BE_FORMS = new Set(["is", "was", "were", "are", "be", "been", "being", "am"]);
/** Nouns after which an -ing cue reports what they say ("a tweet saying"). */
const GERUND_HOSTS = new Set(
  "tweet tweets message messages email emails ad ads video release note sign banner petition lawsuit complaint motion headline".split(
    " ",
  ),
);
/** Past tenses without -ed that show a clause has begun ("reported the email came ..."). */
const STRONG_PAST = new Set(
  "came went made took gave found knew thought became began left felt kept held brought stood ran won lost paid met sent spent built fell rose grew saw got".split(
    " ",
  ),
);
/** Finite verbs that show a clause has begun. */
const FINITE = new Set(
  `is was were are has have had will would could can may might should must does did
  isn't wasn't weren't aren't hasn't haven't hadn't won't wouldn't couldn't can't shouldn't
  doesn't didn't don't`.split(/\s+/),
);
/** Whether a word is a finite verb, with either apostrophe ("weren't", "weren’t"). */
function isFiniteVerb(word: string): boolean {
  return FINITE.has(word.replace("’", "'"));
}
const RECIPIENT_VERBS = new Set(["tell", "ask"]);
/** Subject pronouns that open a clause after a verb ("notes they were"), not "it" or "you". */
const CLAUSE_SUBJECTS = new Set(["he", "she", "they", "we"]);

/** Finds the reporting cues of a sentence, in order. */
/**
 * Every word a cue of findCues may stand on. Most words are none of them: one look-up passes
 * them over, where each test of the loop asked its own list (five look-ups a word).
 */
const CUE_WORDS: ReadonlySet<string> = new Set([
  "according",
  "asked",
  ...HEARSAY_ADVERBS.keys(),
  ...CLAIM_NOUNS,
  ...STATEMENT_NOUNS,
  ...speechForms(),
]);

export function findCues(tokens: Token[]): Cue[] {
  const colon = colonCue(tokens);
  const cues: Cue[] = colon ? [colon] : [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "w" || !CUE_WORDS.has(t.lower)) continue;
    if (t.lower === "according" && tokens[i + 1]?.lower === "to") {
      cues.push({
        form: "according",
        kind: "according",
        thatOnly: false,
        verb: i,
        from: i,
        to: i + 2,
      });
      i++;
      continue;
    }
    const hearsay = HEARSAY_ADVERBS.get(t.lower);
    if (hearsay) {
      cues.push({ form: "hearsay", kind: hearsay, thatOnly: false, verb: i, from: i, to: i + 1 });
      continue;
    }
    if (CLAIM_NOUNS.has(t.lower) && ["by", "from", "of"].includes(tokens[i + 1]?.lower ?? "")) {
      const claimKind = ACCUSING_NOUNS.has(t.lower) ? "allege" : "claim";
      cues.push({ form: "nominal", kind: claimKind, thatOnly: true, verb: i, from: i, to: i + 2 });
      continue;
    }
    const noun = statementNoun(tokens, i);
    if (noun) {
      cues.push(noun);
      continue;
    }
    const question = askedWhat(tokens, i);
    if (question) {
      cues.push(question);
      i = question.to - 1;
      continue;
    }
    const verb = speechVerb(t.lower);
    if (!verb || !isVerbUse(tokens, i) || naming(tokens, i) || rejectedNoun(tokens, i)) continue;
    // "pointed out that ...": a phrasal verb speaks only with its particle, and what it
    // reports follows the particle.
    if (verb.particle !== null && tokens[i + 1]?.lower !== verb.particle) continue;
    const last = verb.particle === null ? i : i + 1;
    if (verb.as && !objectAs(tokens, last + 1)) continue;
    let from = catenative(tokens, i);
    // "could not resist pointing out": the negation is of the resisting.
    const resisting = /^resist/.test((tokens[from] as Token).lower);
    while (from > 0) {
      const b = tokens[from - 1] as Token;
      const negation = NEGATING.has(b.lower);
      const adverb =
        AUX_ADVERBS.has(b.lower) || (isAdverb(b.lower) && !b.cap) || (resisting && negation);
      if (b.kind !== "w" || !adverb || TIME_WORDS.has(b.lower)) break;
      if (negation && !resisting) break;
      from--;
    }
    // "was quoted as saying": the cue is the whole phrase.
    const quoting = t.lower === "saying" ? quotedAs(tokens, i) : -1;
    if (quoting >= 0 && quoting === i - 2) {
      from = i - 2;
      while (from > 0 && AUX_ADVERBS.has((tokens[from - 1] as Token).lower)) from--;
    } else if (quoting >= 0) {
      // "Reuters quoted a ministry official as saying": the official speaks, Reuters reports.
      cues.push({
        form: "quoted",
        kind: "say",
        thatOnly: false,
        verb: i,
        from: quoting,
        to: i + 1,
      });
      continue;
    }
    let to = last + 1;
    // `"Why now?" asked Sen. Barbara Mikulski`: after a quotation the speaker follows, not
    // whoever is asked.
    const quoted =
      tokens[from - 1]?.kind === "q" ||
      (tokens[from - 1]?.text === "," && tokens[from - 2]?.kind === "q");
    if (RECIPIENT_VERBS.has(verb.lemma) && isRecipient(tokens[to]) && !quoted) {
      const recipient = phraseAfter(tokens, to);
      if (recipient) to = recipient.to;
    }
    // "complained bitterly that ...", "noted wryly: ...": a manner adverb before the clause.
    const manner = tokens[to];
    if (manner && !manner.cap && isAdverb(manner.lower) && introducesClause(tokens[to + 1])) to++;
    // "Ingraham asked about foreign workers": what was asked follows "about".
    if (verb.kind === "ask" && tokens[to]?.lower === "about" && tokens[to + 1]?.kind === "w") to++;
    // "..., adding that ...", "..., going on to say that ...": the act of the clause's subject.
    const lead = tokens[from] as Token;
    const participle =
      lead.lower.endsWith("ing") &&
      from === catenative(tokens, i) &&
      (tokens[from - 1]?.text === "," ||
        endsOnComma(tokens[from - 1]) ||
        actOfSaying(tokens, from));
    const complement =
      ["that", ":"].includes(tokens[last + 1]?.text ?? "") ||
      tokens[last + 1]?.kind === "q" ||
      clauseFollows(tokens, last);
    if (t.lower.endsWith("ing") && !participle && !complement && !gerundReports(tokens, i, from))
      continue;
    if (isPassive(tokens, i, from)) continue;
    if (verb.complement === "strict" && !strictlyReports(tokens, i, afterTime(tokens, to)))
      continue;
    // "rejected the allegations": a denial whose object names what it rejects needs no "that".
    const thatOnly =
      ((verb.complement === "that" ||
        verb.complement === "topic" ||
        verb.complement === "strict") &&
        !bareClause(tokens, afterTime(tokens, to)) &&
        !(verb.kind === "deny" && namesRejected(tokens, to)) &&
        !(verb.complement === "topic" && namesTopic(tokens, to, verb.lemma))) ||
      (verb.complement === "pledge" && !pledged(tokens, to));
    const form = participle ? "participle" : "verb";
    cues.push({ form, kind: verb.kind, thatOnly, verb: i, from, to });
  }
  // "The firm reportedly cut jobs": an adverb reports its clause only where nobody in the
  // sentence is said to speak; "Lund reportedly said ..." is Lund's statement.
  return cues.some((c) => c.form !== "hearsay") ? cues.filter((c) => c.form !== "hearsay") : cues;
}

/** `"... a decade ago," adding that ...`: a quotation whose comma stands inside its marks. */
function endsOnComma(t: Token | undefined): boolean {
  return t?.kind === "q" && /,\s*["”'’]+$/u.test(t.text);
}

/**
 * Whether a "strict" verb at `i` reports speech: "ruled that the law ...", `ruled: "..."`, or
 * closing what it reports ("..., a federal judge ruled Monday."); not "ruled in favor of",
 * "egalitarianism ruled and ...", "ruled that out", a relative "the ruling that paved the way",
 * nor a capitalised title ("Let the People Rule").
 */
function strictlyReports(tokens: Token[], i: number, at: number): boolean {
  const t = tokens[i] as Token;
  if (t.cap && i > 0) return false;
  const next = tokens[at];
  // "a new federal rule that lifts ...": a noun reports only the clause "that" opens.
  if (next?.lower === "that") return opensSubject(tokens[at + 1]) || bareClause(tokens, at + 1);
  if (isAmbiguousForm(t.lower) || t.lower.endsWith("ing")) return false;
  return next === undefined || /^[.;,:]$/.test(next.text) || next.kind === "q";
}

/** Words an object may take before its "as": "her Republican opponent" as ... */
const MAX_OBJECT_WORDS = 5;

/**
 * "attacked her opponent as a fraud", "cast himself as an outsider": an object of a few words,
 * then "as" and what it is called. Not "attacked the village", nor "portrayed by the White
 * House as ..." (a passive's agent), nor a preposition's object ("attacks on Trump as").
 */
function objectAs(tokens: Token[], at: number): boolean {
  for (let k = at; k <= at + MAX_OBJECT_WORDS; k++) {
    const t = tokens[k];
    if (t === undefined || (t.kind !== "w" && t.text !== "'" && t.text !== "’")) return false;
    if (t.lower === "as") return k > at && tokens[k + 1]?.kind === "w";
    // "attacks on Trump as ...", "resonate not as ...": no object before "as".
    if (t.lower === "not" || isFiniteVerb(t.lower)) return false;
    if (PREPOSITIONS.has(t.lower) && t.lower !== "of") return false;
  }
  return false;
}

/**
 * Whether a word opens a clause's subject ("that the state ...", "that Ohio's practices ...",
 * "that 17-year-olds ..."), where a relative clause opens with its verb ("that lifts ...").
 */
function opensSubject(t: Token | undefined): boolean {
  if (t?.kind !== "w") return false;
  return t.cap || /^\d/.test(t.text) || DETERMINERS.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower);
}

/** Whether a token opens what a cue reports: "that", a colon or a quotation. */
function introducesClause(t: Token | undefined): boolean {
  return t !== undefined && (t.lower === "that" || t.text === ":" || t.kind === "q");
}

/** Words a phrase must hold to name what was said of, not a bare thing ("the date"). */
const MIN_TOPIC_WORDS = 3;

/** Prepositions that go on naming a topic ("the reality of", "his request for"). */
const TOPIC_PREPS = new Set(["of", "for", "about", "against", "over"]);

/**
 * "acknowledged the reality of climate change", "noted Clinton's remarks about the clot": a
 * phrase opened by a determiner or an owner, of a few words, names what a topic verb reports;
 * "noted the date in her diary" names a thing and where.
 */
function namesTopic(tokens: Token[], at: number, lemma: string): boolean {
  const first = tokens[at];
  if (first?.kind !== "w") return false;
  // "the reality of", "Clinton's remarks", "Bill Clinton's comments", "refinancing student
  // loans", "disparaging remarks".
  let owner = false;
  for (let k = at; k < at + 3 && tokens[k]?.kind === "w"; k++) {
    const apostrophe = tokens[k + 1]?.text === "'" || tokens[k + 1]?.text === "’";
    if (/['’]s$/u.test((tokens[k] as Token).text) || apostrophe) owner = true;
  }
  const gerund = !first.cap && first.lower.length > 5 && first.lower.endsWith("ing");
  if (
    !DETERMINERS.has(first.lower) &&
    !owner &&
    !gerund &&
    !(lemma === "report" && namesAmount(tokens, at))
  )
    return false;
  let words = 0;
  for (let k = at; k < tokens.length && words < MIN_TOPIC_WORDS; k++) {
    const t = tokens[k] as Token;
    if (t.kind === "q") words += MIN_TOPIC_WORDS;
    else if (t.text === "'" || t.text === "’" || CURRENCY.test(t.text)) continue;
    else if (t.kind !== "w" || (PREPOSITIONS.has(t.lower) && !TOPIC_PREPS.has(t.lower))) break;
    else words++;
  }
  return words >= MIN_TOPIC_WORDS;
}

const CURRENCY = /^[$€£¥%]$/u;
/** Tokens from a topic's first word to the amount that makes it a figure. */
const MAX_AMOUNT_LEAD = 4;

/**
 * "reported earnings of $8.42 a share", "reported a loss of 3 percent": a figure is what a
 * report says, where a bare noun ("noted the date") is not; "confirmed 68 nominees" is an act.
 */
function namesAmount(tokens: Token[], at: number): boolean {
  if ((tokens[at] as Token).cap) return false;
  for (let k = at; k < Math.min(tokens.length, at + MAX_AMOUNT_LEAD); k++) {
    const t = tokens[k] as Token;
    if (t.kind === "w" && /^\d/.test(t.text)) return true;
    if (t.kind !== "w" && !CURRENCY.test(t.text)) return false;
  }
  return false;
}

/** Words a denial's object may take before the noun of what it rejects ("the AP's two reports"). */
const MAX_REJECTED_LEAD = 3;

/**
 * Whether the phrase at `at` names something said that a denial rejects: "the allegations",
 * "these claims", "the newspaper's report", "Amnesty's accusations".
 */
export function namesRejected(tokens: Token[], at: number): boolean {
  for (let k = at; k <= at + MAX_REJECTED_LEAD; k++) {
    const t = tokens[k];
    if (t?.kind !== "w") return false;
    if (REJECTED_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/**
 * "denied a newspaper report that he had accepted payments": the form is the noun a denial
 * rejects, not a verb of its own with "a newspaper" as subject.
 */
function rejectedNoun(tokens: Token[], at: number): boolean {
  if (!REJECTED_NOUNS.has((tokens[at] as Token).lower)) return false;
  for (let k = at - 1; k >= Math.max(0, at - 1 - MAX_REJECTED_LEAD); k--) {
    const t = tokens[k] as Token;
    if (t.kind !== "w") return false;
    if (DETERMINERS.has(t.lower)) return speechVerb(tokens[k - 1]?.lower ?? "")?.kind === "deny";
  }
  return false;
}

/**
 * "continued to insist", "went on to say", "kept insisting": where the cue starts, at the verb
 * before "to" (or before an -ing cue) that leaves the speaking to its subject; `i` when there
 * is none.
 */
function catenative(tokens: Token[], i: number): number {
  const before = tokens[i - 1];
  if (before?.kind === "w" && GERUND_CATENATIVES.has(before.lower)) {
    if ((tokens[i] as Token).lower.endsWith("ing")) return i - 1;
  }
  if (before?.lower !== "to") return i;
  const verb = tokens[i - 2];
  const go = verb?.lower === "on" && /^(go|goes|went|going)$/.test(tokens[i - 3]?.lower ?? "");
  if (go) return i - 3;
  return verb?.kind === "w" && !/^go/.test(verb.lower) && CATENATIVES.has(verb.lower) ? i - 2 : i;
}

/** "quoted [an official] as saying": the index of the "quote" form, or -1. */
function quotedAs(tokens: Token[], saying: number): number {
  if (tokens[saying - 1]?.lower !== "as") return -1;
  for (let k = saying - 2; k >= Math.max(0, saying - 16); k--) {
    const t = tokens[k] as Token;
    if (isQuotingForm(t.lower)) return k;
    if (t.kind === "q" || (t.kind === "p" && t.text !== "," && t.text !== "." && t.text !== "-"))
      return -1;
  }
  return -1;
}

/** Adjectives a statement noun may take after its owner: "Lund's repeated insistence". */
const MAX_NOUN_ADJECTIVES = 2;
/** Words after "that" that make it a relative pronoun: "the statement that was issued". */
const RELATIVE_VERBS = new Set(
  "is was are were has have had will would could can may might should must".split(" "),
);

/**
 * "Trump's claim that ...", "his warning that ...", "Mr. Lund's repeated insistence that ...",
 * "her pledge to cut taxes", "the allegations that he lied": a noun for something said, with
 * its words after it. The owner before the noun said it (the cue's label); an allegation or a
 * claim with no owner ("the allegations that") is someone's the sentence does not name.
 */
function statementNoun(tokens: Token[], i: number): Cue | null {
  const t = tokens[i] as Token;
  const claim = CLAIM_NOUNS.has(t.lower);
  if (!claim && !STATEMENT_NOUNS.has(t.lower)) return null;
  const next = tokens[i + 1];
  const clause = next?.lower === "that" && !RELATIVE_VERBS.has(tokens[i + 2]?.lower ?? "");
  const after = tokens[i + 2];
  const promise =
    PLEDGE_NOUNS.has(t.lower) &&
    next?.lower === "to" &&
    after?.kind === "w" &&
    !after.cap &&
    !DETERMINERS.has(after.lower);
  if (!clause && !promise) return null;
  let k = i - 1;
  while (k >= i - MAX_NOUN_ADJECTIVES && isNounAdjective(tokens[k])) k--;
  const owner = tokens[k];
  const kind: CueKind = ACCUSING_NOUNS.has(t.lower)
    ? "allege"
    : claim
      ? "claim"
      : t.lower === "denial"
        ? "deny"
        : "say";
  const cue: Cue = { form: "nominal", kind, thatOnly: clause, verb: i, from: i, to: i + 1 };
  if (owner?.kind === "w" && POSSESSIVES.has(owner.lower)) {
    // "Lund repeated her promise to ...": the one whose promise it is was named before it in
    // the sentence, and may be the subject or someone else ("Critics attacked his claim"):
    // the possessive is read only where the sentence names nobody before it.
    if (namesSomeoneBefore(tokens, k)) return null;
    cue.label = { from: k, to: k + 1 };
  } else if (owner?.kind === "w" && /['’]s?$/u.test(owner.text)) {
    const np = phraseBefore(tokens, k);
    if (!np) return null;
    cue.label = np;
  } else if (!(claim && clause && owner !== undefined && DETERMINERS.has(owner.lower))) {
    return null;
  }
  return cue;
}

/** Whether tokens before `at` hold a name, a pronoun or a noun for a person or a body. */
function namesSomeoneBefore(tokens: Token[], at: number): boolean {
  return firstSomeone(tokens) < at;
}

/**
 * Where a sentence first names someone, found once a sentence: read back from each possessive
 * it cost a sentence of thousands of "his claim that" its length at each of them.
 */
const FIRST_SOMEONE = new WeakMap<Token[], number>();
function firstSomeone(tokens: Token[]): number {
  const known = FIRST_SOMEONE.get(tokens);
  if (known !== undefined) return known;
  let first = tokens.length;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== "w") continue;
    const named = t.cap && !NOT_NAMES.has(t.lower);
    if (named || PRONOUNS.has(t.lower) || ROLE_NOUNS.has(t.lower) || ORG_WORDS.has(t.lower)) {
      first = k;
      break;
    }
    if (GROUP_NOUNS.has(t.lower)) {
      first = k;
      break;
    }
  }
  FIRST_SOMEONE.set(tokens, first);
  return first;
}

/** A lower-case word between an owner and a statement noun: "repeated", "most", "public". */
function isNounAdjective(t: Token | undefined): boolean {
  if (t?.kind !== "w" || t.cap) return false;
  if (/['’]s?$/u.test(t.text)) return false;
  return !DETERMINERS.has(t.lower) && !POSSESSIVES.has(t.lower) && !NP_STOP.has(t.lower);
}

/** "vowed to ban", "pledged a revolution": what is promised follows the verb at once. */
function pledged(tokens: Token[], at: number): boolean {
  const next = tokens[at];
  if (!next) return false;
  // "vowed not to repeat that mistake": a promise to refrain is a promise.
  const refrain = next.lower === "not" && tokens[at + 1]?.lower === "to";
  return next.lower === "to" || refrain || DETERMINERS.has(next.lower) || bareClause(tokens, at);
}

/** Words that open the question someone was asked. */
const QUESTION_OPENERS = new Set(
  "whether if what why how who whom which when where about".split(" "),
);

/**
 * "Asked whether the plant would close, ...", "When Lindqvist was asked if ...": a question put
 * by someone the article does not name (mostly the reporter). Its words are what was asked;
 * whoever answers speaks in the cue that follows.
 */
function askedWhat(tokens: Token[], i: number): Cue | null {
  const t = tokens[i] as Token;
  if (t.lower !== "asked") return null;
  // "Blumenthal was asked, “Would you have told her?”": the question is the quotation.
  const mark = /^[,:]$/.test(tokens[i + 1]?.text ?? "") ? i + 2 : i + 1;
  const quoted = tokens[mark]?.kind === "q";
  const at = quoted ? i + 1 : questionAt(tokens, i + 1);
  if (at < 0) return null;
  const before = tokens[i - 1]?.lower ?? "";
  const opens = i === 0 || before === "when" || before === "after" || BE_FORMS.has(before);
  if (!opens) return null;
  const to = tokens[at]?.lower === "about" ? at + 1 : at;
  return { form: "question", kind: "ask", thatOnly: false, verb: i, from: i, to };
}

/** Words of a setting between "Asked" and the question: "Asked during a January debate why". */
const MAX_QUESTION_SETTING = 6;
/** Words that open such a setting: a time, a preposition of time or place, an adverb. */
const SETTING_OPENERS = new Set("on during at in at last this earlier later again".split(" "));

/**
 * Where the question opens after "Asked": at once ("Asked whether"), or past a time, an adverb
 * or a setting ("Asked on Monday whether", "Asked specifically what", "Asked during a debate
 * why"). -1 when no question follows.
 */
function questionAt(tokens: Token[], at: number): number {
  const first = tokens[at];
  if (first?.kind !== "w") return -1;
  if (QUESTION_OPENERS.has(first.lower)) return at;
  const setting =
    TIME_WORDS.has(first.lower) || SETTING_OPENERS.has(first.lower) || isAdverb(first.lower);
  if (!setting) return -1;
  for (let k = at + 1; k <= at + MAX_QUESTION_SETTING; k++) {
    const t = tokens[k];
    if (t?.kind !== "w") return -1;
    if (QUESTION_OPENERS.has(t.lower) && t.lower !== "when") return k;
  }
  return -1;
}

/** Particles after "call" that make it a visit or a phone call: "called in to a radio show". */
const CALL_PARTICLES = new Set(["in", "into", "up", "off", "back", "out", "away"]);

/** "a stream called Miracle Run", "She called in to the show": "call" that names or phones. */
function naming(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (speechVerb(t.lower)?.lemma !== "call") return false;
  if (CALL_PARTICLES.has(tokens[i + 1]?.lower ?? "")) return true;
  const np = phraseBefore(tokens, i - 1);
  const article = np ? tokens[np.from]?.lower : undefined;
  return (article === "a" || article === "an") && tokens[i + 1]?.cap === true;
}

/** Prepositions before an -ing cue that name the act of saying: "criticized for saying". */
const ACT_PREPS = new Set(["for", "by", "after", "while", "before"]);

/** "was criticized for saying the vote was rigged", "responded by telling reporters ...". */
function actOfSaying(tokens: Token[], i: number): boolean {
  return (tokens[i] as Token).lower.endsWith("ing") && ACT_PREPS.has(tokens[i - 1]?.lower ?? "");
}

/** Lower-case words a speaker label may hold: "Former AG Mukasey at RNC", "Secretary of State". */
const LABEL_JOINERS = new Set(["of", "the", "and", "de", "van", "von", "al"]);

/**
 * `PENCE: Gennifer Flowers will not attend`, `Clinton: I support D.C. statehood`: a sentence
 * that opens with a speaker's name or role and a colon, as transcripts and headlines write.
 * The label must read as a name (capitalised words, or a role), not as a heading ("Update:").
 */
function colonCue(tokens: Token[]): Cue | null {
  let at = 0;
  while (at < 24 && at < tokens.length && tokens[at]?.text !== ":") at++;
  if (at === 0 || tokens[at]?.text !== ":") return null;
  // What follows reads as a statement: a few words, not a tally ("Clinton: 2,316").
  let said = 0;
  for (let k = at + 1; k < tokens.length && said < 4; k++) {
    const t = tokens[k] as Token;
    if (t.kind === "q") said += t.text.split(/\s+/).length;
    else if (/\p{L}/u.test(t.text)) said++;
  }
  if (said < 4) return null;
  // "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones:": the label follows a dash.
  let from = at - 1;
  while (from > 0 && !DASHES.has((tokens[from - 1] as Token).text)) from--;
  // A stray opening mark before a transcript label (`"WALLACE: ...`).
  while (from < at && (tokens[from] as Token).kind === "p") from++;
  // "Clinton to Planned Parenthood:": the speaker is named before "to" and the audience.
  let to = from;
  while (to < at && (tokens[to] as Token).lower !== "to") to++;
  if (to === from) return null;
  const words = tokens.slice(from, to);
  if (words.some((t) => t.kind === "q" || (t.kind === "p" && !/^[.’'-]$/.test(t.text))))
    return null;
  const first = words[0] as Token;
  if (!first.cap || first.text.length < 2) return null;
  const named = words.filter((t) => t.kind === "w");
  if (named.some((t) => NOT_LABELS.has(t.lower))) return null;
  const fits = named.every(
    (t) => t.cap || LABEL_JOINERS.has(t.lower) || ROLE_NOUNS.has(t.lower) || TITLES.has(t.lower),
  );
  if (!fits || TIME_WORDS.has((named[named.length - 1] as Token).lower)) return null;
  // A long label reads as a heading ("Veto Power Impedes Peace Efforts:") unless it holds a role.
  const role = named.some((t) => ROLE_NOUNS.has(t.lower) || TITLES.has(t.lower));
  if (named.length > 3 && !role) return null;
  const label = { from, to };
  return { form: "colon", kind: "say", thatOnly: false, verb: at, from: at, to: at + 1, label };
}

const DASHES = new Set(["-", "--", "—", "–"]);

/**
 * An -ing cue that is not a participle after a comma reports speech only in "is saying",
 * "quoted as saying", after a document ("a statement saying", "an article claiming") or after a
 * recording of someone ("footage of Trump saying").
 */
function gerundReports(tokens: Token[], i: number, from: number): boolean {
  if (from < i) return true;
  const before = tokens[i - 1];
  if (!before) return false;
  if (before.lower === "as" && tokens[i - 2]?.lower === "quoted") return true;
  if (DOCUMENT_NOUNS.has(before.lower) || GERUND_HOSTS.has(before.lower)) return true;
  // "an article in The New York Times claiming ...".
  const np = phraseBefore(tokens, i - 1);
  if (!np) return false;
  for (let k = np.from; k < np.to; k++) {
    const word = (tokens[k] as Token).lower;
    if (DOCUMENT_NOUNS.has(word)) return true;
    // "footage of Trump saying ...": a recording shows who speaks in it.
    if (RECORDING_NOUNS.has(word) && tokens[k + 1]?.lower === "of") return true;
  }
  return false;
}

/** "was told", "were assured", "been asked": the subject is spoken to, not speaking. */
function isPassive(tokens: Token[], i: number, from: number): boolean {
  const t = tokens[i] as Token;
  if (t.lower.endsWith("ing") || t.lower.endsWith("s")) return false;
  for (let k = i - 1; k >= from; k--) {
    if (BE_FORMS.has((tokens[k] as Token).lower)) return true;
  }
  return false;
}

/** "with three in 10 saying a candidate would ...": a clause after "saying" or "telling". */
function clauseFollows(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (next?.kind !== "w") return false;
  // "with O'Malley calling Trump a fascist": an -ing verb that takes an object and its name.
  if (speechVerb(t.lower)?.complement === "object" && t.lower !== "telling") {
    return (
      next.cap ||
      OBJECT_PRONOUNS.has(next.lower) ||
      DETERMINERS.has(next.lower) ||
      /['’]s$/.test(next.lower)
    );
  }
  if (t.lower !== "saying" && t.lower !== "telling") return false;
  const subject = /^(he|she|they|we|i|it|you)(['’]\w+)?$/.test(next.lower) || next.cap;
  return subject || (t.lower === "saying" && DETERMINERS.has(next.lower));
}

/**
 * "acknowledged it was unlikely", "suggested he may run", "noted the plan would cost more": a
 * clause with its "that" left out, opened by a subject and, within a few words, a finite verb.
 */
function bareClause(tokens: Token[], at: number): boolean {
  const first = tokens[at];
  if (first?.kind !== "w") return false;
  if (/^(he|she|they|we|i|there)['’](s|d|ll|re|ve)$/.test(first.lower)) return true;
  const pronoun = /^(he|she|they|we|i|there|it)$/.test(first.lower);
  // "noted clients are beginning to ...": a plural noun and at once a finite verb.
  const plural = /[^s]s$/.test(first.lower) && isFiniteVerb(tokens[at + 1]?.lower ?? "");
  if (plural) return true;
  if (!pronoun && !first.cap && !DETERMINERS.has(first.lower)) return false;
  for (let k = at + 1; k < Math.min(tokens.length, at + (pronoun ? 3 : 6)); k++) {
    const t = tokens[k] as Token;
    if (t.kind !== "w") return false;
    if (isFiniteVerb(t.lower)) return true;
    if (pronoun && (/(ed|s)$/.test(t.lower) || STRONG_PAST.has(t.lower))) return true;
    // "suggested the battle against the Islamic State could ...": a past tense after its noun;
    // "suggested Trump went too far": at once after a name (after "the" it may be an adjective).
    const noun = k > at + 1 || first.cap;
    if (!pronoun && noun && !t.cap && (/ed$/.test(t.lower) || STRONG_PAST.has(t.lower)))
      return true;
  }
  return false;
}

/** "reported on Wednesday the service had ...": past a time after the cue, to the clause. */
function afterTime(tokens: Token[], at: number): number {
  const t = tokens[at];
  if (t?.kind !== "w") return at;
  if (TIME_WORDS.has(t.lower) && t.lower !== "may") return at + 1;
  const leads = ["on", "last", "this", "earlier"].includes(t.lower);
  return leads && TIME_WORDS.has(tokens[at + 1]?.lower ?? "") ? at + 2 : at;
}

/** Whether a word can open the phrase of whoever is told ("told reporters", not "told he'd"). */
function isRecipient(t: Token | undefined): boolean {
  if (t?.kind !== "w" || t.lower === "that") return false;
  return (
    !/^(he|she|they|we|i|it|you)(['’]\w+)?$/.test(t.lower) && !/['’](d|ll|s|re|ve)$/.test(t.lower)
  );
}

/** Speech verbs that, before "with", tell what something ends or goes on with. */
const ENDING_LEMMAS = new Set(["conclude", "continue"]);

/** Whether a cue word is used as a reporting verb here, not as a noun or an adjective. */
function isVerbUse(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (before && DETERMINERS.has(before.lower) && !SUBJECT_PRONOUNS.has(before.lower)) {
    // "Some said ...", "Two in three say they ...": the determiner is the subject; "some
    // claims" stays a noun, and a base form needs its clause after it.
    if (!standingAlone(tokens, i - 1)) return false;
    const base = isAmbiguousForm(t.lower);
    if (base && !(CLAUSE_SUBJECTS.has(after?.lower ?? "") || after?.lower === "that")) return false;
    if (base && t.lower !== speechVerb(t.lower)?.lemma) return false;
    return true;
  }
  // "Trump's claims" is a noun; "He's claiming that ..." a verb after "he is".
  if (before && /['’]s$/.test(before.lower) && !CONTRACTED_SUBJECTS.test(before.lower))
    return false;
  if (before?.lower === "to" && catenative(tokens, i) === i) return false;
  if (before?.lower === "not" || before?.lower === "never") return false;
  // "a contractor accused of spying", "a biography written by": passive participles.
  // `"...," Mr. Clarke recalled of the hearings`: after a quotation it closes, it is active.
  if (/(ed|en)$/.test(t.lower) && ["of", "with", "by"].includes(after?.lower ?? "")) {
    const active =
      before !== undefined && AUX_ADVERBS.has(before.lower) && !BE_FORMS.has(before.lower);
    if (!active && !followsQuote(tokens, i)) return false;
  }
  // "Having said that, ...": a turn of phrase, not a report.
  if (before?.lower === "having" && ["that", "so"].includes(after?.lower ?? "")) return false;
  // "tells so many lies", "told the truth": telling a kind of talk reports no words of it.
  if (speechVerb(t.lower)?.lemma === "tell") {
    for (let k = i + 1; k <= i + 3 && tokens[k]?.kind === "w"; k++) {
      if (TALK_KINDS.has((tokens[k] as Token).lower)) return false;
    }
  }
  // "The spot concludes with footage of Trump saying ...": what a thing ends with is no report.
  if (after?.lower === "with" && ENDING_LEMMAS.has(speechVerb(t.lower)?.lemma ?? "")) return false;
  // "ask for": a request, not a report.
  if (t.lower.startsWith("ask") && after?.lower === "for") return false;
  // "wrote the letter", "wrote a book": writing a document is not reporting its words.
  if (/^writ|^wrote/.test(t.lower) && after && DETERMINERS.has(after.lower)) {
    const object = tokens[i + 2];
    if (object && (DOCUMENT_NOUNS.has(object.lower) || WRITINGS.has(object.lower))) return false;
  }
  // "confirmation of alleged intervention": a participle used as an adjective.
  if (before && PREPOSITIONS.has(before.lower) && !actOfSaying(tokens, i)) return false;
  // "is said to be", "was told to leave", "asked to comment": not a report of speech.
  if (after?.lower === "to" && speechVerb(t.lower)?.complement !== "pledge") {
    const next = tokens[i + 2];
    const object = next && (next.cap || DETERMINERS.has(next.lower) || /s$/.test(next.lower));
    if (next && next.kind === "w" && !object) return false;
  }
  // "what Trump says is ...": a free relative, not a report.
  if (before && FREE_RELATIVE.has(tokens[i - 2]?.lower ?? "") && before.cap) {
    if (!embeddedWhat(tokens, i - 2)) return false;
  }
  if (before && NEGATING.has(before.lower)) return false;
  if (isAmbiguousForm(t.lower)) {
    if (!before) return false;
    // "such media reports \"give ...\"": a plural noun before a quote is not a verb.
    const nounBefore = before.kind === "w" && !before.cap && !SUBJECT_PRONOUNS.has(before.lower);
    const subjectLike =
      before.cap || SUBJECT_PRONOUNS.has(before.lower) || AUX_ADVERBS.has(before.lower);
    // "Calderon calls Trump's idea stupid", "Others call it the nerd prom": a name or a
    // plural subject, then an object.
    const object =
      after !== undefined &&
      (OBJECT_PRONOUNS.has(after.lower) ||
        DETERMINERS.has(after.lower) ||
        (after.cap && !nounBefore) ||
        after.lower === "for");
    // "Critics acknowledge that ...", "investors complain bitterly that ...": a base form
    // that is never a noun is a verb after a plural subject.
    const nounToo = speechVerb(t.lower)?.nounForms.includes(t.lower) ?? false;
    const afterThat =
      after?.lower === "that" ||
      (after !== undefined &&
        !after.cap &&
        isAdverb(after.lower) &&
        introducesClause(tokens[i + 2]));
    // "Lynch notes they were appointed before ...": a clause's subject follows the verb.
    const clause = after !== undefined && CLAUSE_SUBJECTS.has(after.lower) && subjectLike;
    const verbish =
      clause ||
      // "Her rival, Tom Hale, cast himself as ...": "as" after the object shows the verb.
      (speechVerb(t.lower)?.as === true && !nounToo && objectAs(tokens, i + 1)) ||
      SUBJECT_PRONOUNS.has(before.lower) ||
      AUX_ADVERBS.has(before.lower) ||
      (object &&
        (before.cap || /s$/.test(before.lower)) &&
        speechVerb(t.lower)?.complement === "object") ||
      (afterThat && (subjectLike || !/(s|ed)$/.test(before.lower) || !nounToo)) ||
      (!nounBefore &&
        (after?.kind === "q" ||
          after?.text === ":" ||
          (after?.text === "," && tokens[i + 2]?.kind === "q")));
    if (!verbish && !isPlainVerbForm(t.lower) && !closesQuote(tokens, i)) return false;
    // "Democratic economists, like their counterparts, say ...": a plain verb after an aside.
    const afterAside = (before.text === "," || before.text === ")") && after?.kind === "w";
    if (!verbish && (!(before.kind === "w" || afterAside) || !after)) return false;
  }
  return true;
}

/** A subject pronoun and "is" or "has" run together: "he's", "she’s", "who's". */
const CONTRACTED_SUBJECTS = /^(he|she|who)['’]s$/u;

/** Prepositions whose object may be "what X said ...": "amounting to what the senators said". */
const WHAT_HOSTS = new Set(
  "to in of into between from with about on against over for by at than".split(" "),
);

/**
 * "amounting to what the senators said was gerrymandering", "displaying what analysts said was
 * a sign of ...": a "what" after a preposition or an -ing verb is an object, and the words
 * after the cue are what was said of it. "What Trump said was wrong" and "critics say what he
 * said was wrong" judge the words in the writer's or another's voice: "what" opens a subject.
 */
export function embeddedWhat(tokens: Token[], at: number): boolean {
  if (tokens[at]?.lower !== "what") return false;
  const host = tokens[at - 1];
  if (host?.kind !== "w" || host.cap) return false;
  if (!WHAT_HOSTS.has(host.lower) && !(host.lower.length > 5 && host.lower.endsWith("ing")))
    return false;
  // "what they call Trump's message": naming it is part of the clause around it, whose
  // statement it would cut short.
  for (let k = at + 1; k < Math.min(tokens.length, at + MAX_WHAT_SUBJECT); k++) {
    const verb = speechVerb((tokens[k] as Token).lower);
    if (verb) return verb.complement !== "object";
  }
  return false;
}

/** Words from "what" to the cue of "what the senior senators said". */
const MAX_WHAT_SUBJECT = 8;

/** Words a name may take between a quotation and its cue: `"...," Richard Viguerie notes.` */
const MAX_CLOSING_NAME = 3;

/**
 * `"...," Viguerie notes.`, `"...," the report notes,`: a form after a quotation and a short
 * subject, at the end of the clause, is the verb that closes the quotation.
 */
function closesQuote(tokens: Token[], i: number): boolean {
  const after = tokens[i + 1];
  if (after && !/^[.,;]$/.test(after.text)) return false;
  return followsQuote(tokens, i);
}

/** Whether a quotation and a short subject (a name, "the report") stand right before `i`. */
function followsQuote(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 1 - MAX_CLOSING_NAME); k--) {
    const t = tokens[k] as Token;
    if (t.kind === "q") return k < i - 1;
    if (t.kind !== "w" || !(t.cap || DETERMINERS.has(t.lower))) return false;
  }
  return false;
}

/** Kinds of talk a speaker may tell without the words being reported. */
const TALK_KINDS = new Set("lies lie truth story stories joke jokes tales".split(" "));

/** Base forms that are seldom nouns and read as present-tense verbs after a plural subject. */
function isPlainVerbForm(form: string): boolean {
  return ["say", "tell", "write", "argue", "insist", "explain", "warn", "add"].includes(form);
}
