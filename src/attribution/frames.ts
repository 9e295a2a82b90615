/** Who speaks at a cue: the subject before it, an apposition, or the phrase after it. */
import { embeddedWhat } from "./cues.ts";
import {
  AUX_ADVERBS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  EVENT_NOUNS,
  GROUP_NOUNS,
  NP_INNER_PREPS,
  NP_STOP,
  ORG_WORDS,
  PRONOUNS,
  ROLE_NOUNS,
  TIME_WORDS,
} from "./lexicon.ts";
import { phraseAfter, phraseBefore } from "./phrases.ts";
import type { Cue, Range, Statement } from "./sentence-parts.ts";
import type { Sentence, Token } from "./sentences.ts";

const ISSUE_VERBS = new Set(
  "issued released sent posted wrote published tweeted put made gave delivered filed signed unleashed fired".split(
    " ",
  ),
);
const CONJUNCTIONS = new Set(["and", "but", "or", "so", "yet"]);
const FINITE = new Set("is was are were has have had will would could can did does".split(" "));

/** Whether tokens [from, to) hold a finite verb: "the delegations walked out", "talks were". */
function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.kind === "w" && !t.cap && (FINITE.has(t.lower) || /ed$/.test(t.lower))) return true;
  }
  return false;
}

/** Words for a part of a group: "many of whom", "some of whom". */
const QUANTIFIERS = new Set(
  "many most some several all both few none half one two three".split(" "),
);
/** Words that open an aside between a speaker and the cue. */
const ASIDE_OPENERS = new Set(["who", "who's", "which", "whose", "including", "like", "whom"]);
const CLAUSE_OPENERS = new Set(
  "and but as while when after because since although though so then yet even".split(" "),
);
/** Words that may follow the speaker named after an inverted cue: a setting or an aside. */
const INVERTED_TAILS = new Set(
  "at in on during to for of with from who whose last this yesterday today earlier later".split(
    " ",
  ),
);

/** A statement at a cue, with its content still to be read. */
export function statement(
  sentence: Sentence,
  cue: Cue,
  mention: Range | null,
  frame: Range,
): Statement {
  return {
    sentence,
    cue,
    mention,
    antecedent: null,
    inherit: mention === null,
    content: [],
    type: "indirect",
    reporter: null,
    frame,
  };
}

