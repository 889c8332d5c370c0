import { blockKitProblems } from './block-kit-limits';
import { APP_ID, BOT_ID, BOT_USER_ID, type EmuChannel, type EmuUser, type SlackState, TEAM_ID } from './emulator-state';

/** The Web API methods the bot calls. */
export const SLACK_METHODS = [
  'auth.test',
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.delete',
  'conversations.open',
  'conversations.history',
  'users.info',
  'pins.add',
  'pins.remove',
  'apps.connections.open',
] as const;

export type SlackMethod = (typeof SLACK_METHODS)[number];

export type ApiParams = Record<string, unknown>;
export type ApiResult = { ok: boolean; error?: string } & Record<string, unknown>;

export interface RouteContext {
  state: SlackState;
  /** Where apps.connections.open sends the Socket Mode client. */
  socketUrl: () => string;
}

type Route = (params: ApiParams, ctx: RouteContext) => ApiResult;

export function isSlackMethod(name: string): name is SlackMethod {
  return (SLACK_METHODS as readonly string[]).includes(name);
}

const fail = (error: string, extra: Record<string, unknown> = {}): ApiResult => ({ ok: false, error, ...extra });

export const WEB_API_ROUTES: Record<SlackMethod, Route> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://aftercare-emulator.slack.com/',
    team: 'Aftercare Emulator',
    user: 'aftercare',
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),

  'chat.postMessage': (params, { state }) => {
    const channel = postableChannel(state, str(params.channel));
    if (typeof channel === 'string') return fail(channel);
    const invalid = messageContentProblem(params);
    if (invalid) return invalid;
    const threadTs = str(params.thread_ts) || undefined;
    if (threadTs && !state.message(channel.id, threadTs)) return fail('thread_not_found');
    const message = state.addMessage({
      channel: channel.id,
      ts: state.nextTs(),
      threadTs,
      user: BOT_USER_ID,
      botId: BOT_ID,
      text: str(params.text),
      blocks: params.blocks as unknown[] | undefined,
      metadata: isMetadata(params.metadata) ? params.metadata : undefined,
    });
    return { ok: true, channel: channel.id, ts: message.ts, message: wireMessage(message) };
  },

  'chat.postEphemeral': (params, { state }) => {
    const channel = postableChannel(state, str(params.channel));
    if (typeof channel === 'string') return fail(channel);
    if (!state.users.has(str(params.user))) return fail('user_not_found');
    const invalid = messageContentProblem(params);
    if (invalid) return invalid;
    // Ephemeral messages are not stored in the channel: only the call log shows them.
    return { ok: true, message_ts: state.nextTs() };
  },

  'chat.update': (params, { state }) => {
    const channelId = str(params.channel);
    if (!state.channels.has(channelId)) return fail('channel_not_found');
    const message = state.message(channelId, str(params.ts));
    if (!message) return fail('message_not_found');
    if (message.user !== BOT_USER_ID) return fail('cant_update_message');
    const invalid = messageContentProblem(params);
    if (invalid) return invalid;
    message.text = str(params.text);
    message.blocks = params.blocks as unknown[] | undefined;
    message.edited = true;
    return { ok: true, channel: channelId, ts: message.ts, text: message.text, message: wireMessage(message) };
  },

  'chat.delete': (params, { state }) => {
    const channelId = str(params.channel);
    if (!state.channels.has(channelId)) return fail('channel_not_found');
    const ts = str(params.ts);
    const message = state.message(channelId, ts);
    if (!message) return fail('message_not_found');
    // A bot token may delete only the bot's own messages.
    if (message.user !== BOT_USER_ID) return fail('cant_delete_message');
    state.removeMessage(channelId, ts);
    return { ok: true, channel: channelId, ts };
  },

  // Newest first, like Slack; metadata only when asked for with include_all_metadata.
  'conversations.history': (params, { state }) => {
    const channel = state.channels.get(str(params.channel));
    if (!channel) return fail('channel_not_found');
    const limit = Math.min(Number(params.limit ?? 100) || 100, 999);
    const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
    const messages = state
      .history(channel.id)
      .filter((m) => m.threadTs === undefined || m.threadTs === m.ts)
      .reverse()
      .slice(0, limit)
      .map((m) => ({ ...wireMessage(m), ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
    return { ok: true, messages, has_more: false };
  },

  'conversations.open': (params, { state }) => {
    const ids = str(params.users)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length !== 1) return fail(ids.length === 0 ? 'users_list_not_supplied' : 'not_supported');
    const user = state.users.get(ids[0]!);
    if (!user) return fail('user_not_found');
    if (user.id === BOT_USER_ID) return fail('cannot_dm_bot');
    if (user.deleted) return fail('user_disabled');
    const im = state.openIm(user.id);
    return { ok: true, channel: { id: im.id } };
  },

  'users.info': (params, { state }) => {
    const user = state.users.get(str(params.user));
    if (!user) return fail('user_not_found');
    return { ok: true, user: wireUser(user) };
  },

  'pins.add': (params, { state }) => {
    const channel = state.channels.get(str(params.channel));
    if (!channel) return fail('channel_not_found');
    if (!channel.botIsMember) return fail('not_in_channel');
    const ts = str(params.timestamp);
    if (!state.message(channel.id, ts)) return fail('message_not_found');
    const pins = state.pinsOf(channel.id);
    if (pins.has(ts)) return fail('already_pinned');
    pins.add(ts);
    return { ok: true };
  },

  'pins.remove': (params, { state }) => {
    const channel = state.channels.get(str(params.channel));
    if (!channel) return fail('channel_not_found');
    const ts = str(params.timestamp);
    if (!state.message(channel.id, ts)) return fail('message_not_found');
    if (!state.pinsOf(channel.id).delete(ts)) return fail('no_pin');
    return { ok: true };
  },

  'apps.connections.open': (_params, { socketUrl }) => ({ ok: true, url: socketUrl() }),
};

/** The channel a message can go to, or the error Slack would give. A user id posts to their IM. */
function postableChannel(state: SlackState, id: string): EmuChannel | string {
  if (!id) return 'channel_not_found';
  if (id.startsWith('U') || id.startsWith('W')) {
    const user = state.users.get(id);
    return user && user.id !== BOT_USER_ID ? state.openIm(user.id) : 'channel_not_found';
  }
  const channel = state.channels.get(id);
  if (!channel) return 'channel_not_found';
  if (!channel.botIsMember) return 'not_in_channel';
  return channel;
}

function messageContentProblem(params: ApiParams): ApiResult | null {
  const hasText = str(params.text).length > 0;
  if (params.blocks === undefined) return hasText ? null : fail('no_text');
  const problems = blockKitProblems(params.blocks);
  return problems.length > 0 ? fail('invalid_blocks', { response_metadata: { messages: problems } }) : null;
}

function isMetadata(value: unknown): value is { event_type: string; event_payload: Record<string, unknown> } {
  const m = value as { event_type?: unknown; event_payload?: unknown } | null;
  return typeof m === 'object' && m !== null && typeof m.event_type === 'string' && typeof m.event_payload === 'object' && m.event_payload !== null;
}

function wireMessage(m: { ts: string; threadTs?: string; text: string; user: string; botId?: string; blocks?: unknown[] }) {
  return {
    type: 'message',
    ts: m.ts,
    thread_ts: m.threadTs,
    text: m.text,
    user: m.user,
    bot_id: m.botId,
    app_id: APP_ID,
    blocks: m.blocks,
  };
}

function wireUser(user: EmuUser) {
  return {
    id: user.id,
    team_id: TEAM_ID,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: user.realName ?? user.name,
    tz: user.tz,
    tz_label: user.tz,
    is_admin: user.isAdmin ?? false,
    is_owner: user.isOwner ?? false,
    is_bot: user.isBot ?? false,
    profile: { real_name: user.realName ?? user.name, display_name: user.displayName ?? '' },
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
