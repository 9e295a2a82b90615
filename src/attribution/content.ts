/** What was said at a cue: the words after it, before it, or on both sides of a split quote. */
import { lowerBound } from "../sorted/partition-point.ts";
import type { AttributionType } from "../types.ts";
import { embeddedWhat, namesRejected } from "./cues.ts";
import { DETERMINERS, isAdverb, TIME_WORDS } from "./lexicon.ts";
import { phraseAfter } from "./phrases.ts";
import type { Cue, Range, Statement } from "./sentence-parts.ts";
import type { Token } from "./sentences.ts";
import { isSpeechForm, speechVerb } from "./speech-verbs.ts";

const ADJUNCT_PREPS = new Set(
  "in at during on after before with from to via through over outside inside following aboard amid of about".split(
    " ",
  ),
);
/** Words that open a clause after a cue that is not what was said ("said as he left"). */
const CLAUSE_ADJUNCTS = new Set(
  "as while after before about of since until whereas when".split(" "),
);
/** A content that opens with one of these is the rest of a clause, not a report. */
const VERB_OPENERS = new Set(
  "is was are were has have had will would can could should may might must does do did be".split(
    " ",
  ),
);
/** "said about 20 people have ...": "about" a number is no preposition. */
function isApproximate(tokens: Token[], at: number): boolean {
  return tokens[at]?.lower === "about" && /^\d/.test(tokens[at + 1]?.text ?? "");
}

/** "according to him": a pronoun for whoever is the source. */
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "us", "me", "it"]);
/** Subject pronouns that open the clause said after a setting. */
const SUBJECTS = new Set(["he", "she", "they", "we", "i"]);
const TIME_LEADS = new Set(["on", "last", "this", "next", "late", "early", "earlier", "that"]);
const MIN_WORDS = 2;

/** Words and quotes before each token of a sentence, counted once for all its statements. */
interface Counts {
  length: number;
  words: number[];
  quotes: number[];
  /** Where a clause joined without a subject begins (see withoutOwnVerb), in order. */
  joins: number[];
}
/**
 * Counting a range token by token cost each statement the rest of its sentence: a sentence with
 * thousands of cues ("according to X according to X ...") took seconds. Counts before each token,
 * made once a sentence, answer any range at once.
 */
function countsOf(tokens: Token[]): Counts {
  // Sentences are read one after another: the one asked about last is the one asked about now
  // (a weak map of every sentence's counts was never asked again, and its keeping cost more
  // than the counting).
  if (lastCounted?.tokens === tokens && lastCounted.counts.length === tokens.length) {
    return lastCounted.counts;
  }
  // Plain arrays of small integers: a typed array is slow to make, and each sentence makes two.
  const words = [0];
  const quotes = [0];
  for (let i = 0; i < tokens.length; i++) {
    const kind = (tokens[i] as Token).kind;
    words.push((words[i] as number) + (kind === "w" ? 1 : 0));
    quotes.push((quotes[i] as number) + (kind === "q" ? 1 : 0));
  }
  const joins: number[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) if (joinsOwnVerb(tokens, i)) joins.push(i);
  const counts = { length: tokens.length, words, quotes, joins };
  lastCounted = { tokens, counts };
  return counts;
}
let lastCounted: { tokens: Token[]; counts: Counts } | null = null;

function count(list: number[], r: Range): number {
  return r.to > r.from ? (list[r.to] as number) - (list[r.from] as number) : 0;
}

function wordCount(tokens: Token[], r: Range): number {
  const { words, quotes } = countsOf(tokens);
  return count(words, r) + MIN_WORDS * count(quotes, r);
}

/** Trims punctuation and joining words off both ends of a range. */
function trim(tokens: Token[], r: Range): Range {
  let { from, to } = r;
  while (from < to && isEdgeJunk(tokens[from] as Token, true)) from++;
  while (to > from && isEdgeJunk(tokens[to - 1] as Token, false)) to--;
  return { from, to };
}

function isEdgeJunk(t: Token, leading: boolean): boolean {
  if (t.kind === "p") return leading ? !/[([]/.test(t.text) : !/[)\]?!]/.test(t.text);
  return leading && (t.lower === "and" || t.lower === "but" || t.lower === "that");
}

