import type { Answer, AnswerItem } from "../answer.ts";
import { citationLine, citationRef } from "../cite.ts";
import { shownWords, statementLabels } from "../present.ts";

/** Renders an answer for a terminal: the same evidence and citations Discord shows. */
export function renderText(answer: Answer): string {
  const lines = [answer.heading];
  if (answer.notice) lines.push(`Note: ${answer.notice}`);
  answer.items.forEach((item, i) => {
    lines.push("", ...renderItem(item, i + 1));
  });
  return lines.join("\n");
}

function renderItem(item: AnswerItem, rank: number): string[] {
  const out: string[] = [];
  const pad = " ".repeat(String(rank).length + 2);
  if (item.kind === "quote") {
    const who = item.speaker ?? `Unclear speaker (the article says “${item.mention ?? "?"}”)`;
    const role = item.role === "denial" ? "Denied by " : "";
    const how = [item.cue, ...statementLabels(item)].filter(Boolean).join(", ");
    out.push(
      `${rank}. ${role}${who}${how ? ` (${how})` : ""}${item.reportedBy ? `, as reported by ${item.reportedBy}` : ""}`,
    );
    out.push(`${pad}${shownWords(item)}`);
    if (item.evidence && item.evidence !== item.text) out.push(`${pad}Evidence: ${item.evidence}`);
  } else {
    out.push(`${rank}. ${item.text}`);
  }
  for (const d of item.details ?? []) out.push(`${pad}${d}`);
  if (item.citation)
    out.push(`${pad}— ${citationLine(item.citation)}  [${citationRef(item.citation)}]`);
  return out;
}
