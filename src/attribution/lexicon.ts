/**
 * Word lists the attribution rules read. Kept apart from the rules so they can be tuned
 * without touching the logic. All entries are lower case.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Verbs that, when a cue follows them, mean the speaking did not happen ("declined to say"). */
export const NEGATING = set(`
  not never no declined refused declines refuses declining refusing wouldn't won't didn't
  doesn't don't cannot can't couldn't hasn't haven't hadn't isn't wasn't
`);

/** Auxiliaries and adverbs that may stand between a speaker and the cue ("has also said"). */
export const AUX_ADVERBS = set(`
  has have had is was were are will would could can may might shall should must did does do
  be been being also later then previously earlier repeatedly once recently further again
  subsequently first reportedly just already still even often frequently always now
  since separately similarly privately publicly openly bluntly flatly angrily simply
  jokingly quickly immediately last late finally initially originally yet however too
  himself herself themselves itself personally directly specifically long
`);

/**
 * Verbs before "to" and a cue that leave the speaking to their subject: "continued to insist",
 * "went on to say", "appeared to suggest". ("went on" takes its particle.)
 */
export const CATENATIVES = set(`
  continue continues continued continuing begin begins began go goes went going
  appear appears appeared seem seems seemed hasten hastens hastened proceed proceeds proceeded
`);

/**
 * Verbs before an -ing cue that leave the speaking to their subject: "kept insisting", "began
 * arguing", "could not resist pointing out" (not resisting is doing).
 */
export const GERUND_CATENATIVES = set(`
  keep keeps kept keeping begin begins began start starts started resist resists resisted
`);

/**
 * Adverbs that report a clause as someone's unnamed word ("The firm reportedly cut 200 jobs",
 * "he allegedly brandished a pistol"), with their kind: the speaker is left unnamed.
 */
export const HEARSAY_ADVERBS: ReadonlyMap<string, "say" | "allege"> = new Map([
  ["reportedly", "say"],
  ["allegedly", "allege"],
]);

/**
 * Events and states of affairs: they may "demand" or "show" something, never say it ("the spate
 * of shootings and protests demands that ...").
 */
export const EVENT_NOUNS = set(`
  protests shootings riots violence unrest crisis crises situation circumstances events
`);

/** Words that name a time and may stand between speaker and cue or after the cue. */
export const TIME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
  morning afternoon evening night week weekend month year earlier later recently time
  mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

export const DETERMINERS = set(`
  the a an this these those his her their its our my your another one some many
  several two three four five any each every both few no other such
`);

export const PRONOUNS = set(`he she they it we i you who`);

/**
 * Subjects that say no one spoke ("nobody would question her record") or stand for whoever
 * might ("anybody who complains about a microphone"): a verb after them reports no statement.
 */
export const NO_SPEAKER = set(`nobody noone no-one none anybody anyone whoever`);

/** Words that end a noun phrase when read backwards from a cue. */
export const NP_STOP = set(`
  and or but nor so because while although though if when whereas as than that which who
  whom whose where what why how whether is was are were be been being has have had do does
  did will would could can may might shall should must not also to by with from into onto
  upon about after before during over under between through against without within among
  across toward towards since until unless like near around said says say told tells on in
  there here then thus yet however meanwhile still just even only
`);

/** Prepositions that may sit inside a noun phrase ("spokesman for the campaign"). */
export const NP_INNER_PREPS = set(`of for at`);

/** Nouns that, after "in", make the phrase a source ("an article in The New York Times"). */
export const DOCUMENT_NOUNS = set(`
  article report story piece editorial op-ed column interview statement post letter memo
  poll survey study analysis review document filing book essay newspaper newspapers
  lawsuit suit complaint indictment petition motion ruling verdict affidavit testimony
  count tally estimate estimates figures data records documents calculations ad ads commercial
`);

/**
 * Figures a named body compiles from others' ("the RealClearPolitics polling average", "Kantar
 * Media's ad tracker"): the body vouches for them, as for its poll, so it is the source.
 */
export const COMPILED_NOUNS = set(`average averages tracker`);

