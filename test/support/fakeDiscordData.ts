/** The ids and objects the fake Discord serves: its one application, guild and channel, and Discord-shaped payloads. */

export type Json = Record<string, any>;

export const FAKE_IDS = {
  application: "1100000000000000001",
  guild: "1100000000000000002",
  channel: "1100000000000000003",
} as const;

export const BOT_USER = { id: FAKE_IDS.application, username: "newsbot", discriminator: "0", global_name: null, avatar: null, bot: true };

let nextId = 1_200_000_000_000_000_000n;
/** Increasing snowflakes, unique across fakes in one test process. */
export const snowflake = () => String(nextId++);

/** A full message object as the gateway and REST API send it. */
export function messageData<T extends { id: string; channel_id: string; author: Json }>(fields: T): Json & T {
  return {
    guild_id: FAKE_IDS.guild,
    content: "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...fields,
  };
}

/** GUILD_CREATE for the fake's guild, or another one like it (the same name, and one text channel). */
export function guildCreate(id: string = FAKE_IDS.guild, channel: string = FAKE_IDS.channel): Json {
  return {
    id,
    name: "Newsroom",
    icon: null,
    owner_id: "1100000000000000099",
    unavailable: false,
    member_count: 2,
    large: false,
    features: [],
    emojis: [],
    stickers: [],
    roles: [{ id, name: "@everyone", permissions: "1024", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: [{ id: channel, type: 0, name: "news", position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: new Date().toISOString(),
  };
}
