import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import {
  CallbackType,
  commandOptions,
  guild,
  InteractionType,
  interaction,
  type Message,
  message,
  type OptionValue,
  type Place,
  snowflake,
  type User,
  user,
} from "./payloads.ts";
import { choiceProblems, messageProblems, pings } from "./rules.ts";

/**
 * A local Discord for tests: REST v10 over `http` and the gateway over `ws`, on 127.0.0.1 and a
 * random port. It answers what discord.js asks on its way to serving interactions, records every
 * request, and rejects what the real Discord rejects (limits, double acknowledgement, late
 * first responses) with Discord's own status codes and error codes.
 */

type Json = Record<string, unknown>;

export interface StandinOptions {
  /** The bot token the stand-in accepts. */
  token?: string;
  /** How long an interaction may wait for its first response; Discord allows 3 s. */
  ackDeadlineMs?: number;
  heartbeatIntervalMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: string;
  body: unknown;
  status: number;
  /** Why the stand-in refused it, when it did. */
  problems: string[];
  at: number;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface InteractionRecord {
  id: string;
  token: string;
  payload: ReturnType<typeof interaction>;
  sentAt: number;
  callbacks: { type: number; data: unknown; at: number }[];
  /** The message the response lives in (reply, deferred reply, or the clicked message). */
  original: Message | null;
  followUps: Message[];
  choices: { name: string; value: unknown }[] | null;
  /** True once the response is final: a reply, an update, choices, or an edit after a defer. */
  answered: boolean;
}

export interface Response {
  callbackType: number;
  message: Message | null;
  choices: { name: string; value: unknown }[] | null;
}

interface Session {
  id: string;
  seq: number;
  events: GatewayFrame[];
  socket: WebSocket | null;
}

const LOADING = 128;
const EPHEMERAL = 64;

export class Standin {
  readonly token: string;
  readonly bot: User = user("whosaid", true);
  readonly user: User = user("reader");
  /** Members with Manage Server in the test guild (by user id); `reader` is not one. */
  readonly managers = new Set<string>();
  readonly appId = this.bot.id;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly requests: RecordedRequest[] = [];
  /** Every gateway frame received from the client. */
  readonly received: GatewayFrame[] = [];
  readonly messages = new Map<string, Message>();
  /** Messages posted with `POST /channels/:id/messages`. */
  readonly channelMessages: Message[] = [];
  /** Registered commands by scope: "global" or a guild id. */
  readonly commands = new Map<string, Json[]>();
  identifies = 0;
  resumes = 0;
  apiUrl = "";
  gatewayUrl = "";

  private readonly ackDeadlineMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private current: Session | null = null;
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly waiters = new Set<() => void>();
  private readonly rateLimits: { method: string; path: RegExp; retryAfter: number }[] = [];

  constructor(options: StandinOptions = {}) {
    this.token =
      options.token ?? "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.standin-token-not-a-real-one_0123456";
    this.ackDeadlineMs = options.ackDeadlineMs ?? 3000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41250;
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http, path: "/gateway" });
    this.wss.on("connection", (socket) => this.onConnection(socket));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    const { port } = this.http.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private get place(): Place {
    return { appId: this.appId, guildId: this.guildId, channelId: this.channelId };
  }

  // ---- test helpers -------------------------------------------------------------------------

  /** A user types `/name option:value ...`. */
  slash(name: string, values: Record<string, OptionValue> = {}, from: User = this.user) {
    const data = { id: this.commandId(name), name, type: 1, options: commandOptions(values) };
    return this.dispatchInteraction(InteractionType.Command, data, from);
  }

  /** A user is typing into option `focused` of `/name`. */
  autocomplete(name: string, values: Record<string, OptionValue>, focused: string) {
    const data = {
      id: this.commandId(name),
      name,
      type: 1,
      options: commandOptions(values, focused),
    };
    return this.dispatchInteraction(InteractionType.Autocomplete, data, this.user);
  }

