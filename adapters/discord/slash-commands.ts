import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** What an option holds once Discord has parsed it. */
export type SlashValue = string | number | boolean;
export type SlashValues = Readonly<Record<string, SlashValue | undefined>>;

export interface SlashOption {
  name: string;
  description: string;
  kind: 'string' | 'integer' | 'boolean';
  required: boolean;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  choices?: readonly { name: string; value: string | number }[];
}

interface SlashLeaf {
  name: string;
  description: string;
  options: readonly SlashOption[];
  /** The core's command line for the values typed ("ask <question>", "topics" …). */
  toCommandLine(values: SlashValues): string;
}

export interface SlashCommand {
  name: string;
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
}

/**
 * Every slash command and the core command line it stands for. Later issues add rows here
 * (`/checkins`, `/faq`, `/forget-me`); `npm run register-commands` publishes this table.
 */
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  {
    name: 'ask',
    description: 'Ask a microneedling aftercare question',
    options: [{ name: 'question', description: 'What you want to know', kind: 'string', required: true, maxLength: 500 }],
    toCommandLine: (v) => `ask ${String(v['question'] ?? '').trim()}`.trim(),
  },
  {
    name: 'topics',
    description: 'List the aftercare topics I can answer',
    toCommandLine: () => 'topics',
  },
  {
    name: 'help',
    description: 'Show what I can do',
    toCommandLine: () => 'help',
  },
];

export function findSlashCommand(name: string, commands: readonly SlashCommand[] = SLASH_COMMANDS): SlashCommand | undefined {
  return commands.find((c) => c.name === name);
}

/** The core command line for an invocation, or null when the table does not know it (stale registration). */
export function slashToCommandLine(
  invocation: { name: string; subcommand: string | null; values: SlashValues },
  commands: readonly SlashCommand[] = SLASH_COMMANDS,
): string | null {
  const command = findSlashCommand(invocation.name, commands);
  if (!command) return null;
  if (command.subcommands) {
    const leaf = command.subcommands.find((s) => s.name === invocation.subcommand);
    return leaf ? leaf.toCommandLine(invocation.values) : null;
  }
  return command.toCommandLine ? command.toCommandLine(invocation.values) : null;
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
        ...(option.choices ? { choices: option.choices.map((c) => ({ name: c.name, value: String(c.value) })) } : {}),
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
    // Usable in servers and in the bot's DMs, installed to servers.
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  }));
}
