/** Word lists the corpus generator draws from: names, outlets, places, roles, news vocabulary. */

function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

function phrases(list: string): string[] {
  return list.split("|").map((p) => p.trim());
}

/**
 * First names that mark a following capitalised word as a surname in PolNeAR text, and from which
 * the speaker pool is made. Names that are also common words ("Will", "May", "Grant") are left out.
 */
export const FIRST_NAMES = words(`
  Donald Hillary Bill Barack Michelle Bernie Ted Marco Jeb John Mike Paul Chris Ben Carly
  Rand Scott Tim Joe Elizabeth Nancy Harry Mitch Rudy Newt Sarah Ivanka Melania Kellyanne
  Corey Reince Roger Steve Stephen Jared Huma Robby Jennifer Brian Debbie James Robert
  Michael David Richard Thomas Charles Daniel Matthew Mark Donna Susan Karen Lisa Mary
  Patricia Linda Barbara Jessica Laura Anna Andrew Peter George Kevin Jason Jeff Jeffrey
  Ryan Eric Gary Jim Tom Tony Lindsey Rick Martin Jake Sean Dana Megyn Rachel Jorge Maria
  Carlos Luis Jose Juan Vladimir Dmitry Sergei Angela Theresa Boris Nigel Emmanuel Justin
  Alan Anthony Adam Amy Ann Bob Bobby Brad Bruce Carl Cory Dan Dave Dennis Doug Edward
  Frank Fred Greg Henry Jack Jane Janet Jerry Jill Jimmy Joan Joel Jon Jonathan Josh
  Julie Karl Katie Kate Keith Ken Larry Marc Matt Mitt Nick Patrick Phil Ralph Rebecca
  Sam Sharon Stuart Terry Todd Valerie Victoria Walter Wayne William Samantha Chuck
  Elijah Colin Madeleine Loretta Sally Evan Priya Aisha Omar Wei Hiroshi Olga Fatima
  Kwame Ingrid Rafael Sofia Tomasz Nadia Arjun`);

export const SURNAMES = words(`
  Adeyemi Albright Alvarez Anderson Baker Barnes Bauer Bennett Brooks Calloway Campbell
  Castillo Chen Clarke Coleman Collins Cooper Dawson Delgado Dixon Donovan Duarte Ellison
  Evans Farouk Fischer Fitzgerald Fleming Foster Garcia Gallagher Gibson Gordon Graham
  Greene Gupta Hale Hamilton Harper Hayes Henderson Holloway Hughes Ibrahim Jensen Kaplan
  Keller Kennedy Kowalski Kumar Lambert Lawson Lindqvist Lopez Lowell Madsen Marsh Mendez
  Mercer Molina Morgan Murphy Nakamura Novak Okafor Olsen Ortega Palmer Patel Pearson
  Petrov Porter Quinn Ramirez Reyes Richter Rivera Rossi Russell Salazar Sandoval Schmidt
  Serrano Shapiro Sinclair Sokolov Stanton Sullivan Tanaka Thornton Torres Underwood
  Vance Vargas Wagner Walsh Webster Whitaker Yamada Zhang Zimmerman`);

/**
 * Words after a first name that are not surnames ("Donald Trump" yes, "Ben And" no); headlines in
 * Title Case capitalise every function word ("Mark On The Calendar").
 */
export const NOT_SURNAMES = new Set(
  words(`The And But For Not Said Says Told Jr Sr Administration Campaign Foundation Center Street
  Avenue Airport University On In At To Of With From By As Is Are Was Were Be Been It Its Or Nor
  So Up Out Off Over About After Before Into Than Then Will Would Can Could Should May Might Must
  Has Have Had Do Does Did Who What When Where Why How That This These Those His Her Their Our My
  Your We He She They No Yes All Just Now Again Back Gets Got Wants Calls Slams Tells Asks Makes
  Van Von Del Der De La Le St Act Aid Statement Amendment Doctrine Rule`),
);

export const OUTLETS = phrases(`
  Reuters|AP|The Daily Ledger|Metro Courier|National Observer|The Capital Post|
  Evening Standard-Gazette|Northern Herald|Pacific Tribune|Continental Wire|
  The Civic Review|Harbor Times|Prairie Dispatch|Lakeside Journal|Atlantic Monitor|
  Union Press|The Morning Bulletin|Global News Desk|TASS|Press TV`);

