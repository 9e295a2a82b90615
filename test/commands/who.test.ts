import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { NOBODY } from "../../commands/who.ts";
import type { Answer } from "../../src/answer/answer.ts";
import { type LibraryHandle, openLibrary } from "../../src/library/open-library.ts";
import { renderText } from "../../src/surfaces/render-text.ts";
import { runLine } from "../../src/surfaces/run-line.ts";

/**
 * Short articles written for these tests: an accusation answered in the same article with and
 * without the accuser's name, across paragraphs, an accusation answered in another article by
 * restating it negated, and statements to swap, negate and turn around.
 */
const ARTICLES: Record<string, string> = {
  "01-trial.txt": [
    "Statistician questions cancer drug trial",
    "",
    "Northfield, March 3",
    "",
    "Paul Grant, a statistician at Northfield University, accused the researchers of cherry-picking their data to exaggerate the benefits of the drug.",
    "",
    "The trial enrolled 400 patients at six hospitals over three years.",
    "",
    "The study's lead author, Ada Nwosu, denied the accusation.",
    "",
    "Grant said the trial should be repeated by an independent panel.",
  ].join("\n"),
  "02-port.txt": [
    "Opposition says port authority hid losses",
    "",
    "Lisbon, May 9",
    "",
    "Maria Ferreira, the opposition leader, accused the port authority of hiding losses from the public.",
    "",
    "The authority has run the harbour since 2010 and employs 4,000 people.",
    "",
    'Its chairman, Luis Costa, said the claims were "completely false".',
  ].join("\n"),
  "03-river.txt": [
    "Senator says mining firm polluted river",
    "",
    "Gdansk, June 2",
    "",
    "Senator Helen Marsh accused the mining company Baltic Ore of dumping toxic waste into the Vistula river.",
    "",
    "Marsh said fishermen had found dead fish near the plant for months.",
  ].join("\n"),
  "04-river-reply.txt": [
    "Baltic Ore answers pollution charge",
    "",
    "Gdansk, June 4",
    "",
    "Baltic Ore has never dumped toxic waste into the Vistula river, the company's spokesman, Tomas Wend, said on Thursday.",
    "",
    "Wend said the plant's water is tested every week.",
  ].join("\n"),
  "05-economy.txt": [
    "Minister says sanctions have failed",
    "",
    "Riga, April 1",
    "",
    "Economy minister Olga Petrova said the sanctions are not working.",
    "",
    "Petrova said exports rose by 4 percent last year.",
    "",
    "Central bank governor Ivan Sokolov said inflation will fall next year.",
    "",
    "A senior official said the talks had collapsed.",
    "",
    "Asked about the budget, he said the deficit would double.",
  ].join("\n"),
  "06-protest.txt": [
    "Amnesty accuses Turkish police over protest",
    "",
    "ANKARA, March 3 (Reuters) - Amnesty International accused Turkish security forces of using excessive force against protesters in Istanbul, in a report published on Tuesday.",
    "",
    "The rights group said police had fired tear gas at peaceful demonstrators.",
    "",
    "The Interior Ministry rejected the allegations. It said officers had acted within the law.",
    "",
    'Interior Minister Ali Yerlikaya told reporters that the report was "one-sided and politically motivated".',
  ].join("\n"),
  "07-customs.txt": [
    "Trader charged with bribing customs officer",
    "",
    "Rotterdam, Oct. 12",
    "",
    "Prosecutors accused the grain trader Harlan Mills of bribing a customs officer at the port, according to an indictment unsealed on Monday.",
    "",
    "His lawyer, Dana Ruiz, called the charges unfounded and made up by a business rival.",
  ].join("\n"),
  "08-embassy.txt": [
    "Families sue over embassy bombing",
    "",
    "NAIROBI, Aug. 7 (AP) - Relatives of the victims sued several officials of the Qatari government, which has firmly denied any involvement in the bombing.",
  ].join("\n"),
  "09-bank.txt": [
    "Senator rounds on Harbor Bank over fake accounts",
    "",
    "New York, April 2",
    "",
    'Senator Ruth Alder called Harbor Bank\'s treatment of its customers "disgraceful." The executives responsible should repay their bonuses, she told reporters on Tuesday.',
    "",
    "Harbor Bank said it had fired 900 employees over the practice since 2019.",
  ].join("\n"),
  "10-prison.txt": [
    "Rights group calls for inquiry into prison deaths",
    "",
    "GENEVA, May 12 (Reuters) - A rights group on Tuesday urged an inquiry into three deaths at the Karsk prison.",
    "",
    '"The justice ministry must open an independent inquiry without delay," said Lena Hollis, the group\'s director.',
    "",
    "The justice ministry said the three men died of natural causes.",
  ].join("\n"),
  "11-tender.txt": [
    "Court hears challenge to port tender",
    "",
    'RIGA, June 3 - The company\'s lawyer, Marta Ozola, told the court that the city "does not, and never will, accept a bid that breaks the tender rules."',
    "",
    "Judge Andris Kalns said a ruling would follow in two weeks.",
  ].join("\n"),
  "12-talks.txt": [
    "Ceasefire talks stall",
    "",
    "VIENNA, July 8 (Reuters) - The ceasefire talks have stalled over the exchange of prisoners, a senior diplomat said on Tuesday, asking not to be named.",
  ].join("\n"),
  "13-talks.txt": [
    "Minister blames prisoner row for stalled talks",
    "",
    "VIENNA, July 8 - Foreign Minister Anna Berg said the ceasefire talks had stalled over the prisoner exchange.",
  ].join("\n"),
  "14-divorce.txt": [
    "Heiress asks court to keep divorce file sealed",
    "",
    "BOSTON, Sept. 22 - Lawyers for Nora Vance asked a judge on Monday to keep her divorce file sealed.",
    "",
    'Her filing noted published reports alleging that she claimed during the divorce that her husband had hidden millions in offshore accounts. However, Vance said that was not her view and dismissed those reports as "old misunderstandings."',
    "",
    "Judge Carl Odom said a ruling would follow next week.",
  ].join("\n"),
  "15-records.txt": [
    "Judge keeps candidate's divorce file sealed",
    "",
    "ALBANY, Oct. 3 - Judge Rosa Quint rejected a request by two newspapers to unseal the divorce file of a Senate candidate, saying the courts have no business deciding what information voters might find useful.",
  ].join("\n"),
  "16-leak.txt": [
    "Former envoy regrets private account",
    "",
    "OSLO, May 4 - Former envoy Lise Dahl said it was a mistake to use a private email account at the ministry, but she denied that she leaked classified cables.",
  ].join("\n"),
  "17-budget.txt": [
    "Institutes weigh the budget's tax cuts",
    "",
    "BERLIN, Nov. 2 (Reuters) - The Fiscal Institute, reviewing an earlier draft of the budget, reached a similar conclusion. The top 10 percent would see an average tax cut of 9,000 euros, said Mara Lind, the institute's director.",
    "",
    "Opposition leader Karl Brandt said an earlier draft of the budget was far worse. The top 5 percent would see an average tax cut of 7,000 euros, said Ines Moll, an economist at Hansa Bank.",
  ].join("\n"),
  "18-tariffs.txt": [
    "Minister rules out tariff race",
    "",
    "GENEVA, Jan. 9 (Reuters) - Trade minister Pia Sund said her country's goal was not to suddenly in the steel market repeat a cycle of tariffs seen in past trade wars, but to set rules everyone can follow.",
  ].join("\n"),
  "19-strike.txt": [
    "Union chief says port strike will go ahead",
    "",
    "HAMBURG, Feb. 2 (Reuters) - Wages at the port have not risen in four years, said Ana Lindqvist, head of the dockers union.",
    "",
    "Per Holm, chief of the drivers union, said his members would join any walkout.",
  ].join("\n"),
  "20-merger.txt": [
    "Bank chief shrugs off merger talk",
    "",
    "FRANKFURT, March 5 (Reuters) - Analysts blamed leaked rumours when the Nordbank merger fell through last year.",
    "",
    '"That was never the problem. Those were just distractions," said Eva Lang, Nordbank\'s chief executive. "What really counts is the price we pay for growth."',
    "",
    "Lang said the job cuts announced in May would merely be a first step.",
  ].join("\n"),
};

