import type { AttributionHit, Library, PassageHit } from "../../src/library/api.ts";
import { articleSummary } from "../../src/library/catalog.ts";
import { fold } from "../../src/text/fold.ts";
import type {
  Article,
  Attribution,
  AttributionType,
  Citation,
  Speaker,
  Stance,
  TextSpan,
} from "../../src/types.ts";

/**
 * A Library built by hand over articles written for the tests: the engine's contract with plain
 * word-overlap search behind it, so the Discord layer can be tested before, and apart from, the
 * real engine.
 */

export interface ArticleSpec {
  id: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  paragraphs: string[];
}

export interface SpeakerSpec {
  name: string;
  aliases: string[];
}

export interface QuoteSpec {
  speaker: string | null;
  articleId: string;
  paragraph: number;
  /** Must occur in the paragraph. */
  content: string;
  cue: string;
  mention?: string;
  type?: AttributionType;
  stance?: Stance;
}

const words = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
const slug = (s: string) => fold(s).replace(/[^a-z0-9]+/g, "-");

function overlap(query: string, text: string): number {
  const have = new Set(words(text));
  return words(query).filter((w) => have.has(w)).length;
}

export function buildLibrary(
  specs: ArticleSpec[],
  people: SpeakerSpec[],
  quotes: QuoteSpec[],
): Library {
  const articles = specs.map(buildArticle);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const span = (article: Article, paragraph: number, text: string): TextSpan => {
    const p = article.paragraphs[paragraph - 1];
    const at = p ? p.text.indexOf(text) : -1;
    if (!p || at < 0) throw new Error(`"${text}" is not in ${article.id} ¶${paragraph}`);
    return { start: p.start + at, end: p.start + at + text.length, text };
  };
  const attributions: Attribution[] = quotes.map((q) => {
    const article = byId.get(q.articleId);
    if (!article) throw new Error(`no article ${q.articleId}`);
    const p = article.paragraphs[q.paragraph - 1];
    if (!p) throw new Error(`no ¶${q.paragraph} in ${q.articleId}`);
    return {
      articleId: q.articleId,
      paragraph: q.paragraph,
      speaker: q.speaker,
      mention: q.mention ? span(article, q.paragraph, q.mention) : null,
      cue: span(article, q.paragraph, q.cue),
      content: [span(article, q.paragraph, q.content)],
      type: q.type ?? "direct",
      stance: q.stance ?? null,
      reportedBy: null,
      answers: null,
      evidence: { start: p.start, end: p.end, text: p.text },
    };
  });
  const speakers: Speaker[] = people.map((p) => {
    const theirs = attributions.filter((a) => a.speaker === p.name);
    return {
      id: slug(p.name),
      name: p.name,
      kind: "person",
      aliases: p.aliases,
      quotes: theirs.length,
      articles: new Set(theirs.map((a) => a.articleId)).size,
    };
  });
  const speakerOf = (a: Attribution) => speakers.find((s) => s.name === a.speaker) ?? null;

  return {
    get articleCount() {
      return articles.length;
    },
    article: (id) => byId.get(id),
    articles: () => articles.map(articleSummary),
    citation(articleId, paragraph): Citation {
      const a = byId.get(articleId);
      return {
        articleId,
        title: a?.title ?? null,
        outlet: a?.outlet ?? null,
        date: a?.date ?? null,
        dateline: null,
        url: a?.url ?? null,
        paragraph,
      };
    },
    searchPassages(query, options = {}): PassageHit[] {
      return articles
        .flatMap((a) =>
          a.paragraphs.map((p) => ({
            passage: { id: `${a.id}#${p.n}`, articleId: a.id, paragraph: p.n, text: p.text },
            score: overlap(query, p.text),
          })),
        )
        .filter((h) => h.score > 0)
        .sort((x, y) => y.score - x.score)
        .slice(0, options.limit ?? 10);
    },
    findSpeakers(name, limit = 10) {
      const typed = fold(name.trim());
      if (!typed) return [];
      const names = (s: Speaker) => [s.name, ...s.aliases].map(fold);
      const rank = (s: Speaker) =>
        names(s).some((n) => n === typed) ? 0 : names(s).some((n) => n.includes(typed)) ? 1 : 2;
      return speakers
        .filter((s) => rank(s) < 2)
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, limit);
    },
    speaker: (id) => speakers.find((s) => s.id === id),
    speakers: () => [...speakers],
    quotesBy(speakerId, options = {}): AttributionHit[] {
      const speaker = speakers.find((s) => s.id === speakerId);
      const hits = attributions
        .filter((a) => a.speaker === speaker?.name)
        .map((a) => ({
          attribution: a,
          speaker: speakerOf(a),
          score: options.about ? overlap(options.about, a.evidence.text) : 1,
        }));
      if (options.about) hits.sort((x, y) => y.score - x.score);
      const from = options.offset ?? 0;
      return hits.slice(from, from + (options.limit ?? hits.length));
    },
    searchAttributions(text, options = {}): AttributionHit[] {
      return attributions
        .filter((a) => !options.stance || a.stance === options.stance)
        .map((a) => ({
          attribution: a,
          speaker: speakerOf(a),
          score: overlap(text, a.evidence.text),
        }))
        .filter((h) => h.score > 0)
        .sort((x, y) => y.score - x.score)
        .slice(0, options.limit ?? 10);
    },
    statementsIn(articleId): AttributionHit[] {
      return attributions
        .filter((a) => a.articleId === articleId)
        .map((a) => ({ attribution: a, speaker: speakerOf(a), score: 0 }));
    },
    suggestArticles(text, limit = 25) {
      const typed = fold(text.trim());
      return articles
        .filter((a) => !typed || fold(a.id).includes(typed) || fold(a.title ?? "").includes(typed))
        .slice(0, limit)
        .map(articleSummary);
    },
  };
}

function buildArticle(spec: ArticleSpec): Article {
  let text = spec.title ? `${spec.title}\n\n` : "";
  const paragraphs = spec.paragraphs.map((p, i) => {
    const start = text.length;
    text += `${p}\n\n`;
    return { n: i + 1, start, end: start + p.length, text: p };
  });
  return {
    id: spec.id,
    file: `${spec.id}.txt`,
    format: "text",
    title: spec.title,
    lead: null,
    outlet: spec.outlet,
    date: spec.date,
    dateline: null,
    author: null,
    url: spec.url,
    text,
    paragraphs,
    captions: [],
  };
}
