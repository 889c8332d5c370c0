import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgSuggestions, Command, CommandArg } from '../../src/commands/command';
import { COMMAND_GROUPS } from '../../src/commands/command-groups';
import { COMMANDS } from '../../src/commands/command-registry';

/** What an option holds once Discord has parsed it. */
export type SlashValue = string | number | boolean;
export type SlashValues = Readonly<Record<string, SlashValue | undefined>>;

/** Where an option's autocomplete choices come from (see autocomplete.ts): declared on the command spec. */
export type AutocompleteSource = ArgSuggestions;

export interface SlashOption {
  name: string;
  description: string;
  kind: 'string' | 'integer' | 'boolean';
  required: boolean;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  choices?: readonly { name: string; value: string | number }[];
  /** Suggest values while the person types (string options; not together with `choices`). */
  autocomplete?: AutocompleteSource;
}

export interface SlashLeaf {
  name: string;
  /** The core command spec it stands for ("faq pin"). */
  commandName: string;
  description: string;
  options: readonly SlashOption[];
  /** The core's command line for the values typed ("ask <question>", "topics" …). */
  toCommandLine(values: SlashValues): string;
}

export interface SlashCommand {
  name: string;
  /** The core command spec a plain command stands for; absent on a group of subcommands. */
  commandName?: string;
  description: string;
  /**
   * Hides the command from members without these permissions (server admins can change it); the core
   * still refuses moderator commands itself, so this is only a tidier menu.
   */
  defaultMemberPermissions?: bigint;
  /** A plain command… */
  options?: readonly SlashOption[];
  toCommandLine?(values: SlashValues): string;
  /** …or one with subcommands (`/faq pin`, `/checkins start`), each mapping to its own command line. */
  subcommands?: readonly SlashLeaf[];
  /** Only in servers (not in DMs with the bot): channel commands such as `/faq`. */
  guildOnly?: boolean;
  /**
   * Its answers are private in a server (the core answers ephemerally), so a slow answer is deferred privately
   * too: no public "thinking…" placeholder appears in the channel.
   */
  privateAnswers?: boolean;
}

/** An option value as one plain word group: whitespace (newlines included) collapsed, trimmed. */
function plain(value: SlashValue | undefined): string {
  return value === undefined ? '' : String(value).replace(/\s+/g, ' ').trim();
}

const OPTION_KIND = { text: 'string', integer: 'integer', boolean: 'boolean' } as const;

function slashOption(arg: CommandArg): SlashOption {
  return {
    name: arg.name,
    description: arg.description,
    kind: OPTION_KIND[arg.type],
    required: arg.required,
    ...(arg.maxLength !== undefined ? { maxLength: arg.maxLength } : {}),
    ...(arg.suggestions ? { autocomplete: arg.suggestions } : {}),
  };
}

/** The core's words for a command and the values typed, in the spec's argument order. */
function leafLine(command: Command): (values: SlashValues) => string {
  return (values) => [command.name, ...command.args.map((a) => plain(values[a.name]))].filter((part) => part !== '').join(' ');
}

/**
 * Discord's slash commands, made from the core's command specs: a one-word command is a slash command, two
 * words ("faq pin") a subcommand of its group. Moderator-only groups are server-only and hidden (default member
 * permissions) from members without Manage Messages; the core still checks every use, so that is only a tidier menu.
 */
export function slashCommandsFrom(commands: readonly Command[]): SlashCommand[] {
  const result: SlashCommand[] = [];
  for (const command of commands.filter((c) => c.offered === 'menu')) {
    const [group, sub] = command.name.split(' ') as [string, string | undefined];
    const moderators = command.preconditions.includes('moderator');
    if (sub === undefined) {
      result.push({
        name: group,
        commandName: command.name,
        description: command.description,
        options: command.args.map(slashOption),
        toCommandLine: leafLine(command),
        ...(command.privateAnswers ? { privateAnswers: true } : {}),
      });
      continue;
    }
    let parent = result.find((c) => c.name === group);
    if (!parent) {
      parent = {
        name: group,
        description: COMMAND_GROUPS[group]?.description ?? command.description,
        subcommands: [],
        ...(moderators ? { defaultMemberPermissions: PermissionFlagsBits.ManageMessages, guildOnly: true } : {}),
        ...(command.privateAnswers ? { privateAnswers: true } : {}),
      };
      result.push(parent);
    }
    (parent.subcommands as SlashLeaf[]).push({
      name: sub,
      commandName: command.name,
      description: command.description,
      options: command.args.map(slashOption),
      toCommandLine: leafLine(command),
    });
  }
  return result;
}