/** Skips what may follow a cue before the content: times, "in a statement", "that". */
export function contentStart(tokens: Token[], at: number, limit: number): number {
  // "vowed to ban imports": what is promised starts at "to" (the cue let only a verb follow).
  const infinitive = tokens[at + 1];
  const pledge = speechVerb(tokens[at - 1]?.lower ?? "")?.complement === "pledge";
  if (pledge && tokens[at]?.lower === "to" && infinitive?.kind === "w" && !infinitive.cap) {
    if (!DETERMINERS.has(infinitive.lower) && !/s$/.test(infinitive.lower)) return at;
  }
  let k = at;
  for (let n = 0; n < 4 && k < limit; n++) {
    const t = tokens[k] as Token;
    if (t.kind !== "w") break;
    if (isAdverb(t.lower) && !t.cap) {
      k++;
      continue;
    }
    if (TIME_WORDS.has(t.lower) && !(t.lower === "may" && !t.cap)) {
      k++;
      continue;
    }
    if (TIME_LEADS.has(t.lower) && TIME_WORDS.has(tokens[k + 1]?.lower ?? "")) {
      k += 2;
      continue;
    }
    if (isApproximate(tokens, k)) break;
    if (ADJUNCT_PREPS.has(t.lower) && danglesInto(tokens, k, limit)) return limit;
    if (ADJUNCT_PREPS.has(t.lower) && t.lower !== "that") {
      const np = phraseAfter(tokens, k + 1, limit);
      const after = np ? tokens[np.to] : undefined;
      // "said after the convention he would not ...": a setting, then the clause said.
      const clause = after !== undefined && SUBJECTS.has(after.lower);
      if (np && (after?.kind !== "w" || after.lower === "that" || isAdjunctTail(after) || clause)) {
        k = np.to;
        continue;
      }
    }
    break;
  }
  // "said in his first campaign appearance beside Hillary Clinton, “...”": jump to the quote;
  // "said on NBC's ''Meet the Press'' on Sunday that ...": jump past the title to the "that".
  const first = tokens[at];
  if (first && (ADJUNCT_PREPS.has(first.lower) || TIME_WORDS.has(first.lower))) {
    for (let m = at + 1; m < Math.min(limit, at + 16); m++) {
      const t = tokens[m] as Token;
      if (t.kind === "q") {
        // A short quote inside the phrase is a title ("in his book, ''An American Son''").
        if (wordsInQuote(t) >= 4) return m;
        continue;
      }
      // "told reporters after the meeting that was held on a boat": a relative "that" belongs
      // to the setting, and nothing said follows it.
      if (t.lower === "that") return VERB_OPENERS.has(tokens[m + 1]?.lower ?? "") ? limit : m + 1;
      // "said at a Washington event this month: ..." jumps past the setting to the colon.
      if (t.text === ":") return m + 1;
      if (t.kind === "p" && t.text !== "," && t.text !== "’" && t.text !== "'") break;
      if (t.kind === "w" && VERB_OPENERS.has(t.lower)) break;
    }
  }
  // "told the Guardian in an interview, part of which ..., that ...": jump to the "that".
  if (tokens[k]?.text === ",") {
    for (let m = k + 1; m < Math.min(limit, k + 20); m++) {
      const t = tokens[m] as Token;
      if (t.kind === "q") break;
      if (t.lower === "that" && tokens[m - 1]?.text === ",") return m + 1;
    }
  }
  if (tokens[k]?.lower === "that") return k + 1;
  if (tokens[k]?.text === ":" || (tokens[k]?.text === "," && tokens[k + 1]?.kind === "q")) {
    return k + 1;
  }
  return k;
}

/**
 * "said in the wake of [an article ... claiming]": a prepositional phrase whose object is the
 * next statement's source is an adjunct of the cue, not content.
 */
function danglesInto(tokens: Token[], k: number, limit: number): boolean {
  if (limit >= tokens.length || limit - k > 8) return false;
  const lastWord = tokens[limit - 1] as Token;
  if (!["of", "to", "in", "by", "from", "on", "with"].includes(lastWord.lower)) return false;
  for (let i = k; i < limit; i++) if ((tokens[i] as Token).kind !== "w") return false;
  return true;
}

