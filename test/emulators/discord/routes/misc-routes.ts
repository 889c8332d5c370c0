import { apiErrors } from '../api-errors';
import { guildCreatePayload } from '../gateway-payloads';
import type { Route } from '../rest-router';

export const miscRoutes: Route[] = [
  { method: 'GET', pattern: '/gateway', auth: false, handle: (ctx) => ({ status: 200, body: { url: ctx.gatewayUrl } }) },
  {
    method: 'GET',
    pattern: '/gateway/bot',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        url: ctx.gatewayUrl,
        shards: ctx.sharding.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: ctx.sharding.maxConcurrency },
      },
    }),
  },
  { method: 'GET', pattern: '/users/@me', auth: true, handle: (ctx) => ({ status: 200, body: ctx.state.botUser }) },
  { method: 'GET', pattern: '/users/:userId', auth: true, handle: (ctx) => ({ status: 200, body: ctx.state.user(ctx.params['userId'] ?? '') }) },
  {
    method: 'GET',
    pattern: '/guilds/:guildId',
    auth: true,
    handle: (ctx) => {
      const { channels: _c, members: _m, ...guild } = guildCreatePayload(ctx.state, ctx.state.guild(ctx.params['guildId']), false);
      return { status: 200, body: guild };
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/channels',
    auth: true,
    handle: (ctx) => {
      const guild = ctx.state.guild(ctx.params['guildId']);
      return { status: 200, body: [...ctx.state.channels.values()].filter((c) => c.guild_id === guild.id) };
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/roles',
    auth: true,
    handle: (ctx) => {
      return { status: 200, body: [...ctx.state.guild(ctx.params['guildId']).roles.values()] };
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/members/:userId',
    auth: true,
    handle: (ctx) => {
      const member = ctx.state.guild(ctx.params['guildId']).members.get(ctx.params['userId'] ?? '');
      if (!member) throw apiErrors.unknownUser();
      return { status: 200, body: member };
    },
  },
];