/** Finds who speaks at a cue; null when the cue has no speaker in reach. */
export function frameOf(sentence: Sentence, cue: Cue): Statement | null {
  const tokens = sentence.tokens;
  if (cue.form === "nominal" && tokens[cue.to]?.kind === "w" && cue.to === cue.from + 1) {
    // "Trump's claim that ...": the owner of the claim makes it; "the allegations that ..."
    // are someone's the sentence does not name, and not the last speaker's.
    const owner = cue.label ?? null;
    const st = statement(sentence, cue, owner, { from: owner?.from ?? cue.from, to: cue.to });
    st.inherit = false;
    return st;
  }
  if (cue.form === "according" || cue.form === "nominal") {
    const np = withApposition(tokens, phraseAfter(tokens, cue.to));
    if (!np) return null;
    return statement(sentence, cue, np, { from: cue.from, to: np.to });
  }
  if (cue.form === "quoted") {
    const quoted: Range = { from: cue.from + 1, to: cue.verb - 1 };
    let at = skipTimes(tokens, cue.from - 1);
    while (at > 0 && AUX_ADVERBS.has((tokens[at] as Token).lower)) at--;
    const reporter = governor(tokens, phraseBefore(tokens, at));
    const st = statement(sentence, cue, quoted, { from: reporter?.from ?? cue.from, to: cue.to });
    st.reporter = reporter;
    return st;
  }
  if (cue.form === "question" || cue.form === "hearsay") {
    // Nobody the article names asks, or reports: the statement has no speaker, inherits none.
    const st = statement(sentence, cue, null, { from: cue.from, to: cue.to });
    st.inherit = false;
    return st;
  }
  if (cue.form === "colon") {
    const label = cue.label ?? { from: 0, to: cue.from };
    return statement(sentence, cue, label, { from: label.from, to: cue.to });
  }
  if (cue.form === "participle") {
    // The frame takes in the comma before the participle, not a quotation that holds it.
    const comma = tokens[cue.from - 1]?.kind === "q" ? cue.from : cue.from - 1;
    const st = statement(sentence, cue, null, { from: comma, to: cue.to });
    // "Clinton criticized Trump for saying ...": the one criticised said it, not the critic.
    const object =
      tokens[cue.from - 1]?.lower === "for" ? objectBefore(tokens, cue.from - 2) : null;
    if (object) {
      st.mention = object;
      st.inherit = false;
    }
    return st;
  }
  const j = skipTimes(tokens, cue.from - 1);
  const before = tokens[j];
  let np: Range | null = null;
  let antecedent: Range | null = null;
  if (before && (before.lower === "and" || before.lower === "but")) {
    // "... denounced her record and said ...": the subject of the first verb.
    np = clauseSubject(tokens, j);
  } else if (before?.kind === "w") {
    const many = before.lower === "whom" && tokens[j - 1]?.lower === "of";
    if (many) {
      // "family members of the victims, many of whom say ...": the ones the clause is about.
      const part = QUANTIFIERS.has(tokens[j - 2]?.lower ?? "") ? { from: j - 2, to: j - 1 } : null;
      const host = part ? relativeHost(tokens, part.from) : null;
      if (part && host) {
        np = { from: part.from, to: j + 1 };
        antecedent = host;
      }
    } else if (before.lower === "who") {
      np = { from: j, to: j + 1 };
      antecedent = relativeHost(tokens, j);
      if (!antecedent) np = null;
    } else if (before.lower === "that" || before.lower === "which") {
      // "a lawsuit that alleges ...", "a statement which said ...": the document speaks.
      const host = relativeHost(tokens, j);
      const head = host ? (tokens[host.to - 1] as Token) : null;
      if (host && head && DOCUMENT_NOUNS.has(head.lower)) {
        // The relative word is the mention, as "who" is; the document it stands for speaks.
        np = { from: j, to: j + 1 };
        antecedent = host;
      } else if (host && head && before.lower === "which" && tokens[j - 1]?.text === ",") {
        // "members of the Saudi government, which has denied any involvement": "which" is the
        // body, never the people, so the phrase after the last "of".
        if (ORG_WORDS.has(head.lower)) {
          let from = host.from;
          for (let k = host.from; k < host.to; k++) {
            if (NP_INNER_PREPS.has((tokens[k] as Token).lower)) from = k + 1;
          }
          np = { from: j, to: j + 1 };
          antecedent = { from, to: host.to };
        }
      }
    } else np = governor(tokens, phraseBefore(tokens, j));
  } else if (before?.text === ",") {
    const found = apposition(tokens, j);
    np = found?.mention ?? null;
    antecedent = found?.host ?? null;
  } else if (before && DASHES.has(before.text)) {
    // "Kall -- co-editor of Debating The Donald -- said": an aside between dashes.
    const host = dashedHost(tokens, j);
    if (host) {
      np = { from: host.from, to: j + 1 };
      antecedent = host;
    }
  } else if (before?.text === ")") {
    // "Rep. Bobby Scott (D-Va.) said".
    const host = phraseBeforeParenthesis(tokens, j);
    if (host) {
      np = { from: host.from, to: j + 1 };
      antecedent = host;
    }
  }
  if (np && !plausibleSubject(tokens, antecedent ?? np)) np = null;
  if (np) {
    const issuer = issuerOf(tokens, antecedent ?? np);
    // "Berg said ... and added that ...": the frame starts at "and", after the first content.
    const from = np.to <= j && (before?.lower === "and" || before?.lower === "but") ? j : np.from;
    const st = statement(sentence, cue, issuer ?? np, { from: issuer?.from ?? from, to: cue.to });
    st.antecedent = issuer ? null : antecedent;
    return st;
  }
  // Inverted: `"...," said Peskov` or `..., says the report.`
  if (!before || before.kind === "q" || before.text === "," || before.text === ":") {
    // Only after a quotation may the speaker carry a tail of its own (`"...," said X at ...`).
    const quoted = before?.kind === "q" || tokens[cue.from - 2]?.kind === "q";
    const after = invertedSubject(tokens, cue.to, quoted);
    if (after && plausibleSubject(tokens, after)) {
      return statement(sentence, cue, after, { from: cue.from, to: after.to });
    }
  }
  return null;
}