function isAdjunctTail(t: Token): boolean {
  return TIME_WORDS.has(t.lower) || ADJUNCT_PREPS.has(t.lower);
}

const JOINERS = new Set(["but", "and", "while", "although", "though", "yet", "whereas"]);

/**
 * Reads a statement's content (setContent), then prefers a quotation that stands before the
 * cue over loose words after it: in `"We won," she said during a rally in Ohio`, what she said
 * is the quote, not "a rally in Ohio". Words after the cue still count when "that", a colon or
 * a quotation introduces them.
 */
export function readContent(tokens: Token[], st: Statement, floor: number, limit: number): void {
  if (st.cue?.form === "question") {
    // What was asked runs to the comma that closes the clause ("Asked whether ..., she said").
    // A quotation after a comma or a colon is the question whole ("was asked, “Why?”").
    const mark = /^[,:]$/.test(tokens[st.frame.to]?.text ?? "") ? st.frame.to + 1 : st.frame.to;
    const quoted = tokens[mark]?.kind === "q";
    let end = quoted ? mark + 1 : st.frame.to;
    while (end < limit && (tokens[end] as Token).text !== ",") end++;
    const asked = trim(tokens, { from: st.frame.to, to: end });
    // "Asked about Sullivan, ...": after "about" one name is the whole question.
    const least = tokens[st.frame.to - 1]?.lower === "about" ? 1 : quoted ? 1 : MIN_WORDS + 1;
    st.content = wordCount(tokens, asked) >= least ? [asked] : [];
    st.type = typeOf(tokens, st.content);
    return;
  }
  if (st.cue?.form === "hearsay") {
    st.content = hearsayClause(tokens, st.cue, floor, limit);
    st.type = typeOf(tokens, st.content);
    return;
  }
  setContent(tokens, st, floor, limit);
  // "X leads, according to a count, but Y has vowed ...": the clause after "but" is the writer's.
  if (st.cue?.form === "according" && st.content.length === 2) {
    const after = st.content[1] as Range;
    if (JOINERS.has(tokens[after.from - 1]?.lower ?? "")) st.content = [st.content[0] as Range];
  }
  st.content = st.content
    .map((r) => withoutOwnVerb(tokens, r))
    .map((r) => beforeSecondVerb(tokens, r, st.cue as Cue))
    .filter((r) => !isDateline(tokens, r));
  // "praised the decision": a bare object says nothing of it. A denial's "the charges" does:
  // it stands for the allegation it rejects, to which stance links it.
  const verb = speechVerb((tokens[(st.cue as Cue).verb] as Token).lower);
  const object = st.content.length === 1 ? st.content[0] : undefined;
  const rejected =
    verb?.kind === "deny" && object !== undefined && namesRejected(tokens, object.from);
  if (
    verb?.complement === "object" &&
    verb.kind !== "tell" &&
    !rejected &&
    bareObject(tokens, st.content)
  ) {
    st.content = [];
  }
  const only = st.content.length === 1 ? (st.content[0] as Range) : null;
  if (!only || only.from < st.frame.to || st.mention === null) return;
  if (st.mention.from > (st.cue as Cue).verb) return;
  const lead = tokens[only.from - 1];
  if (tokens[only.from]?.kind === "q" || lead?.lower === "that" || lead?.text === ":") return;
  const before = afterLabel(tokens, trim(tokens, { from: floor, to: st.frame.from }));
  const quote = tokens[before.to - 1];
  // The quote must open the clause and end on a comma, "?" or "!": one that ends on a full
  // stop closed the sentence before ("... him.” She says it ...").
  if (before.to - before.from !== 1 || quote?.kind !== "q") return;
  if (st.frame.from - before.to > 1 || endsOnFullStop(quote.text)) return;
  if (wordCount(tokens, before) < MIN_WORDS) return;
  st.content = [before];
  st.type = typeOf(tokens, st.content);
}

/** Words that join a clause to the one before it: the clause of a hearsay adverb starts after. */
const CLAUSE_JOINS = new Set(["and", "but", "while", "as", "although", "though", "because"]);

