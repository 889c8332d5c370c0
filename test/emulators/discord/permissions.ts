import type { ApiOverwrite } from './api-types';

/** Permission bits the emulator checks (values from the Discord docs). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
  PinMessages: 1n << 51n,
} as const;

export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What @everyone can do in a fresh community server. */
export const EVERYONE_DEFAULT =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

export function bits(...flags: bigint[]): string {
  return flags.reduce((a, b) => a | b, 0n).toString();
}

/**
 * Channel permissions the way Discord computes them: role union, Administrator shortcut, then the
 * @everyone overwrite, the role overwrites together, and the member overwrite last.
 */
export function computeChannelPermissions(args: {
  guildId: string;
  isOwner: boolean;
  everyonePermissions: bigint;
  rolePermissions: { id: string; permissions: bigint }[];
  memberId: string;
  overwrites: ApiOverwrite[];
}): bigint {
  if (args.isOwner) return ALL_PERMISSIONS;
  let base = args.everyonePermissions;
  for (const role of args.rolePermissions) base |= role.permissions;
  if (base & Permission.Administrator) return ALL_PERMISSIONS;

  const everyone = args.overwrites.find((o) => o.type === 0 && o.id === args.guildId);
  if (everyone) base = (base & ~BigInt(everyone.deny)) | BigInt(everyone.allow);

  let allow = 0n;
  let deny = 0n;
  const roleIds = new Set(args.rolePermissions.map((r) => r.id));
  for (const o of args.overwrites) {
    if (o.type === 0 && roleIds.has(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  base = (base & ~deny) | allow;

  const member = args.overwrites.find((o) => o.type === 1 && o.id === args.memberId);
  if (member) base = (base & ~BigInt(member.deny)) | BigInt(member.allow);
  return base;
}