  /** A user clicks the button `customId` on a message. */
  click(target: Message | null, customId: string, from: User = this.user) {
    if (!target) throw new Error("stand-in: no message to click a button on");
    const current = this.messages.get(target.id) ?? target;
    const data = { custom_id: customId, component_type: 2 };
    return this.dispatchInteraction(InteractionType.Component, data, from, current);
  }

  /** A user picks the message context-menu command `name` on `target`. */
  messageCommand(name: string, target: Message, from: User = this.user) {
    const data = {
      id: this.commandId(name),
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    };
    return this.dispatchInteraction(InteractionType.Command, data, from);
  }

  /** A message someone posted in the channel (the bot is not told: it has no message intents). */
  userMessage(content: string, author: User = this.user): Message {
    const posted = message(this.channelId, author, content);
    this.messages.set(posted.id, posted);
    return posted;
  }

  /** Resolves with the interaction's final response; rejects after `timeoutMs` listing refusals. */
  awaitResponse(record: InteractionRecord, timeoutMs = 5000): Promise<Response> {
    return this.until(
      () => record.answered,
      timeoutMs,
      () => `no response to interaction ${record.id}${this.refusalsFor(record)}`,
    ).then(() => ({
      callbackType: record.callbacks[0]?.type ?? 0,
      message: record.original,
      choices: record.choices,
    }));
  }

  async awaitFollowUps(record: InteractionRecord, count = 1, timeoutMs = 5000): Promise<Message[]> {
    await this.until(
      () => record.followUps.length >= count,
      timeoutMs,
      () => `only ${record.followUps.length} follow-ups to ${record.id}${this.refusalsFor(record)}`,
    );
    return record.followUps;
  }

