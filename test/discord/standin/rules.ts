/**
 * The checks Discord's API makes on what a bot sends, as the stand-in enforces them. Written
 * from Discord's documentation independently of src/discord/limits.ts, so a bug there is caught
 * here rather than agreed with.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === "string" ? [...v].length : 0);

/** Problems with a message body (create, edit, interaction response data); empty when valid. */
export function messageProblems(body: unknown, options: { edit?: boolean } = {}): string[] {
  if (!isObject(body)) return ["body is not an object"];
  const problems: string[] = [];
  const content = body.content;
  if (content !== undefined && content !== null && typeof content !== "string") {
    problems.push("content: not a string");
  }
  if (len(content) > 2000) problems.push(`content: ${len(content)} > 2000 characters`);
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds[${i}]`;
    if (!isObject(embed)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const check = (name: string, value: unknown, max: number) => {
      if (value === undefined || value === null) return;
      if (typeof value !== "string") problems.push(`${at}.${name}: not a string`);
      else if (len(value) > max) problems.push(`${at}.${name}: ${len(value)} > ${max}`);
      total += len(value);
    };
    check("title", embed.title, 256);
    check("description", embed.description, 4096);
    if (isObject(embed.footer)) check("footer.text", embed.footer.text, 2048);
    if (isObject(embed.author)) check("author.name", embed.author.name, 256);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > 25) problems.push(`${at}.fields: ${fields.length} > 25`);
    fields.forEach((field, j) => {
      if (!isObject(field)) return;
      if (len(field.name) === 0) problems.push(`${at}.fields[${j}].name: empty`);
      if (len(field.value) === 0) problems.push(`${at}.fields[${j}].value: empty`);
      check(`fields[${j}].name`, field.name, 256);
      check(`fields[${j}].value`, field.value, 1024);
    });
    if (embed.url !== undefined && !/^https?:\/\//.test(String(embed.url))) {
      problems.push(`${at}.url: not an http(s) URL`);
    }
  });
  if (total > 6000) problems.push(`embeds: ${total} > 6000 characters in total`);
  problems.push(...componentProblems(body.components));
  const empty =
    len(content) === 0 &&
    embeds.length === 0 &&
    !(Array.isArray(body.components) && body.components.length > 0);
  if (empty && !options.edit) problems.push("cannot send an empty message");
  return problems;
}

function componentProblems(components: unknown): string[] {
  if (components === undefined || components === null) return [];
  if (!Array.isArray(components)) return ["components: not an array"];
  const problems: string[] = [];
  if (components.length > 5) problems.push(`components: ${components.length} > 5 rows`);
  const ids = new Set<string>();
  components.forEach((row, i) => {
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) {
      problems.push(`components[${i}]: not an action row`);
      return;
    }
    if (row.components.length === 0) problems.push(`components[${i}]: empty row`);
    if (row.components.length > 5) problems.push(`components[${i}]: ${row.components.length} > 5`);
    row.components.forEach((button, j) => {
      const at = `components[${i}].components[${j}]`;
      if (!isObject(button) || button.type !== 2) return;
      if (len(button.label) > 80) problems.push(`${at}.label: ${len(button.label)} > 80`);
      if (button.style === 5) {
        if (typeof button.url !== "string") problems.push(`${at}: link button without url`);
        return;
      }
      const id = button.custom_id;
      if (typeof id !== "string" || len(id) === 0) problems.push(`${at}.custom_id: missing`);
      else if (len(id) > 100) problems.push(`${at}.custom_id: ${len(id)} > 100`);
      else if (ids.has(id)) problems.push(`${at}.custom_id: duplicate`);
      else ids.add(id);
    });
  });
  return problems;
}

/** Problems with an autocomplete answer; empty when valid. */
export function choiceProblems(data: unknown): string[] {
  if (!isObject(data) || !Array.isArray(data.choices)) return ["choices: missing"];
  const problems: string[] = [];
  if (data.choices.length > 25) problems.push(`choices: ${data.choices.length} > 25`);
  data.choices.forEach((choice, i) => {
    if (!isObject(choice)) {
      problems.push(`choices[${i}]: not an object`);
      return;
    }
    const name = len(choice.name);
    if (name < 1 || name > 100) problems.push(`choices[${i}].name: length ${name} not in 1..100`);
    if (typeof choice.value === "string") {
      const value = len(choice.value);
      if (value < 1 || value > 100)
        problems.push(`choices[${i}].value: length ${value} not in 1..100`);
    }
  });
  return problems;
}

/** What Discord would ping for this message, given its content and allowed_mentions. */
export function pings(body: Json): { everyone: boolean; users: string[]; roles: string[] } {
  const content = typeof body.content === "string" ? body.content : "";
  const allowed = isObject(body.allowed_mentions) ? body.allowed_mentions : null;
  // Without allowed_mentions Discord parses every kind of mention in the content.
  const parse = new Set(
    allowed ? (Array.isArray(allowed.parse) ? allowed.parse : []) : ["everyone", "users", "roles"],
  );
  const listed = (key: string) =>
    (allowed && Array.isArray(allowed[key]) ? allowed[key] : []) as string[];
  const found = (re: RegExp) => [...content.matchAll(re)].map((m) => m[1] ?? "");
  const users = found(/<@!?(\d+)>/g).filter(
    (id) => parse.has("users") || listed("users").includes(id),
  );
  const roles = found(/<@&(\d+)>/g).filter(
    (id) => parse.has("roles") || listed("roles").includes(id),
  );
  return { everyone: parse.has("everyone") && /@(everyone|here)/.test(content), users, roles };
}
