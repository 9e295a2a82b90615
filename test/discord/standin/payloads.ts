/** Discord API v10 objects as the stand-in hands them to discord.js. */

const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

/** A fresh snowflake: time-ordered and unique within the process, like Discord's. */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export interface User {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export function user(username: string, bot = false): User {
  return { id: snowflake(), username, global_name: null, discriminator: "0", avatar: null, bot };
}

export function guild(id: string, channelId: string, ownerId: string) {
  return {
    id,
    name: "Newsroom",
    icon: null,
    owner_id: ownerId,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id, name: "@everyone", permissions: "2248473465835073", position: 0, color: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    channels: [channel(channelId, id)],
  };
}

export function channel(id: string, guildId: string) {
  return { id, type: 0, guild_id: guildId, name: "news", position: 0, permission_overwrites: [] };
}

/** What members may do in the test guild; a manager also has Manage Server. */
const MEMBER_PERMISSIONS = 2248473465835073n;
const MANAGE_GUILD = 1n << 5n;

/** A member of the test guild; `managers` holds the ids of those with Manage Server. */
export function member(u: User, managers: ReadonlySet<string> = new Set()) {
  const permissions = managers.has(u.id) ? MEMBER_PERMISSIONS | MANAGE_GUILD : MEMBER_PERMISSIONS;
  return {
    user: u,
    roles: [],
    nick: null,
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: String(permissions),
  };
}

export interface Message {
  id: string;
  type: number;
  channel_id: string;
  author: User;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  mentions: unknown[];
  mention_roles: string[];
  mention_everyone: boolean;
  pinned: boolean;
  tts: boolean;
  timestamp: string;
  edited_timestamp: string | null;
  flags: number;
  allowed_mentions?: unknown;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: unknown;
}

export function message(channelId: string, author: User, content: string): Message {
  return {
    id: snowflake(),
    type: 0,
    channel_id: channelId,
    author,
    content,
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
  };
}

export const InteractionType = { Command: 2, Component: 3, Autocomplete: 4 } as const;
export const CallbackType = {
  Message: 4,
  DeferMessage: 5,
  DeferUpdate: 6,
  Update: 7,
  Autocomplete: 8,
} as const;

export interface Place {
  appId: string;
  guildId: string;
  channelId: string;
}

/** The fields every interaction carries; discord.js reads `entitlements` and
 * `authorizing_integration_owners` unconditionally. */
export function interaction(
  place: Place,
  u: User,
  type: number,
  data: unknown,
  managers?: ReadonlySet<string>,
) {
  return {
    id: snowflake(),
    application_id: place.appId,
    type,
    data,
    token: `itoken-${snowflake()}`,
    version: 1,
    guild_id: place.guildId,
    channel_id: place.channelId,
    channel: channel(place.channelId, place.guildId),
    member: member(u, managers),
    app_permissions: "2248473465835073",
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": place.guildId },
    context: 0,
    attachment_size_limit: 8388608,
  };
}

export type OptionValue = string | number | boolean;

const optionType = (v: OptionValue) =>
  typeof v === "boolean" ? 5 : typeof v === "number" ? (Number.isInteger(v) ? 4 : 10) : 3;

export function commandOptions(values: Record<string, OptionValue>, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: optionType(value),
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}