/** The object of a verb that ends at `last` ("criticized [Trump]"), or null for a subject. */
function objectBefore(tokens: Token[], last: number): Range | null {
  const np = phraseBefore(tokens, last);
  const verb = np ? tokens[np.from - 1] : undefined;
  if (!np || verb?.kind !== "w" || verb.cap || !/(ed|s)$/.test(verb.lower)) return null;
  const head = tokens[np.to - 1] as Token;
  if (!head.cap && /ed$/.test(head.lower)) return null;
  return np;
}

/** A year as written in news copy: "2008", "1994". */
const YEAR = /^(?:1[89]|20)\d\d$/;

/** "Trump recently said", "Trump on Monday said": steps back over times to the subject. */
function skipTimes(tokens: Token[], at: number): number {
  let j = at;
  while (j > 0) {
    const t = tokens[j] as Token;
    // "A memorable Clinton ad in 2008 questioned": a year after "in" dates the subject.
    if (YEAR.test(t.text) && tokens[j - 1]?.lower === "in" && j > 1) {
      j -= 2;
      continue;
    }
    if (t.kind !== "w" || (t.cap && !TIME_WORDS.has(t.lower)) || surnameMay(tokens, j)) break;
    if (TIME_WORDS.has(t.lower)) {
      j--;
      if (["on", "last", "this", "earlier", "late", "early"].includes(tokens[j]?.lower ?? "")) j--;
    } else break;
  }
  return j;
}

/**
 * "Theresa May said": "May" after a capitalised word that is no time ("Friday May", "in May")
 * is a surname, not the month.
 */
function surnameMay(tokens: Token[], at: number): boolean {
  const t = tokens[at] as Token;
  const before = tokens[at - 1];
  return (
    t.text === "May" &&
    before?.kind === "w" &&
    before.cap &&
    !TIME_WORDS.has(before.lower) &&
    !NP_STOP.has(before.lower)
  );
}

/** Rejects subjects that cannot speak: times, events, "All told", a lone gerund, "what X says". */
function plausibleSubject(tokens: Token[], np: Range): boolean {
  const head = tokens[np.to - 1] as Token;
  if (TIME_WORDS.has(head.lower) && !surnameMay(tokens, np.to - 1)) return false;
  // "People briefed on the situation say": an event after a preposition is not the subject.
  const governed = /^(?:on|of|about|over|in|at|for|to|with)$/.test(
    tokens[np.from - 1]?.lower ?? "",
  );
  if (EVENT_NOUNS.has(head.lower) && !governed) return false;
  const first = tokens[np.from] as Token;
  // "Schilling said", "Beijing said": a capitalised word in -ing is a name, not a gerund.
  const gerund = /ing$/.test(head.lower) && !head.cap;
  if (np.to - np.from === 1 && gerund) return false;
  if (first.lower === "all" && np.to - np.from === 1) return false;
  const lead = tokens[np.from - 1]?.lower ?? "";
  if (embeddedWhat(tokens, np.from - 1)) return true;
  return !["what", "whatever", "how", "than"].includes(lead);
}

/** "Aides to Sanders said": the aides speak, not Sanders; the phrase takes in its head noun. */
function governor(tokens: Token[], np: Range | null): Range | null {
  if (!np || !["to", "for", "of", "with", "close"].includes(tokens[np.from - 1]?.lower ?? "")) {
    return np;
  }
  const noun = tokens[np.from - 2];
  if (!noun || (!GROUP_NOUNS.has(noun.lower) && !ROLE_NOUNS.has(noun.lower))) return np;
  const head = phraseBefore(tokens, np.from - 2);
  return head ? { from: head.from, to: np.to } : np;
}

/** "Trump issued a statement saying ...": the statement speaks for whoever issued it. */
function issuerOf(tokens: Token[], np: Range): Range | null {
  const head = tokens[np.to - 1] as Token;
  if (!DOCUMENT_NOUNS.has(head.lower) && head.lower !== "tweet" && head.lower !== "tweets") {
    return null;
  }
  const verb = tokens[np.from - 1];
  if (!verb || !ISSUE_VERBS.has(verb.lower)) return null;
  return np.from - 2 >= 0 ? phraseBefore(tokens, np.from - 2) : null;
}

/** "Peskov, who ..., said": the speaker is the phrase before "who". */
function relativeHost(tokens: Token[], who: number): Range | null {
  // "the study -- which notes that ...": a dash sets the clause off as a comma does.
  let k = tokens[who - 1]?.text === "," ? who - 2 : who - 1;
  while (k > 0 && DASHES.has((tokens[k] as Token).text)) k--;
  return k >= 0 ? phraseBefore(tokens, k) : null;
}

