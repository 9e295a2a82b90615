/**
 * The parts the attribution reader finds in a sentence, as token ranges: cues, phrases and
 * statements. Their own module, so that the readers that pass them to each other (cues,
 * phrases, frames, content, statements) import one leaf for the types and not each other.
 */
import type { AttributionType } from "../types.ts";
import type { Sentence } from "./sentences.ts";
import type { CueKind } from "./speech-verbs.ts";

/** A token range [from, to) of one sentence. */
export interface Range {
  from: number;
  to: number;
}

export type CueForm =
  | "verb"
  | "participle"
  | "according"
  | "nominal"
  | "colon"
  | "quoted"
  | "question"
  | "hearsay";

/** A reporting cue in a sentence: tokens [from, to) with the verb at `verb`. */
export interface Cue {
  form: CueForm;
  /** The verb reports speech only when "that", a quotation or a colon follows (or precedes). */
  thatOnly: boolean;
  kind: CueKind | "according";
  verb: number;
  from: number;
  to: number;
  /** The phrase that names the speaker: a colon's label, a statement noun's owner. */
  label?: Range;
}

/** One reported statement found in a sentence, before its speaker is resolved. */
export interface Statement {
  sentence: Sentence;
  cue: Cue | null;
  /** Tokens that name the speaker; null when the speaker is carried over. */
  mention: Range | null;
  /** What the mention stands for when it is a relative pronoun ("Peskov, who said ..."). */
  antecedent: Range | null;
  /** The speaker is the one of the statement before (", adding ...", a lone quotation). */
  inherit: boolean;
  /** Content as token ranges of the sentence. */
  content: Range[];
  type: AttributionType;
  /** "According to the newspaper, X told ...": who reports this statement. */
  reporter: Range | null;
  /** Tokens covered by mention and cue: the frame of the statement. */
  frame: Range;
}
