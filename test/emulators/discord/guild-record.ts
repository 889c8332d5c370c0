import type { ApiMember, ApiRole, ApiUser } from './api-types';
import { EVERYONE_DEFAULT, Permission } from './permissions';
import { snowflake } from './snowflake';

/** One server: its roles and members (its channels live with the others in EmulatorState, by guild_id). */
export interface GuildRecord {
  readonly id: string;
  name: string;
  readonly ownerId: string;
  readonly roles: Map<string, ApiRole>;
  readonly members: Map<string, ApiMember>;
  readonly moderatorRoleId: string;
  readonly botRoleId: string;
}

/** What the bot's managed role is granted when it is invited with the invite link's permissions. */
const BOT_ROLE_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.SendMessagesInThreads |
  Permission.ReadMessageHistory |
  Permission.ManageMessages |
  Permission.PinMessages |
  Permission.EmbedLinks;

function role(id: string, name: string, permissions: bigint, position: number, managed: boolean): ApiRole {
  return {
    id,
    name,
    permissions: permissions.toString(),
    position,
    color: 0,
    hoist: false,
    managed,
    mentionable: false,
    flags: 0,
    icon: null,
    unicode_emoji: null,
  };
}

export function member(user: ApiUser, roleIds: string[]): ApiMember {
  return {
    user,
    roles: roleIds,
    joined_at: new Date().toISOString(),
    nick: null,
    avatar: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
}

/** A server as the bot finds it once invited: @everyone, a Moderator role, the bot's own role; owner and bot as members. */
export function newGuild(args: { id: string; name: string; owner: ApiUser; bot: ApiUser }): GuildRecord {
  const roles = new Map<string, ApiRole>();
  roles.set(args.id, role(args.id, '@everyone', EVERYONE_DEFAULT, 0, false));
  const moderator = role(snowflake(), 'Moderator', Permission.ManageMessages | Permission.PinMessages, roles.size, false);
  roles.set(moderator.id, moderator);
  const botRole = role(snowflake(), args.bot.username, BOT_ROLE_PERMISSIONS, roles.size, true);
  roles.set(botRole.id, botRole);
  const members = new Map<string, ApiMember>();
  members.set(args.owner.id, member(args.owner, []));
  members.set(args.bot.id, member(args.bot, [botRole.id]));
  return { id: args.id, name: args.name, ownerId: args.owner.id, roles, members, moderatorRoleId: moderator.id, botRoleId: botRole.id };
}

/** Extra roles a test adds to a guild. */
export function addRole(guild: GuildRecord, name: string, permissions: bigint, managed = false): ApiRole {
  const created = role(snowflake(), name, permissions, guild.roles.size, managed);
  guild.roles.set(created.id, created);
  return created;
}