/** Dateline places, printed in capitals as wire stories do. */
export const PLACES = phrases(`
  WASHINGTON|NEW YORK|LOS ANGELES|CHICAGO|HOUSTON|MIAMI|DES MOINES|CONCORD|COLUMBUS|
  DENVER|PHOENIX|ATLANTA|PHILADELPHIA|LONDON|BRUSSELS|MOSCOW|BERLIN|PARIS|TOKYO|BEIJING|
  GENEVA|OTTAWA|MEXICO CITY`);

export const ROLES = phrases(`
  a spokesman for the campaign|the state's attorney general|
  a senior administration official|the committee chairman|a former ambassador|
  the party's national chairwoman|a political analyst|the mayor|a campaign adviser|
  the governor's press secretary|a professor of political science|
  the Senate minority leader|a spokeswoman for the group`);

export const WEEKDAYS = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday`);

/** Month names; "May" is left out of the text scan because it is also a verb. */
export const MONTHS = words(`
  January February March April May June July August September October November December`);

/** Fallback vocabulary, each list roughly most frequent first (it is drawn Zipf-weighted). */
export const NOUNS = phrases(`
  government|campaign|election|president|report|policy|country|plan|bill|state|
  administration|investigation|economy|agreement|budget|law|party|court|committee|debate|
  vote|program|decision|proposal|crisis|deal|system|security|border|market|strategy|
  reform|tax|statement|ruling|scandal|inquiry|summit|treaty|deficit|pipeline|
  sanctions regime|health care system|trade deal|intelligence assessment|ballot measure|
  district|coalition|lawsuit|audit|hearing|memo|leak|rally|poll|survey`);

export const PLURAL_NOUNS = words(`
  voters officials lawmakers people workers families companies donors critics supporters
  prosecutors diplomats analysts residents students veterans immigrants delegates
  investors taxpayers emails documents jobs refugees farmers governors senators judges
  regulators unions`);

export const ADJECTIVES = words(`
  new federal national former political public foreign economic senior major local
  democratic republican controversial unprecedented bipartisan classified secret historic
  disputed sweeping modest fragile aggressive cautious independent confidential
  preliminary unfounded`);

/** Verbs as [base, past, -ing]. */
export const VERBS: ReadonlyArray<readonly [string, string, string]> = [
  ["support", "supported", "supporting"],
  ["block", "blocked", "blocking"],
  ["approve", "approved", "approving"],
  ["reject", "rejected", "rejecting"],
  ["expand", "expanded", "expanding"],
  ["cut", "cut", "cutting"],
  ["protect", "protected", "protecting"],
  ["investigate", "investigated", "investigating"],
  ["delay", "delayed", "delaying"],
  ["review", "reviewed", "reviewing"],
  ["challenge", "challenged", "challenging"],
  ["undermine", "undermined", "undermining"],
  ["fund", "funded", "funding"],
  ["overhaul", "overhauled", "overhauling"],
  ["leak", "leaked", "leaking"],
  ["hide", "hid", "hiding"],
  ["mislead", "misled", "misleading"],
  ["negotiate", "negotiated", "negotiating"],
  ["weaken", "weakened", "weakening"],
  ["restore", "restored", "restoring"],
];

export const ORGANIZATIONS = phrases(`
  the White House|the Pentagon|the State Department|the Justice Department|the FBI|
  the Kremlin|the European Commission|the United Nations|Congress|the Senate|
  the Supreme Court|the Federal Reserve|the campaign|the party leadership|
  the state legislature|the city council|the union|the ministry`);

export const REGIONS = phrases(`
  the Midwest|the country|the region|Europe|the state|rural areas|the capital|
  swing states|the border|Asia|the Middle East|the suburbs|the South`);

/** Syllables for the fallback's long tail of rare words (place names, jargon, surnames). */
export const SYLLABLES = words(`
  ka lo ver an tel mi ro sta quin dor el va ne shu bri tor ax um pel gra ni os dra ly fen
  zo ra cul`);