/**
 * "The company has reportedly taken heat from ...": the clause the adverb stands in, on both
 * sides of it, from its start (the sentence's, or after "; ", ": " or ", and") to its end.
 */
function hearsayClause(tokens: Token[], cue: Cue, floor: number, limit: number): Range[] {
  let from = cue.from;
  while (from > floor) {
    const t = tokens[from - 1] as Token;
    if (t.text === ";" || t.text === ":" || t.kind === "q") break;
    if (CLAUSE_JOINS.has(t.lower) && tokens[from - 2]?.text === ",") break;
    from--;
  }
  let to = cue.to;
  while (to < limit && !/^[;:]$/.test((tokens[to] as Token).text)) to++;
  const parts = [trim(tokens, { from, to: cue.from }), trim(tokens, { from: cue.to, to })];
  const said = parts.filter((r) => r.to > r.from);
  const words = said.reduce((n, r) => n + wordCount(tokens, r), 0);
  // The subject and a verb at least: "reportedly" alone or with one word says nothing.
  return words > MIN_WORDS ? said : [];
}

/**
 * "For example: “...,” he told CNN in October.": a quotation after a colon, before a cue whose
 * words after it are a setting, is what was said; the words before the colon are the writer's.
 */
function afterLabel(tokens: Token[], r: Range): Range {
  const colon = tokens[r.to - 2]?.text === ":" && tokens[r.to - 1]?.kind === "q";
  return colon && r.to - 2 >= r.from ? { from: r.to - 1, to: r.to } : r;
}

/** "NEW YORK (AP)", "BEIJING, Dec. 4 (Xinhua)": the place and agency that open a wire story. */
function isDateline(tokens: Token[], r: Range): boolean {
  let upper = 0;
  for (let i = r.from; i < r.to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "q") return false;
    if (t.kind !== "w") continue;
    const inParens = tokens[i - 1]?.text === "(";
    if (/^\p{Lu}[\p{Lu}.'-]+$/u.test(t.text)) upper++;
    else if (!inParens && !/^\d/.test(t.text) && !TIME_WORDS.has(t.lower.replace(/\.$/, "")))
      return false;
  }
  return upper > 0;
}

/** Content of two words or fewer and no quotation: "the charges", "the decision". */
function bareObject(tokens: Token[], content: Range[]): boolean {
  const { words, quotes } = countsOf(tokens);
  let said = 0;
  for (const r of content) {
    if (count(quotes, r) > 0) return false;
    said += count(words, r);
  }
  return said <= MIN_WORDS;
}

/**
 * "claimed Clinton had helped her, but offered no proof": a clause joined without a subject
 * goes on about the speaker, in the writer's words. What was said ends at its comma.
 */
function withoutOwnVerb(tokens: Token[], r: Range): Range {
  // The sentence's joins are listed once: a scan of each range cost a sentence of thousands of
  // cues the rest of the sentence per cue.
  const { joins } = countsOf(tokens);
  const at = joins[lowerBound(joins, r.from + 2)];
  return at !== undefined && at < r.to - 2 ? { from: r.from, to: at } : r;
}

/**
 * ", but offered": a comma, a joining word and a verb in the past, at token `i`; or a clause
 * about the speaker's own act: ", citing the strategic importance ...", ", though she noted".
 */
function joinsOwnVerb(tokens: Token[], i: number): boolean {
  if ((tokens[i] as Token).text !== ",") return false;
  const next = tokens[i + 1] as Token;
  if (next.kind === "w" && participleOfAct(next)) return true;
  if (!JOINERS.has(next.lower)) return false;
  const verb = tokens[i + 2] as Token;
  if (CONCESSIVE.has(next.lower) && /^(he|she|they)$/.test(verb.lower)) return true;
  return verb.kind === "w" && !verb.cap && /ed$/.test(verb.lower);
}

/** Words of a phrase said that may stand before the speaker's next verb: past them, no cut. */
const MAX_PHRASE_SAID = 24;
/** What may follow the speaker's second verb: its object, "to", or a preposition (not "by"). */
const SECOND_VERB_TAILS = new Set("to against on for with about at in into from".split(" "));

/**
 * "has promised a veto and attempted to make the case ...", "asked Clinton about her email
 * and decided against ...": what was said is a phrase, with no verb of its own, so a verb in
 * the past after "and" is the speaker's next act, in the writer's words. A clause said ("said
 * prices rose and fell") keeps its verbs.
 */
function beforeSecondVerb(tokens: Token[], r: Range, cue: Cue): Range {
  // "blasted Rubio and defended Cruz": an object verb's bare object says nothing alone (see
  // bareObject), so a short one keeps the rest; "promised a veto" stands alone.
  const least = speechVerb((tokens[cue.verb] as Token).lower)?.complement === "object" ? 3 : 2;
  if (tokens[r.from]?.kind === "q") return r;
  const end = Math.min(r.to - 2, r.from + MAX_PHRASE_SAID);
  for (let i = r.from + 1; i < end; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "q" || (t.kind === "w" && (CLAUSE_VERBS.has(t.lower) || SUBJECTS.has(t.lower))))
      return r;
    if (t.lower !== "and" && t.lower !== "but") continue;
    const verb = tokens[i + 1] as Token;
    const tail = tokens[i + 2] as Token;
    // "reiterated those feelings and stressed the need ...": a second report goes on saying.
    if (verb.kind !== "w" || verb.cap || !/[^e]ed$/.test(verb.lower) || isSpeechForm(verb.lower))
      continue;
    const object =
      tail.kind === "w" &&
      (tail.cap || DETERMINERS.has(tail.lower) || SECOND_VERB_TAILS.has(tail.lower));
    const cut = { from: r.from, to: i };
    if (object && !clauseIn(tokens, r.from, i) && wordCount(tokens, cut) >= least) return cut;
  }
  return r;
}

