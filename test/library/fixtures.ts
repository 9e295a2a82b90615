import type { SpeakerEvidence, SpeakerRegistry } from "../../src/attribution/speakers.ts";
import type { AnalyzedArticle } from "../../src/library/analyzed.ts";
import type {
  Article,
  Attribution,
  Entity,
  Extraction,
  Paragraph,
  Speaker,
  Stance,
  TextSpan,
} from "../../src/types.ts";

/** An article whose text is its title and paragraphs, each paragraph a span into that text. */
export function makeArticle(
  id: string,
  title: string,
  paragraphs: string[],
  fields: Partial<Pick<Article, "outlet" | "date" | "dateline">> = {},
): Article {
  let text = title;
  const spans: Paragraph[] = [];
  for (const [i, p] of paragraphs.entries()) {
    text += "\n\n";
    spans.push({ n: i + 1, start: text.length, end: text.length + p.length, text: p });
    text += p;
  }
  return {
    id,
    file: `articles/${id}.txt`,
    format: "text",
    title,
    lead: null,
    outlet: fields.outlet ?? null,
    date: fields.date ?? null,
    dateline: fields.dateline ?? null,
    author: null,
    url: null,
    text,
    paragraphs: spans,
    captions: [],
  };
}

function span(article: Article, text: string, from = 0): TextSpan {
  const start = article.text.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" is not in ${article.id}`);
  return { start, end: start + text.length, text };
}

export interface Said {
  paragraph: number;
  speaker: string | null;
  content: string;
  cue?: string;
  stance?: Stance;
}

/** An attribution whose evidence is its whole paragraph. */
export function said(article: Article, s: Said): Attribution {
  const p = article.paragraphs[s.paragraph - 1];
  if (!p) throw new Error(`${article.id} has no ¶${s.paragraph}`);
  return {
    articleId: article.id,
    paragraph: s.paragraph,
    speaker: s.speaker,
    mention: null,
    cue: s.cue ? span(article, s.cue, p.start) : null,
    content: [span(article, s.content, p.start)],
    type: "indirect",
    stance: s.stance ?? null,
    reportedBy: null,
    answers: null,
    evidence: { start: p.start, end: p.end, text: p.text },
  };
}

export function analyzed(
  article: Article,
  statements: Said[],
  entities: Entity[],
): AnalyzedArticle {
  const extraction: Extraction = {
    attributions: statements.map((s) => said(article, s)),
    entities,
  };
  return { article, extraction };
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** A plain registry for tests: one speaker per entity name, aliases merged across articles. */
export function simpleRegistry(extractions: ReadonlyMap<string, SpeakerEvidence>): SpeakerRegistry {
  const speakers = new Map<string, Speaker>();
  const articles = new Map<string, Set<string>>();
  for (const [articleId, extraction] of extractions) {
    for (const e of extraction.entities) {
      const id = slug(e.name);
      const s = speakers.get(id) ?? {
        id,
        name: e.name,
        kind: e.kind,
        aliases: [],
        quotes: 0,
        articles: 0,
      };
      for (const alias of e.aliases) if (!s.aliases.includes(alias)) s.aliases.push(alias);
      speakers.set(id, s);
    }
    for (const a of extraction.attributions) {
      const s = a.speaker ? speakers.get(slug(a.speaker)) : undefined;
      if (!s) continue;
      s.quotes++;
      const seen = articles.get(s.id) ?? new Set();
      seen.add(articleId);
      articles.set(s.id, seen);
      s.articles = seen.size;
    }
  }
  return {
    speakers: [...speakers.values()],
    idFor: (articleId, name) => {
      const known = extractions.get(articleId)?.entities.some((e) => e.name === name);
      return known ? slug(name) : null;
    },
  };
}

const peskov: Entity = {
  name: "Dmitry Peskov",
  kind: "person",
  aliases: ["Peskov", "Kremlin spokesman", "the senior Russian official"],
};
const parker: Entity = {
  name: "Andrew Parker",
  kind: "person",
  aliases: ["Parker", "The MI5 chief", "the British official"],
};
const washington: Entity = { name: "Washington", kind: "place", aliases: [] };
const kremlin: Entity = { name: "The Kremlin", kind: "organization", aliases: [] };

/** Three small articles in the manner of the seeds, with hand-made attributions. */
export function sampleCorpus(): AnalyzedArticle[] {
  const tass = makeArticle(
    "tass-spies",
    "Kremlin lambasts US spy agencies' crude attempts",
    [
      "The United States used crude intelligence methods to recruit Russian citizens, Kremlin spokesman Dmitry Peskov told the media.",
      '"Such incidents clearly testify to attempts at intervention in Russia’s internal affairs," Peskov said.',
      "The weather in Moscow was mild on Monday.",
    ],
    { outlet: "TASS", date: "2018-09-03", dateline: "MOSCOW, September 3" },
  );
  const press = makeArticle(
    "presstv-mi5",
    "Moscow rejects MI5 chief's claims about Russia",
    [
      'Peskov said Russia would consider the cyber-attacks claims "unfounded and baseless".',
      "The MI5 chief said Russia pushes its foreign policy abroad in increasingly aggressive ways.",
      'Last month, Washington formally accused the Russian government of attempting to "interfere" in the presidential election.',
      "The Kremlin has repeatedly dismissed the charges of election interference.",
    ],
    { outlet: "Press TV", date: "2017-11-01" },
  );
  const older = makeArticle("undated-note", "A note on Kremlin statements", [
    "Peskov said the Kremlin had nothing to add about the talks.",
  ]);
  return [
    analyzed(
      tass,
      [
        {
          paragraph: 1,
          speaker: "Dmitry Peskov",
          content: "The United States used crude intelligence methods to recruit Russian citizens",
          cue: "told the media",
        },
        {
          paragraph: 2,
          speaker: "Dmitry Peskov",
          content:
            "Such incidents clearly testify to attempts at intervention in Russia’s internal affairs",
          cue: "said",
        },
      ],
      [peskov],
    ),
    analyzed(
      press,
      [
        {
          paragraph: 1,
          speaker: "Dmitry Peskov",
          content: 'Russia would consider the cyber-attacks claims "unfounded and baseless"',
          cue: "said",
          stance: "denial",
        },
        {
          paragraph: 2,
          speaker: "Andrew Parker",
          content: "Russia pushes its foreign policy abroad in increasingly aggressive ways",
          cue: "said",
          stance: "allegation",
        },
        {
          paragraph: 3,
          speaker: "Washington",
          content: 'attempting to "interfere" in the presidential election',
          cue: "formally accused",
          stance: "allegation",
        },
        {
          paragraph: 4,
          speaker: "The Kremlin",
          content: "the charges of election interference",
          cue: "dismissed",
          stance: "denial",
        },
      ],
      [peskov, parker, washington, kremlin],
    ),
    analyzed(
      older,
      [
        {
          paragraph: 1,
          speaker: "Dmitry Peskov",
          content: "the Kremlin had nothing to add about the talks",
          cue: "said",
        },
      ],
      [peskov],
    ),
  ];
}
