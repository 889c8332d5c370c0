import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Message,
  PermissionFlagsBits,
} from 'discord.js';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { type SlashValue, type SlashValues, slashToCommand } from './slash-commands';

/** Whether a channel message is for the bot: any DM, or a mention of the bot (or of its managed role). */
export function isAddressedToBot(message: Message, botId: string): boolean {
  if (!message.inGuild()) return true;
  if (message.mentions.users.has(botId)) return true;
  // Discord's mention picker sometimes inserts the bot's managed role instead of the bot user.
  const botRoleId = message.guild.members.me?.roles.botRole?.id;
  return botRoleId !== undefined && message.mentions.roles.has(botRoleId);
}

/** The text without the bot's mention(s), whitespace tidied. An empty mention asks for help. */
export function stripBotMention(content: string, botId: string, botRoleId?: string): string {
  let text = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  if (botRoleId) text = text.replace(new RegExp(`<@&${botRoleId}>`, 'g'), ' ');
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** A moderator is whoever may manage messages in that channel (the same people who can pin). */
function canManageMessages(message: Message): boolean {
  if (!message.inGuild() || !message.member) return false;
  return message.member.permissionsIn(message.channel).has(PermissionFlagsBits.ManageMessages);
}

export function incomingFromMessage(message: Message, botId: string): IncomingMessage {
  const botRoleId = message.inGuild() ? message.guild.members.me?.roles.botRole?.id : undefined;
  const text = stripBotMention(message.content, botId, botRoleId);
  return {
    platform: 'discord',
    user: { id: message.author.id, displayName: message.member?.displayName ?? message.author.displayName },
    channel: { id: message.channelId, isDirect: !message.inGuild(), ...(message.guildId ? { teamId: message.guildId } : {}) },
    text: text === '' ? 'help' : text,
    isModerator: canManageMessages(message),
  };
}

/**
 * A moderator, for an interaction: Manage Messages in that channel. The interaction's `member.permissions`
 * already includes the channel's overwrites; in a DM there is no member, so no one is a moderator.
 */
export function isModeratorIn(interaction: ChatInputCommandInteraction | ButtonInteraction | AutocompleteInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
}

function interactionBase(interaction: ChatInputCommandInteraction | ButtonInteraction): Omit<IncomingMessage, 'text'> {
  return {
    platform: 'discord',
    user: { id: interaction.user.id, displayName: interaction.user.displayName },
    channel: {
      id: interaction.channelId,
      isDirect: !interaction.inGuild(),
      ...(interaction.guildId ? { teamId: interaction.guildId } : {}),
    },
    isModerator: isModeratorIn(interaction),
  };
}

/**
 * A slash command, typed: the core command it stands for and its options as Discord parsed them. A command
 * this build no longer has (a stale registration) still reaches the core under its own name, which says so.
 */
export function incomingFromSlash(
  interaction: ChatInputCommandInteraction,
  invocation: { name: string; subcommand: string | null; values: SlashValues },
): IncomingMessage {
  const known = slashToCommand(invocation);
  const name = known?.name ?? [invocation.name, invocation.subcommand].filter(Boolean).join(' ');
  const options = Object.fromEntries(Object.entries(invocation.values).filter((e): e is [string, SlashValue] => e[1] !== undefined));
  return { ...interactionBase(interaction), text: known?.line ?? name, command: { name, options }, commandPrefix: '/' };
}

export function incomingFromButton(interaction: ButtonInteraction): IncomingMessage {
  return { ...interactionBase(interaction), text: '', action: interaction.customId };
}

/** The subcommand (if any) and option values of a slash command, flattened. */
export function slashInvocation(interaction: ChatInputCommandInteraction): { name: string; subcommand: string | null; values: SlashValues } {
  // No prototype: option names arrive from the network and are looked up by name.
  const values: Record<string, string | number | boolean> = Object.create(null);
  const collect = (options: readonly CommandInteractionOption[]) => {
    for (const option of options) {
      if (option.options) collect(option.options);
      else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
    }
  };
  collect(interaction.options.data);
  return { name: interaction.commandName, subcommand: interaction.options.getSubcommand(false), values };
}
