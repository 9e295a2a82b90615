/**
 * The few word lists the claim check reads: what negates, what bounds a negation, which words
 * mean the opposite of each other, and the verbs whose meaning a statement must carry. All
 * entries are lower case; the check compares Porter stems of them (see terms.ts).
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Words that turn what follows them around: "not working", "refused to answer", "failed to
 * persuade", "doubted any court would enforce it".
 */
export const NEGATORS = set(`
  not no never nobody nothing none neither nor without cannot
  n't isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't
  shouldn't hasn't haven't hadn't mustn't
  refuse refused refuses refusing decline declined declines declining
  fail failed fails failing unable unwilling doubt doubted doubts
`);

/**
 * Negators that may deny the whole clause, its subject too ("it is not the courts' job", "the
 * courts have no business deciding"), unlike those of a phrase ("without delay", "refused to
 * answer"). Contractions in n't count too (terms.ts).
 */
export const CLAUSE_NEGATORS = set(`not no never nobody nothing none cannot`);

/** Words and marks that end the reach of a negation: a new clause begins. */
export const CLAUSE_BREAKS = set(`
  but and or because since while although though whereas which who that so yet however
  instead rather if when unless until after before
`);

/** How many words after a negator it still reaches, at most, within its clause. */
export const NEGATION_REACH = 3;

/**
 * Two-word negators, by their first word: "a campaign ad rather than a legislative purpose",
 * "resigned instead of being fired" say the second thing is not so.
 */
export const CONTRASTS: ReadonlyMap<string, string> = new Map([
  ["rather", "than"],
  ["instead", "of"],
]);

/**
 * Modal verbs by what they say of what follows: that it must happen (a demand) or that it will
 * (a forecast, a plan). "must open an investigation" is not "will open an investigation".
 */
export const MOODS: ReadonlyMap<string, "must" | "will"> = new Map([
  ["must", "must"],
  ["should", "must"],
  ["ought", "must"],
  ["will", "will"],
  ["shall", "will"],
  ["won't", "will"],
  ["wont", "will"],
]);

/** Auxiliaries, which may stand between a negator and an aside: "never will, accept". */
export const AUXILIARIES = set(`
  will would shall should can could may might must do does did have has had
  be been is are was were ever
`);

/**
 * Pairs of words (any form) that mean the opposite: a statement carrying one answers a claim
 * carrying the other with the opposite polarity ("accepted the claims" / "rejected the claims").
 */
const OPPOSITES: [string, string][] = [
  ["accept", "reject"],
  ["accept", "deny"],
  ["accept", "dismiss"],
  ["agree", "disagree"],
  ["agree", "reject"],
  ["support", "oppose"],
  ["approve", "reject"],
  ["praise", "criticize"],
  ["praise", "criticise"],
  ["praise", "condemn"],
  ["praise", "disgrace"],
  ["praise", "attack"],
  ["praise", "slam"],
  ["friend", "enemy"],
  ["friend", "foe"],
  ["ally", "enemy"],
  ["ally", "adversary"],
  ["win", "lose"],
  ["rise", "fall"],
  ["increase", "decrease"],
  ["increase", "cut"],
  ["raise", "cut"],
  ["true", "false"],
  ["legal", "illegal"],
  ["guilty", "innocent"],
  ["strong", "weak"],
  ["success", "failure"],
  ["succeed", "fail"],
  ["safe", "dangerous"],
  ["open", "closed"],
  ["public", "private"],
  ["help", "hurt"],
  ["help", "harm"],
  ["benefit", "harm"],
  ["improve", "worsen"],
  ["work", "fail"],
  ["best", "worst"],
  ["good", "bad"],
  ["welcome", "reject"],
  ["confirm", "deny"],
  ["admit", "deny"],
];

/**
 * Verbs that judge rather than report: "Peskov praised the FBI" claims praise, so a statement
 * answers it only if it carries that judgement (the verb, one of its synonyms) and not its
 * opposite. Each family is listed by its lemmas.
 */
export const JUDGING_FAMILIES: readonly (readonly string[])[] = [
  ["praise", "laud", "hail", "commend", "applaud", "compliment", "thank"],
  ["criticize", "criticise", "condemn", "slam", "blast", "denounce", "attack", "decry", "rebuke"],
  ["accept", "agree", "endorse", "support", "back", "welcome", "embrace", "approve"],
  ["oppose", "disagree", "object"],
  ["apologize", "apologise", "regret"],
];

/**
 * Verbs that name rather than judge ("dubbed the plan a sideshow") which the speech-verb table
 * leaves out, as alone they report no words; "called" and "described" are in the table.
 */
export const NAMING_VERBS = set(`
  dub dubs dubbed term terms termed
`);

/** Phrasal verbs of denial the speech-verb table, one word a verb, cannot hold. */
export const DENYING_PHRASES: readonly string[] = [
  "ruled out",
  "rules out",
  "rule out",
  "brushed off",
  "pushed back",
];

/** Verbs of denial outside the speech-verb table: a claim "contested" is a claim denied. */
export const DENYING_VERBS = set(`contest contests contested contesting`);