/** Recordings that show someone speaking: "a clip of McCain saying" is McCain's statement. */
export const RECORDING_NOUNS = set(`
  footage video videos clip clips recording recordings tape tapes videotape audio
`);

/** Role nouns: a phrase ending in one of these describes a person. */
export const ROLE_NOUNS = set(`
  spokesman spokeswoman spokesperson secretary president chief head director official
  minister businessman businesswoman senator congressman congresswoman representative
  governor mayor ambassador adviser advisor aide manager chairman chairwoman chair leader
  candidate nominee lawyer attorney judge general commander officer agent analyst expert
  professor economist strategist pollster chairperson founder ceo executive counsel
  director-general spy diplomat envoy deputy lawmaker legislator speaker member
  consultant correspondent reporter editor columnist writer author researcher scientist
  activist campaigner organizer organiser donor surrogate operative staffer consultant
  prosecutor investigator detective sheriff inspector commissioner supporter critic
  voter resident worker owner partner friend wife husband son daughter mother father
  mogul magnate billionaire tycoon president-elect vice-president premier chancellor
  king queen prince princess pope cardinal bishop priest rabbi imam sergeant captain
  colonel lieutenant admiral marshal press doctor physician
`);

/** Heads of descriptions that refer to a news outlet ("the newspaper", "the daily"). */
export const MEDIA_DESCRIPTIONS = set(`
  newspaper daily paper outlet publication magazine broadcaster network channel agency
  tabloid weekly website site station
`);

/** Last words of a name that make it a news outlet ("The Washington Post"). */
export const MEDIA_HEADS = set(`
  times post news journal guardian telegraph herald tribune gazette daily observer
  independent magazine radio television tv press today chronicle globe inquirer mirror sun
  express mail hill atlantic economist examiner beast review star
`);

/** Words that make a name a news outlet wherever they stand in it. */
export const MEDIA_NAMES = set(`
  reuters cnn msnbc bbc nbc abc cbs fox npr pbs tass ria interfax sputnik politico breitbart
  axios bloomberg newsweek slate salon vox buzzfeed huffington huffpost izvestia kommersant
  vedomosti al-jazeera aljazeera afp ap upi xinhua politifact factcheck.org snopes
`);

/** Words in a name that make it an organisation. */
export const ORG_WORDS = set(`
  department service agency ministry kremlin committee party campaign congress senate
  house bureau council commission court university institute foundation association
  corporation company inc corp llc ltd group administration government fbi cia nsa mi5
  mi6 nato un eu dnc rnc gop pentagon office police army navy force forces union bank
  fund organization organisation center centre club network board authority parliament
  duma cabinet coalition alliance society federation league caucus team staff
  secretariat embassy consulate state-department state
`);

/** Places that speak for their government ("Washington accused ..."). */
export const PLACES = set(`
  washington moscow london beijing paris berlin kiev kyiv tehran brussels ankara tokyo
  pyongyang seoul damascus jerusalem riyadh delhi islamabad kabul baghdad cairo
  russia britain uk us u.s america china france germany ukraine iran israel turkey japan
  india pakistan syria iraq egypt europe mexico canada
  united-states alabama alaska arizona arkansas california colorado connecticut delaware
  florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
  massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma
  oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
`);

/** Modifiers that may stand in a role before a name ("Russian presidential spokesman"). */
export const ROLE_MODIFIERS = set(`
  presidential senior former deputy top chief press foreign campaign security intelligence
  defense defence state national political acting longtime veteran democratic republican
  federal senior special general executive assistant vice principal lead associate
  communications policy legal
`);

/** Title words that may precede a person's name and are not part of it. */
export const TITLES = set(`
  president mr mrs ms dr sen senator rep gov governor secretary minister prime foreign
  vice chancellor prof professor gen general judge justice mayor ambassador sir lord
  lady king queen prince princess pope rev attorney speaker chief leader candidate
  former deputy acting state presidential press spokesman spokeswoman businessman
  businesswoman director nominee republican democratic democrat first
  lt col capt sgt adm maj
`);

