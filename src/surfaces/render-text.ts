import type { Answer, AnswerItem } from "../answer/answer.ts";
import { alsoInLine, citationLine, citationParts } from "../answer/cite.ts";
import { shownWords, statementLabels } from "../answer/present.ts";

/** Items shown at once; /more shows the next ones. */
const PAGE = 10;
/** Paragraphs of an article shown at once: an article of ordinary length reads in one answer. */
const ARTICLE_PAGE = 80;

/** How many items one screen of this answer shows. */
export function pageSize(answer: Answer): number {
  return answer.command === "article" ? ARTICLE_PAGE : PAGE;
}

/**
 * Renders an answer for a terminal: the same evidence and citations Discord shows. With a page,
 * only those items, numbered by their rank in the whole answer.
 */
export function renderText(answer: Answer, page?: { from: number; size: number }): string {
  if (answer.command === "article" && answer.status === "ok") return renderArticle(answer, page);
  const lines = page && page.from > 0 ? [] : [answer.heading];
  if (answer.notice && lines.length) lines.push(`Note: ${answer.notice}`);
  const from = page?.from ?? 0;
  const to = page ? Math.min(answer.items.length, from + page.size) : answer.items.length;
  answer.items.slice(from, to).forEach((item, i) => {
    lines.push("", ...renderItem(item, from + i + 1));
  });
  return [...lines, ...moreLine(answer, to, page)].join("\n");
}

function moreLine(answer: Answer, to: number, page?: { from: number; size: number }): string[] {
  if (to >= answer.items.length) return [];
  const next = Math.min(page?.size ?? 0, answer.items.length - to);
  return [
    "",
    `Showing ${(page?.from ?? 0) + 1}–${to} of ${answer.items.length}. Type /more for the next ${next}.`,
  ];
}

/**
 * An article reads as one text: its citation once under the title, the lead, then the
 * paragraphs numbered as citations number them (¶N).
 */
function renderArticle(answer: Answer, page?: { from: number; size: number }): string {
  const from = page?.from ?? 0;
  const to = page ? Math.min(answer.items.length, from + page.size) : answer.items.length;
  const lines: string[] = [];
  const citation = answer.items[0]?.citation;
  if (from === 0) {
    lines.push(answer.heading);
    if (citation) {
      const where = [citation.outlet, citation.date ?? citation.dateline, citation.url];
      const shown = where.filter(Boolean);
      lines.push(`${shown.length ? `${shown.join(" · ")}  ` : ""}[${citation.articleId}]`);
    }
    if (answer.notice) lines.push("", answer.notice);
  }
  for (const item of answer.items.slice(from, to)) {
    lines.push("", `¶${item.citation?.paragraph ?? "?"} ${item.text}`);
  }
  return [...lines, ...moreLine(answer, to, page)].join("\n");
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
  // A fetched article's source, where the reader can open it.
  if (item.citation?.url) out.push(`${pad}  ${item.citation.url}`);
  // Copies of the same story elsewhere, each with its own citation.
  if (item.citation && item.alsoIn?.length) {
    out.push(`${pad}${alsoInLine(item.citation, item.alsoIn)}`);
    for (const c of item.alsoIn) {
      out.push(
        `${pad}  — ${citationLine(c)}  [${citationParts(c).ref}]${c.url ? `  ${c.url}` : ""}`,
      );
    }
  }
  return out;
}
