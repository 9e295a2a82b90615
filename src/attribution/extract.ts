import type { Article, Attribution, Extraction, TextSpan } from "../types.ts";
import { type Credit, creditLines } from "./credits.ts";
import { opensPhrase, placeOf, subjectOf } from "./discourse.ts";
import {
  addDescription,
  buildEntityTable,
  type EntityRecord,
  isCompanySuffix,
  openQuotes,
  toEntities,
  type Zone,
  zoneSentences,
} from "./entities.ts";
import type { Gender } from "./gender.ts";
import {
  CLAIM_NOUNS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  NOT_NAMES,
  PRONOUNS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
} from "./lexicon.ts";
import { knownFirstName } from "./names.ts";
import { findQuotes, wordsIn } from "./quotes.ts";
import {
  DESCRIBED,
  PLACE_BODIES,
  type ResolveContext,
  resolveMention,
  type Spoken,
} from "./resolve-speaker.ts";
import type { Range, Statement } from "./sentence-parts.ts";
import { type Sentence, splitSentences, type Token } from "./sentences.ts";
import { isSpeechForm } from "./speech-verbs.ts";
import { assignStance, type StanceInput } from "./stance.ts";
import { readOpening, readSentence } from "./statements.ts";

/** Finds every attribution in an article and resolves its speaker. Pure: no I/O. */
export function extractAttributions(article: Article): Extraction {
  const text = article.text;
  // Title and lead count as paragraph 0: a headline with a speaker is an attribution.
  const zones = [
    ...headZones(article).map((z) => ({ ...z, n: 0 })),
    ...article.paragraphs.filter((p) => !isOutletNote(text, p)),
  ];
  const read = zones.map((paragraph) => {
    const quotes = findQuotes(text, paragraph.start, paragraph.end);
    return { paragraph, sentences: splitSentences(text, paragraph.start, paragraph.end, quotes) };
  });
  // Plain loops: flatMap over every sentence of every article cost more than what it gathers.
  const named: Token[][] = [];
  const headings: Token[][] = [];
  const places: ResolveContext["places"] = [];
  for (const r of read) {
    for (const s of r.sentences) {
      if (isHeading(s.tokens, r.paragraph.n === 0)) headings.push(s.tokens);
      else named.push(openQuotes(text, s.tokens));
    }
  }
  named.push(...headings.flatMap((tokens) => headingNames(tokens, named)));
  for (const z of article.captions) named.push(...zoneSentences(text, z));
  const table = buildEntityTable(named);
  for (const r of read) for (const s of r.sentences) places.push(placeOf(s, r.paragraph.n));
  const history: Spoken[] = [];
  const genders = new Map<EntityRecord, Gender>();
  const spokespeople: ResolveContext["spokespeople"] = new Map();
  const unnamed: number[] = [];
  const silent: number[] = [];
  const found: StanceInput[] = [];
  const disputed = new Set<string>();
  const speaking = new Set<EntityRecord>();
  let previousParagraphLast: Attribution | null = null;

  const contextAt = (sentenceStart: number, paragraph: number): ResolveContext => ({
    text,
    table,
    places,
    genders,
    spokespeople,
    unnamed,
    silent,
    history,
    paragraph,
    sentenceStart,
  });
  // "Limbaugh added:" ends a paragraph; the next paragraph is what he said.
  let opening: { statement: Statement; entity: EntityRecord | null } | null = null;
  for (const { paragraph, sentences } of read) {
    if (opening && paragraph.n > 0) {
      const { statement, entity } = opening;
      const a = toAttribution(article, paragraph.n, statement, entity, null);
      a.content = blockContent(text, paragraph, sentences);
      a.type = sentences.every((s) => loneQuotation(text, s)) ? "direct" : "indirect";
      a.evidence = span(text, statement.sentence.start, paragraph.end);
      if (entity) history.push({ at: paragraph.start, paragraph: paragraph.n, entity });
      found.push({ attribution: a, cueKind: statement.cue?.kind ?? null });
      opening = null;
      // What follows a block quotation is the writer's again.
      previousParagraphLast = null;
      continue;
    }
    opening = null;
    const credits = paragraph.n > 0 ? creditLines(text, paragraph.start, paragraph.end) : null;
    if (credits) {
      for (const credit of credits) {
        const a = creditedAttribution(article, paragraph.n, credit, sentences, (range, sentence) =>
          resolve(range, sentence, contextAt(sentence.start, paragraph.n)),
        );
        const entity = a.entity;
        if (entity) {
          history.push({ at: credit.cue.start, paragraph: paragraph.n, entity });
          speaking.add(entity);
        }
        found.push({ attribution: a.attribution, cueKind: null });
      }
      // Each quotation is its credited person's words, statements inside it included.
      previousParagraphLast = null;
      continue;
    }
    let last: { attribution: Attribution; sentence: number } | null = null;
    // A sentence of prose about the speaker just quoted ("He didn't suggest retaliation."):
    // a quotation right after it still goes on in the speaker's voice.
    let aside = -1;
    sentences.forEach((sentence, si) => {
      const ctx = contextAt(sentence.start, paragraph.n);
      collectDisputed(sentence, ctx, disputed);
      const statements = readSentence(sentence);
      if (statements.length === 0) {
        const spans = loneQuotation(text, sentence) ?? quotationWithTail(text, sentence);
        if (!spans) {
          if (last && last.sentence === si - 1 && aboutSpeaker(last.attribution, sentence, ctx))
            aside = si;
          return;
        }
        const afterAside = aside === si - 1 && last?.sentence === si - 2;
        if (last && (last.sentence === si - 1 || afterAside)) {
          last.attribution.content.push(...spans);
          last.attribution.evidence = span(text, last.attribution.evidence.start, sentence.end);
          if (last.attribution.type === "indirect") last.attribution.type = "mixed";
          last.sentence = si;
        } else if (si === 0 && previousParagraphLast) {
          const a = continuation(article, previousParagraphLast, spans, sentence, paragraph.n);
          found.push({ attribution: a, cueKind: null });
          const entity = history[history.length - 1]?.entity;
          if (entity && a.speaker === entity.name) {
            history.push({ at: sentence.start, paragraph: paragraph.n, entity });
          }
          last = { attribution: a, sentence: si };
        }
        return;
      }
      let prev: { attribution: Attribution; entity: EntityRecord | null } | null = null;
      for (const st of statements) {
        const entity: EntityRecord | null =
          st.inherit && prev
            ? prev.entity
            : st.mention
              ? resolve(st.antecedent ?? st.mention, sentence, ctx)
              : participleSubject(st, ctx);
        // A headline counts only when it names who speaks, the document that does ("Poll:
        // Lund leads in the north", "Report: bank hid losses"), or the speaker's role ("SEIU
        // chief says Trump can win"): the role is left unresolved, as in the body.
        const named =
          namesDocument(sentence.tokens, st.mention) || namesRole(sentence.tokens, st.mention);
        if (paragraph.n === 0 && !entity && !named) continue;
        const reporter = st.reporter ? resolve(st.reporter, sentence, ctx) : null;
        const a = toAttribution(article, paragraph.n, st, entity, reporter);
        if (entity) {
          history.push({ at: a.cue?.start ?? sentence.start, paragraph: paragraph.n, entity });
          speaking.add(entity);
          // What the mention itself says, not what its antecedent ("who", "X, ...") resolved to.
          if (st.mention && !st.inherit && !st.antecedent) {
            addDescription(table, entity, sentence.tokens, st.mention.from, st.mention.to);
          }
        }
        if (!entity && st.mention && !st.inherit && mayBePerson(sentence.tokens, st.mention)) {
          unnamed.push(a.cue?.start ?? sentence.start);
        }
        if (!entity) silent.push(a.cue?.start ?? sentence.start);
        if (reporter) speaking.add(reporter);
        found.push({ attribution: a, cueKind: st.cue?.kind ?? null });
        prev = { attribution: a, entity };
        last = { attribution: a, sentence: si };
      }
    });
    const closing = last as { attribution: Attribution } | null;
    previousParagraphLast = closing && paragraph.n > 0 ? closing.attribution : null;
    const end = sentences[sentences.length - 1];
    const open = end && paragraph.n > 0 ? readOpening(end) : null;
    if (end && open?.mention) {
      const ctx = contextAt(end.start, paragraph.n);
      opening = { statement: open, entity: resolve(open.mention, end, ctx) };
    }
  }

  assignStance(found, disputed);
  const entities = toEntities({
    ...table,
    entities: table.entities.filter((e) => speaking.has(e) || e.kind === "person"),
  });
  return { attributions: found.map((f) => f.attribution), entities };
}

