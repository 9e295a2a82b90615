import { contentStart, readContent, spanContent } from "./content.ts";
import { findCues } from "./cues.ts";
import { clauseSubject, frameOf } from "./frames.ts";
import { NO_SPEAKER, NP_STOP } from "./lexicon.ts";
import { RangeIndex } from "./range-index.ts";
import type { Cue, Range, Statement } from "./sentence-parts.ts";
import type { Sentence, Token } from "./sentences.ts";
import { speechVerb } from "./speech-verbs.ts";

/** Reads every statement of one sentence. */
export function readSentence(sentence: Sentence): Statement[] {
  const tokens = sentence.tokens;
  // Most sentences hold no cue: they need none of the indexes and lists below.
  const cues = findCues(tokens);
  if (cues.length === 0) return [];
  const found: Statement[] = [];
  // Frames and speaker phrases of the statements kept so far, so each cue looks only at those
  // near it: checking it against every one kept was quadratic in the cues of a sentence.
  const frames = new RangeIndex(tokens.length);
  const mentions = new RangeIndex(tokens.length);
  /** The first kept statement, of those offered, that passes `test` (-1 if none does). */
  const firstKept = (keys: number[], test: (f: Statement) => boolean) => {
    let best = -1;
    for (const key of keys) {
      if ((best < 0 || key < best) && test(found[key] as Statement)) best = key;
    }
    return best;
  };
  for (const cue of cues) {
    const st = frameOf(sentence, cue);
    if (!st || speaksForNoOne(tokens, st)) continue;
    // "Ms. Ortiz, noting that ..., added: ...": an aside that reports words of its own leaves
    // the speaker's frame to the name and the cue.
    const asideAt =
      st.mention && st.antecedent
        ? firstKept(
            frames.within(st.mention),
            (f) => f.cue?.form === "participle" && within(f.frame, st.mention),
          )
        : -1;
    const aside = found[asideAt];
    if (aside && st.antecedent) {
      aside.mention = st.antecedent;
      aside.inherit = false;
      mentions.add(asideAt, aside.mention);
      st.mention = st.antecedent;
      st.antecedent = null;
      st.frame = { from: (st.cue as Cue).from, to: st.frame.to };
    }
    // "China, its only ally and lifeline, said ... and warned ...": a subject found inside an
    // earlier statement's speaker phrase is that statement's speaker.
    const mention = st.mention;
    const host = mention
      ? found[
          firstKept(
            mentions.containing(mention),
            (f) => f.cue?.verb !== undefined && within(mention, f.mention),
          )
        ]
      : undefined;
    if (host?.mention && st.mention && st.mention.from > host.mention.from) {
      st.mention = host.antecedent ?? host.mention;
      st.antecedent = null;
    }
    // A cue inside another statement's frame (e.g. "quoted as saying") is already read.
    if (firstKept(frames.overlapping(st.frame), (f) => overlaps(f.frame, st.frame)) >= 0) continue;
    frames.add(found.length, st.frame);
    if (st.mention) mentions.add(found.length, st.mention);
    found.push(st);
  }
  found.sort((a, b) => a.frame.from - b.frame.from);
  // Statements without content do not bound their neighbours: read the survivors again.
  const viable = found.filter((st) => {
    readContent(tokens, st, 0, tokens.length);
    return st.content.length > 0;
  });
  const first = fillContents(tokens, viable);
  const reporting = markReporters(tokens, viable, first);
  // Read again only where a statement fell out: with the same neighbours each reads the same.
  const live = first.length === viable.length ? first : fillContents(tokens, first);
  const kept = nest(tokens, live);
  for (const [i, st] of kept.entries()) {
    if (st.inherit && !st.mention) {
      const prev = kept[i - 1];
      st.mention = prev?.mention ?? clauseSubject(tokens, st.frame.from);
    }
  }
  // "Ross said Obama had told bankers that the deal was off": Ross said all of it, and it holds
  // Obama's statement, which Ross reports; both stand. "Merrill says Clinton called Machado to
  // thank her", "Trump said Clinton once described the pact as ...": the inner verb tells of an
  // act or a description in the reporter's words, so only the reporter's statement stands.
  for (const [outer, inner] of reporting) {
    const last = inner.content[inner.content.length - 1];
    if (!kept.includes(inner) || !last || inner.cue?.form !== "verb") continue;
    const from = contentStart(tokens, outer.frame.to, inner.frame.from);
    spanContent(tokens, outer, { from, to: Math.max(last.to, inner.frame.to) });
    if (outer.content.length === 0) continue;
    const cue = inner.cue as Cue;
    const verb = speechVerb((tokens[cue.verb] as Token).lower);
    // "the candidate will announce plans": what someone will say is not yet said.
    const modal = tokens.slice(cue.from, cue.verb).some((t) => MODALS.has(t.lower));
    if (verb?.kind === "tell" && !modal) kept.push(outer);
    else kept.splice(kept.indexOf(inner), 1, outer);
  }
  return kept.sort((a, b) => a.frame.from - b.frame.from);
}

