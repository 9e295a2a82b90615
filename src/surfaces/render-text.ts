import type { Answer, AnswerItem } from "../answer.ts";
import { citationLine, citationParts } from "../cite.ts";
import { shownWords, statementLabels } from "../present.ts";

/**
 * Renders an answer for a terminal: the same evidence and citations Discord shows. With a page,
 * only those items, numbered by their rank in the whole answer.
 */
export function renderText(answer: Answer, page?: { from: number; size: number }): string {
  const lines = page && page.from > 0 ? [] : [answer.heading];
  if (answer.notice && lines.length) lines.push(`Note: ${answer.notice}`);
  const from = page?.from ?? 0;
  const to = page ? Math.min(answer.items.length, from + page.size) : answer.items.length;
  answer.items.slice(from, to).forEach((item, i) => {
    lines.push("", ...renderItem(item, from + i + 1));
  });
  if (to < answer.items.length) {
    lines.push(
      "",
      `Showing ${from + 1}–${to} of ${answer.items.length}. Type /more for the next ${Math.min(page?.size ?? 0, answer.items.length - to)}.`,
    );
  }
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
    out.push(`${pad}— ${citationLine(item.citation)}  [${citationParts(item.citation).ref}]`);
  return out;
}
