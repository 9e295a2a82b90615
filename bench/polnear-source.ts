/**
 * Real English for the benchmark corpus: the PolNeAR train articles, cut into paragraphs whose
 * people, weekdays and months become slots, so recombined articles read like news but differ.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Draft, Person, Slot, Source, Template } from "./draft.ts";
import type { Rng } from "./random.ts";
import { blocksOf } from "./shape.ts";
import { FIRST_NAMES, MONTHS, NOT_SURNAMES, WEEKDAYS } from "./vocabulary.ts";

interface Position {
  article: number;
  paragraph: number;
}

interface SourceArticle {
  title: Template;
  paragraphs: Template[];
}

const SURNAME = "(?:Mc|Mac|O['’]|De|Di|La|Le)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
const FULL = `\\b(?<f>${FIRST_NAMES.join("|")})(?:\\s[A-Z]\\.)?\\s(?<l>${SURNAME})\\b`;
// "May" is a verb too often to be a month slot.
const MONTH_WORDS = MONTHS.filter((m) => m !== "May");

/** Share of a recombined article taken from its base article; the rest comes from others. */
const BASE_SHARE = 0.6;

/** Every text of a PolNeAR `text/` folder, in name order; null when the folder is not there. */
export async function loadPolnearTexts(textDir: string): Promise<string[] | null> {
  let names: string[];
  try {
    names = (await readdir(textDir)).filter((n) => n.endsWith(".txt")).sort();
  } catch {
    return null;
  }
  return Promise.all(names.map((n) => readFile(join(textDir, n), "utf8")));
}

/** Paragraphs a source article and a generated one have at least. */
const MIN_PARAGRAPHS = 3;

export function polnearSource(texts: readonly string[]): Source {
  const registry = new Registry();
  const articles = texts
    .map((text) => templateArticle(text, registry))
    // A few PolNeAR texts are an abstract only ("ABSTRACT."): no article to build on.
    .filter((a) => a.paragraphs.length >= MIN_PARAGRAPHS);
  if (articles.length < 2) throw new Error("PolNeAR source holds fewer than two articles");
  const counts = articles.map((a) => a.paragraphs.length);
  const flat = articles.flatMap((a, article) =>
    a.paragraphs.map((_, paragraph) => ({ article, paragraph })),
  );
  return {
    kind: "polnear",
    people: registry.people,
    keepPeople: 0.35,
    draft: (rng) => recombine(rng, articles, counts, flat),
  };
}

/** One key per full name across the whole source. */
class Registry {
  readonly people: Person[] = [];
  private readonly keys = new Map<string, number>();

  keyOf(first: string, last: string): number {
    const name = `${first} ${last}`;
    let key = this.keys.get(name);
    if (key === undefined) {
      key = this.people.length;
      this.keys.set(name, key);
      this.people.push({ first, last });
    }
    return key;
  }
}

/**
 * A base article's opening paragraphs, then runs of paragraphs from others. Runs start at a
 * paragraph drawn evenly from the whole source, not at an article drawn evenly: short articles
 * have long paragraphs, and drawing by article would make the corpus wordier than PolNeAR.
 */
function recombine(rng: Rng, articles: SourceArticle[], counts: number[], flat: Position[]): Draft {
  const want = Math.max(MIN_PARAGRAPHS, rng.pick(counts));
  const base = articles[rng.pick(flat).article] as SourceArticle;
  const paragraphs = base.paragraphs.slice(0, Math.max(1, Math.round(want * BASE_SHARE)));
  while (paragraphs.length < want) {
    const at = rng.pick(flat);
    const other = articles[at.article] as SourceArticle;
    if (other === base) continue;
    const run = Math.min(want - paragraphs.length, rng.between(1, 5));
    paragraphs.push(...other.paragraphs.slice(at.paragraph, at.paragraph + run));
  }
  return { title: base.title, paragraphs };
}

function templateArticle(text: string, registry: Registry): SourceArticle {
  // First pass: the people named in full, so a bare "Clinton" later can point at one of them.
  const mentions = new Map<number, number>();
  for (const m of text.matchAll(new RegExp(FULL, "g"))) {
    const { f, l } = m.groups as { f: string; l: string };
    if (NOT_SURNAMES.has(l)) continue;
    const key = registry.keyOf(f, l);
    mentions.set(key, (mentions.get(key) ?? 0) + 1);
  }
  const byLast = new Map<string, number>();
  const byFirst = new Map<string, number | null>();
  // Most mentioned first, so a shared surname goes to whoever the article is most about.
  for (const [key] of [...mentions].sort((a, b) => b[1] - a[1])) {
    const person = registry.people[key] as Person;
    if (!byLast.has(person.last)) byLast.set(person.last, key);
    // A first name alone is a slot only when one person in the article has it.
    byFirst.set(person.first, byFirst.has(person.first) ? null : key);
  }
  const firsts = [...byFirst].filter((e): e is [string, number] => e[1] !== null);
  const pattern = new RegExp(
    [
      `(?<full>${FULL})`,
      byLast.size > 0
        ? `(?<last>\\b(?:${[...byLast.keys()].map(escapeRegExp).join("|")})\\b)`
        : null,
      firsts.length > 0 ? `(?<first>\\b(?:${firsts.map((e) => e[0]).join("|")})\\b)` : null,
      `(?<weekday>\\b(?:${WEEKDAYS.join("|")})\\b)`,
      `(?<month>\\b(?:${MONTH_WORDS.join("|")})\\b)`,
    ]
      .filter((p) => p !== null)
      .join("|"),
    "g",
  );
  const slots = (match: RegExpMatchArray): Slot | null => {
    const g = match.groups as Record<string, string | undefined>;
    if (g.full !== undefined) {
      if (NOT_SURNAMES.has(g.l as string)) return null;
      return { person: registry.keyOf(g.f as string, g.l as string), form: "full" };
    }
    if (g.last !== undefined) return { person: byLast.get(g.last) as number, form: "last" };
    if (g.first !== undefined) return { person: byFirst.get(g.first) as number, form: "first" };
    if (g.weekday !== undefined) return { weekday: WEEKDAYS.indexOf(g.weekday) };
    return { month: MONTHS.indexOf(g.month as string) };
  };
  const template = (block: string): Template => {
    const out: Template = [];
    let at = 0;
    for (const m of block.matchAll(pattern)) {
      const slot = slots(m);
      if (slot === null) continue;
      const index = m.index as number;
      if (index > at) out.push(block.slice(at, index));
      out.push(slot);
      at = index + m[0].length;
    }
    if (at < block.length) out.push(block.slice(at));
    return out;
  };
  const [title = "", ...paragraphs] = blocksOf(text);
  return { title: template(title), paragraphs: paragraphs.map(template) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
