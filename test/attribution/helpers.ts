import { extractAttributions } from "../../src/attribution/extract.ts";
import { splitBlocks } from "../../src/corpus/blocks.ts";
import { emptyContent } from "../../src/corpus/outcome.ts";
import type { Article, Attribution, Extraction, TextSpan } from "../../src/types.ts";

/**
 * A minimal parsed article for unit tests: blocks separated by blank lines are body
 * paragraphs, except those listed as the title or as captions.
 */
export function articleOf(
  text: string,
  options: { id?: string; title?: string; captions?: string[] } = {},
): Article {
  const blocks = splitBlocks(text);
  const captions: TextSpan[] = [];
  const paragraphs: Article["paragraphs"] = [];
  for (const block of blocks) {
    if (block.text === options.title) continue;
    if (options.captions?.includes(block.text)) captions.push(block);
    else paragraphs.push({ ...block, n: paragraphs.length + 1 });
  }
  return {
    ...emptyContent(text),
    id: options.id ?? "test",
    file: `${options.id ?? "test"}.txt`,
    format: "text",
    title: options.title ?? null,
    paragraphs,
    captions,
  };
}

export function extract(text: string, options?: Parameters<typeof articleOf>[1]): Extraction {
  return extractAttributions(articleOf(text, options));
}

export function attributions(
  text: string,
  options?: Parameters<typeof articleOf>[1],
): Attribution[] {
  return extract(text, options).attributions;
}

export const contentOf = (a: Attribution | undefined) =>
  a ? a.content.map((c) => c.text).join(" ") : "";

/** The one attribution whose content includes `words`; fails the test when there is none. */
export function find(list: Attribution[], words: string): Attribution {
  const hit = list.find((a) => contentOf(a).includes(words));
  if (!hit) {
    throw new Error(`no attribution with "${words}" in ${JSON.stringify(list.map(contentOf))}`);
  }
  return hit;
}