/**
 * Commas an apposition may hold: "Dana Ruiz, 59, of Ashton, Md., who watched the ceremony,
 * said" has four.
 */
const MAX_ASIDES = 5;

/**
 * "Kremlin spokesman, Dmitry Peskov, said", "Peskov, the Kremlin spokesman, said", "Ferre, who
 * took over ..., said": the speaker opens a clause and the aside runs to the comma before the cue.
 */
function apposition(tokens: Token[], comma: number): { mention: Range; host: Range | null } | null {
  let k = comma - 1;
  for (let segments = 0; segments < MAX_ASIDES; segments++) {
    while (k >= 0 && comma - k < 40 && tokens[k]?.text !== ",") k--;
    if (k < 0 || tokens[k]?.text !== "," || k === comma - 1) return null;
    const host = withSetting(
      tokens,
      tokens[k - 1]?.text === ")"
        ? phraseBeforeParenthesis(tokens, k - 1)
        : phraseBefore(tokens, k - 1),
    );
    // "Clinton, 35, the daughter of ...": an age is not the speaker.
    const named = host && /\p{L}/u.test((tokens[host.from] as Token).text);
    if (host && named && opensClause(tokens, host.from)) {
      const aside = phraseBefore(tokens, comma - 1);
      const isRole = aside !== null && aside.from === k + 1;
      const opener = (tokens[k + 1] as Token).lower;
      if (!isRole && !ASIDE_OPENERS.has(opener) && comma - k > 24) return null;
      // ", and the delegations left": a clause joined on, not an aside about a speaker.
      if (CONJUNCTIONS.has(opener) && hasVerb(tokens, k + 2, comma)) return null;
      // "Scott Pruitt, the attorney general of Oklahoma, one of the states ..., said": a
      // description in a chain of asides hangs on the name before it.
      const named =
        tokens[host.from - 1]?.text === "," ? phraseBefore(tokens, host.from - 2) : null;
      if (named && (tokens[named.from] as Token).cap && opensClause(tokens, named.from)) {
        return { mention: { from: named.from, to: comma }, host: named };
      }
      return { mention: { from: host.from, to: comma }, host: isRole ? null : host };
    }
    k--;
  }
  return null;
}

const DASHES = new Set(["--", "—", "–", "-"]);

/** Prepositions that place a role: "a delegate on the Cruz slate", "a lawyer at the firm". */
const SETTING_PREPS = new Set(["on", "in", "at", "from", "with"]);

/**
 * "Another delegate on the Cruz slate, Jim Poolman, said": a phrase after a preposition is the
 * setting of the role before it, which opens the clause. The role is a noun with a determiner
 * ("another delegate", "a lawyer"), not an opening clause ("Speaking in Ohio, Lund said").
 */
function withSetting(tokens: Token[], np: Range | null): Range | null {
  if (!np || opensClause(tokens, np.from)) return np;
  if (!SETTING_PREPS.has(tokens[np.from - 1]?.lower ?? "")) return np;
  const role = phraseBefore(tokens, np.from - 2);
  if (!role || !opensClause(tokens, role.from) || role.to - role.from < 2) return np;
  const head = tokens[role.to - 1] as Token;
  if (!DETERMINERS.has((tokens[role.from] as Token).lower) || head.cap || /ing$/.test(head.lower))
    return np;
  return { from: role.from, to: np.to };
}

/** The speaker before an aside set off by dashes, whose closing dash is at `close`. */
function dashedHost(tokens: Token[], close: number): Range | null {
  let k = close - 1;
  while (k > 0 && DASHES.has((tokens[k] as Token).text)) k--;
  while (k > 0 && close - k < 40 && !DASHES.has((tokens[k] as Token).text)) k--;
  if (!DASHES.has(tokens[k]?.text ?? "")) return null;
  while (k > 0 && DASHES.has((tokens[k - 1] as Token).text)) k--;
  const host = phraseBefore(tokens, k - 1);
  return host && opensClause(tokens, host.from) ? host : null;
}

/** The phrase before a parenthesis that ends at `close`: "Rep. Bobby Scott (D-Va.)". */
function phraseBeforeParenthesis(tokens: Token[], close: number): Range | null {
  let open = close - 1;
  while (open > 0 && close - open < 24 && tokens[open]?.text !== "(") open--;
  return tokens[open]?.text === "(" ? phraseBefore(tokens, open - 1) : null;
}

