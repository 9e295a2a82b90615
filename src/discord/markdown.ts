import { escapeMarkdown } from "discord.js";

/**
 * Article text shown as text, never as formatting: `*`, `_`, `#`, lists, links and `<@id>`
 * mentions in a quote are displayed as written.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return escaped.replace(/</g, "\\<");
}

/** Text as a Markdown block quote, every line marked. */
export function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => `> ${line}`)
    .join("\n");
}

/**
 * The URL when it is a plain http(s) address Discord can link to; null otherwise. An address too
 * long to show whole would be cut mid-link by the length limits.
 */
export function webUrl(url: string | null | undefined): string | null {
  return url && url.length <= 512 && /^https?:\/\/[^\s<>]+$/i.test(url) ? url : null;
}

/** A masked link when the URL is a plain http(s) address, else the bare label. */
export function link(label: string, url: string | null | undefined): string {
  if (!webUrl(url)) return label;
  const safe = (url as string).replace(/\(/g, "%28").replace(/\)/g, "%29");
  return `[${label.replace(/[[\]]/g, "\\$&")}](${safe})`;
}

/**
 * A message's words without Discord's markup: mentions, custom emoji, timestamps and links
 * out, formatting characters dropped, so that a quoted message is read for its words alone.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<a?:\w+:\d+>|<[@#][!&]?\d+>|<t:\d+(?::\w)?>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_~`|\\]/g, "");
}
