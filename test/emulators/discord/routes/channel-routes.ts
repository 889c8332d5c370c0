import { apiErrors } from '../api-errors';
import type { ApiMessage } from '../api-types';
import { MessageFlag, MessageType } from '../api-types';
import { messageDispatch } from '../gateway-payloads';
import type { MessageBody } from '../message-validation';
import type { Route, RouteContext } from '../rest-router';
import { snowflake } from '../snowflake';

/** Tells the gateway about a visible message (ephemeral ones never reach it). */
export function announceMessage(ctx: RouteContext, event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: ApiMessage): void {
  if (message.flags & MessageFlag.Ephemeral) return;
  ctx.dispatch(event, messageDispatch(ctx.state, message, ctx.state.channel(message.channel_id)));
}

function asBody(body: unknown): MessageBody {
  return (body ?? {}) as MessageBody;
}

function pin(ctx: RouteContext) {
  const { channelId = '', messageId = '' } = ctx.params;
  const changed = ctx.state.pin(channelId, messageId);
  if (changed) {
    const channel = ctx.state.channel(channelId);
    ctx.dispatch('CHANNEL_PINS_UPDATE', {
      channel_id: channelId,
      ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
      last_pin_timestamp: channel.last_pin_timestamp ?? null,
    });
    // Discord posts a "pinned a message" system message in the channel.
    const system: ApiMessage = {
      id: snowflake(),
      type: MessageType.ChannelPinnedMessage,
      channel_id: channelId,
      ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
      author: ctx.state.botUser,
      content: '',
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
      flags: 0,
      message_reference: { type: 0, message_id: messageId, channel_id: channelId, ...(channel.guild_id ? { guild_id: channel.guild_id } : {}) },
    };
    ctx.state.channelMessages(channelId).set(system.id, system);
    announceMessage(ctx, 'MESSAGE_CREATE', system);
  }
  return { status: 204 };
}

function unpin(ctx: RouteContext) {
  const { channelId = '', messageId = '' } = ctx.params;
  ctx.state.unpin(channelId, messageId);
  const channel = ctx.state.channel(channelId);
  ctx.dispatch('CHANNEL_PINS_UPDATE', {
    channel_id: channelId,
    ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
    last_pin_timestamp: channel.last_pin_timestamp ?? null,
  });
  return { status: 204 };
}

export const channelRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/users/@me/channels',
    auth: true,
    handle: (ctx) => {
      const recipient = (ctx.body as { recipient_id?: string } | undefined)?.recipient_id;
      if (typeof recipient !== 'string') throw apiErrors.invalidFormBody({ recipient_id: 'This field is required' });
      return { status: 200, body: ctx.state.openDm(recipient) };
    },
  },
  { method: 'GET', pattern: '/channels/:channelId', auth: true, handle: (ctx) => ({ status: 200, body: ctx.state.channel(ctx.params['channelId'] ?? '') }) },
  {
    method: 'GET',
    pattern: '/channels/:channelId/messages',
    auth: true,
    handle: (ctx) => {
      const channelId = ctx.params['channelId'] ?? '';
      ctx.state.channel(channelId);
      const limit = Math.min(Number(ctx.query.get('limit') ?? 50), 100);
      const all = [...ctx.state.channelMessages(channelId).values()].reverse();
      return { status: 200, body: all.slice(0, limit) };
    },
  },
  {
    method: 'POST',
    pattern: '/channels/:channelId/messages',
    auth: true,
    handle: (ctx) => {
      const { message, duplicate } = ctx.state.createMessage(ctx.params['channelId'] ?? '', ctx.state.botUser.id, asBody(ctx.body));
      if (!duplicate) announceMessage(ctx, 'MESSAGE_CREATE', message);
      return { status: 200, body: message };
    },
  },
  {
    method: 'GET',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: true,
    handle: (ctx) => ({ status: 200, body: ctx.state.message(ctx.params['channelId'] ?? '', ctx.params['messageId'] ?? '') }),
  },
  {
    method: 'PATCH',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: true,
    handle: (ctx) => {
      const message = ctx.state.editMessage(ctx.params['channelId'] ?? '', ctx.params['messageId'] ?? '', ctx.state.botUser.id, asBody(ctx.body));
      announceMessage(ctx, 'MESSAGE_UPDATE', message);
      return { status: 200, body: message };
    },
  },
  {
    method: 'DELETE',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: true,
    handle: (ctx) => {
      const message = ctx.state.deleteMessage(ctx.params['channelId'] ?? '', ctx.params['messageId'] ?? '', true);
      ctx.dispatch('MESSAGE_DELETE', { id: message.id, channel_id: message.channel_id, ...(message.guild_id ? { guild_id: message.guild_id } : {}) });
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/channels/:channelId/messages/pins',
    auth: true,
    handle: (ctx) => {
      const channelId = ctx.params['channelId'] ?? '';
      ctx.state.channel(channelId);
      const items = ctx.state.channelPins(channelId).map((p) => ({ pinned_at: p.pinnedAt, message: ctx.state.message(channelId, p.messageId) }));
      return { status: 200, body: { items, has_more: false } };
    },
  },
  { method: 'PUT', pattern: '/channels/:channelId/messages/pins/:messageId', auth: true, handle: pin },
  { method: 'DELETE', pattern: '/channels/:channelId/messages/pins/:messageId', auth: true, handle: unpin },
  // The pre-2025 pin routes, still served by Discord and used by older clients.
  {
    method: 'GET',
    pattern: '/channels/:channelId/pins',
    auth: true,
    handle: (ctx) => {
      const channelId = ctx.params['channelId'] ?? '';
      ctx.state.channel(channelId);
      return { status: 200, body: ctx.state.channelPins(channelId).map((p) => ctx.state.message(channelId, p.messageId)) };
    },
  },
  { method: 'PUT', pattern: '/channels/:channelId/pins/:messageId', auth: true, handle: pin },
  { method: 'DELETE', pattern: '/channels/:channelId/pins/:messageId', auth: true, handle: unpin },
];