let dir: string;
let handle: LibraryHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "whosaid-who-"));
  mkdirSync(join(dir, "articles"));
  for (const [name, text] of Object.entries(ARTICLES)) {
    writeFileSync(join(dir, "articles", name), `${text}\n`);
  }
  handle = await openLibrary({ dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (claim: string) => runLine(`/who claim:${claim}`, commands, handle.library);
const withRole = (answer: Answer, role: string) =>
  answer.items.filter((i) => i.role === role).map((i) => i.speaker);

describe("/who names a speaker only for a claim the coverage reports", () => {
  it("finds the speaker of a claim asked as a question, and of a negated one", async () => {
    const sanctions = await ask("Who said the sanctions are not working?");
    expect(sanctions.heading).toBe("Olga Petrova");
    expect(withRole(sanctions, "claim")).toEqual(["Olga Petrova"]);
    const petrova = await ask("Petrova said the sanctions are not working");
    expect(withRole(petrova, "claim")).toEqual(["Olga Petrova"]);
  });

  it("says nobody when the claim drops the speaker's negation, and shows what she did say", async () => {
    const answer = await ask("Petrova said the sanctions are working");
    expect(answer.heading).toBe(NOBODY);
    expect(answer.status).toBe("empty");
    expect(withRole(answer, "claim")).toEqual([]);
    // The headline "Minister says sanctions have failed" names its speaker by a role only: a
    // nameless related item would be noise, so only Petrova's own statement is shown.
    expect(withRole(answer, "related")).toEqual(["Olga Petrova"]);
    expect(answer.notice).toContain("Petrova is not reported saying this");
    expect(answer.notice).toContain("says the opposite (“working”)");
  });

  it("still answers 'Not clear' when a role headline's own words make the claim", async () => {
    const answer = await ask("Who said the port strike will go ahead?");
    expect(answer.heading).toContain("Not clear");
    expect(answer.heading).toContain("Union chief");
    expect(withRole(answer, "claim")).toEqual([null]);
  });

  it("a business story: a claim in other words of one sense, workers for employees", async () => {
    const fired = await ask("Who said it had fired 900 workers over the practice since 2019?");
    expect(withRole(fired, "claim")).toEqual(["Harbor Bank"]);
    // The other side of the pair is another claim: the bank's employer is not its employees.
    expect(withRole(await ask("Who said 900 employers had fired it?"), "claim")).toEqual([]);
  });

  it("says nobody for a claim with another number, or the other side of a pair", async () => {
    const six = await ask("Petrova said exports rose by 6 percent");
    expect(withRole(six, "claim")).toEqual([]);
    expect(six.notice).toContain("which gives 4, not 6");
    const imports = await ask("Who said imports rose by 4 percent?");
    expect(withRole(imports, "claim")).toEqual([]);
    expect(imports.notice).toContain("is about “exports”, not “imports”");
    const fired = await ask("Harbor Bank said it had fired 300 employees");
    expect(withRole(fired, "claim")).toEqual([]);
    expect(withRole(await ask("Who said exports rose by four percent?"), "claim")).toEqual([
      "Olga Petrova",
    ]);
  });

  it("says nobody when the claim turns a word into its opposite", async () => {
    const answer = await ask("Petrova said exports fell by 4 percent");
    expect(withRole(answer, "claim")).toEqual([]);
    expect(answer.notice).toContain("says the opposite (“fell”)");
    expect(withRole(await ask("Who said exports rose?"), "claim")).toEqual(["Olga Petrova"]);
  });

  it("never gives one speaker's words to another, and says who did say them", async () => {
    const answer = await ask("Sokolov said exports rose by 4 percent");
    expect(withRole(answer, "claim")).toEqual([]);
    // The named speaker's closest statement first, then the one who does say it.
    expect(withRole(answer, "related").slice(0, 2)).toEqual(["Ivan Sokolov", "Olga Petrova"]);
    expect(answer.notice).toContain("Olga Petrova is reported saying it");
  });

  it("checks a named speaker's own statements: Nwosu answered the accusation, she did not make it", async () => {
    const answer = await ask("Nwosu admitted cherry-picking the data");
    expect(withRole(answer, "claim")).toEqual([]);
    expect(withRole(answer, "related")[0]).toBe("Ada Nwosu");
  });

  it("says a name nobody is quoted under is not in the coverage", async () => {
    const answer = await ask("Jane Doe said exports rose by 4 percent");
    expect(withRole(answer, "claim")).toEqual([]);
    expect(answer.notice).toContain("The coverage quotes nobody called “Jane Doe”");
  });

  it("says nobody for a claim nobody makes, shared words or not", async () => {
    for (const claim of [
      "the port authority made record profits",
      "Ferreira praised the port authority",
    ]) {
      const answer = await ask(claim);
      expect(answer.heading).toBe(NOBODY);
      expect(withRole(answer, "claim")).toEqual([]);
    }
  });

  it("says it is not clear whether the named speaker said it when the article leaves the speaker unclear", async () => {
    const answer = await ask("Sokolov said the deficit would double");
    expect(withRole(answer, "claim")).toEqual([]);
    expect(answer.heading).toMatch(/^Not clear: the words match a statement by “he”/);
    expect(answer.notice).toContain("Whether Sokolov said it is not clear");
    expect(answer.items.map((i) => i.text)).toContain("the deficit would double");
  });

  it("says the speaker is not clear where the words match but the article names nobody", async () => {
    const answer = await ask("who said the talks had collapsed");
    expect(answer.heading).toMatch(/^Not clear: the article says “A senior official”/);
    expect(answer.items[0]?.role).toBe("claim");
    expect(answer.items[0]?.speaker).toBeNull();
    // Talks that "stalled" share one of its two words: not the claim.
    expect(withRole(answer, "claim")).toEqual([null]);
  });

  it("names the speaker a wire story quotes before an unnamed diplomat saying the same", async () => {
    const answer = await ask(
      "Who said the ceasefire talks have stalled over the exchange of prisoners?",
    );
    expect(answer.heading).toBe("Anna Berg");
    expect(withRole(answer, "claim")).toEqual(["Anna Berg", null]);
  });
});

describe("/who reads a claim's mood, its negations and one speaker's statements together", () => {
  it("a business story: a claim joining two things one senator said in one paragraph", async () => {
    const answer = await ask(
      "Who called Harbor Bank's treatment of customers disgraceful and wanted executives to repay bonuses?",
    );
    // Neither statement alone carries half of what the claim says of the bank.
    expect(withRole(answer, "claim")).toEqual(["Ruth Alder"]);
    // Read together, her words still do not say what the bank said.
    const fired = await ask("Ruth Alder said Harbor Bank fired 900 employees");
    expect(withRole(fired, "claim")).toEqual([]);
    expect(fired.notice).toContain("Harbor Bank is reported saying it");
  });

  it("a wire story: a demand that the ministry open an inquiry is not word that it will", async () => {
    const will = await ask("Who said the justice ministry will open an independent inquiry?");
    expect(will.heading).toBe(NOBODY);
    expect(will.notice).toContain("says it must happen, not that it will");
    const must = await ask("Who said the justice ministry must open an independent inquiry?");
    expect(withRole(must, "claim")).toEqual(["Lena Hollis"]);
  });

  it("a court story: a negation carried past an aside, “does not, and never will, accept”", async () => {
    const never = await ask(
      "Who said the city will never accept a bid that breaks the tender rules?",
    );
    expect(withRole(never, "claim")).toEqual(["Marta Ozola"]);
    const flipped = await ask(
      "Marta Ozola said the city will accept a bid that breaks the tender rules",
    );
    expect(withRole(flipped, "claim")).toEqual([]);
    expect(flipped.notice).toContain("says the opposite");
  });
});

describe("/who reads where a negation stands, and what frames a statement", () => {
  it("a court story: “have no business deciding” is “not the courts' job to decide”", async () => {
    const job = await ask(
      "Who said it is not the courts' job to decide which information voters might find useful?",
    );
    expect(withRole(job, "claim")).toEqual(["Rosa Quint"]);
    // Dropping the negation turns the claim around: nobody says the courts should decide it.
    const should = await ask(
      "Who said the courts should decide what information voters find useful?",
    );
    expect(withRole(should, "claim")).toEqual([]);
  });

  it("a wire story: words far into a negated clause are unclear, so they answer no plain claim", async () => {
    const aim = await ask(
      "Who said the aim was not to copy the cycle of tariffs of past trade wars but to set rules?",
    );
    expect(withRole(aim, "claim")).toEqual(["Pia Sund"]);
    // Said plainly, the claim drops the negation that may reach all of those words.
    const repeat = await ask(
      "Who said the goal was to repeat a cycle of tariffs in the steel market?",
    );
    expect(withRole(repeat, "claim")).toEqual([]);
    expect(repeat.notice).toContain("says it only under a negation");
    // Asked who denied it, the negated words answer; her plain words deny nothing.
    const denied = await ask("Who denied that the goal was to repeat a cycle of tariffs?");
    expect(withRole(denied, "claim")).toEqual(["Pia Sund"]);
    const plain = await ask("Who denied that rules everyone can follow would be set?");
    expect(withRole(plain, "claim")).toEqual([]);
  });

  it("a wire story: a denial beside the speaker's plain words does not deny them too", async () => {
    // She called it a mistake; the denial is of the leak, not of the mistake.
    const notMistake = await ask(
      "Lise Dahl said using a private email account at the ministry was not a mistake",
    );
    expect(withRole(notMistake, "claim")).toEqual([]);
    const mistake = await ask(
      "Who said using a private email account at the ministry was a mistake?",
    );
    expect(withRole(mistake, "claim")).toEqual(["Lise Dahl"]);
  });

  it("a business story: the sentence before a statement frames it, unless it is someone else's", async () => {
    const framed = await ask(
      "Who estimated that the wealthiest 10 percent would save 9,000 euros on average under an earlier draft of the budget?",
    );
    expect(withRole(framed, "claim")).toEqual(["Mara Lind"]);
    // Here the sentence before is the opposition leader's: its words are not the economist's.
    const others = await ask(
      "Who estimated that the richest 5 percent would save 7,000 euros on average under an earlier draft of the budget?",
    );
    expect(withRole(others, "claim")).toEqual([]);
  });
});

describe("/who links each denial to the allegation it answers", () => {
  it("a denial that points back at “the accusation” without naming the accuser", async () => {
    const answer = await ask("Who accused the researchers of cherry-picking their data?");
    expect(withRole(answer, "claim")).toEqual(["Paul Grant"]);
    expect(withRole(answer, "denial")).toEqual(["Ada Nwosu"]);
    expect(answer.notice).toBe("Denied by Ada Nwosu.");
  });

  it("a denial of “the claims” two paragraphs after the accusation", async () => {
    const answer = await ask("who accused the port authority of hiding losses");
    expect(withRole(answer, "claim")).toEqual(["Maria Ferreira"]);
    expect(withRole(answer, "denial")).toEqual(["Luis Costa"]);
  });

  it("a denial in another article that restates the accusation negated", async () => {
    const answer = await ask("Who accused Baltic Ore of dumping toxic waste into the Vistula?");
    expect(withRole(answer, "claim")).toEqual(["Helen Marsh"]);
    expect(withRole(answer, "denial")).toEqual(["Tomas Wend"]);
    expect(answer.items.find((i) => i.role === "denial")?.citation?.articleId).toBe(
      "04-river-reply",
    );
  });

  it("asked who denied something, names the denier, found through the allegation", async () => {
    expect(withRole(await ask("who denied cherry-picking the data"), "claim")).toEqual([
      "Ada Nwosu",
    ]);
    expect(
      withRole(await ask("Who rejected the claims that the port authority hid losses?"), "claim"),
    ).toEqual(["Luis Costa"]);
    // The accuser did not deny anything.
    expect(withRole(await ask("Ferreira denied the port authority hid losses"), "claim")).toEqual(
      [],
    );
  });

  it("a wire story: a denial that only names “the allegations”, and a report judged one-sided", async () => {
    const answer = await ask("Who accused security forces of using excessive force?");
    expect(withRole(answer, "claim")).toEqual(["Amnesty International"]);
    expect(withRole(answer, "denial")).toEqual(["Interior Ministry", "Ali Yerlikaya"]);
    const rejected = await ask(
      "Who rejected the allegations that security forces used excessive force?",
    );
    expect(withRole(rejected, "claim")).toEqual(
      expect.arrayContaining(["Interior Ministry", "Ali Yerlikaya"]),
    );
    // "It said ..." after the ministry's denial is the ministry's.
    expect(withRole(await ask("Who said officers had acted within the law?"), "claim")).toEqual([
      "Interior Ministry",
    ]);
    // Rejecting is not accepting.
    expect(
      withRole(await ask("Who accepted the allegations of excessive force?"), "claim"),
    ).toEqual([]);
  });

  it("a court story: charges called unfounded and made up answer a question in other words", async () => {
    const answer = await ask(
      "Who dismissed the bribery accusations against Mills as baseless and fabricated?",
    );
    expect(withRole(answer, "claim")).toEqual(["Dana Ruiz"]);
  });

  it("an agency story: the body a “which” clause names denies, not the officials", async () => {
    const answer = await ask("Who has rejected claims that it played a part in the bombing?");
    expect(withRole(answer, "claim")).toEqual(["Qatari government"]);
  });

  it("a court story: “dismissed those reports” answers the statement the reports made, just before", async () => {
    const answer = await ask(
      "Who dismissed reports that she had accused her husband of hiding millions offshore?",
    );
    expect(withRole(answer, "claim")).toEqual(["Vance"]);
    // The judge's ruling is no report: a denial pointing back links only to what precedes it.
    expect(
      withRole(await ask("Who dismissed reports that a ruling would follow next week?"), "claim"),
    ).toEqual([]);
  });

  it("a wire story: a dismissal in the speaker's own words, the claim's framing left aside", async () => {
    // "supposedly", "mere" and ", saying" frame the question; "just distractions" is calling
    // them sideshows, a dismissal though no verb of denial reports it.
    const sideshows = await ask(
      "Who dismissed the rumours that supposedly sank the merger as mere sideshows, saying what counts is the price?",
    );
    expect(withRole(sideshows, "claim")).toEqual(["Eva Lang"]);
    // She called them distractions, not gossip: no one dismissed them as that.
    expect(withRole(await ask("Who dismissed the rumours as mere gossip?"), "claim")).toEqual([]);
  });

  it("a business story: the asker's “merely” frames a claim, but “not merely” says another", async () => {
    const step = await ask("Who said the job cuts would be merely a first step?");
    expect(withRole(step, "claim")).toEqual(["Eva Lang"]);
    const more = await ask("Lang said the job cuts would not merely be a first step");
    expect(withRole(more, "claim")).toEqual([]);
  });

  it("shows the three outcomes in plain words in the shell", async () => {
    const nobody = renderText(await ask("Petrova said the sanctions are working"));
    expect(nobody).toContain(NOBODY);
    expect(nobody).toContain("related, not the claim");
    const denied = renderText(await ask("who accused the port authority of hiding losses"));
    expect(denied).toContain("Denied by Luis Costa");
  });
});