function opensClause(tokens: Token[], at: number): boolean {
  const prev = tokens[at - 1];
  if (!prev || prev.kind === "q" || /^[,:;—–(]$/.test(prev.text)) return true;
  return CLAUSE_OPENERS.has(prev.lower) || prev.lower === "that";
}

/** "said Dmitry Peskov, the Kremlin spokesman." with the phrase closing the clause. */
function invertedSubject(tokens: Token[], at: number, tail: boolean): Range | null {
  const np = phraseAfter(tokens, at);
  if (!np) return null;
  const next = tokens[np.to];
  // "said a longtime adviser to Trump, who ...", "said Rep. Scott (D-Va.) at the time,";
  // "..., said one GOP source in the room.": a setting that closes the sentence.
  if (next?.kind === "w") {
    if (!INVERTED_TAILS.has(next.lower)) return null;
    return tail || closesWithSetting(tokens, np.to) ? np : null;
  }
  if (next?.text === "(" && tail) return np;
  if (next && next.kind === "p" && !/[,.;:!?—–]/.test(next.text)) return null;
  if (next?.text === ",") {
    const role = phraseAfter(tokens, np.to + 1);
    const end = role ? tokens[role.to] : undefined;
    if (role && (!end || /^[.;!?]$/.test(end.text))) return { from: np.from, to: role.to };
  }
  return np;
}

/** "in the room.", "at the meeting.": a preposition and a short phrase that end the sentence. */
function closesWithSetting(tokens: Token[], at: number): boolean {
  const t = tokens[at] as Token;
  if (!["in", "at", "on"].includes(t.lower)) return false;
  const np = phraseAfter(tokens, at + 1);
  const end = np ? tokens[np.to] : undefined;
  return np !== null && np.to - np.from <= 4 && (end === undefined || end.text === ".");
}

/** Extends "the director-general of the Service" over ", MI5," when "that" follows. */
function withApposition(tokens: Token[], np: Range | null): Range | null {
  if (!np || tokens[np.to]?.text !== ",") return np;
  const extra = phraseAfter(tokens, np.to + 1);
  if (extra && tokens[extra.to]?.text === "," && extra.to - extra.from <= 4) {
    return { from: np.from, to: extra.to };
  }
  return np;
}

/** The subject of the clause a participle hangs on: the nearest phrase that opens a clause. */
export function clauseSubject(tokens: Token[], comma: number): Range | null {
  for (let k = comma - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    const prev = tokens[k - 1];
    const opens =
      !prev ||
      prev.text === "," ||
      prev.kind === "q" ||
      DASHES.has(prev.text) ||
      CLAUSE_OPENERS.has(prev.lower);
    if (!opens || t.kind !== "w" || t.lower === "who") continue;
    if (!t.cap && !PRONOUNS.has(t.lower) && !DETERMINERS.has(t.lower)) continue;
    if (NP_STOP.has(t.lower) || NP_INNER_PREPS.has(t.lower)) continue;
    const name = t.cap && !DETERMINERS.has(t.lower);
    const np = name
      ? capitalRun(tokens, k, comma)
      : untilVerb(tokens, phraseAfter(tokens, k, comma));
    if (!np || np.to >= comma) continue;
    if (tokens[np.to]?.kind === "w" && plausibleSubject(tokens, np)) return np;
    // "Finance Minister Mehmet Simsek, speaking in Istanbul, urged ... and said": a name that
    // opens the sentence, then an aside.
    if (k === 0 && name && tokens[np.to]?.text === ",") return np;
  }
  return null;
}

/** "The ministry responded": a phrase read forwards stops at a past-tense verb. */
function untilVerb(tokens: Token[], np: Range | null): Range | null {
  if (!np) return null;
  for (let i = np.from + 1; i < np.to; i++) {
    const t = tokens[i] as Token;
    if (!t.cap && /ed$/.test(t.lower) && !DETERMINERS.has(tokens[i - 1]?.lower ?? "")) {
      return { from: np.from, to: i };
    }
  }
  return np;
}

/** A name read forwards: capitalised words, with "of" and possessives inside. */
function capitalRun(tokens: Token[], at: number, limit: number): Range {
  let to = at + 1;
  while (to < limit) {
    const t = tokens[to] as Token;
    if (t.cap) to++;
    else if (t.lower === "of" && tokens[to + 1]?.cap) to += 2;
    else break;
  }
  return { from: at, to };
}
