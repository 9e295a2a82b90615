/**
 * An HTML page that lays out messages as Discord's dark theme does: author and BOT tag, the
 * "used /command" line above an interaction's reply, embeds with their colour bar, fields and
 * footer, buttons, and the "Only you can see this" note under an ephemeral reply. It is built
 * from the message objects the bot sent (as the Discord stand-in holds them), never from the
 * Answer, so a picture cannot show what the bot does not send.
 */

/** The parts of a Discord API message this page shows. */
export interface ChatMessage {
  id: string;
  author: { id: string; username: string; bot?: boolean };
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  timestamp: string;
}

export interface ChatEntry {
  message: ChatMessage;
  /** For a reply to an interaction: what the user used ("/quote speaker:Peskov", "Find source"). */
  used?: { by: string; what: string };
}

export interface Scene {
  /** The picture's file name, without extension. */
  id: string;
  /** One line under the picture in the README. */
  caption: string;
  entries: ChatEntry[];
}

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

interface Button {
  type: number;
  style?: number;
  label?: string;
  disabled?: boolean;
  url?: string;
}

const EPHEMERAL = 64;
/** Discord's eye before "Only you can see this", drawn rather than left to an emoji font. */
const EYE =
  '<svg class="eye" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 5C5.6 5 2 12 2 12s3.6 7 10 7 10-7 10-7-3.6-7-10-7Zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm0-6a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z"/></svg>';
/** Discord's button styles: 1 primary (blurple), 2 secondary (grey), 3 success, 4 danger, 5 link. */
const BUTTON_CLASS: Record<number, string> = {
  1: "primary",
  2: "secondary",
  3: "success",
  4: "danger",
  5: "secondary",
};

/** The whole page: one section per scene, each with an id to capture it by. */
export function discordPage(scenes: readonly Scene[], users: ReadonlyMap<string, string>): string {
  const sections = scenes
    .map(
      (scene) =>
        `<section class="scene" id="${attr(scene.id)}"><div class="channel"># news</div>${scene.entries
          .map((e) => entryHtml(e, users))
          .join("")}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>whosaid in Discord</title>
<style>${STYLE}</style></head>
<body>
${sections}
</body></html>
`;
}

function entryHtml(entry: ChatEntry, users: ReadonlyMap<string, string>): string {
  const m = entry.message;
  const ephemeral = (m.flags & EPHEMERAL) !== 0;
  const used = entry.used
    ? `<div class="used"><span class="spine"></span><span class="mini-avatar">${initial(entry.used.by)}</span><span class="used-by">${text(entry.used.by)}</span> used <span class="command">${text(entry.used.what)}</span></div>`
    : "";
  const bot = m.author.bot ? `<span class="bot-tag">✓ APP</span>` : "";
  const time = new Date(m.timestamp).toISOString().slice(11, 16);
  const content = m.content ? `<div class="content">${markdown(m.content, users)}</div>` : "";
  const embeds = (m.embeds as Embed[]).map((e) => embedHtml(e, users)).join("");
  const rows = (m.components as { components?: Button[] }[])
    .map((row) => `<div class="buttons">${(row.components ?? []).map(buttonHtml).join("")}</div>`)
    .join("");
  const note = ephemeral
    ? `<div class="ephemeral">${EYE} Only you can see this • <span class="dismiss">Dismiss message</span></div>`
    : "";
  return `<div class="message${ephemeral ? " is-ephemeral" : ""}">${used}
<div class="row"><div class="avatar${m.author.bot ? " bot" : ""}">${initial(m.author.username)}</div>
<div class="body"><div class="header"><span class="name${m.author.bot ? " bot" : ""}">${text(m.author.username)}</span>${bot}<span class="time">Today at ${time}</span></div>
${content}${embeds}${rows}${note}</div></div></div>`;
}

function embedHtml(e: Embed, users: ReadonlyMap<string, string>): string {
  const color = `#${(e.color ?? 0x1e1f22).toString(16).padStart(6, "0")}`;
  const title = e.title
    ? `<div class="embed-title">${e.url ? `<a href="${attr(e.url)}">${markdown(e.title, users)}</a>` : markdown(e.title, users)}</div>`
    : "";
  const description = e.description
    ? `<div class="embed-description">${markdown(e.description, users)}</div>`
    : "";
  const fields = (e.fields ?? [])
    .map(
      (f) =>
        `<div class="field${f.inline ? " inline" : ""}"><div class="field-name">${markdown(f.name, users)}</div><div class="field-value">${markdown(f.value, users)}</div></div>`,
    )
    .join("");
  const footer = e.footer ? `<div class="embed-footer">${text(e.footer.text)}</div>` : "";
  return `<div class="embed" style="border-left-color:${color}">${title}${description}${fields ? `<div class="fields">${fields}</div>` : ""}${footer}</div>`;
}

function buttonHtml(b: Button): string {
  const kind = BUTTON_CLASS[b.style ?? 2] ?? "secondary";
  return `<span class="button ${kind}${b.disabled ? " disabled" : ""}">${text(b.label ?? "")}</span>`;
}

/**
 * The Markdown Discord renders in messages and embeds, as far as the bot uses it: block quotes,
 * **bold**, *italic*, `code`, masked links, backslash escapes and <@id> mentions. Everything
 * else is text.
 */
export function markdown(source: string, users: ReadonlyMap<string, string> = new Map()): string {
  const lines = source.split("\n");
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const q = /^> ?(.*)$/.exec(line);
    if (q) {
      quote.push(inline(q[1] ?? "", users));
      continue;
    }
    flush();
    out.push(line === "" ? "<br>" : `<div>${inline(line, users)}</div>`);
  }
  flush();
  return out.join("");
}