/** Every slash command; `npm run register-commands` publishes this table. */
export const SLASH_COMMANDS: readonly SlashCommand[] = slashCommandsFrom(COMMANDS);

export function findSlashCommand(name: string, commands: readonly SlashCommand[] = SLASH_COMMANDS): SlashCommand | undefined {
  return commands.find((c) => c.name === name);
}

/** The option a person is typing into (for autocomplete), or undefined when the table does not have it. */
export function findSlashOption(
  invocation: { name: string; subcommand: string | null },
  optionName: string,
  commands: readonly SlashCommand[] = SLASH_COMMANDS,
): SlashOption | undefined {
  const command = findSlashCommand(invocation.name, commands);
  const options = command?.subcommands ? command.subcommands.find((s) => s.name === invocation.subcommand)?.options : command?.options;
  return options?.find((o) => o.name === optionName);
}

/** The core command spec and words for an invocation, or null when the table does not know it (stale registration). */
export function slashToCommand(
  invocation: { name: string; subcommand: string | null; values: SlashValues },
  commands: readonly SlashCommand[] = SLASH_COMMANDS,
): { name: string; line: string } | null {
  const command = findSlashCommand(invocation.name, commands);
  const leaf = command?.subcommands ? command.subcommands.find((s) => s.name === invocation.subcommand) : command;
  if (!leaf?.commandName || !leaf.toCommandLine) return null;
  return { name: leaf.commandName, line: leaf.toCommandLine(invocation.values) };
}

/** The core command line for an invocation, or null when the table does not know it (stale registration). */
export function slashToCommandLine(
  invocation: { name: string; subcommand: string | null; values: SlashValues },
  commands: readonly SlashCommand[] = SLASH_COMMANDS,
): string | null {
  return slashToCommand(invocation, commands)?.line ?? null;
}

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

function optionJson(option: SlashOption): APIApplicationCommandBasicOption {
  const base = { name: option.name, description: option.description, required: option.required };
  switch (option.kind) {
    case 'string':
      return {
        ...base,
        type: OPTION_TYPES.string,
        ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
        ...(option.choices
          ? { choices: option.choices.map((c) => ({ name: c.name, value: String(c.value) })) }
          : option.autocomplete
            ? { autocomplete: true }
            : {}),
      };
    case 'integer':
      return {
        ...base,
        type: OPTION_TYPES.integer,
        ...(option.minValue !== undefined ? { min_value: option.minValue } : {}),
        ...(option.maxValue !== undefined ? { max_value: option.maxValue } : {}),
        ...(option.choices ? { choices: option.choices.map((c) => ({ name: c.name, value: Number(c.value) })) } : {}),
      };
    case 'boolean':
      return { ...base, type: OPTION_TYPES.boolean };
  }
}

/** Required options first: Discord refuses a command that lists an optional one before a required one. */
function optionsJson(options: readonly SlashOption[]): APIApplicationCommandBasicOption[] {
  return [...options].sort((a, b) => Number(b.required) - Number(a.required)).map(optionJson);
}

/** The registration body for `PUT /applications/{app}/commands` (or the guild variant). */
export function slashCommandsJson(commands: readonly SlashCommand[] = SLASH_COMMANDS): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    options: command.subcommands
      ? command.subcommands.map(
          (leaf): APIApplicationCommandSubcommandOption => ({
            type: ApplicationCommandOptionType.Subcommand,
            name: leaf.name,
            description: leaf.description,
            options: optionsJson(leaf.options),
          }),
        )
      : optionsJson(command.options ?? []),
    default_member_permissions: command.defaultMemberPermissions === undefined ? null : command.defaultMemberPermissions.toString(),
    // Usable in servers and (unless guild-only) in the bot's DMs; installed to servers.
    contexts: command.guildOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  }));
}
