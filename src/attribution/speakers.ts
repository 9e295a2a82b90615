import type { Extraction, Speaker } from "../types.ts";

/** The corpus-wide speakers: one person is one speaker, whatever each article calls them. */
export interface SpeakerRegistry {
  speakers: Speaker[];
  /** The corpus-wide speaker id for an article's canonical speaker name, or null. */
  idFor(articleId: string, name: string): string | null;
}

/** Merges the per-article entities and attributions into corpus-wide speakers. Pure. */
export function buildSpeakerRegistry(
  _extractions: ReadonlyMap<string, Extraction>,
): SpeakerRegistry {
  return { speakers: [], idFor: () => null };
}
