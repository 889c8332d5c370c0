import type { ApiChannel, ApiMember, ApiMessage } from './api-types';
import { ChannelType } from './api-types';
import type { EmulatorState } from './emulator-state';
import type { GuildRecord } from './guild-record';

/**
 * READY: the bot user, the guilds of this session's shard as unavailable stubs (GUILD_CREATE follows), the
 * shard, and where to resume.
 */
export function readyPayload(
  state: EmulatorState,
  session: { id: string; shard: readonly [number, number]; guildIds: readonly string[] },
  resumeUrl: string,
): Record<string, unknown> {
  return {
    v: 10,
    user: { ...state.botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
    guilds: session.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    shard: [...session.shard],
    application: { id: state.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    user_settings: {},
    auth: {},
  };
}

function memberWithoutUser(member: ApiMember): Omit<ApiMember, 'user'> {
  const { user: _user, ...rest } = member;
  return rest;
}

/** GUILD_CREATE with roles and channels; members only list the bot unless GuildMembers was asked for. */
export function guildCreatePayload(state: EmulatorState, guild: GuildRecord, withMembers: boolean): Record<string, unknown> {
  const members = [...guild.members.values()].filter((m) => withMembers || m.user.id === state.botUser.id);
  const bot = guild.members.get(state.botUser.id);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    application_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    features: ['COMMUNITY'],
    roles: [...guild.roles.values()],
    emojis: [],
    stickers: [],
    channels: [...state.channels.values()].filter((c) => c.guild_id === guild.id).map(({ guild_id: _g, ...c }) => c),
    threads: [],
    members,
    member_count: guild.members.size,
    large: false,
    unavailable: false,
    joined_at: bot?.joined_at ?? new Date().toISOString(),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    incidents_data: null,
    hub_type: null,
    latest_onboarding_question_id: null,
  };
}

/**
 * A message as MESSAGE_CREATE / MESSAGE_UPDATE carry it: `channel_type` (discord.js needs it to build a DM
 * channel it has not seen, with Partials.Channel) and, in guilds, the author's `member` without `user`.
 */
export function messageDispatch(state: EmulatorState, message: ApiMessage, channel: ApiChannel): Record<string, unknown> {
  const member = state.memberIn(message.guild_id, message.author.id);
  return {
    ...message,
    channel_type: channel.type,
    ...(member && !message.webhook_id ? { member: memberWithoutUser(member) } : {}),
    mentions: message.mentions.map((user) => {
      const m = state.memberIn(message.guild_id, user.id);
      return m ? { ...user, member: memberWithoutUser(m) } : user;
    }),
  };
}

/** The `member` block of an INTERACTION_CREATE: the member with `permissions` in that channel. */
export function interactionMember(state: EmulatorState, userId: string, channelId: string): Record<string, unknown> | undefined {
  const member = state.memberIn(state.channel(channelId).guild_id, userId);
  if (!member) return undefined;
  return { ...member, permissions: state.permissionsIn(userId, channelId).toString() };
}

/** The partial channel an interaction carries. */
export function interactionChannel(channel: ApiChannel): Record<string, unknown> {
  return channel.type === ChannelType.DM
    ? { id: channel.id, type: channel.type, last_message_id: channel.last_message_id, flags: 0, recipients: channel.recipients }
    : {
        id: channel.id,
        type: channel.type,
        guild_id: channel.guild_id,
        name: channel.name,
        position: channel.position,
        parent_id: channel.parent_id ?? null,
        permissions: '0',
        nsfw: false,
        topic: null,
        rate_limit_per_user: 0,
        last_message_id: channel.last_message_id,
        flags: 0,
      };
}
