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

/** What an option holds once Discord has parsed it. */
export type SlashValue = string | number | boolean;
export type SlashValues = Readonly<Record<string, SlashValue | undefined>>;

/**
 * Where an option's autocomplete choices come from (see autocomplete.ts): the FAQ entries, the entries pinned
 * in the channel (both from the core's live pack), or IANA time zones.
 */
export type AutocompleteSource = 'faq-entries' | 'faq-pinned' | 'time-zones';

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

/** "<words> <value> <value>…" without the values left empty. */
function line(words: string, ...values: (SlashValue | undefined)[]): string {
  return [words, ...values.map(plain)].filter((part) => part !== '').join(' ');
}

const topicOption = (description: string, autocomplete: AutocompleteSource): SlashOption => ({
  name: 'topic',
  description,
  kind: 'string',
  required: true,
  maxLength: 100,
  autocomplete,
});

/**
 * Every slash command and the core command line it stands for; `npm run register-commands` publishes this
 * table. Who may use what is decided by the core (moderator-only commands refuse everyone else);
 * `defaultMemberPermissions` only hides a command from the menus of members who could not use it anyway.
 */
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  {
    name: 'ask',
    description: 'Ask a microneedling aftercare question',
    options: [{ name: 'question', description: 'What you want to know', kind: 'string', required: true, maxLength: 500 }],
    toCommandLine: (v) => line('ask', v['question']),
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
  {
    name: 'faq',
    description: 'Pinned FAQ answers in this channel, and what I could not answer (moderators)',
    // Moderators are whoever may manage messages in the channel; the core checks it again on every use.
    defaultMemberPermissions: PermissionFlagsBits.ManageMessages,
    guildOnly: true,
    privateAnswers: true,
    subcommands: [
      {
        name: 'pin',
        description: 'Post an FAQ answer with its sources in this channel and pin it',
        options: [topicOption('The FAQ entry: start typing its id or question', 'faq-entries')],
        toCommandLine: (v) => line('faq pin', v['topic']),
      },
      {
        name: 'unpin',
        description: 'Unpin an FAQ answer in this channel',
        options: [topicOption('The pinned FAQ entry: start typing its id or question', 'faq-pinned')],
        toCommandLine: (v) => line('faq unpin', v['topic']),
      },
      { name: 'list', description: 'The FAQ answers pinned in this channel', options: [], toCommandLine: () => 'faq list' },
      { name: 'gaps', description: 'The questions I could not answer, most asked first (30 days)', options: [], toCommandLine: () => 'faq gaps' },
      { name: 'stats', description: 'Answers per entry; decline and escalation rates (7 and 30 days)', options: [], toCommandLine: () => 'faq stats' },
    ],
  },
  {
    name: 'checkins',
    description: 'Short check-in DMs for two weeks after a treatment',
    privateAnswers: true,
    subcommands: [
      {
        name: 'start',
        description: 'Start check-ins (replaces an earlier plan)',
        options: [
          { name: 'date', description: 'Treatment date: today, yesterday or YYYY-MM-DD (default: today)', kind: 'string', required: false, maxLength: 20 },
          { name: 'hour', description: 'Local hour for the messages, e.g. 9, 09:00 or 9am (default: 09:00)', kind: 'string', required: false, maxLength: 10 },
          {
            name: 'timezone',
            description: 'Your time zone, e.g. Europe/Berlin (default: the server setting)',
            kind: 'string',
            required: false,
            maxLength: 64,
            autocomplete: 'time-zones',
          },
        ],
        toCommandLine: (v) => line('checkins start', v['date'], v['hour'], v['timezone']),
      },
      { name: 'status', description: 'Your next check-in and how many remain', options: [], toCommandLine: () => 'checkins status' },
      { name: 'stop', description: 'Stop your check-ins at once', options: [], toCommandLine: () => 'checkins stop' },
    ],
  },
  {
    name: 'forget-me',
    description: 'Delete everything I have stored about you (check-ins, answers, question records)',
    privateAnswers: true,
    toCommandLine: () => 'forget me',
  },
];

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
