import type { ApiChannel, ApiComponent, ApiMessage, ApiUser } from './api-types';
import { ChannelType, ComponentType, InteractionType } from './api-types';
import type { CommandRegistry } from './command-registry';
import type { EmulatorState } from './emulator-state';
import { interactionChannel, interactionMember, messageDispatch } from './gateway-payloads';
import type { InteractionRecord, InteractionStore } from './interaction-store';
import { snowflake } from './snowflake';

/** Command option types (https://discord.com/developers/docs/interactions/application-commands). */
const OptionType = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

export type OptionValue = string | number | boolean;

export interface Dispatcher {
  dispatch(event: string, data: Record<string, unknown>): void;
}

/**
 * What people do on Discord, turned into gateway dispatches: post a message, run a slash command,
 * click a button, type into an autocompleted option.
 */
export class UserActions {
  constructor(
    private readonly state: EmulatorState,
    private readonly interactions: InteractionStore,
    private readonly commands: CommandRegistry,
    private readonly gateway: Dispatcher,
  ) {}

  /** A person posts `content` in a channel (or a DM channel); MESSAGE_CREATE goes out intent-filtered. */
  postMessage(author: ApiUser, channelId: string, content: string, replyTo?: ApiMessage): ApiMessage {
    const { message } = this.state.createMessage(channelId, author.id, {
      content,
      ...(replyTo ? { message_reference: { message_id: replyTo.id } } : {}),
    });
    this.gateway.dispatch('MESSAGE_CREATE', messageDispatch(this.state, message, this.state.channel(channelId)));
    return message;
  }

  /** A person writes to the bot in their DM channel. */
  postDirectMessage(author: ApiUser, content: string): ApiMessage {
    return this.postMessage(author, this.state.openDm(author.id).id, content);
  }

  /** `/name option:value …` in a channel (or, with `channelId` omitted, in the user's DM with the bot). */
  runSlashCommand(args: {
    user: ApiUser;
    name: string;
    channelId?: string;
    subcommand?: string;
    options?: Record<string, OptionValue>;
  }): InteractionRecord {
    const channel = this.channelFor(args.user, args.channelId);
    const guildId = channel.guild_id;
    const command = this.commands.find(args.name, guildId);
    const declared = (args.subcommand ? command?.options?.find((o) => o.name === args.subcommand)?.options : command?.options) ?? [];
    if (command) {
      for (const option of declared) {
        if (option.required && args.options?.[option.name] === undefined) {
          throw new Error(`/${args.name} needs option "${option.name}" (Discord would not let the user send it)`);
        }
      }
      for (const name of Object.keys(args.options ?? {})) {
        if (!declared.some((o) => o.name === name)) throw new Error(`/${args.name} has no option "${name}"`);
      }
    }
    const values = Object.entries(args.options ?? {}).map(([name, value]) => ({
      name,
      type: declared.find((o) => o.name === name)?.type ?? inferType(value),
      value,
    }));
    const options = args.subcommand ? [{ name: args.subcommand, type: OptionType.Subcommand, options: values }] : values;
    return this.createInteraction(args.user, channel, InteractionType.ApplicationCommand, {
      id: command?.id ?? snowflake(),
      name: args.name,
      type: 1,
      options,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    });
  }

  /** A click on a button of a bot message; the custom_id must be on that message, as on Discord. */
  clickButton(args: { user: ApiUser; message: ApiMessage; customId: string }): InteractionRecord {
    const buttons = flattenComponents(args.message.components);
    if (!buttons.some((b) => b.type === ComponentType.Button && b.custom_id === args.customId && !b.disabled)) {
      const ids = buttons.map((b) => b.custom_id).join(', ');
      throw new Error(`message ${args.message.id} has no enabled button "${args.customId}" (it has: ${ids || 'none'})`);
    }
    const channel = this.state.channel(args.message.channel_id);
    return this.createInteraction(
      args.user,
      channel,
      InteractionType.MessageComponent,
      { custom_id: args.customId, component_type: ComponentType.Button },
      args.message,
    );
  }

  /**
   * Typing into an option declared with `autocomplete: true` (of a subcommand when `subcommand` is given).
   * As on Discord, only a registered option with autocomplete can be typed into this way.
   */
  autocomplete(args: {
    user: ApiUser;
    name: string;
    channelId?: string;
    subcommand?: string;
    focused: string;
    options: Record<string, OptionValue>;
  }): InteractionRecord {
    const channel = this.channelFor(args.user, args.channelId);
    const command = this.commands.find(args.name, channel.guild_id);
    const declared = (args.subcommand ? command?.options?.find((o) => o.name === args.subcommand)?.options : command?.options) ?? [];
    if (command) {
      const option = declared.find((o) => o.name === args.focused);
      if (!option?.['autocomplete']) {
        throw new Error(`/${[args.name, args.subcommand].filter(Boolean).join(' ')} has no autocompleted option "${args.focused}"`);
      }
    }
    const values = Object.entries(args.options).map(([name, value]) => ({
      name,
      type: declared.find((o) => o.name === name)?.type ?? inferType(value),
      // While typing, Discord sends the raw text of the focused option, even for number options.
      value,
      ...(name === args.focused ? { focused: true } : {}),
    }));
    return this.createInteraction(args.user, channel, InteractionType.Autocomplete, {
      id: command?.id ?? snowflake(),
      name: args.name,
      type: 1,
      options: args.subcommand ? [{ name: args.subcommand, type: OptionType.Subcommand, options: values }] : values,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    });
  }

  private channelFor(user: ApiUser, channelId: string | undefined): ApiChannel {
    return channelId ? this.state.channel(channelId) : this.state.openDm(user.id);
  }

  private createInteraction(
    user: ApiUser,
    channel: ApiChannel,
    type: number,
    data: Record<string, unknown>,
    sourceMessage?: ApiMessage,
  ): InteractionRecord {
    const inGuild = channel.type !== ChannelType.DM;
    const guildId = inGuild ? channel.guild_id : undefined;
    const payload: Record<string, unknown> = {
      application_id: this.state.applicationId,
      type,
      version: 1,
      data,
      channel_id: channel.id,
      channel: { ...interactionChannel(channel), ...(inGuild ? { permissions: this.state.permissionsIn(user.id, channel.id).toString() } : {}) },
      app_permissions: (inGuild ? this.state.permissionsIn(this.state.botUser.id, channel.id) : 0n).toString(),
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 10_485_760,
      ...(inGuild
        ? {
            guild_id: guildId,
            guild: { id: guildId, locale: 'en-US', features: ['COMMUNITY'] },
            guild_locale: 'en-US',
            member: interactionMember(this.state, user.id, channel.id),
          }
        : { user }),
      ...(sourceMessage ? { message: messageDispatch(this.state, sourceMessage, channel) } : {}),
    };
    const record = this.interactions.register({
      type,
      channelId: channel.id,
      ...(guildId ? { guildId } : {}),
      userId: user.id,
      payload,
      ...(sourceMessage ? { sourceMessage } : {}),
    });
    payload['id'] = record.id;
    payload['token'] = record.token;
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return record;
  }
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

export function flattenComponents(components: ApiComponent[]): ApiComponent[] {
  return components.flatMap((c) => (c.components ? [c, ...flattenComponents(c.components)] : [c]));
}
