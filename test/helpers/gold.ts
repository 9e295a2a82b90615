import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The seeds' answer key. The copy in ../shared is the reference; the fixture copy keeps
 * `npm test` whole on a machine without ../shared.
 */
const shared = fileURLToPath(new URL("../../../shared/gold/seeds.json", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/gold-seeds.json", import.meta.url));

export interface GoldAttribution {
  file: string;
  speaker: string;
  accept?: string[];
  mention: string | null;
  cue: string | null;
  type: "direct" | "indirect" | "mixed";
  stance?: "allegation" | "denial";
  reported_by?: string;
  contains: string;
}

export interface GoldArticle {
  file: string;
  outlet: string;
  title: string;
  dateline: string | null;
  boilerplate: string[];
  captions?: string[];
}

export interface GoldQuestion {
  ask: string;
  speaker: string;
  must_include?: string[];
  must_not_include_speakers?: string[];
}

export interface Gold {
  articles: GoldArticle[];
  attributions: GoldAttribution[];
  not_attributions: { file: string; text: string; why: string }[];
  entities: { name: string; roles: string[] }[];
  questions: GoldQuestion[];
  optional: { file: string; speaker: string; accept?: string[]; contains: string }[];
  /** `/who` lines nobody in the seeds is reported making. */
  not_said: { ask: string; why: string }[];
}

export const goldPath = existsSync(shared) ? shared : fixture;
export const gold: Gold = JSON.parse(readFileSync(goldPath, "utf8"));