/** Small words a heading capitalises and a sentence does not. */
const HEADING_WORDS = new Set(
  "the a an of to in on for and or with at by from is are was will not his her says as".split(" "),
);

/**
 * "Editor's note: Donald Trump ... has repeatedly pledged to ban all Muslims": the outlet's note
 * on the story, printed under every article of a kind, is not the story's reporting of anyone.
 * A note that corrects the story ("Editor's Note: An article on Monday ... reported that ...")
 * reports again what was said, so it is read like the story.
 */
function isOutletNote(text: string, paragraph: Zone): boolean {
  // Most paragraphs are not notes: a short look at their start says so.
  if (!EDITORS_NOTE.test(text.slice(paragraph.start, paragraph.start + NOTE_MARK))) return false;
  const opening = text.slice(
    paragraph.start,
    Math.min(paragraph.end, paragraph.start + NOTE_OPENING),
  );
  return !CORRECTS_STORY.test(opening);
}

const EDITORS_NOTE = /^\s*editor['’]?s['’]?\s+note\s*:/iu;
const CORRECTS_STORY = /\b(?:articles?|story|stories|version|correct(?:ed|ion|s)?|misstated)\b/iu;
/** Characters that hold "Editor's note:" after a little white space. */
const NOTE_MARK = 24;
/** How far into a note its words say whether it corrects the story. */
const NOTE_OPENING = 200;