/** Words that make a label before a colon a heading, not a speaker ("Editor's note:"). */
export const NOT_LABELS = set(`
  note notes update updated updates related read watch see photo photos video videos
  correction corrections disclosure text transcript breaking exclusive opinion analysis live
  latest more also source sources credit credits contact email twitter tags topics filed
  warning question questions answer answers excerpt excerpts summary background editor's
  editors published posted listen subscribe advertisement sponsored follow share here
  contributing contributors byline pic remember revealed paid plus reporting writing
  clarification clarifications disclaimer disclosure
  what why how when where who which this that these those it he she they we you i
`);

/** Capitalised words that open sentences and are never names. */
export const NOT_NAMES = set(`
  the a an and but or also earlier later last next this that these those he she it they we
  i you his her their its our my in on at by for from with to of as after before during
  when while if although though because since according however meanwhile still yet so
  then there here what who why how where which one some many several all both each
  mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december today yesterday
  tonight news photo file read share editor's note update updated more see watch related
`);

/** Adjectives too vague to tell two people apart ("the senior official"). */
export const VAGUE_MODIFIERS = set(`
  the a an senior top former current high-ranking high ranking official chief head
  new other same said later earlier this that his her their its
`);

/** Demonyms to the place names a role might mention instead. */
export const DEMONYMS: ReadonlyMap<string, string[]> = new Map([
  ["russian", ["russia", "kremlin", "moscow"]],
  ["british", ["britain", "uk", "mi5", "mi6", "london"]],
  ["american", ["america", "us", "u.s", "washington"]],
  ["us", ["american", "america", "washington"]],
  ["chinese", ["china", "beijing"]],
  ["french", ["france", "paris"]],
  ["german", ["germany", "berlin"]],
  ["ukrainian", ["ukraine", "kiev", "kyiv"]],
  ["iranian", ["iran", "tehran"]],
  ["israeli", ["israel"]],
  ["turkish", ["turkey", "ankara"]],
]);

/** Words whose presence in content marks an accusation of wrongdoing. */
export const ACCUSATION_WORDS = set(`
  recruit recruiting recruited recruitment informer informers interfere interfering
  interference meddle meddling espionage spying spy aggressive aggressively propaganda
  subversion cyber-attacks cyber hacking hacked hack threatening threaten threatened
  covertly attack attacks attacked fraud corrupt corruption illegal illegally lied lies
  abuse abused bribe bribery collusion colluded rigged rigging coerce coerced pressure
`);

/**
 * Words that accuse someone of wrongdoing wherever they stand ("he lied", "they cherry-picked
 * the data", "the vote was rigged"): a statement using them alleges.
 */
export const WRONGDOING_WORDS = set(`
  lied lying liar liars cheated cheating stole stolen fraud fraudulent defrauded defrauding
  corrupt corruption bribe bribed bribes bribery rigged rigging cherry-picked cherry-picking
  cherry-pick cover-up covered-up misled misleading deceived deceiving deceptive embezzled
  embezzlement colluded collusion meddled meddling interfered illegally unlawfully extortion
  extorted laundering laundered scam whitewashing whitewashed scapegoating scapegoat harassed
  harassment intimidate intimidated intimidation obstructed obstruction racketeering abused
  plagiarized plagiarism smeared
`);

/** Words that judge a claim untrue: a statement using them of a claim denies it. */
export const DENIAL_WORDS = set(`
  unfounded baseless groundless false untrue nonsense absurd ridiculous fabricated
  fabrication lies lie slander slanderous hoax fake smear smears libel libelous fiction
  misinformation disinformation groundless
`);

/** Words in -ly that are not adverbs ("the daily", "a rally"). */
const LY_WORDS = set(`
  daily weekly monthly quarterly yearly family ally rally italy assembly supply july anomaly
  monopoly bully folly homily jelly belly tally lily emily kelly holly sally billy molly
  reply apply comply early only friendly elderly
`);

/** Whether a lower-case word reads as an adverb ("formally", "repeatedly"). */
export function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith("ly") && !LY_WORDS.has(word);
}

