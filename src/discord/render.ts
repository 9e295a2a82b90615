import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Answer, AnswerItem } from "../answer/answer.ts";
import { alsoInLine, citationParts } from "../answer/cite.ts";
import { shownWords, statementLabels } from "../answer/present.ts";
import type { Citation } from "../types.ts";
import { chunks, clip, fitEmbed, LIMITS } from "./limits.ts";
import { blockQuote, escapeText, link, webUrl } from "./markdown.ts";

/** One colour per meaning, the same in every command. */
export const COLORS = {
  statement: 0x3b82f6,
  denial: 0x8b5cf6,
  list: 0x10b981,
  notice: 0xf59e0b,
  invalid: 0xef4444,
} as const;

/** Custom ids for the buttons of one answer; the renderer decides which buttons appear. */
export interface ButtonIds {
  page(n: number): string;
  full(n: number): string;
  share(): string;
}

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface MessageView {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** Quotes longer than this are shortened, with a "Show full" button for the rest. */
const QUOTE_BUDGET = 1500;
const LIST_PAGE = 10;
const LIST_LINE = 360;
const FULL_CHUNK = 3900;
const FULL_MESSAGES = 5;

const isStatement = (item: AnswerItem) => item.kind === "quote" || item.kind === "passage";

/**
 * Article text escaped and shortened to `max` characters. Cut before escaping as well as after,
 * so a 50 MB paragraph costs no more to render than a short one.
 */
function plain(raw: string, max: number): string {
  return clip(escapeText(raw.length > max ? raw.slice(0, max + 1) : raw), max);
}

/** Statements page one at a time (so Share shares exactly what is shown); lists ten at a time. */
export function pageSize(answer: Answer): number {
  return answer.items.length > 0 && answer.items.every(isStatement) ? 1 : LIST_PAGE;
}

export function pageCount(answer: Answer): number {
  return Math.max(1, Math.ceil(answer.items.length / pageSize(answer)));
}

/** One page of an answer as a Discord message; `share` offers the Share button. */
export function renderAnswer(
  answer: Answer,
  page: number,
  ids: ButtonIds | null,
  options: { share: boolean },
): MessageView {
  const total = pageCount(answer);
  if (answer.items.length === 0)
    return { content: "", embeds: [noticeEmbed(answer)], components: [] };
  const size = pageSize(answer);
  const onPage = answer.items.slice(page * size, page * size + size);
  const first = onPage[0];
  let clipped = false;
  let embed: APIEmbed;
  if (size === 1 && first) {
    const shown = statementEmbed(answer, first, page, total);
    embed = shown.embed;
    clipped = shown.clipped;
  } else {
    embed = listEmbed(answer, onPage, page, total);
  }
  const buttons: APIButtonComponent[] = [];
  if (ids && total > 1) {
    buttons.push(
      button("◀", ids.page(Math.max(0, page - 1)), page === 0),
      button("▶", ids.page(Math.min(total - 1, page + 1)), page >= total - 1),
    );
  }
  if (ids && size === 1 && options.share) buttons.push(button("Share", ids.share(), false, true));
  if (ids && clipped) buttons.push(button("Show full", ids.full(page), false));
  // A fetched article's statement links to its source (a list links each title instead).
  const source = onPage.length === 1 ? webUrl(first?.citation?.url) : null;
  if (source) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: "Open article",
      url: source,
    });
  }
  const components: ButtonRow[] = buttons.length
    ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) }]
    : [];
  return { content: "", embeds: [fitEmbed(embed)], components };
}

/** The shown statement posted into the channel, saying who shared it. */
export function renderShare(shown: APIEmbed, userId: string): MessageView {
  const footer = shown.footer?.text.replace(/^Result \d+ of \d+ · /, "");
  const embed: APIEmbed = {
    title: shown.title,
    description: shown.description,
    color: shown.color,
    fields: shown.fields,
    footer: { text: clip(`Shared from whosaid${footer ? ` · ${footer}` : ""}`, LIMITS.footer) },
  };
  return { content: `Shared by <@${userId}>`, embeds: [fitEmbed(embed)], components: [] };
}