/**
 * "Trump Says His Obamacare Replacement Will Not Allow People To Die": a title-case heading,
 * whose capitals are not names. It still reads as an attribution; it only names no one new.
 * In the title, five capitals and nothing else are one too ("Elizabeth Warren Hammers Wells
 * Fargo CEO:"): the names in it are the ones the body gives.
 */
function isHeading(tokens: Token[], title: boolean): boolean {
  // Counted in one pass, with no arrays made: every sentence of an article asks.
  let words = 0;
  let capitals = 0;
  let smallCapital = false;
  for (const t of tokens) {
    if (t.kind !== "w") continue;
    if (t.cap) {
      capitals++;
      if (words > 0 && HEADING_WORDS.has(t.lower)) smallCapital = true;
    }
    words++;
  }
  if (title && words >= MIN_TITLE_WORDS && capitals === words) return true;
  return words >= 4 && smallCapital && capitals >= words * 0.7;
}

/**
 * "Hillary Clinton Goes After Donald Trump ...", over a body that says only "Clinton": the one
 * name a title-case heading surely gives is a known first name before a surname the body
 * writes mid-sentence; each such pair comes back as words of its own, so the body's "Clinton"
 * is a person.
 */
function headingNames(tokens: Token[], body: Token[][]): Token[][] {
  const pairs: Token[][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [first, last] = [tokens[i] as Token, tokens[i + 1] as Token];
    if (first.kind !== "w" || last.kind !== "w" || !last.cap || !knownFirstName(first.text))
      continue;
    const midSentence = body.some((s) => s.some((t, k) => k > 0 && t.text === last.text));
    if (midSentence) pairs.push([first, last]);
  }
  return pairs;
}

/** How many words, all capitalised, make a title a heading whatever they are. */
const MIN_TITLE_WORDS = 5;

/** Whether a mention ends in a document's noun: "Poll", "A new survey", "Report". */
function namesDocument(tokens: Token[], mention: Range | null): boolean {
  if (!mention || mention.to - mention.from > MAX_DOCUMENT_MENTION) return false;
  return DOCUMENT_NOUNS.has((tokens[mention.to - 1] as Token).lower);
}
/** "SEIU chief", "One protest organizer", "Former rival": a short mention ending in a role. */
function namesRole(tokens: Token[], mention: Range | null): boolean {
  if (!mention || mention.to - mention.from > MAX_DOCUMENT_MENTION) return false;
  // "Member of House panel says ...": the role may head a phrase with "of".
  const head = tokens[mention.to - 1] as Token;
  const first = tokens[mention.from] as Token;
  return ROLE_NOUNS.has(head.lower) || (ROLE_NOUNS.has(first.lower) && head.kind === "w");
}

/** Words of a document's mention in a headline: "A new Reuters poll". */
const MAX_DOCUMENT_MENTION = 4;