/** Nouns for what someone alleges: "claims by X that ...", "X's allegations". */
export const CLAIM_NOUNS = set(`
  claim claims allegation allegations accusation accusations charges assertion assertions
`);

/**
 * Nouns for something said that a denial can reject by name alone: "rejected the allegations",
 * "dismissed the report", "disputed these accounts". The noun stands for what it answers.
 */
export const REJECTED_NOUNS = set(`
  claim claims allegation allegations accusation accusations charge charges assertion assertions
  report reports account accounts story stories rumor rumors rumour rumours speculation
  suggestion suggestions criticism
`);

/**
 * Nouns for something said whose words a "that" clause gives: "his warning that ...", "Mr.
 * Lund's insistence that ...". With an owner before them, the owner said it.
 */
export const STATEMENT_NOUNS = set(`
  statement suggestion suggestions insistence argument warning warnings promise promises
  assertion complaint complaints acknowledgment acknowledgement admission announcement
  contention prediction remark remarks comment comments vow vows pledge pledges denial
  declaration explanation concession
`);

/** Statement nouns whose words may be a promise: "her pledge to cut taxes". */
export const PLEDGE_NOUNS = set(`promise promises vow vows pledge pledges`);

/** Possessive determiners that name who owns a statement noun: "his claim that ...". */
export const POSSESSIVES = set(`his her their its our my`);

/** Claim nouns that accuse by themselves: "allegations by X" alleges, "claims by X" may not. */
export const ACCUSING_NOUNS = set(`allegation allegations accusation accusations charges`);

/** First names that tell "he" from "she" for pronoun resolution. */
export const FEMALE_NAMES = set(`
  hillary carly sarah nancy elizabeth michelle melania ivanka chelsea huma kellyanne debbie donna
  jill nikki susana marsha kirsten amy claire dianne barbara susan lisa mary patricia jennifer
  linda karen betty margaret sandra ashley kimberly emily carol amanda melissa deborah stephanie
  rebecca laura sharon cynthia kathleen helen anna angela shirley brenda pamela nicole katherine
  catherine christine samantha janet rachel maria heather diane julie joyce victoria kelly
  christina joan evelyn judith megyn andrea hannah jacqueline martha gloria teresa theresa sara
  janice julia marie madeleine grace judy beverly denise marilyn amber danielle rose brittany
  diana abigail jane natalie lori tiffany alexis kayla condoleezza loretta valerie sheryl ruth
  sonia elena katrina kamala tammy maxine sheila tulsi kristen sybrina jeanne irene penny gina
  erin katie jodi joni nicola yulia natalia ann anne annie alice allison alison ellen eleanor
  ella emma olivia sophia isabella ava mia charlotte amelia harper abby lauren megan meghan
  monica nina paula renee rita roberta rosa sally shannon stacey tara tina vanessa veronica wendy
  whoopi oprah beyonce hope kate kathy cathy carla carolyn caroline cheryl colleen connie dolores
  dorothy edith elaine eva frances gail geraldine gwen holly ilhan ivana jackie jeannie jenny
  jessica joanne josephine joy juanita kristin leslie lindsay liz lois lucy lynn marcia marianne
  marina maureen melinda michele mildred miriam molly nadine naomi norma peggy phyllis priscilla
  rachael rhonda roxanne ruby sabrina sandy selina serena shelby sherry stella sue suzanne sylvia
  tamara virginia vivian yvonne zoe
`);

