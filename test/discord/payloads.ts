import { BOT_USER, FAKE_IDS, messageData, snowflake } from "../support/fakeDiscord.js";

/** Gateway payloads a user's actions produce, shaped as Discord sends them. */

const ALL_PERMISSIONS = "2248473465835073";

function userData(id: string) {
  return { id, username: `user${id.slice(-4)}`, discriminator: "0", global_name: `User ${id.slice(-4)}`, avatar: null };
}

function interaction(type: number, data: object, userId: string, channel: { id: string; type?: number; parent_id?: string } = { id: FAKE_IDS.channel }) {
  const id = snowflake();
  return {
    id,
    application_id: FAKE_IDS.application,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: FAKE_IDS.guild,
    channel_id: channel.id,
    channel: { type: 0, name: "news", guild_id: FAKE_IDS.guild, ...channel },
    member: { user: userData(userId), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: ALL_PERMISSIONS },
    app_permissions: ALL_PERMISSIONS,
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": FAKE_IDS.guild },
    context: 0,
    attachment_size_limit: 10_485_760,
    data,
  };
}

export function slashCommand(name: string, options: Record<string, string | boolean>, userId: string, channel?: { id: string; type?: number; parent_id?: string }) {
  const optionData = Object.entries(options).map(([option, value]) => ({ name: option, type: typeof value === "boolean" ? 5 : 3, value }));
  return interaction(2, { id: snowflake(), name, type: 1, options: optionData }, userId, channel);
}

/** A slash command with one attachment option, the file as Discord resolves it (on its CDN; here any address). */
export function slashCommandWithFile(name: string, option: string, file: { filename: string; size: number; url: string }, userId: string) {
  const id = snowflake();
  const attachment = { id, filename: file.filename, size: file.size, url: file.url, proxy_url: file.url, content_type: "text/plain; charset=utf-8" };
  return interaction(2, { id: snowflake(), name, type: 1, options: [{ name: option, type: 11, value: id }], resolved: { attachments: { [id]: attachment } } }, userId);
}

export function autocomplete(name: string, option: string, typed: string, userId: string) {
  return interaction(4, { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] }, userId);
}

export function buttonPress(customId: string, message: object, userId: string) {
  return { ...interaction(3, { custom_id: customId, component_type: 2 }, userId), message };
}

export function messageMenu(name: string, target: { id: string }, userId: string) {
  return interaction(2, { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } }, userId);
}

/** A message a person posts; mentioning the bot adds it to `mentions` as Discord does. */
export function userMessage(content: string, userId: string, extra: { channelId?: string; replyTo?: { id: string; channel_id: string; author: object } } = {}) {
  const mentionsBot = content.includes(`<@${BOT_USER.id}>`);
  const { replyTo } = extra;
  return messageData({
    id: snowflake(),
    channel_id: extra.channelId ?? FAKE_IDS.channel,
    author: userData(userId),
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    content,
    mentions: mentionsBot ? [BOT_USER] : [],
    mention_everyone: false,
    ...(replyTo
      ? { type: 19, message_reference: { message_id: replyTo.id, channel_id: replyTo.channel_id, guild_id: FAKE_IDS.guild }, referenced_message: replyTo }
      : {}),
  });
}

/** A public thread started from a message: Discord gives it the message's id. */
export function threadFrom(messageId: string, ownerId: string) {
  return {
    id: messageId,
    type: 11,
    guild_id: FAKE_IDS.guild,
    parent_id: FAKE_IDS.channel,
    name: "follow-up",
    owner_id: ownerId,
    member_count: 1,
    message_count: 0,
    rate_limit_per_user: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    newly_created: true,
  };
}