/** Joining words that open a clause of the writer's, with the speaker as its subject. */
const CONCESSIVE = new Set(["though", "although", "while"]);
/** -ing words after a comma that go on inside what was said, or are no verbs. */
const NOT_ACTS = new Set(
  "including according during notwithstanding regarding concerning excluding following nothing something anything everything".split(
    " ",
  ),
);

/** ", citing ...", ", encouraging ...": a participle of the speaker's act, after what was said. */
function participleOfAct(t: Token): boolean {
  return !t.cap && t.lower.length > 5 && t.lower.endsWith("ing") && !NOT_ACTS.has(t.lower);
}

export function setContent(tokens: Token[], st: Statement, floor: number, limit: number): void {
  const cue = st.cue as Cue;
  st.content = [];
  const afterFrom = contentStart(tokens, st.frame.to, limit);
  let after = trim(tokens, { from: afterFrom, to: limit });
  if (cue.form === "according") {
    // "According to X, content": the content follows the comma after the source.
    after = trim(tokens, { from: st.frame.to, to: tokens.length });
  }
  const opener = tokens[afterFrom];
  const introduced =
    tokens[afterFrom - 1]?.lower === "that" ||
    tokens[afterFrom - 1]?.text === ":" ||
    opener?.kind === "q";
  const dangling =
    !opener ||
    (opener.text === "," && !introduced) ||
    (!introduced &&
      ((CLAUSE_ADJUNCTS.has(opener.lower) && !isApproximate(tokens, afterFrom)) ||
        VERB_OPENERS.has(opener.lower))) ||
    (cue.thatOnly && !introduced);
  const hasAfter = (cue.form === "according" || !dangling) && wordCount(tokens, after) >= MIN_WORDS;
  const beforeEnd = st.frame.from;
  let before: Range | null = null;
  const edge = tokens[beforeEnd - 1];
  const unmarked = cue.form === "according" && edge?.kind === "w" && namesSource(tokens, st);
  if (beforeEnd > floor && edge && (edge.kind === "q" || /^[,—–:]$/.test(edge.text) || unmarked)) {
    const r = trim(tokens, { from: floor, to: beforeEnd });
    if (wordCount(tokens, r) >= MIN_WORDS && !isBareAdjunct(tokens, r)) before = r;
  }
  const inverted = st.mention !== null && st.mention.from > cue.verb;
  const opensQuote = opener?.kind === "q";
  const fronted = frontedRelative(tokens, st, afterFrom, limit);
  if (fronted) {
    st.content = fronted;
  } else if (cue.form === "participle" || cue.form === "nominal") {
    // "her pledge to cut taxes": what is promised starts at "to".
    const promised = cue.form === "nominal" && tokens[afterFrom]?.lower === "to";
    if (
      hasAfter &&
      (cue.form === "participle" || tokens[afterFrom - 1]?.lower === "that" || promised)
    ) {
      st.content = [cue.form === "nominal" ? toComma(tokens, after) : after];
    }
  } else if (cue.form === "according") {
    // "... 46 percent to 39 percent according to a CBS poll released Monday.": without a comma
    // the words after the source still describe it.
    const closing = tokens[st.frame.to]?.text === "," || tokens[st.frame.to]?.kind === "q";
    if (before) st.content = hasAfter && (closing || !unmarked) ? [before, after] : [before];
    else if (hasAfter) st.content = [after];
  } else if (inverted) {
    if (before) st.content = hasAfter && opensQuote ? [before, after] : [before];
  } else if (hasAfter) {
    st.content = before && opensQuote && endsInQuote(tokens, before) ? [before, after] : [after];
  } else if (before) {
    st.content = [before];
  } else if (opener?.text === "," && isParenthetical(tokens, st.frame.from)) {
    // "Still, he said, officials have to decide ...": the cue is a parenthesis.
    const rest = trim(tokens, { from: afterFrom + 1, to: limit });
    const next = tokens[rest.from];
    const aside = !next || CLAUSE_ADJUNCTS.has(next.lower) || /ing$/.test(next.lower);
    if (!aside && wordCount(tokens, rest) >= MIN_WORDS + 1) st.content = [rest];
  }
  st.type = typeOf(tokens, st.content);
}