/** The opposite of each lemma, both ways. */
export const OPPOSITE: ReadonlyMap<string, readonly string[]> = pairedBothWays(OPPOSITES);

function pairedBothWays(pairs: readonly [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string) => map.set(a, [...(map.get(a) ?? []), b]);
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return map;
}

/**
 * Words that frame a claim rather than say it: the asker's doubt ("the attacks that supposedly
 * sank Romney", "allegedly") and the belittling of what a speaker dismissed ("as mere
 * sideshows", where the speaker said "just distractions"). A statement need not carry them.
 */
export const FRAMING_WORDS = set(`
  supposedly allegedly reportedly purportedly ostensibly mere merely
`);

/** Words by which a claim itself dismisses something: asked who called it "baseless". */
export const DISMISSING_WORDS = set(`
  baseless unfounded groundless untrue false fabricated nonsense absurd ridiculous
`);

/**
 * Words that mean one thing to the claim check, each family by its head word: a denial calls a
 * charge "unfounded" where the question says "baseless", and a chance ruled out is a possibility
 * ruled out. Kept to senses that do not shift with context.
 */
const SAME_SENSE_FAMILIES: readonly (readonly string[])[] = [
  ["baseless", "unfounded", "groundless", "unsubstantiated", "unsupported"],
  ["fabricated", "invented", "concocted"],
  ["possibility", "chance", "likelihood", "prospect"],
  ["withdraw", "withdrew", "withdrawn", "withdrawal", "quit"],
  ["involvement", "involved", "complicity", "complicit"],
  // "U.S. politics" is "American politics"; "United States" is read as "U.S." below.
  ["u.s", "america", "american", "usa"],
  // "right away" is read as "immediately" below.
  ["immediately", "promptly"],
  ["possible", "potential"],
  ["successor", "replacement"],
  ["worker", "workers", "employee", "employees", "staff", "staffer", "staffers"],
  ["richest", "wealthiest"],
  ["goal", "aim", "objective"],
  ["distraction", "distractions", "sideshow", "sideshows"],
];

/** Each word of a family above, to its head word. */
export const SAME_SENSE: ReadonlyMap<string, string> = new Map(
  SAME_SENSE_FAMILIES.flatMap((family) => family.map((w) => [w, family[0] as string] as const)),
);

/**
 * Phrases rewritten to the one word of their sense before a text is read: "made up" is
 * "fabricated", "drop out" is "withdraw", "played no part in" is "no involvement in", "right
 * away" is "immediately", "ended in a" is "resulted in a", and the date "9/11" is "September 11".
 */
export const SAME_SENSE_PHRASES: readonly [RegExp, string][] = [
  [/\bmade\s+up\b/giu, "fabricated"],
  [/\bdrop(?:s|ped|ping)?\s+out\b/giu, "withdraw"],
  [/\bpull(?:s|ed|ing)?\s+out\b/giu, "withdraw"],
  [/\bplay(?:s|ed|ing)?\s+(a|an|any|no|some)\s+(?:part|role)\b/giu, "$1 involvement"],
  [/\b9\/11\b/gu, "September 11"],
  [/\bUnited\s+States\b/gu, "U.S."],
  [/\bright\s+away\b/giu, "immediately"],
  // "ended in a death" is "resulted in a death"; "ended in 2015" keeps its own sense.
  [/\bend(?:s|ed|ing)?\s+in\s+(a|an|the|no)\b/giu, "result in $1"],
];

/** Irregular past forms the stemmer leaves apart from their verb, for the opposites above. */
export const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["rose", "rise"],
  ["risen", "rise"],
  ["fell", "fall"],
  ["fallen", "fall"],
  ["won", "win"],
  ["lost", "lose"],
  ["grew", "grow"],
  ["grown", "grow"],
  ["shrank", "shrink"],
  ["shrunk", "shrink"],
]);

/** Numbers written as words, as digits: "four percent" is "4 percent". */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
  fifteen sixteen seventeen eighteen nineteen twenty`
    .trim()
    .split(/\s+/)
    .map((w, i) => [w, String(i)] as const),
);

/**
 * Pairs of words that name the two sides of one thing, so that one never stands for the
 * other: a claim about "imports" is not made by a statement about "exports", nor one about
 * the plaintiff by a statement about the defendant.
 */
const SWAPPABLE: [string, string][] = [
  ["import", "export"],
  ["buy", "sell"],
  ["buyer", "seller"],
  ["lender", "borrower"],
  ["creditor", "debtor"],
  ["employer", "employee"],
  ["landlord", "tenant"],
  ["plaintiff", "defendant"],
  ["prosecution", "defence"],
  ["prosecution", "defense"],
  ["prosecutor", "defender"],
  ["supply", "demand"],
  ["majority", "minority"],
  ["maximum", "minimum"],
  ["north", "south"],
  ["east", "west"],
  ["husband", "wife"],
  ["mother", "father"],
  ["son", "daughter"],
  ["brother", "sister"],
  ["domestic", "foreign"],
  ["upper", "lower"],
];

/** The other side of each word of a pair above, both ways. */
export const OTHER_SIDE: ReadonlyMap<string, readonly string[]> = pairedBothWays(SWAPPABLE);