const MODALS = new Set(["will", "would", "could", "may", "might", "should", "shall"]);

/** Tokens a cue may stand from the colon that ends its sentence ("said in a statement:"). */
const MAX_OPENING_GAP = 6;

/**
 * "Limbaugh added:", "He said in a statement:" closing a paragraph: what was said is the next
 * paragraph, a block quotation. The statement at the cue, with no content yet; or null.
 */
export function readOpening(sentence: Sentence): Statement | null {
  const tokens = sentence.tokens;
  const colon = tokens.length - 1;
  if (tokens[colon]?.text !== ":") return null;
  let found: Statement | null = null;
  for (const cue of findCues(tokens)) {
    if (cue.form !== "verb" || cue.to > colon || colon - cue.to > MAX_OPENING_GAP) continue;
    // "writing at The New York Post:": a capitalised form inside a sentence is a name.
    if (cue.verb > 0 && tokens[cue.verb]?.cap) continue;
    const between = tokens.slice(cue.to, colon);
    if (between.some((t) => t.kind === "q" || (t.kind === "p" && t.text !== ","))) continue;
    const st = frameOf(sentence, cue);
    if (st?.mention && st.mention.to <= cue.from) found = st;
  }
  return found;
}

/**
 * "Mr. Ross said Mr. Obama had told Jewish leaders that ...": a statement whose content is
 * nothing but the next statement reports it; the next one is the speaker's, reported by it.
 */
function markReporters(
  tokens: Token[],
  all: Statement[],
  kept: Statement[],
): [Statement, Statement][] {
  const live = new Set(kept);
  const pairs: [Statement, Statement][] = [];
  all.forEach((st, i) => {
    const next = all[i + 1];
    if (!next || live.has(st) || !st.mention || st.cue?.form !== "verb") return;
    if (st.mention.from > (st.cue as Cue).verb) return;
    if (contentStart(tokens, st.frame.to, next.frame.from) >= next.frame.from) {
      next.reporter = st.mention;
      pairs.push([st, next]);
    }
  });
  return pairs;
}

function fillContents(tokens: Token[], statements: Statement[]): Statement[] {
  statements.forEach((st, i) => {
    const prev = statements[i - 1];
    // "Asked whether ..., Lund said no": the question is not the answer's words.
    const asked = prev?.cue?.form === "question" ? (prev.content.at(-1)?.to ?? 0) : 0;
    const floor = Math.max(prev?.frame.to ?? 0, asked);
    const limit = statements[i + 1]?.frame.from ?? tokens.length;
    readContent(tokens, st, floor, limit);
  });
  return statements.filter((s) => s.content.length > 0);
}

/**
 * "Sanders told MSNBC that nobody would question her intelligence", "saying anybody who
 * complains ... is not having a good night": the subject (or what its "who" stands for) is
 * no one in particular, so the verb is part of what someone else said, not a statement.
 */
function speaksForNoOne(tokens: Token[], st: Statement): boolean {
  const subject = st.antecedent ?? st.mention;
  if (!subject) return false;
  // The head is the subject's last word ("virtually nobody"; "anybody" of an antecedent read
  // as "saying anybody"); "one" is no one after "no".
  const head = tokens.slice(subject.from, subject.to).findLast((t) => t.kind === "w");
  if (head?.lower === "one")
    return tokens[subject.to - 2]?.lower === "no" || tokens[subject.from - 1]?.lower === "no";
  return NO_SPEAKER.has(head?.lower ?? "");
}

function within(inner: Range, outer: Range | null): boolean {
  return outer !== null && outer.from <= inner.from && inner.to <= outer.to;
}

function overlaps(a: Range, b: Range): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * "According to the newspaper, Deripaska told US officials that ...": the inner statement is
 * Deripaska's, reported by the newspaper; the outer one is not kept on its own.
 */
function nest(tokens: Token[], statements: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const st of statements) {
    const outer = out[out.length - 1];
    if (outer && outer.cue?.form === "according" && outer.content.length === 1) {
      const c = outer.content[0] as Range;
      if (c.from <= st.frame.from && st.frame.from < c.to && !isStopAt(tokens, st.frame.from)) {
        st.reporter = outer.mention;
        out.pop();
      }
    }
    out.push(st);
  }
  return out;
}

function isStopAt(tokens: Token[], i: number): boolean {
  return NP_STOP.has((tokens[i] as Token).lower);
}