/** The whole text of a statement, over as many messages as it needs (up to a cap). */
export function renderFull(item: AnswerItem): MessageView[] {
  const most = FULL_CHUNK * FULL_MESSAGES;
  const pieces = chunks(escapeText(item.text.slice(0, most + 1)), FULL_CHUNK);
  const shown = pieces.slice(0, FULL_MESSAGES);
  const cut = pieces.length > shown.length || item.text.length > most;
  const citation = item.citation ? citationLine(item.citation) : "";
  return shown.map((piece, i) => {
    const last = i === shown.length - 1;
    const more = last && cut;
    const lines = [blockQuote(piece)];
    if (more)
      lines.push("", `…the text goes on; see \`/article id:${item.citation?.articleId ?? ""}\`.`);
    if (last && citation) lines.push("", citation);
    const embed: APIEmbed = {
      description: lines.join("\n"),
      color: COLORS.statement,
      footer: { text: `Part ${i + 1} of ${shown.length}` },
    };
    if (i === 0)
      embed.title = clip(item.speaker ? `Full text: ${item.speaker}` : "Full text", LIMITS.title);
    return { content: "", embeds: [fitEmbed(embed)], components: [] };
  });
}

/** A short message for the user alone: an error, a cooldown, a stale button. */
export function renderNotice(text: string, color: number = COLORS.notice): MessageView {
  return {
    content: "",
    embeds: [fitEmbed({ description: clip(text, LIMITS.description), color })],
    components: [],
  };
}

function noticeEmbed(answer: Answer): APIEmbed {
  return {
    title: plain(answer.heading, LIMITS.title),
    description: plain(answer.notice ?? "Nothing in the coverage matches.", LIMITS.description),
    color: answer.status === "invalid" ? COLORS.invalid : COLORS.notice,
  };
}

function statementEmbed(
  answer: Answer,
  item: AnswerItem,
  index: number,
  total: number,
): { embed: APIEmbed; clipped: boolean } {
  const text = item.text.trim();
  const quote = plain(text, QUOTE_BUDGET);
  const lines: string[] = [];
  if (answer.notice) lines.push(`ℹ️ ${plain(answer.notice, 300)}`, "");
  const who = speakerLine(item);
  // `/who` answers with a name, so the name comes first; elsewhere the words do.
  if (answer.command === "who" && who) lines.push(who, blockQuote(quote));
  else lines.push(blockQuote(quote), ...(who ? [`— ${who}`] : []));
  if (item.citation) lines.push("", citationLine(item.citation));
  if (item.citation && item.alsoIn?.length) {
    lines.push(plain(alsoInLine(item.citation, item.alsoIn), 300));
  }
  const fields: { name: string; value: string }[] = [];
  const evidence = item.evidence?.trim();
  if (evidence && evidence !== item.text.trim()) {
    fields.push({ name: "In context", value: plain(evidence, LIMITS.fieldValue) });
  }
  if (item.details?.length) {
    fields.push({ name: "Details", value: plain(item.details.join("\n"), LIMITS.fieldValue) });
  }
  if (item.alsoIn?.length) fields.push({ name: "Also in", value: appearances(item.alsoIn) });
  const position = total > 1 ? `Result ${index + 1} of ${total} · ` : "";
  const where = item.citation ? citationParts(item.citation).ref : "whosaid";
  const embed: APIEmbed = {
    title: plain(answer.heading, LIMITS.title),
    description: lines.join("\n"),
    color: item.role === "denial" || item.stance === "denial" ? COLORS.denial : COLORS.statement,
    footer: { text: clip(`${position}${where}`, LIMITS.footer) },
  };
  if (fields.length) embed.fields = fields;
  return { embed, clipped: text.length > QUOTE_BUDGET || quote !== escapeText(text) };
}