/**
 * "His promises to tax the rich notwithstanding, analysts agree ...": a statement noun sits in
 * a clause of the writer's, which goes on after the comma that closes what was said.
 */
function toComma(tokens: Token[], r: Range): Range {
  for (let i = r.from; i < r.to; i++) if ((tokens[i] as Token).text === ",") return { ...r, to: i };
  return r;
}

/** Relative words that may stand, before a speaker and cue, for part of what was said. */
const RELATIVES = new Set(["which", "who", "that"]);

/**
 * "The changes, which officials said will take effect in May, ...", "a villa which he
 * describes as his second home": the relative word stands for the subject (or object) of what
 * was said, and the rest follows the cue. The content is the relative word and that rest, to
 * the comma that closes a clause set off by commas. Null when the statement is not so made.
 * "What Trump said was wrong" is the writer's verdict on the words, and "condemned what he
 * called a breach" is the condemnation's content: "what" is left out.
 */
function frontedRelative(
  tokens: Token[],
  st: Statement,
  afterFrom: number,
  limit: number,
): Range[] | null {
  const cue = st.cue as Cue;
  const at = st.frame.from - 1;
  const rel = tokens[at];
  if (cue.form !== "verb" || !st.mention || st.mention.from !== st.frame.from) return null;
  if (!rel || !(RELATIVES.has(rel.lower) || embeddedWhat(tokens, at))) return null;
  // "says that Clinton called ...": a "that" after a verb opens what is said; it is no relative.
  const host = tokens[at - 1];
  if (rel.lower === "that" && (host?.kind !== "w" || isSpeechForm(host.lower))) return null;
  const complement = speechVerb((tokens[cue.verb] as Token).lower)?.complement;
  const opener = tokens[afterFrom];
  if (opener?.kind !== "w" && opener?.kind !== "q") return null;
  if (complement === "object") {
    if (afterFrom !== st.frame.to) return null;
  } else if (!VERB_OPENERS.has(opener.lower)) return null;
  let end = afterFrom;
  const aside = tokens[at - 1]?.text === ",";
  while (end < limit && !(aside && (tokens[end] as Token).text === ",")) end++;
  const rest = trim(tokens, { from: afterFrom, to: end });
  if (wordCount(tokens, rest) < MIN_WORDS) return null;
  return [{ from: at, to: at + 1 }, rest];
}

