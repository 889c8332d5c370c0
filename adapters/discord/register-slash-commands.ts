import { type REST, Routes } from 'discord.js';
import { type SlashCommand, SLASH_COMMANDS, slashCommandsJson } from './slash-commands';

export interface RegistrationResult {
  scope: 'global' | 'guild';
  applicationId: string;
  guildId?: string;
  names: string[];
}

/**
 * Publishes the slash-command table with one bulk overwrite: globally (may take a while to reach every
 * client), or in one guild when `guildId` is set (instant; use it while developing).
 */
export async function registerSlashCommands(options: {
  rest: REST;
  guildId?: string;
  /** Known from READY when the bot runs; fetched from /applications/@me otherwise. */
  applicationId?: string;
  commands?: readonly SlashCommand[];
}): Promise<RegistrationResult> {
  const applicationId = options.applicationId ?? ((await options.rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId);
  const saved = (await options.rest.put(route, { body: slashCommandsJson(options.commands ?? SLASH_COMMANDS) })) as { name: string }[];
  return {
    scope: options.guildId ? 'guild' : 'global',
    applicationId,
    ...(options.guildId ? { guildId: options.guildId } : {}),
    names: saved.map((c) => c.name),
  };
}
