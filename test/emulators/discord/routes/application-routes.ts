import { apiErrors } from '../api-errors';
import type { Route, RouteContext } from '../rest-router';

function application(ctx: RouteContext) {
  return {
    id: ctx.state.applicationId,
    name: ctx.state.botUser.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    flags: 0,
    bot: ctx.state.botUser,
    verify_key: '0'.repeat(64),
    team: null,
  };
}

/** The app id in the path must be ours, as on Discord (another app's commands are not yours to touch). */
function guard(ctx: RouteContext, guild = false): string | undefined {
  if (ctx.params['applicationId'] !== ctx.state.applicationId) throw apiErrors.missingAccess();
  if (!guild) return undefined;
  return ctx.state.guild(ctx.params['guildId']).id;
}

export const applicationRoutes: Route[] = [
  { method: 'GET', pattern: '/applications/@me', auth: true, handle: (ctx) => ({ status: 200, body: application(ctx) }) },
  { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handle: (ctx) => ({ status: 200, body: application(ctx) }) },
  { method: 'GET', pattern: '/applications/:applicationId/commands', auth: true, handle: (ctx) => ({ status: 200, body: ctx.commands.list(guard(ctx)) }) },
  { method: 'PUT', pattern: '/applications/:applicationId/commands', auth: true, handle: (ctx) => ({ status: 200, body: ctx.commands.overwrite(ctx.body, guard(ctx)) }) },
  { method: 'POST', pattern: '/applications/:applicationId/commands', auth: true, handle: (ctx) => ({ status: 201, body: ctx.commands.upsert(ctx.body, guard(ctx)) }) },
  {
    method: 'DELETE',
    pattern: '/applications/:applicationId/commands/:commandId',
    auth: true,
    handle: (ctx) => {
      ctx.commands.remove(ctx.params['commandId'] ?? '', guard(ctx));
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/applications/:applicationId/guilds/:guildId/commands',
    auth: true,
    handle: (ctx) => ({ status: 200, body: ctx.commands.list(guard(ctx, true)) }),
  },
  {
    method: 'PUT',
    pattern: '/applications/:applicationId/guilds/:guildId/commands',
    auth: true,
    handle: (ctx) => ({ status: 200, body: ctx.commands.overwrite(ctx.body, guard(ctx, true)) }),
  },
  {
    method: 'POST',
    pattern: '/applications/:applicationId/guilds/:guildId/commands',
    auth: true,
    handle: (ctx) => ({ status: 201, body: ctx.commands.upsert(ctx.body, guard(ctx, true)) }),
  },
];
