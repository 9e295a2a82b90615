/**
 * The one list of verbs that report speech, with their inflections and what they say about
 * stance. Extraction, the unclosed-quote repair, entity detection, the `/who` question parser
 * and the eval all derive from this table; add a verb here and every one of them knows it.
 */
import type { Stance } from "../types.ts";

/**
 * What a verb does: reports words ("say"), reports them to someone ("tell": a recipient may
 * follow), asserts what others may dispute ("claim": an allegation only when what is claimed is
 * a wrongdoing), accuses ("allege"), rejects a claim ("deny"), or asks ("ask").
 */
export type CueKind = "say" | "tell" | "claim" | "allege" | "deny" | "ask";

/**
 * What must follow the verb for its words to be a statement:
 * - "clause": any clause or quotation ("said the plan failed");
 * - "that": only "that", a quotation or a colon ("stressed that ...", not "stressed the date");
 * - "topic": "that", or a phrase naming what was said of ("acknowledged the reality of climate
 *   change", "mentioned the clot's existence"), not a bare noun ("noted the date");
 * - "object": an object and what is said of it ("called the plan a failure", "urged Congress
 *   to act", "described him as a liar"); written "object+as", only with "as" after the object
 *   ("attacked her opponent as a fraud", not "attacked the village");
 * - "pledge": "that", what is promised, or "to" and a verb ("vowed to ban", "pledged a
 *   revolution");
 * - "strict": only "that", a quotation or a colon, or closing the clause it reports ("..., the
 *   judge ruled Monday."): a verb used as often of acts ("ruled in favor of", "ruled the
 *   country", "ruled that out") reports nothing else.
 */
export type Complement = "clause" | "that" | "topic" | "object" | "pledge" | "strict";

interface SpeechVerb {
  lemma: string;
  kind: CueKind;
  complement: Complement;
  /**
   * The particle a phrasal verb reports speech only with ("pointed out that ...": "pointed"
   * alone, or "pointed out the window", reports nothing).
   */
  particle: string | null;
  /** Whether the verb reports speech only with "as" after its object ("cast him as a liar"). */
  as: boolean;
  /** Forms that are also common nouns ("a report", "the claims"): the base and -s forms. */
  nounForms: string[];
  forms: string[];
}

