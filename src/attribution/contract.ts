import type { Attribution, AttributionType, Stance } from "../types.ts";

export interface ContractSpan {
  text: string;
  start: number;
  end: number;
}

/** One attribution as `whosaid extract --json` prints it: the contract other tools score against. */
export interface ContractAttribution {
  speaker: string | null;
  mention: ContractSpan | null;
  cue: ContractSpan | null;
  content: ContractSpan[];
  type: AttributionType;
  stance: Stance | null;
  reportedBy: string | null;
}

const plain = (s: { text: string; start: number; end: number }): ContractSpan => ({
  text: s.text,
  start: s.start,
  end: s.end,
});

/** Exactly the contract's fields, in the contract's order, and nothing else. */
export function toContract(a: Attribution): ContractAttribution {
  return {
    speaker: a.speaker,
    mention: a.mention ? plain(a.mention) : null,
    cue: a.cue ? plain(a.cue) : null,
    content: a.content.map(plain),
    type: a.type,
    stance: a.stance,
    reportedBy: a.reportedBy,
  };
}