const INLINE =
  /\\([^\w\s])|\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|`([^`]+)`|\[((?:\\.|[^\]])+)\]\((https?:\/\/[^\s)]+)\)|<@!?(\d+)>/gs;

function inline(source: string, users: ReadonlyMap<string, string>): string {
  let out = "";
  let at = 0;
  for (const m of source.matchAll(INLINE)) {
    out += text(source.slice(at, m.index));
    at = (m.index ?? 0) + m[0].length;
    if (m[1] !== undefined) out += text(m[1]);
    else if (m[2] !== undefined) out += `<strong>${inline(m[2], users)}</strong>`;
    else if (m[3] !== undefined) out += `<em>${inline(m[3], users)}</em>`;
    else if (m[4] !== undefined) out += `<code>${text(m[4])}</code>`;
    else if (m[5] !== undefined) out += `<a href="${attr(m[6] ?? "")}">${inline(m[5], users)}</a>`;
    else if (m[7] !== undefined)
      out += `<span class="mention">@${text(users.get(m[7]) ?? "unknown-user")}</span>`;
  }
  return out + text(source.slice(at));
}

function initial(name: string): string {
  return text((name.trim()[0] ?? "?").toUpperCase());
}

function text(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;");
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; background: #1e1f22; font-family: "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #dbdee1; }
.scene { width: 760px; margin: 0 0 24px; padding: 8px 0 16px; background: #313338; }
.channel { color: #949ba4; font-size: 13px; font-weight: 600; padding: 4px 16px 10px; border-bottom: 1px solid #26272b; margin-bottom: 8px; }
.message { padding: 4px 16px 6px 16px; }
.message.is-ephemeral { background: rgba(88, 101, 242, 0.06); }
.used { display: flex; align-items: center; gap: 6px; font-size: 13px; color: #949ba4; margin: 2px 0 4px 20px; }
.spine { width: 30px; height: 10px; border-left: 2px solid #4e5058; border-top: 2px solid #4e5058; border-top-left-radius: 6px; margin-top: 8px; }
.mini-avatar { width: 16px; height: 16px; border-radius: 50%; background: #e67e22; color: #fff; font-size: 10px; font-weight: 700; display: inline-flex; align-items: center; justify-content: center; }
.used-by { color: #c9cdfb; }
.command { color: #00a8fc; }
.row { display: flex; gap: 16px; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #e67e22; color: #fff; font-weight: 700; font-size: 18px; display: flex; align-items: center; justify-content: center; }
.avatar.bot { background: #5865f2; }
.body { min-width: 0; flex: 1; }
.header { display: flex; align-items: baseline; gap: 6px; margin-bottom: 2px; }
.name { color: #f2f3f5; font-weight: 600; font-size: 15px; }
.bot-tag { background: #5865f2; color: #fff; font-size: 10px; font-weight: 700; padding: 1px 5px; border-radius: 3px; position: relative; top: -1px; }
.time { color: #949ba4; font-size: 12px; }
.content { font-size: 15px; line-height: 1.375; }
.mention { background: rgba(88, 101, 242, 0.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; font-weight: 500; }
.embed { max-width: 520px; background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 12px 12px; margin-top: 4px; font-size: 14px; line-height: 1.375; }
.embed-title { color: #f2f3f5; font-weight: 600; font-size: 15px; margin: 4px 0 6px; }
.embed-description { color: #dbdee1; }
.embed a { color: #00a8fc; text-decoration: none; }
blockquote { margin: 2px 0; padding: 0 8px 0 12px; border-left: 4px solid #4e5058; border-radius: 4px; }
code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-family: "DejaVu Sans Mono", monospace; font-size: 85%; }
.fields { margin-top: 8px; }
.field { margin-top: 6px; }
.field-name { color: #f2f3f5; font-weight: 600; margin-bottom: 2px; }
.field-value { color: #dbdee1; }
.embed-footer { color: #b5bac1; font-size: 12px; margin-top: 8px; }
.buttons { display: flex; gap: 8px; margin-top: 8px; }
.button { min-width: 60px; height: 32px; padding: 0 16px; border-radius: 3px; display: inline-flex; align-items: center; justify-content: center; font-size: 14px; font-weight: 500; color: #fff; }
.button.secondary { background: #4e5058; }
.button.primary { background: #5865f2; }
.button.success { background: #248046; }
.button.danger { background: #da373c; }
.button.disabled { opacity: 0.5; }
.ephemeral { color: #949ba4; font-size: 12px; margin-top: 6px; display: flex; align-items: center; gap: 4px; }
.dismiss { color: #00a8fc; }
`;
