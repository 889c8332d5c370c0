export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterDeps, type DiscordAdapterTuning } from './discord-adapter';
export { BOT_PERMISSIONS, inviteUrl } from './invite-url';
export { registerSlashCommands } from './register-slash-commands';
export { SLASH_COMMANDS, type SlashCommand } from './slash-commands';