/** The third-person singular of a verb ("says", "denies", "stresses"). */
function thirdPerson(lemma: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

/** Every inflected form of a verb, from its lemma (regular English morphology plus exceptions). */
function inflect(lemma: string, irregular: string[]): string[] {
  const out = [lemma, ...irregular, thirdPerson(lemma)];
  const stem = lemma.endsWith("e") ? lemma.slice(0, -1) : lemma;
  if (irregular.length === 0) {
    if (lemma.endsWith("e")) out.push(`${lemma}d`);
    else if (/[^aeiou]y$/.test(lemma)) out.push(`${lemma.slice(0, -1)}ied`);
    else out.push(`${lemma}ed`);
  }
  out.push(`${stem}ing`);
  return [...new Set(out)];
}

/**
 * One line per verb: "kind lemma complement [noun] [irregular forms...]". Irregular forms
 * replace the regular past tense and add to the rest. A phrasal verb writes its particle after
 * the lemma with "+" ("point+out").
 */
const TABLE = `
  say say clause said says saying
  say add that
  say state that noun
  say announce clause
  say explain clause
  say note topic noun
  say argue clause
  say write clause wrote written writes writing
  say declare clause
  say insist clause
  say assert clause
  say contend clause
  say acknowledge topic
  say admit clause admitted admits admitting
  say concede topic
  say confirm topic
  say predict topic
  say recall topic noun
  say remark that noun
  say reply that noun replied replies replying
  say respond that
  say answer that noun
  say comment that noun
  say report topic noun
  say tweet object noun
  say post that noun
  say emphasize topic
  say emphasise topic
  say stress topic noun
  say reiterate topic
  say underline that
  say underscore that
  say highlight that
  say affirm that
  say reaffirm that
  say suggest that
  say testify that testified testifies testifying
  say complain that
  say boast that noun
  say vow pledge noun
  say pledge pledge noun
  say promise pledge noun
  say observe topic
  say point+out that noun
  say reference topic noun
  say rule strict noun
  say conclude that
  say continue that
  say maintain that
  say caution that noun
  say reveal topic
  say disclose topic
  say mention topic noun
  say joke that noun
  say quip that noun quipped quips quipping
  say retort that noun
  say counter that noun
  say agree that
  say lament that
  say scoff that
  say hint that
  say speculate that
  say opine that
  say proclaim clause
  say exclaim that
  say grumble that
  say fume that
  say brag that bragged brags bragging
  say demand that
  say call object noun
  say describe object
  say characterize object
  say characterise object
  say label object noun labeled labelled labels labeling labelling
  say brand object noun
  say urge object
  say criticize object
  say criticise object
  say praise object noun
  say cast object+as cast casts casting
  say portray object+as
  say paint object+as noun
  say hail object+as noun
  say tout object+as
  say question object noun
  tell tell object told tells telling
  tell warn clause
  tell assure clause
  tell remind clause
  tell inform clause
  ask ask clause
  ask wonder clause
  claim claim that noun
  allege allege clause
  allege accuse object
  allege charge that noun
  allege blame object noun
  allege blast object noun
  allege slam object noun slammed slams slamming
  allege condemn object
  allege attack object+as noun
  allege mock object+as noun
  allege deride object+as
  allege lambaste object+as
  allege lambast object+as
  allege denounce object
  deny deny clause denied denies denying
  deny reject that
  deny dismiss object
  deny refute clause
  deny rebut clause rebutted rebuts rebutting
  deny dispute that noun
  deny rebuff object noun
`;

const VERBS: SpeechVerb[] = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [kind, phrasal, complemented, ...rest] = line.trim().split(/\s+/);
    const [lemma, particle] = (phrasal as string).split("+") as [string, string | undefined];
    const [complement, as] = (complemented as string).split("+");
    const noun = rest[0] === "noun";
    return {
      lemma,
      kind: kind as CueKind,
      complement: complement as Complement,
      particle: particle ?? null,
      as: as === "as",
      nounForms: noun ? [lemma, thirdPerson(lemma)] : [],
      forms: inflect(lemma, noun ? rest.slice(1) : rest),
    };
  });

const BY_FORM: ReadonlyMap<string, SpeechVerb> = (() => {
  const map = new Map<string, SpeechVerb>();
  for (const verb of VERBS) for (const f of verb.forms) if (!map.has(f)) map.set(f, verb);
  return map;
})();

/** The verb a lower-case word is a form of, if it is one. */
export function speechVerb(word: string): Readonly<SpeechVerb> | undefined {
  return BY_FORM.get(word);
}

/** Every form of every speech verb. */
export function speechForms(): string[] {
  return [...BY_FORM.keys()];
}

/** Whether a lower-case word is any form of a speech verb. */
export function isSpeechForm(word: string): boolean {
  return BY_FORM.has(word);
}

const QUOTING = new Set(inflect("quote", []));

/**
 * Forms of "quote", which reports words through someone else: in "Reuters quoted an official as
 * saying", the official speaks and Reuters reports. It is kept apart from the table because
 * alone ("she quoted the Bible") it reports nobody's statement.
 */
export function isQuotingForm(word: string): boolean {
  return QUOTING.has(word);
}

/** The stance a verb gives what it reports: "accused" alleges, "denied" denies. */
export function stanceOf(verb: Readonly<SpeechVerb>): Stance | null {
  return verb.kind === "allege" ? "allegation" : verb.kind === "deny" ? "denial" : null;
}

/**
 * Whether a form may be something other than a finite verb: a noun ("claims", "a report") or a
 * bare infinitive ("to say", "will tell"). Such a form reports speech only in a verb's company.
 */
export function isAmbiguousForm(word: string): boolean {
  const verb = BY_FORM.get(word);
  return verb !== undefined && (word === verb.lemma || verb.nounForms.includes(word));
}

/**
 * Finite forms of the verbs that report a clause ("said", "adds", "noted"): the ones that can
 * close a quotation (`"...," Meier said.`). Verbs that need an object are left out.
 */
export function trailingCueForms(): string[] {
  return VERBS.filter(
    (v) => v.kind === "say" && v.complement !== "object" && v.particle === null,
  ).flatMap((v) => v.forms.filter((f) => f !== v.lemma && !f.endsWith("ing") && f !== "written"));
}
