import type { MessageBody } from '../message-validation';
import type { Route, RouteContext } from '../rest-router';
import { announceMessage } from './channel-routes';

function webhookRecord(ctx: RouteContext) {
  return ctx.interactions.forWebhook(ctx.params['applicationId'] ?? '', ctx.params['token'] ?? '');
}

export const interactionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/interactions/:interactionId/:token/callback',
    auth: false,
    handle: (ctx) => {
      const body = (ctx.body ?? {}) as { type?: number; data?: Record<string, unknown> };
      const change = ctx.interactions.respond(ctx.params['interactionId'] ?? '', ctx.params['token'] ?? '', body);
      if (change) announceMessage(ctx, change.kind === 'created' ? 'MESSAGE_CREATE' : 'MESSAGE_UPDATE', change.message);
      if (ctx.query.get('with_response') !== 'true') return { status: 204 };
      const record = ctx.interactions.all.get(ctx.params['interactionId'] ?? '');
      return {
        status: 200,
        body: {
          interaction: {
            id: record?.id,
            type: record?.type,
            response_message_id: change?.message.id,
            response_message_loading: body.type === 5,
            response_message_ephemeral: Boolean((change?.message.flags ?? 0) & 64),
          },
          resource: change ? { type: body.type, message: change.message } : { type: body.type },
        },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/webhooks/:applicationId/:token',
    auth: false,
    handle: (ctx) => {
      const change = ctx.interactions.followUp(webhookRecord(ctx), (ctx.body ?? {}) as MessageBody);
      announceMessage(ctx, change.kind === 'created' ? 'MESSAGE_CREATE' : 'MESSAGE_UPDATE', change.message);
      return { status: 200, body: change.message };
    },
  },
  {
    method: 'GET',
    pattern: '/webhooks/:applicationId/:token/messages/:messageId',
    auth: false,
    handle: (ctx) => ({ status: 200, body: ctx.interactions.webhookMessage(webhookRecord(ctx), ctx.params['messageId'] ?? '') }),
  },
  {
    method: 'PATCH',
    pattern: '/webhooks/:applicationId/:token/messages/:messageId',
    auth: false,
    handle: (ctx) => {
      const change = ctx.interactions.editWebhookMessage(webhookRecord(ctx), ctx.params['messageId'] ?? '', (ctx.body ?? {}) as MessageBody);
      announceMessage(ctx, 'MESSAGE_UPDATE', change.message);
      return { status: 200, body: change.message };
    },
  },
  {
    method: 'DELETE',
    pattern: '/webhooks/:applicationId/:token/messages/:messageId',
    auth: false,
    handle: (ctx) => {
      const message = ctx.interactions.deleteWebhookMessage(webhookRecord(ctx), ctx.params['messageId'] ?? '');
      ctx.dispatch('MESSAGE_DELETE', { id: message.id, channel_id: message.channel_id, ...(message.guild_id ? { guild_id: message.guild_id } : {}) });
      return { status: 204 };
    },
  },
];