/** An unresolved mention that may stand for one person: a name, or a singular role. */
function mayBePerson(tokens: Token[], mention: Range): boolean {
  const words = tokens.slice(mention.from, mention.to).filter((t) => t.kind === "w");
  if (words.length === 1 && PRONOUNS.has(words[0]?.lower ?? "")) return false;
  return (
    words.some((t, i) => t.cap && i > 0) || ROLE_NOUNS.has(words[words.length - 1]?.lower ?? "")
  );
}

/**
 * Title and lead, where they stand in the text (not in every format's text), one zone a line:
 * a title wrapped over two lines ("Clinton: Trump's view is 'dangerously wrong';\nIn speech to
 * AIPAC, ...") is stored with its white space folded, and each line reads on its own.
 */
function headZones(article: Article): Zone[] {
  const zones: Zone[] = [];
  for (const line of [article.title, article.lead]) {
    if (!line) continue;
    const found = findFolded(article.text, line);
    if (!found) continue;
    let from = found.start;
    for (let i = found.start; i <= found.end; i++) {
      if (i < found.end && article.text[i] !== "\n") continue;
      if (i > from) zones.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return zones;
}

/** Where `folded` (white space runs folded to one space) stands in `text`, or null. */
function findFolded(text: string, folded: string): Zone | null {
  const at = text.indexOf(folded);
  if (at >= 0) return { start: at, end: at + folded.length };
  const words = folded.split(" ");
  const first = words[0] ?? "";
  for (let from = text.indexOf(first); from >= 0; from = text.indexOf(first, from + 1)) {
    let k = from;
    const fits = words.every((word, i) => {
      if (i > 0) {
        const gap = k;
        while (k < text.length && /\s/.test(text[k] as string)) k++;
        if (k === gap) return false;
      }
      if (!text.startsWith(word, k)) return false;
      k += word.length;
      return true;
    });
    if (fits) return { start: from, end: k };
  }
  return null;
}

function resolve(range: Range, sentence: Sentence, ctx: ResolveContext): EntityRecord | null {
  const tokens = sentence.tokens;
  // "Police in Norway said": the place only says whose police.
  const body = tokens[range.from - 2];
  if (tokens[range.from - 1]?.lower === "in" && body && PLACE_BODIES.has(body.lower)) {
    return resolveMention(tokens.slice(range.from - 2, range.to), ctx);
  }
  if (tokens[range.to]?.lower === "who") {
    const named = describedBefore(tokens, range, ctx);
    if (named) return named;
  }
  // "Responding to this criticism, Trump said:", "Ryan, R-Wis., despite admitting that ...": the
  // word that opens a participle's phrase was read as the speaker; the speaker is the main
  // clause's subject, after the opening phrase or before the phrase set beside it.
  const opener = tokens[range.from];
  const opens = tokens.slice(0, range.from).every((t) => t.kind !== "w");
  const participle = opens && /^\p{Lu}\p{Ll}+ing$/u.test(opener?.text ?? "");
  const ing = /^\p{Ll}{2,}ing$/u.test(tokens[range.to]?.lower ?? "");
  const beside = !opener?.cap && opensPhrase(opener?.lower ?? "") && ing;
  if (opener && range.to - range.from === 1 && (participle || beside)) {
    const subject = subjectOf(tokens);
    const at = subject[0]?.start ?? opener.start;
    const apart = participle
      ? at > opener.start
      : (subject.at(-1)?.end ?? opener.end) < opener.start;
    if (apart) return resolveMention(subject, ctx);
  }
  // "Central European leaders who ...": a mention cut before the people its capitals describe.
  const people = tokens[range.to];
  if (people && !people.cap && GROUP_NOUNS.has(people.lower) && tokens[range.to - 1]?.cap) {
    return resolveMention(tokens.slice(range.from, range.to + 1), ctx);
  }
  // "Acme Foods, Inc. said": the mention read only the suffix.
  if (range.to - range.from === 1 && isCompanySuffix(tokens[range.from])) {
    let k = range.from - 1;
    if (tokens[k]?.text === ",") k--;
    while (k > 0 && tokens[k - 1]?.cap) k--;
    if (k < range.from - 1) return resolveMention(tokens.slice(k, range.to), ctx);
  }
  // "Betty Friedan, the feminist leader and author, compared ...": the name the description
  // stands beside.
  const host = appositionHost(tokens, range, ctx) ?? possessiveApposition(tokens, range, ctx);
  if (host) return host;
  const both = coordinatedDescription(tokens, range, ctx);
  if (both !== undefined) return both;
  // "Bernie Sanders' campaign says": a mention cut after the possessive that says whose.
  const owner = ownerBefore(tokens, range);
  if (owner < range.from) return resolveMention(tokens.slice(owner, range.to), ctx);
  const from = partnersFrom(tokens, range.from);
  if (from < range.from) {
    const group = resolveMention(tokens.slice(from, range.to), ctx);
    if (group?.group && membersArePeople(group, ctx)) return group;
  }
  return resolveMention(tokens.slice(range.from, range.to), ctx) ?? nameAfter(tokens, range, ctx);
}

/**
 * "Braynard, a South Carolina native who writes ...": the relative's host is a description set
 * off after a name, so the person named is the one the clause is about. Only a person's name
 * ("Republicans, a party that ..." stays as read).
 */
function describedBefore(tokens: Token[], range: Range, ctx: ResolveContext): EntityRecord | null {
  const article = tokens[range.from]?.lower ?? "";
  if (!["a", "an", "the"].includes(article) || tokens[range.from - 1]?.text !== ",") return null;
  const end = range.from - 1;
  let k = end;
  while (k > 0 && tokens[k - 1]?.cap) k--;
  if (k === end) return null;
  const host = resolveMention(tokens.slice(k, end), ctx);
  return host?.kind === "person" && !host.group ? host : null;
}

/**
 * "Sen. Pat Toomey (R-Pa.) refused to entertain it, responding that ...", "Mrs. Clinton -- whose
 * husband signed it -- has derided it, suggesting ...": a participle set off by a comma, read
 * with no mention, speaks for the main clause's subject where that subject is named before the
 * cue. Not a participle after a preposition ("rebuked Trump for suggesting"), whose speaker is
 * another, nor a description ("the other candidate on the stage, Hillary Clinton"), which
 * the subject's words alone may not settle.
 */
function participleSubject(st: Statement, ctx: ResolveContext): EntityRecord | null {
  const tokens = st.sentence.tokens;
  const at = st.cue?.verb ?? -1;
  const verb = tokens[at];
  if (!verb || verb.cap || !/^\p{Ll}{2,}ing$/u.test(verb.lower) || tokens[at - 1]?.text !== ",") {
    return null;
  }
  const subject = subjectOf(tokens);
  const first = subject[0];
  const end = subject.at(-1)?.end;
  if (!first || DETERMINERS.has(first.lower) || end === undefined || end > verb.start) return null;
  return resolveMention(subject, ctx);
}

/**
 * "British Prime Minister Theresa May said", "Democratic presidential nominee Hillary Clinton
 * chimed in, saying": a mention cut short inside the title and name it opens ("... Theresa",
 * "Democratic") is the person the whole phrase names.
 */
function nameAfter(tokens: Token[], range: Range, ctx: ResolveContext): EntityRecord | null {
  const titleWord = (t: Token) =>
    ROLE_NOUNS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || DESCRIBED.has(t.lower);
  const opens = tokens[range.to - 1];
  // A headline capitalises its verbs too ("Bellwether County Says Trump Should Win").
  if (ctx.paragraph === 0 || (!opens?.cap && !(opens && titleWord(opens)))) return null;
  // The speaker's phrase opens its clause: in "Graham called both Trump and Democratic
  // front-runner Hillary Clinton crazy" the cut mention is not the subject, and neither is Clinton.
  if (tokens[range.from - 1]?.kind === "w") return null;
  let k = range.to;
  while (k < tokens.length && k - range.to < MAX_NAME_RUN) {
    const t = tokens[k] as Token;
    if (t.kind !== "w" || !(t.cap || titleWord(t)) || isSpeechForm(t.lower)) break;
    k++;
  }
  if (k === range.to || !tokens[k - 1]?.cap) return null;
  const entity = resolveMention(tokens.slice(range.from, k), ctx);
  return entity?.kind === "person" ? entity : null;
}

/** How many words a title and name may run past a mention cut short. */
const MAX_NAME_RUN = 6;

/**
 * "Betty Friedan, the feminist leader, compared ...", "Angelique Brunner, a developer and
 * spokeswoman for the coalition, said": the person a description stands beside, where the
 * name opens the clause (not "hosts Joe Scarborough and Mika Brzezinski, the candidate said").
 */
function appositionHost(
  tokens: Token[],
  range: Range,
  ctx: ResolveContext,
  described = false,
): EntityRecord | null {
  const opening = tokens.slice(range.from, Math.min(range.to, range.from + MAX_NAME_RUN + 1));
  const role = opening.findIndex((t) => !t.cap && ROLE_NOUNS.has(t.lower));
  if (!described && role < 0) return null;
  // "former education secretary William J. Bennett", "attorney general Mark Ellison": a title
  // before the speaker's own name.
  let after = role + 1;
  while (role >= 0 && ROLE_NOUNS.has(opening[after]?.lower ?? "") && !opening[after]?.cap) after++;
  if (role >= 0 && opening[after]?.cap) return null;
  let comma = range.from - 1;
  while (comma > 0 && range.from - comma <= 8 && tokens[comma]?.text !== ",") comma--;
  if (tokens[comma]?.text !== ",") return null;
  let k = comma;
  while (k > 0 && tokens[k - 1]?.cap) k--;
  const opens = k === 0 || tokens[k - 1]?.kind !== "w";
  if (!opens || k >= comma) return null;
  const host = resolveMention(tokens.slice(k, comma), ctx);
  // Not "Twitter Thursday": a person's name holds no weekday or month.
  const words = host?.name.toLowerCase().split(" ") ?? [];
  const person =
    host?.kind === "person" && words.length > 1 && !words.some((w) => NOT_NAMES.has(w));
  return person ? host : null;
}

/**
 * "Nevada's governor, Brian Sandoval, said", "Clinton's husband, Bill, accused": a mention cut at
 * the possessive that opens a description set off before the name is the person it names; in
 * "Christie, New Jersey's sitting governor, repeated" the description is set off after the name,
 * who speaks. Only a description that ends in a role and a comma, where the phrase opens its
 * clause.
 */
function possessiveApposition(
  tokens: Token[],
  range: Range,
  ctx: ResolveContext,
): EntityRecord | null {
  const owner = tokens[range.to - 1];
  if (!owner?.cap || !/['’]s?$/u.test(owner.text)) return null;
  let k = range.to;
  while (k < tokens.length && k - range.to < MAX_NAME_RUN && tokens[k]?.kind === "w") k++;
  const role = tokens[k - 1];
  if (k === range.to || tokens[k]?.text !== "," || !role || role.cap) return null;
  if (!ROLE_NOUNS.has(role.lower)) return null;
  const before = tokens[range.from - 1];
  if (before?.text === ",") return appositionHost(tokens, { from: range.from, to: k }, ctx, true);
  if (before?.kind === "w") return null;
  let j = k + 1;
  while (j < tokens.length && j - k <= MAX_NAME_RUN && tokens[j]?.cap) j++;
  const next = tokens[j];
  if (j === k + 1 || !(next?.text === "," || (next?.kind === "w" && !next.cap))) return null;
  const entity = resolveMention(tokens.slice(k + 1, j), ctx);
  return entity?.kind === "person" ? entity : null;
}

/**
 * "The former first lady and U.S. senator said": one person described twice, the mention cut
 * at the second description. Each description resolved alone: the person they name, or the
 * one that one of them names; null when they name two people (a reader could not tell which
 * spoke), undefined when the mention is not the second of two descriptions.
 */
function coordinatedDescription(
  tokens: Token[],
  range: Range,
  ctx: ResolveContext,
): EntityRecord | null | undefined {
  if (tokens[range.from - 1]?.lower !== "and") return undefined;
  const last = tokens[range.to - 1];
  if (!last || last.cap || !(ROLE_NOUNS.has(last.lower) || DESCRIBED.has(last.lower))) {
    return undefined;
  }
  let d = range.from - 2;
  while (d >= 0 && range.from - d <= MAX_NAME_RUN && tokens[d]?.kind === "w") {
    if (tokens[d]?.lower === "the") break;
    d--;
  }
  const first = tokens[range.from - 2];
  // Two descriptions: "the former secretary of state and", not "Clinton and".
  if (tokens[d]?.lower !== "the" || !first || first.cap) return undefined;
  // The phrase opens its clause.
  if (tokens[d - 1]?.kind === "w") return undefined;
  const one = resolveMention(tokens.slice(d, range.from - 1), ctx);
  // The article of the first description is the second's too.
  const other = resolveMention([tokens[d] as Token, ...tokens.slice(range.from, range.to)], ctx);
  if (one && other && one !== other) return null;
  const entity = one ?? other;
  return entity?.kind === "person" ? entity : null;
}

/**
 * Where the possessive name before a mention that opens in lower case starts ("Bernie
 * Sanders' | campaign"), when that name opens the clause; else the mention's own start.
 */
function ownerBefore(tokens: Token[], range: Range): number {
  const first = tokens[range.from];
  // "Sanders’" reads as the name and the apostrophe.
  const mark = tokens[range.from - 1];
  const apostrophe = mark?.text === "’" || mark?.text === "'";
  const owner = apostrophe ? tokens[range.from - 2] : mark;
  const possessive = apostrophe ? /s$/u.test(owner?.text ?? "") : /['’]s?$/u.test(mark?.text ?? "");
  if (first?.kind !== "w" || first.cap || !owner?.cap || !possessive) return range.from;
  let k = range.from - (apostrophe ? 2 : 1);
  while (k > 0 && tokens[k - 1]?.cap) k--;
  return k === 0 || tokens[k - 1]?.kind !== "w" ? k : range.from;
}

/** "Lena Marsh and Olav Brandt said": the names joined by "and" speak together. */
function partnersFrom(tokens: Token[], from: number): number {
  const joint = tokens[from - 1];
  if (!tokens[from]?.cap || (joint?.lower !== "and" && joint?.text !== "&")) return from;
  let k = from - 1;
  while (k > 0 && tokens[k - 1]?.cap) k--;
  return k < from - 1 ? k : from;
}

/** A group speaks only where each of its names is a person of the article ("Blackpool" is not). */
function membersArePeople(group: EntityRecord, ctx: ResolveContext): boolean {
  return group.name
    .split(/ and | & /)
    .every((part) =>
      (ctx.table.byName.get(part.toLowerCase().replace(/['’]s?$/u, "")) ?? []).some(
        (e) => e.kind === "person",
      ),
    );
}

/** Speakers whose claims the article shows being disputed: "claims by X", "X's claims". */
function collectDisputed(sentence: Sentence, ctx: ResolveContext, out: Set<string>): void {
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CLAIM_NOUNS.has(t.lower)) continue;
    let who: Token[] = [];
    const next = tokens[i + 1]?.lower;
    if (next === "by" || next === "of" || next === "from") {
      let j = i + 2;
      while (j < tokens.length && tokens[j]?.kind !== "q" && tokens[j]?.lower !== "that") j++;
      who = tokens.slice(i + 2, Math.min(j, i + 14));
    } else if (/['’]s$/u.test(tokens[i - 1]?.text ?? "")) {
      let j = i - 1;
      while (j > 0 && tokens[j - 1]?.kind === "w" && i - j < 5) j--;
      who = tokens.slice(j, i);
    }
    if (who.length === 0) continue;
    const entity = resolveMention(who, ctx);
    if (entity) out.add(entity.name);
  }
}

/** A block quotation's words: its quotations when it is nothing else, or the whole paragraph. */
function blockContent(text: string, paragraph: Zone, sentences: Sentence[]): TextSpan[] {
  const quoted = sentences.map((s) => loneQuotation(text, s));
  if (quoted.every((q) => q !== null)) return quoted.flatMap((q) => q ?? []);
  return [span(text, paragraph.start, paragraph.end)];
}

/** Words a sentence opened by a quotation may leave outside it and still continue a speaker. */
const MAX_QUOTE_TAIL = 2;

/**
 * `“You went on television to blame thousands of $12-an-hour” workers.`: a quotation that opens
 * the sentence and leaves it a word or two of its own: its words, or null. A quotation closed
 * by a comma, "?" or "!" waits for who said it (`“...,” Hannity started.`, `“...,” read one.`),
 * and a capital in the words left may name that speaker.
 */
function quotationWithTail(text: string, sentence: Sentence): TextSpan[] | null {
  const first = sentence.tokens[0];
  if (first?.kind !== "q" || !first.quote || /[,?!]\s*["”'’]+$/u.test(first.text)) return null;
  let tail = 0;
  for (const t of sentence.tokens.slice(1)) {
    if (t.kind === "q" || t.text === "," || t.cap) return null;
    if (t.kind === "w" && ++tail > MAX_QUOTE_TAIL) return null;
  }
  const inner = span(text, first.quote.innerStart, first.quote.innerEnd);
  return wordsIn(text, inner.start, inner.end) >= MIN_CONTINUED_WORDS ? [inner] : null;
}

/** Words a quotation needs to carry on a statement alone. */
const MIN_CONTINUED_WORDS = 3;

/**
 * Whether a sentence is about the speaker of the statement just before: its subject is "he" or
 * "she" and means that speaker ("Obama said ... He didn't suggest retaliation.").
 */
function aboutSpeaker(before: Attribution, sentence: Sentence, ctx: ResolveContext): boolean {
  const lead = sentence.tokens[0];
  if (!before.speaker || (lead?.lower !== "he" && lead?.lower !== "she")) return false;
  return resolve({ from: 0, to: 1 }, sentence, ctx)?.name === before.speaker;
}

/** A sentence that is nothing but quotation: the content spans, or null. */
function loneQuotation(text: string, sentence: Sentence): TextSpan[] | null {
  const spans: TextSpan[] = [];
  for (const t of sentence.tokens) {
    if (t.kind === "w") return null;
    if (t.kind === "q" && t.quote) spans.push(span(text, t.quote.innerStart, t.quote.innerEnd));
  }
  const words = spans.reduce((n, s) => n + wordsIn(text, s.start, s.end), 0);
  return words >= MIN_CONTINUED_WORDS ? spans : null;
}

function continuation(
  article: Article,
  from: Attribution,
  content: TextSpan[],
  sentence: Sentence,
  paragraph: number,
): Attribution {
  return {
    articleId: article.id,
    paragraph,
    speaker: from.speaker,
    mention: null,
    cue: null,
    content,
    type: "direct",
    stance: null,
    reportedBy: from.reportedBy,
    answers: null,
    evidence: span(article.text, sentence.start, sentence.end),
  };
}

/**
 * The attribution of a credit line (`“...” ― Dana Holt`): the quotation, direct, spoken by the
 * name after the dash as the article's names resolve it.
 */
function creditedAttribution(
  article: Article,
  paragraph: number,
  credit: Credit,
  sentences: Sentence[],
  resolveName: (range: Range, sentence: Sentence) => EntityRecord | null,
): { attribution: Attribution; entity: EntityRecord | null } {
  const text = article.text;
  const sentence = sentences.find((s) => s.start <= credit.name.start && credit.name.end <= s.end);
  let entity: EntityRecord | null = null;
  if (sentence) {
    const from = sentence.tokens.findIndex((t) => t.start >= credit.name.start);
    const to = sentence.tokens.findIndex((t) => t.end > credit.name.end);
    const range = { from, to: to < 0 ? sentence.tokens.length : to };
    if (from >= 0 && range.to > from) entity = resolveName(range, sentence);
  }
  const attribution: Attribution = {
    articleId: article.id,
    paragraph,
    speaker: entity?.name ?? null,
    mention: span(text, credit.name.start, credit.name.end),
    cue: span(text, credit.cue.start, credit.cue.end),
    content: [span(text, credit.content.start, credit.content.end)],
    type: "direct",
    stance: null,
    reportedBy: null,
    answers: null,
    evidence: span(text, credit.content.start, credit.name.end),
  };
  return { attribution, entity };
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function rangeSpan(text: string, tokens: Token[], r: Range): TextSpan {
  return span(text, (tokens[r.from] as Token).start, (tokens[r.to - 1] as Token).end);
}

function toAttribution(
  article: Article,
  paragraph: number,
  st: Statement,
  entity: EntityRecord | null,
  reporter: EntityRecord | null,
): Attribution {
  const text = article.text;
  const tokens = st.sentence.tokens;
  const content: TextSpan[] = [];
  for (const r of st.content) {
    if (st.type === "direct") {
      for (let i = r.from; i < r.to; i++) {
        const q = tokens[i]?.quote;
        if (q) content.push(span(text, q.innerStart, q.innerEnd));
      }
    } else content.push(rangeSpan(text, tokens, r));
  }
  const cue = st.cue;
  return {
    articleId: article.id,
    paragraph,
    speaker: entity?.name ?? null,
    mention: st.mention ? rangeSpan(text, tokens, st.mention) : null,
    cue: cue ? rangeSpan(text, tokens, { from: cue.from, to: cue.to }) : null,
    content,
    type: st.type,
    stance: null,
    reportedBy: reporter?.name ?? null,
    answers: null,
    evidence: span(text, st.sentence.start, st.sentence.end),
  };
}