/** Sets a statement's content to one range, trimmed, if it holds words enough. */
export function spanContent(tokens: Token[], st: Statement, r: Range): void {
  const content = trim(tokens, r);
  st.content = wordCount(tokens, content) >= MIN_WORDS ? [content] : [];
  st.type = typeOf(tokens, st.content);
}

/** "Still, he said, officials ...": the cue stands as a parenthesis in the sentence. */
function isParenthetical(tokens: Token[], frameFrom: number): boolean {
  if (frameFrom === 0) return true;
  // "the allegations, which Mr. Ailes denies, ...": an object clause, not a parenthesis.
  return !["which", "that", "whom", "what", "whose"].includes(tokens[frameFrom - 1]?.lower ?? "");
}

/**
 * "... according to a count by The Associated Press", "according to officials": the phrase
 * after "according to" names a source (a determiner, a name, an owner or a plural), not a
 * manner ("went according to plan", "according to law").
 */
function namesSource(tokens: Token[], st: Statement): boolean {
  const first = st.mention ? tokens[st.mention.from] : undefined;
  const head = st.mention ? tokens[st.mention.to - 1] : undefined;
  if (first?.kind !== "w" || head?.kind !== "w") return false;
  return (
    first.cap ||
    DETERMINERS.has(first.lower) ||
    OBJECT_PRONOUNS.has(first.lower) ||
    /['’]s?$/.test(first.lower) ||
    /s$/.test(head.lower)
  );
}

/** "In a press release earlier this month," is a setting, not something said. */
function isBareAdjunct(tokens: Token[], r: Range): boolean {
  const first = tokens[r.from] as Token;
  const opens =
    ADJUNCT_PREPS.has(first.lower) ||
    CLAUSE_ADJUNCTS.has(first.lower) ||
    SETTING_OPENERS.has(first.lower);
  if (!opens) return false;
  let words = 0;
  for (let i = r.from; i < r.to; i++) {
    const t = tokens[i] as Token;
    // A quoted title ("In his new book, ''Doomed to Succeed,''") stays a setting.
    if (t.kind === "q" && wordsInQuote(t) > 4) return false;
    // "After the debate, he had fun": a clause after the comma is something said; a title or
    // a time after it ("In her 2003 book, Living History,") is not.
    const next = tokens[i + 1];
    if (t.text === "," && next && next.kind === "w" && clauseIn(tokens, i + 1, r.to)) return false;
    if (t.kind !== "p") words++;
    // Past 12 words the answer is no: the rest of a long range need not be read.
    if (words > 12) return false;
  }
  return words <= 12;
}

/** Words that open a setting before a cue: "However, over the past few days, ...". */
const SETTING_OPENERS = new Set(
  "however meanwhile still instead along one yet under despite amid unlike like within throughout against beyond upon without".split(
    " ",
  ),
);
const CLAUSE_VERBS = new Set(
  "is was are were has have had will would can could should may might must do does did".split(" "),
);

/** Whether tokens [from, to) hold a clause: a subject pronoun or a finite verb. */
function clauseIn(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "w") continue;
    if (CLAUSE_VERBS.has(t.lower) || /^(he|she|they|we|i|it|you)$/.test(t.lower)) return true;
    if (!t.cap && /ed$/.test(t.lower) && i > from) return true;
  }
  return false;
}

function wordsInQuote(t: Token): number {
  return t.text.split(/\s+/).length;
}

function endsInQuote(tokens: Token[], r: Range): boolean {
  return tokens[r.to - 1]?.kind === "q";
}

function typeOf(tokens: Token[], content: Range[]): AttributionType {
  const counts = countsOf(tokens);
  let quoted = 0;
  let words = 0;
  for (const r of content) {
    quoted += count(counts.quotes, r);
    words += count(counts.words, r);
  }
  if (quoted === 0) return "indirect";
  return words === 0 ? "direct" : "mixed";
}

/**
 * Whether a full stop stands among the marks that end a text (`him.”`): read back from the end
 * over the marks only, so a long run of marks costs its length once, not once per mark.
 */
function endsOnFullStop(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i] as string;
    if (c === ".") return true;
    if (/\w/.test(c)) return false;
  }
  return false;
}
