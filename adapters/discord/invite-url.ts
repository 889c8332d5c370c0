import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/**
 * The permissions the bot asks for when invited, and why:
 * View Channel + Read Message History to see where it is mentioned; Send Messages (+ in Threads) to answer;
 * Manage Messages and Pin Messages for FAQ pins (Discord split
 * pinning out of Manage Messages into its own Pin Messages permission; asking for both works either way).
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.PinMessages;

export const BOT_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The link a server admin opens to add the bot with exactly these scopes and permissions. */
export function inviteUrl(applicationId: string, permissions: bigint = BOT_PERMISSIONS): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: BOT_SCOPES.join(' '), permissions: permissions.toString() });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
