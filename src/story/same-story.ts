import type { Article } from "../types.ts";
import { overlap, type Sketch, sketchText } from "./sketch.ts";

/**
 * One story, many appearances: two articles are copies of one story when most of the shorter
 * one's body is in the other, five words at a time. Outlets add a headline, a dateline and
 * boilerplate of their own and edit a few words, which costs a copy a little of its overlap;
 * two articles on the same topic share phrases, not paragraphs. The threshold is set by
 * `bench/dedup.ts` (syndicated PolNeAR articles against distinct ones on the same topics).
 */
export const SAME_STORY_CONTAINMENT = 0.5;

/** The sketch of an article's body: the headline is left out, as outlets rewrite it. */
export function storySketch(article: Pick<Article, "paragraphs">): Sketch {
  return sketchText(article.paragraphs.map((p) => p.text).join("\n"));
}

export function sameStory(a: Sketch, b: Sketch): boolean {
  return overlap(a, b).containment >= SAME_STORY_CONTAINMENT;
}