  /** Waits until `test` holds, re-checked after every request and gateway frame. */
  until(test: () => boolean, timeoutMs = 5000, why = () => "condition not met"): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`stand-in: ${why()} after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** The next request matching `method` and `path` gets 429 with `retry_after` seconds. */
  rateLimitOnce(method: string, path: RegExp, retryAfter: number): void {
    this.rateLimits.push({ method, path, retryAfter });
  }

  /** Drops the bot's gateway connection as a network failure or a Discord restart would. */
  dropConnection(code = 4000): void {
    const socket = this.current?.socket;
    if (!socket) throw new Error("stand-in: no gateway connection to drop");
    if (this.current) this.current.socket = null;
    socket.close(code, "dropped by the stand-in");
  }

  get connected(): boolean {
    return this.current?.socket?.readyState === WebSocket.OPEN;
  }

  /** Requests the stand-in refused because they broke one of Discord's rules. */
  get refusals(): RecordedRequest[] {
    return this.requests.filter((r) => r.problems.length > 0);
  }

  // ---- gateway ------------------------------------------------------------------------------

  private onConnection(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    socket.on("message", (raw) => {
      let frame: GatewayFrame;
      try {
        frame = JSON.parse(raw.toString()) as GatewayFrame;
      } catch {
        socket.close(4002, "Error while decoding payload.");
        return;
      }
      this.received.push(frame);
      this.onFrame(socket, frame);
      this.notify();
    });
  }

  private onFrame(socket: WebSocket, frame: GatewayFrame): void {
    const d = (frame.d ?? {}) as Json;
    switch (frame.op) {
      case 1:
        socket.send(JSON.stringify({ op: 11 }));
        return;
      case 2: {
        if (d.token !== this.token) {
          socket.close(4004, "Authentication failed.");
          return;
        }
        this.identifies++;
        const session: Session = { id: snowflake(), seq: 0, events: [], socket };
        this.sessions.set(session.id, session);
        this.current = session;
        this.dispatch(session, "READY", {
          v: 10,
          user: this.bot,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          application: { id: this.appId, flags: 0 },
          shard: [0, 1],
        });
        this.dispatch(session, "GUILD_CREATE", guild(this.guildId, this.channelId, this.user.id));
        return;
      }
      case 6: {
        const session = this.sessions.get(String(d.session_id));
        if (!session || d.token !== this.token) {
          socket.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        this.resumes++;
        session.socket = socket;
        this.current = session;
        for (const event of session.events) {
          if ((event.s ?? 0) > Number(d.seq)) socket.send(JSON.stringify(event));
        }
        this.dispatch(session, "RESUMED", null);
        return;
      }
      default:
        return;
    }
  }

  /** Sends an event, or keeps it for replay on RESUME while the connection is down. */
  private dispatch(session: Session, t: string, d: unknown): void {
    session.seq++;
    const event: GatewayFrame = { op: 0, t, s: session.seq, d };
    session.events.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(event));
  }

  private dispatchInteraction(type: number, data: unknown, from: User, target?: Message) {
    const session = this.current;
    if (!session) throw new Error("stand-in: no bot has identified yet");
    const payload = interaction(this.place, from, type, data, this.managers);
    if (target) Object.assign(payload, { message: target });
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      sentAt: Date.now(),
      callbacks: [],
      original: null,
      followUps: [],
      choices: null,
      answered: false,
    };
    this.interactions.set(record.id, record);
    this.byToken.set(record.token, record);
    this.dispatch(session, "INTERACTION_CREATE", payload);
    return record;
  }

  private commandId(name: string): string {
    for (const list of this.commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found) return String(found.id);
    }
    return snowflake();
  }

  // ---- REST ---------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    let body: unknown = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path,
      query: url.search,
      body,
      status: 0,
      problems: [],
      at: Date.now(),
    };
    this.requests.push(record);
    const [status, reply, headers] = this.route(record, req.headers.authorization);
    record.status = status;
    if (status === 204) res.writeHead(204, headers).end();
    else
      res
        .writeHead(status, { "content-type": "application/json", ...headers })
        .end(JSON.stringify(reply));
    this.notify();
  }

  private route(
    r: RecordedRequest,
    authorization: string | undefined,
  ): [number, unknown, Record<string, string>?] {
    const limited = this.rateLimits.findIndex((l) => l.method === r.method && l.path.test(r.path));
    if (limited >= 0) {
      const [limit] = this.rateLimits.splice(limited, 1);
      const after = String(limit?.retryAfter ?? 1);
      return [
        429,
        { message: "You are being rate limited.", retry_after: limit?.retryAfter, global: false },
        {
          "retry-after": after,
          "x-ratelimit-limit": "1",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": after,
          "x-ratelimit-bucket": "standin-bucket",
          "x-ratelimit-scope": "user",
        },
      ];
    }
    // Interaction callbacks and webhooks authenticate by their token, not the bot's.
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path);
    if (callback) return this.callback(r, callback[1] ?? "", callback[2] ?? "");
    const hook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(r.path);
    if (hook) return this.webhook(r, hook[1] ?? "", hook[2] ?? "", hook[3]);
    if (authorization !== `Bot ${this.token}`) {
      return [401, { message: "401: Unauthorized", code: 0 }];
    }
    return this.botRoute(r);
  }

  private botRoute(r: RecordedRequest): [number, unknown] {
    const at = `${r.method} ${r.path}`;
    if (at === "GET /gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (at === "GET /gateway") return [200, { url: this.gatewayUrl }];
    if (at === "GET /users/@me") return [200, this.bot];
    if (at === "GET /applications/@me") {
      return [200, { id: this.appId, name: "whosaid", flags: 0, bot: this.bot, description: "" }];
    }
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path);
    if (commands) {
      if (commands[1] !== this.appId) return [403, { message: "Missing Access", code: 50001 }];
      const scope = commands[2] ?? "global";
      if (r.method === "GET") return [200, this.commands.get(scope) ?? []];
      if (r.method === "PUT") return this.putCommands(r, scope);
    }
    const channel = /^\/channels\/(\d+)(\/messages)?$/.exec(r.path);
    if (channel?.[2] && r.method === "POST") {
      if (channel[1] !== this.channelId) return [404, { message: "Unknown Channel", code: 10003 }];
      const problems = messageProblems(r.body);
      if (problems.length) return this.refuse(r, problems);
      const posted = this.newMessage(r.body as Json, 0);
      this.channelMessages.push(posted);
      return [200, posted];
    }
    if (channel && !channel[2] && r.method === "GET") {
      return [200, { id: channel[1], type: 0, guild_id: this.guildId, name: "news" }];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private refuse(r: RecordedRequest, problems: string[]): [number, unknown] {
    r.problems = problems;
    return [400, { message: "Invalid Form Body", code: 50035, errors: problems }];
  }

  private putCommands(r: RecordedRequest, scope: string): [number, unknown] {
    if (!Array.isArray(r.body)) return this.refuse(r, ["body: not an array"]);
    const problems = r.body.flatMap((c, i) => commandProblems(c).map((p) => `[${i}] ${p}`));
    if (problems.length) return this.refuse(r, problems);
    const stored = (r.body as Json[]).map((c) => ({
      id: snowflake(),
      application_id: this.appId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      ...(scope === "global" ? {} : { guild_id: scope }),
      ...c,
    }));
    this.commands.set(scope, stored);
    return [200, stored];
  }

  private callback(r: RecordedRequest, id: string, token: string): [number, unknown] {
    const record = this.interactions.get(id);
    if (!record || record.token !== token)
      return [404, { message: "Unknown interaction", code: 10062 }];
    if (record.callbacks.length > 0) {
      r.problems = ["interaction already acknowledged"];
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    }
    if (Date.now() - record.sentAt > this.ackDeadlineMs) {
      r.problems = [`first response after ${Date.now() - record.sentAt} ms`];
      return [404, { message: "Unknown interaction", code: 10062 }];
    }
    const body = (r.body ?? {}) as Json;
    const type = Number(body.type);
    const data = (body.data ?? {}) as Json;
    const isComponent = record.payload.type === InteractionType.Component;
    const target = (record.payload as { message?: Message }).message;
    switch (type) {
      case CallbackType.Message: {
        const problems = messageProblems(data);
        if (problems.length) return this.refuse(r, problems);
        record.original = this.newMessage(data, Number(data.flags ?? 0) & EPHEMERAL, record);
        record.answered = true;
        break;
      }
      case CallbackType.DeferMessage:
        record.original = this.newMessage(
          { content: "" },
          (Number(data.flags ?? 0) & EPHEMERAL) | LOADING,
          record,
        );
        break;
      case CallbackType.DeferUpdate:
      case CallbackType.Update: {
        if (!isComponent || !target)
          return this.refuse(r, ["update of a non-component interaction"]);
        const problems = type === CallbackType.Update ? messageProblems(data, { edit: true }) : [];
        if (problems.length) return this.refuse(r, problems);
        const shown = this.messages.get(target.id) ?? target;
        if (type === CallbackType.Update) this.edit(shown, data);
        record.original = shown;
        record.answered = type === CallbackType.Update;
        break;
      }
      case CallbackType.Autocomplete: {
        if (record.payload.type !== InteractionType.Autocomplete) {
          return this.refuse(r, ["choices for a non-autocomplete interaction"]);
        }
        const problems = choiceProblems(data);
        if (problems.length) return this.refuse(r, problems);
        record.choices = data.choices as { name: string; value: unknown }[];
        record.answered = true;
        break;
      }
      default:
        return this.refuse(r, [`unknown callback type ${type}`]);
    }
    record.callbacks.push({ type, data, at: Date.now() });
    if (!r.query.includes("with_response=true")) return [204, null];
    return [
      200,
      {
        interaction: { id, type: record.payload.type },
        resource: { type, message: record.original },
      },
    ];
  }

  private webhook(
    r: RecordedRequest,
    appId: string,
    token: string,
    messageId: string | undefined,
  ): [number, unknown] {
    const record = this.byToken.get(token);
    if (appId !== this.appId || !record) return [404, { message: "Unknown Webhook", code: 10015 }];
    if (record.callbacks.length === 0) return [404, { message: "Unknown Message", code: 10008 }];
    const body = (r.body ?? {}) as Json;
    if (messageId === undefined) {
      if (r.method !== "POST") return [405, { message: "405: Method Not Allowed", code: 0 }];
      const problems = messageProblems(body);
      if (problems.length) return this.refuse(r, problems);
      // The first follow-up after a deferred reply fills in the "thinking…" message.
      if (record.original && record.original.flags & LOADING)
        return [200, this.fillIn(record, body)];
      const sent = this.newMessage(body, Number(body.flags ?? 0) & EPHEMERAL, record);
      record.followUps.push(sent);
      return [200, sent];
    }
    const shown =
      messageId === "@original"
        ? record.original
        : ([record.original, ...record.followUps].find((msg) => msg?.id === messageId) ?? null);
    if (!shown) return [404, { message: "Unknown Message", code: 10008 }];
    if (r.method === "GET") return [200, shown];
    if (r.method === "DELETE") {
      this.messages.delete(shown.id);
      return [204, null];
    }
    if (r.method !== "PATCH") return [405, { message: "405: Method Not Allowed", code: 0 }];
    const problems = messageProblems(body, { edit: true });
    if (problems.length) return this.refuse(r, problems);
    if (shown === record.original) return [200, this.fillIn(record, body)];
    this.edit(shown, body);
    return [200, shown];
  }

  private fillIn(record: InteractionRecord, body: Json): Message {
    const shown = record.original as Message;
    this.edit(shown, body);
    shown.flags &= ~LOADING;
    record.answered = true;
    return shown;
  }

  private edit(shown: Message, body: Json): void {
    if (typeof body.content === "string") shown.content = body.content;
    if (Array.isArray(body.embeds)) shown.embeds = body.embeds;
    if (Array.isArray(body.components)) shown.components = body.components;
    if (body.allowed_mentions !== undefined) shown.allowed_mentions = body.allowed_mentions;
    shown.mention_everyone = pings(shown as unknown as Json).everyone;
    shown.edited_timestamp = new Date().toISOString();
  }

  private newMessage(body: Json, flags: number, from?: InteractionRecord): Message {
    const created = message(
      this.channelId,
      this.bot,
      typeof body.content === "string" ? body.content : "",
    );
    created.embeds = Array.isArray(body.embeds) ? body.embeds : [];
    created.components = Array.isArray(body.components) ? body.components : [];
    created.flags = flags;
    created.allowed_mentions = body.allowed_mentions;
    const pinged = pings(body);
    created.mention_everyone = pinged.everyone;
    created.mentions = pinged.users.map((id) => ({ id }));
    created.mention_roles = pinged.roles;
    if (from) {
      created.webhook_id = this.appId;
      created.application_id = this.appId;
      created.interaction_metadata = {
        id: from.id,
        type: from.payload.type,
        user: from.payload.member.user,
        authorizing_integration_owners: from.payload.authorizing_integration_owners,
      };
    }
    this.messages.set(created.id, created);
    return created;
  }

  private refusalsFor(record: InteractionRecord): string {
    const mine = this.refusals.filter(
      (r) => r.path.includes(record.token) || r.path.includes(record.id),
    );
    return mine.length ? `; refused: ${mine.map((r) => r.problems.join(", ")).join(" | ")}` : "";
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const CHAT_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** Discord's checks on an application command definition. */
function commandProblems(command: unknown): string[] {
  if (typeof command !== "object" || command === null) return ["not an object"];
  const c = command as Json;
  const type = Number(c.type ?? 1);
  const name = String(c.name ?? "");
  const problems: string[] = [];
  if (type === 1) {
    if (!CHAT_NAME.test(name)) problems.push(`name "${name}" is not a valid slash command name`);
    const description = String(c.description ?? "");
    if (description.length < 1 || description.length > 100) problems.push("description: 1..100");
  } else if (name.length < 1 || name.length > 32) {
    problems.push(`name "${name}": 1..32 characters`);
  }
  const options = Array.isArray(c.options) ? (c.options as Json[]) : [];
  if (options.length > 25) problems.push("options: more than 25");
  let optionalSeen = false;
  for (const o of options) {
    if (!CHAT_NAME.test(String(o.name))) problems.push(`option "${String(o.name)}": invalid name`);
    const d = String(o.description ?? "");
    if (d.length < 1 || d.length > 100)
      problems.push(`option "${String(o.name)}": description 1..100`);
    if (o.required && optionalSeen)
      problems.push(`option "${String(o.name)}": required after optional`);
    if (!o.required) optionalSeen = true;
  }
  return problems;
}
