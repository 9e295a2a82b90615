import type { APIEmbed } from "discord.js";

/** Discord's limits on what a bot may send; a message over any of them is refused outright. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = "…";

/**
 * Shortens text to at most `max` characters, cutting at a word boundary where one is near and
 * marking the cut with an ellipsis. Counts UTF-16 units, which is never less than Discord's count.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - ELLIPSIS.length);
  const space = cut.search(/\s\S*$/);
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  // Never leave half a surrogate pair or a dangling escape backslash at the cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Splits text into pieces of at most `max` characters, at word boundaries where possible. */
export function chunks(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = rest.slice(0, max);
    const space = cut.search(/\s\S*$/);
    if (space > max * 0.6) cut = cut.slice(0, space);
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    if ((/\\+$/.exec(cut)?.[0].length ?? 0) % 2 === 1) cut = cut.slice(0, -1);
    if (cut.trim() === "") cut = rest.slice(0, max);
    pieces.push(cut.trimEnd());
    rest = rest.slice(cut.length).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The characters of an embed that count towards the 6000 total. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

/**
 * Brings an embed within every limit: each part clipped to its own limit, surplus fields
 * dropped, then fields and description shortened until the total fits. A last guard: the
 * renderer budgets its text so that this normally changes nothing.
 */
export function fitEmbed(embed: APIEmbed, budget: number = LIMITS.embedTotal): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = clip(fitted.title, LIMITS.title);
  if (fitted.description !== undefined) {
    fitted.description = clip(fitted.description, LIMITS.description);
  }
  if (fitted.footer)
    fitted.footer = { ...fitted.footer, text: clip(fitted.footer.text, LIMITS.footer) };
  if (fitted.author)
    fitted.author = { ...fitted.author, name: clip(fitted.author.name, LIMITS.author) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: clip(f.name, LIMITS.fieldName) || "\u200b",
      value: clip(f.value, LIMITS.fieldValue) || "\u200b",
    }));
  }
  while (embedLength(fitted) > budget && fitted.fields && fitted.fields.length > 0) {
    fitted.fields = fitted.fields.slice(0, -1);
  }
  const over = embedLength(fitted) - budget;
  if (over > 0 && fitted.description) {
    fitted.description = clip(fitted.description, Math.max(1, fitted.description.length - over));
  }
  return fitted;
}