export const MALE_NAMES = set(`
  donald barack bernie bernard ted marco jeb john ben chris rand mike michael rick scott lindsey
  bobby jim james george bill william joe joseph paul mitch harry martin jeff david robert
  richard charles thomas daniel matthew mark steven steve andrew kevin brian edward ronald
  anthony jason ryan jacob gary eric stephen jonathan larry justin frank brandon raymond gregory
  samuel benjamin patrick jack dennis jerry alexander tyler aaron henry douglas peter adam nathan
  zachary walter kyle harold carl jeremy keith roger gerald ethan arthur terry sean lawrence
  austin noah jesse albert bryan billy bruce willie dylan alan ralph gabriel roy juan wayne
  eugene logan randy louis russell vincent philip johnny bradley reince newt rudy rudolph corey
  sadiq vladimir dmitry sergei sergey recep bibi nigel boris francois emmanuel hans pierre
  antonin clarence elijah barney al tim tom timothy howard dick rahm reid chuck orrin jared karl
  tony ken kenneth dan doug greg joel kurt mitt herman ron rob rod rodrigo mohammed muhammad
  ahmed ali hamid bashar hassan fidel raul enrique felipe carlos jose luis jorge abdullah osama
  ayman khalid nawaz narendra shinzo francis jimmy teddy beau hunter marty matt nick nicholas
  andy sam ed fred frederick glenn hal ike jay jake jon josh joshua julian lamar lou luke marc
  max mel neil norman oliver phil ray rex rich ross rupert russ sherrod spencer stan todd travis
  trey troy victor wade warren wes woody zach oleg andrei alexei mikhail igor viktor yuri ivan
  petro nikolai angus gordon keir liam wolf anderson tucker bret brit lester hugh kirk lloyd
  lyndon calvin franklin dwight woodrow ulysses abraham grover benny bob chad cody curt curtis
  dale darrell dave derek don duncan dustin earl elliot ernest floyd gene grant guy herb ian
  jerome kent lance leon lenny leonard lewis lonnie manuel marvin maurice miles milton mitchell
  murray nate ned orlando perry preston quentin reggie ricky roland ruben sanford seth shawn
  sheldon sid stuart terrence tommy vernon wallace ward wilbur xavier
`);

/** Words in a role that tell a person's sex. */
export const FEMALE_WORDS = set(`
  mrs ms miss madam spokeswoman congresswoman chairwoman businesswoman councilwoman wife mother
  daughter sister grandmother widow queen princess lady actress first-lady
`);
export const MALE_WORDS = set(`
  mr spokesman congressman chairman businessman councilman husband father son brother grandfather
  widower king prince lord sir actor
`);

/** Plural nouns for the people around someone: "Supporters of Sanders" are not Sanders. */
export const GROUP_NOUNS = set(`
  supporters aides allies critics opponents fans friends members voters officials backers
  advisers advisors staff staffers followers donors surrogates representatives lawyers
  attorneys spokespeople relatives family rivals detractors defenders loyalists volunteers
  delegates associates colleagues people residents employees workers leaders sources
  lawmakers legislators senators journalists executives strategists operatives admirers
  confidants founders speechwriters
`);

/**
 * Capitalised words that open a heading or a question, never a name: "Will Sanders ...",
 * "Did I ...", "Get AIDS ...", "Almost half".
 */
export const NOT_NAME_LEADS = set(`
  will would did does do is are was were has have had can could should may might must shall
  get gets got says said say tells told asks asked why how what when where who which
  maybe almost nearly perhaps just only even why suspected alleged watch read see here
  inside behind exclusive breaking live latest opinion analysis report reports
`);

/**
 * Plural nouns for a people: "The Europeans", "Russians" speak as a group, and are never the
 * "he" or "she" of a later sentence.
 */
export const PEOPLES = set(`
  russians europeans africans asians hispanics latinos mexicans iranians syrians iraqis
  israelis palestinians germans canadians indians koreans chinese japanese french british
`);

/** Parties as an adjective: "Republican lawmakers", "the Democratic National Committee". */
export const PARTY_ADJECTIVES = set("democratic republican gop");

/** Adjectives that stand capitalised alone but name nobody: "American", "Republican". */
export const NOT_NAME_ADJECTIVES = set(`
  american americans republican republicans democratic democrat democrats conservative
  conservatives liberal liberals progressive progressives russian british european african
  asian hispanic latino latina muslim muslims christian christians jewish catholic islamic
  federal national international western eastern northern southern mexican chinese iranian
  syrian iraqi israeli palestinian german french canadian english indian japanese korean
  libertarian independent independents evangelical evangelicals
`);