/** Each other appearance's citation, one a line; whole lines only, so no link is cut in two. */
function appearances(citations: readonly Citation[]): string {
  const lines: string[] = [];
  let length = 0;
  for (const [i, c] of citations.entries()) {
    const line = citationLine(c);
    const more = `…and ${citations.length - i} more`;
    if (length + line.length + 1 + more.length > LIMITS.fieldValue) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

function listEmbed(answer: Answer, items: AnswerItem[], page: number, total: number): APIEmbed {
  const lines: string[] = [];
  if (answer.notice) lines.push(`ℹ️ ${plain(answer.notice, 300)}`, "");
  for (const item of items) lines.push(clip(listLine(item), LIST_LINE));
  const embed: APIEmbed = {
    title: plain(answer.heading, LIMITS.title),
    description: lines.join("\n"),
    color: answer.status === "ambiguous" ? COLORS.notice : COLORS.list,
  };
  if (total > 1) embed.footer = { text: `Page ${page + 1} of ${total}` };
  return embed;
}

function listLine(item: AnswerItem): string {
  const details = item.details?.length ? ` — ${plain(item.details.join(" · "), LIST_LINE)}` : "";
  if (item.kind === "speaker") {
    const name = plain(item.speaker ?? item.text, 100);
    const summary = item.speaker && item.text !== item.speaker ? ` · ${plain(item.text, 200)}` : "";
    return `**${name}**${summary}${details}`;
  }
  if (item.kind === "article") {
    const where = item.citation ? ` · ${discordCitation(item.citation, false).join(" · ")}` : "";
    return `**${plain(item.text, 200)}**${where}${details}`;
  }
  if (item.kind === "command" || item.kind === "feed") return `${plain(item.text, 200)}${details}`;
  const who = item.speaker ? `**${plain(item.speaker, 100)}**: ` : "";
  const where = item.citation ? ` (${discordCitation(item.citation, true).join(" · ")})` : "";
  const also =
    item.citation && item.alsoIn?.length
      ? ` · ${plain(alsoInLine(item.citation, item.alsoIn), 120)}`
      : "";
  return `${who}${shownWords({ ...item, text: plain(item.text, 200) })}${where}${also}`;
}

/** "**Dmitry Peskov** told reporters (“the senior Russian official”) · denial" */
function speakerLine(item: AnswerItem): string {
  const mention = item.mention?.trim();
  let line: string;
  if (item.speaker) {
    line = `**${plain(item.speaker, 100)}**`;
    if (item.cue) line += ` ${plain(item.cue, 100)}`;
    if (mention && mention.toLowerCase() !== item.speaker.toLowerCase()) {
      line += ` (“${plain(mention, 100)}”)`;
    }
  } else if (item.kind === "quote" || mention) {
    // Never guess: say the speaker is unclear and show how the article puts it.
    line = "**Speaker unclear**";
    if (mention) line += ` — the article says “${plain(mention, 100)}”`;
    if (item.cue) line += ` ${plain(item.cue, 100)}`;
  } else {
    return "";
  }
  if (item.reportedBy) line += `, as reported by ${plain(item.reportedBy, 100)}`;
  const labels = statementLabels(item);
  return labels.length ? `${line} · ${labels.join(" · ")}` : line;
}

/** "Title · Outlet · 2018-09-03 · ¶4", the title linked to the article where its URL is known. */
export function citationLine(citation: Citation): string {
  return discordCitation(citation, true).join(" · ");
}

/** The citation's parts escaped for Discord; without the title and paragraph under a title. */
function discordCitation(citation: Citation, withTitle: boolean): string[] {
  const { title, url, outlet, when, place } = citationParts(citation);
  const parts: string[] = [];
  if (withTitle) parts.push(link(plain(title, 200), url));
  if (outlet) parts.push(plain(outlet, 100));
  if (when) parts.push(plain(when, 40));
  if (withTitle) parts.push(place);
  return parts;
}

function button(
  label: string,
  customId: string,
  disabled: boolean,
  primary = false,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label,
    custom_id: customId,
    disabled,
  };
}
