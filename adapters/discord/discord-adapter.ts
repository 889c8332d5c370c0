import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  type AutocompleteInteraction,
  Client,
  Events,
  type Interaction,
  type Message,
  type MessageCreateOptions,
  RESTEvents,
  type SendableChannels,
} from 'discord.js';
import type { Config } from '../../src/config/config-schema';
import type { ConversationCore } from '../../src/conversation/conversation-core';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { infoReply, type Reply } from '../../src/conversation/reply';
import type { Logger } from '../../src/logging/logger';
import type { Adapter, AdapterReadiness, Address, MessageRef, SendOptions } from '../../src/platform/adapter';
import { PlatformError } from '../../src/platform/platform-error';
import { StartupError } from '../../src/platform/startup-error';
import { autocompleteChoices } from './autocomplete';
import { discordClientOptions } from './client-options';
import {
  incomingFromButton,
  incomingFromMessage,
  incomingFromSlash,
  isAddressedToBot,
  isModeratorIn,
  slashInvocation,
} from './discord-incoming';
import { redactRoute, toPlatformError } from './discord-errors';
import { InteractionResponder } from './interaction-responder';
import { inviteUrl } from './invite-url';
import { type DiscordMessageParts, renderReply } from './render-reply';
import { findSlashCommand, findSlashOption } from './slash-commands';

const PRIVATE_SENT = 'That answer is private, so I sent it to you by direct message.';
const PRIVATE_UNREACHABLE =
  'That answer is private and I cannot send you direct messages. Use the slash command instead: only you will see its answer.';
/** A check-in DM is looked for among this many newest messages of the DM. */
const LOOK_BACK_MESSAGES = 50;
/** Discord caps a message nonce at 25 characters. */
const MAX_NONCE = 25;

/** Knobs with production defaults; tests may shorten them. */
export interface DiscordAdapterTuning {
  /** Defer an interaction when the core has not answered within this time (Discord allows 3 s). */
  deferInteractionAfterMs?: number;
  /** Per-request REST timeout. */
  restTimeoutMs?: number;
  /** REST retries for 5xx and network errors (429s are always waited out and retried). */
  restRetries?: number;
}

export interface DiscordAdapterDeps {
  config: Config;
  core: ConversationCore;
  logger: Logger;
  tuning?: DiscordAdapterTuning;
  /** Called for each 429 that discord.js waits out (metrics). */
  onRateLimited?: () => void;
}

export interface DiscordAdapter extends Adapter {
  readonly platform: 'discord';
  /** The bot's user id once started (tests and diagnostics). */
  readonly botUserId: string | null;
  /** The invite link, known once started (it needs the application id from READY). */
  inviteUrl(): string | null;
}

/** The Discord adapter on discord.js 14. Constructing it touches no network; `start()` logs in. */
export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  return new DiscordJsAdapter(deps);
}

class DiscordJsAdapter implements DiscordAdapter {
  readonly platform = 'discord' as const;
  private readonly client: Client;
  private readonly log: Logger;
  private readonly deferAfterMs: number;
  private started = false;
  /** Shard id → when its gateway connection was lost (absent while connected): GET /readyz and the reconnect log. */
  private readonly shardsLostAt = new Map<number, number>();

  constructor(private readonly deps: DiscordAdapterDeps) {
    this.log = deps.logger.child({ adapter: 'discord' });
    this.deferAfterMs = deps.tuning?.deferInteractionAfterMs ?? 2000;
    const options = discordClientOptions(deps.config);
    this.client = new Client({
      ...options,
      rest: {
        ...options.rest,
        ...(deps.tuning?.restTimeoutMs !== undefined ? { timeout: deps.tuning.restTimeoutMs } : {}),
        ...(deps.tuning?.restRetries !== undefined ? { retries: deps.tuning.restRetries } : {}),
      },
    });
    // The core's error boundary answers every dispatched event; this only logs what fails around it.
    const unexpected = (error: unknown) => this.log.error({ err: error }, 'discord event handler crashed');
    this.client.on(Events.MessageCreate, (message) => void this.onMessage(message).catch(unexpected));
    this.client.on(Events.InteractionCreate, (interaction) => void this.onInteraction(interaction).catch(unexpected));
    this.observeConnection();
  }

  get botUserId(): string | null {
    return this.client.user?.id ?? null;
  }

  inviteUrl(): string | null {
    return this.client.application ? inviteUrl(this.client.application.id) : null;
  }

  async start(): Promise<void> {
    const token = this.deps.config.DISCORD_TOKEN;
    if (!token) throw new StartupError('discord', 'DISCORD_TOKEN', 'DISCORD_TOKEN is not set');
    const abort = new AbortController();
    const ready = once(this.client, Events.ClientReady, { signal: abort.signal });
    ready.catch(() => undefined); // settled below either way
    try {
      await this.client.login(token);
      await ready;
    } catch (error) {
      abort.abort();
      await this.client.destroy();
      if (error instanceof Error && /disallowed intents/i.test(error.message)) {
        throw new StartupError(
          'discord',
          'DISCORD_MESSAGE_CONTENT',
          'Discord refused the privileged Message Content intent: enable it for the bot in the Developer Portal, or unset DISCORD_MESSAGE_CONTENT',
          { cause: error },
        );
      }
      if (error instanceof Error && /sharding is required/i.test(error.message)) {
        throw new StartupError(
          'discord',
          'DISCORD_SHARD_COUNT',
          'Discord requires sharding for this many servers (2,500 or more on one shard): set DISCORD_SHARD_COUNT=auto, or a number of shards',
          { cause: error },
        );
      }
      if (error instanceof Error && /invalid shard/i.test(error.message)) {
        throw new StartupError('discord', 'DISCORD_SHARD_COUNT or DISCORD_SHARD_IDS', 'Discord refused the shard settings (invalid shard)', { cause: error });
      }
      const refused = toPlatformError(error, 'login');
      throw new StartupError('discord', this.deps.config.DISCORD_API_URL ? 'DISCORD_TOKEN or DISCORD_API_URL' : 'DISCORD_TOKEN', refused.message, { cause: refused });
    }
    this.started = true;
    this.log.info(
      {
        bot: this.client.user?.tag,
        guilds: this.client.guilds.cache.size,
        shards: this.shardIds(),
        shardCount: this.client.options.shardCount,
        messageContentIntent: this.deps.config.DISCORD_MESSAGE_CONTENT,
        inviteUrl: this.inviteUrl(),
      },
      'discord connected; invite the bot with inviteUrl (scopes bot + applications.commands)',
    );
  }

  readiness(): AdapterReadiness {
    if (!this.started) return { ready: false, detail: 'not logged in' };
    // The client's own status stays Ready while a shard reconnects, so outages are tracked from shard events:
    // a process is ready only when every shard it holds is connected (people on a down shard get no answers).
    if (this.shardsLostAt.size === 0) return { ready: true };
    const since = Math.min(...this.shardsLostAt.values());
    const down = [...this.shardsLostAt.keys()].sort((a, b) => a - b);
    const which = this.shardIds().length > 1 ? ` (shard${down.length > 1 ? 's' : ''} ${down.join(', ')} of ${this.client.options.shardCount})` : '';
    return { ready: false, detail: `gateway down${which} for ${Math.round((Date.now() - since) / 1000)} s, reconnecting` };
  }

  async stop(): Promise<void> {
    this.started = false;
    // Let answers in progress finish, then close the gateway and REST.
    await this.deps.core.idle();
    await this.client.destroy();
  }

  async sendDirect(address: Address, reply: Reply, options: SendOptions = {}): Promise<MessageRef> {
    this.assertStarted();
    if (address.platform !== 'discord') throw new PlatformError('failed', `not a Discord address: ${address.platform}`);
    const channel = await this.call('opening the DM', () => this.client.users.createDM(address.userId));
    return this.sendParts(channel, renderReply(reply), { nonce: options.nonce });
  }

  /**
   * Discord forgets a nonce after a few minutes, and fetched messages do not carry it: an earlier attempt is found
   * instead by the reply's first button, whose custom_id names the scheduled check-in, among the DM's newest messages.
   */
  async findDirect(address: Address, { reply }: { reply: Reply }): Promise<MessageRef | null> {
    this.assertStarted();
    const marker = reply.buttons?.[0]?.action;
    if (!marker || address.platform !== 'discord') return null;
    const channel = await this.call('opening the DM', () => this.client.users.createDM(address.userId));
    const recent = await this.call('reading the DM', () => channel.messages.fetch({ limit: LOOK_BACK_MESSAGES }));
    const botId = this.client.user?.id;
    const found = recent.find(
      (m) => m.author.id === botId && m.components.some((row) => 'components' in row && row.components.some((c) => 'customId' in c && c.customId === marker)),
    );
    return found ? { platform: 'discord', channelId: found.channelId, messageId: found.id } : null;
  }

  async send(channelId: string, reply: Reply): Promise<MessageRef> {
    this.assertStarted();
    return this.sendParts(await this.sendableChannel(channelId), renderReply(reply), {});
  }

  async pin(ref: MessageRef): Promise<void> {
    this.assertStarted();
    const channel = await this.sendableChannel(ref.channelId);
    await this.call('pinning', () => channel.messages.pin(ref.messageId));
  }

  async unpin(ref: MessageRef): Promise<void> {
    this.assertStarted();
    const channel = await this.sendableChannel(ref.channelId);
    await this.call('unpinning', () => channel.messages.unpin(ref.messageId));
  }

  async edit(ref: MessageRef, reply: Reply): Promise<void> {
    this.assertStarted();
    const parts = renderReply(reply);
    if (parts.length > 1) this.log.warn({ channel: ref.channelId, message: ref.messageId, parts: parts.length }, 'edit: reply too long for one message; kept its first part');
    const first = parts[0] as DiscordMessageParts;
    const components = parts[parts.length - 1]?.components ?? [];
    const channel = await this.sendableChannel(ref.channelId);
    await this.call('editing', () =>
      channel.messages.edit(ref.messageId, { content: first.content, components, allowedMentions: { parse: [] } }),
    );
  }

  async remove(ref: MessageRef): Promise<void> {
    this.assertStarted();
    const channel = await this.sendableChannel(ref.channelId);
    await this.call('deleting', () => channel.messages.delete(ref.messageId));
  }

  // ── incoming events ───────────────────────────────────────────────────────

  private async onMessage(message: Message): Promise<void> {
    const botId = this.client.user?.id;
    if (!botId) return;
    // Never answer bots (including itself), webhooks or system messages: no reply loops.
    if (message.author.bot || message.author.id === botId || message.webhookId || message.system) return;
    if (!isAddressedToBot(message, botId)) return;
    const channel = message.channel;
    if (!channel.isSendable()) return;
    const publicly = (reply: Reply) => this.sendParts(channel, renderReply(reply), { replyTo: message.id }).then(() => undefined);
    await this.deps.core.dispatch(incomingFromMessage(message, botId), {
      event: 'message',
      send: (reply) => (reply.ephemeral && message.inGuild() ? this.replyPrivately(message, reply) : publicly(reply)),
      // The apology says nothing private: it answers in the channel, where the question was.
      apologize: publicly,
    });
  }

  /**
   * Discord has no private reply to a plain channel message: a private answer (status, forget-me, moderator
   * output, refusals) goes to the author's DMs, and the channel only learns that it did.
   */
  private async replyPrivately(message: Message<true>, reply: Reply): Promise<void> {
    try {
      const dm = await this.call('opening the DM', () => message.author.createDM());
      await this.sendParts(dm, renderReply(reply), {});
      await this.sendParts(message.channel, renderReply(infoReply(PRIVATE_SENT)), { replyTo: message.id });
    } catch (error) {
      if (!(error instanceof PlatformError && error.code === 'unreachable')) throw error;
      await this.sendParts(message.channel, renderReply(infoReply(PRIVATE_UNREACHABLE)), { replyTo: message.id });
    }
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      await this.onAutocomplete(interaction);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    // Commands whose answers are private in a server are deferred privately too (no public "thinking…").
    const deferPrivately =
      interaction.isChatInputCommand() && interaction.inGuild() && findSlashCommand(interaction.commandName)?.privateAnswers === true;
    const responder = new InteractionResponder(interaction, this.deferAfterMs, deferPrivately);
    const event = interaction.isButton() ? 'button' : `/${interaction.commandName}`;
    const incoming: IncomingMessage = interaction.isChatInputCommand()
      ? incomingFromSlash(interaction, slashInvocation(interaction))
      : incomingFromButton(interaction);
    responder.begin();
    await this.deps.core.dispatch(incoming, { event, send: (reply) => responder.send(reply), apologize: (reply) => responder.apologize(reply) });
  }

  /**
   * Suggestions while someone types into an option declared with `autocomplete` (`/faq pin topic:`): from the
   * core's live knowledge pack, so they follow edits of the pack. Anything else (a stale registration) gets none.
   * The core's choices never throw; a refused answer reaches the listener's log line.
   */
  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const option = findSlashOption({ name: interaction.commandName, subcommand: interaction.options.getSubcommand(false) }, focused.name);
    const choices = option?.autocomplete
      ? await autocompleteChoices(option.autocomplete, {
          core: this.deps.core,
          channelId: interaction.channelId,
          typed: String(focused.value ?? ''),
          isModerator: isModeratorIn(interaction),
          defaultTimezone: this.deps.config.DEFAULT_TIMEZONE,
        })
      : [];
    await this.call('answering autocomplete', () => interaction.respond(choices));
  }

  // ── outgoing ──────────────────────────────────────────────────────────────

  /** Sends the parts in order; the first replies to `replyTo`; returns the first message. */
  private async sendParts(
    channel: SendableChannels,
    parts: DiscordMessageParts[],
    options: { replyTo?: string; nonce?: string | undefined },
  ): Promise<MessageRef> {
    let first: Message | null = null;
    for (const [index, part] of parts.entries()) {
      const isReply = index === 0 && options.replyTo !== undefined;
      const payload: MessageCreateOptions = {
        content: part.content,
        components: part.components,
        // Nothing in the text pings anyone; a reply notifies only the person who asked.
        allowedMentions: { parse: [], repliedUser: isReply },
        ...(isReply ? { reply: { messageReference: options.replyTo as string, failIfNotExists: false } } : {}),
        // With enforceNonce Discord returns the earlier message for a repeated nonce instead of a duplicate.
        ...(options.nonce ? { nonce: partNonce(options.nonce, index), enforceNonce: true } : {}),
      };
      const sent: Message = await this.call(index === 0 ? 'sending' : 'sending (continued)', (): Promise<Message> => channel.send(payload));
      first ??= sent;
    }
    if (!first) throw new PlatformError('failed', 'nothing to send');
    return { platform: 'discord', channelId: first.channelId, messageId: first.id };
  }

  private async sendableChannel(channelId: string): Promise<SendableChannels> {
    const channel = await this.call('fetching the channel', () => this.client.channels.fetch(channelId));
    if (!channel?.isSendable()) throw new PlatformError('not-found', `Discord channel ${channelId} is not a text channel the bot can use`);
    return channel;
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toPlatformError(error, what);
    }
  }

  /** The shards this process holds (known once logged in; `auto` resolves to every recommended shard). */
  private shardIds(): number[] {
    const shards = this.client.options.shards;
    return Array.isArray(shards) ? shards : [];
  }

  private assertStarted(): void {
    if (!this.started) throw new PlatformError('failed', 'the Discord adapter is not connected');
  }

  /** Connection health in the log: disconnects, reconnects, resumes, rate limits. */
  private observeConnection(): void {
    const c = this.client;
    c.on(Events.Error, (error) => this.log.error({ err: toPlatformError(error, 'gateway') }, 'discord client error'));
    c.on(Events.Warn, (message) => this.log.warn({ detail: message }, 'discord client warning'));
    c.on(Events.ShardDisconnect, (event, shard) => {
      if (!this.shardsLostAt.has(shard)) this.shardsLostAt.set(shard, Date.now());
      this.log.warn({ shard, code: event.code }, 'discord gateway closed for good');
    });
    // discord.js retries every ~0.5 s while the gateway is unreachable: log each shard's outage once, and its end.
    c.on(Events.ShardReconnecting, (shard) => {
      if (this.shardsLostAt.has(shard)) return;
      this.shardsLostAt.set(shard, Date.now());
      this.log.warn({ shard }, 'discord gateway connection lost; reconnecting');
    });
    const back = (shard: number, how: string, replayed?: number) => {
      const lostAt = this.shardsLostAt.get(shard);
      this.log.info({ shard, how, replayed, downMs: lostAt === undefined ? undefined : Date.now() - lostAt }, 'discord gateway connected again');
      this.shardsLostAt.delete(shard);
    };
    c.on(Events.ShardResume, (shard, replayed) => back(shard, 'resumed', replayed));
    c.on(Events.ShardReady, (shard) => {
      if (this.shardsLostAt.has(shard)) back(shard, 'new session');
    });
    c.on(Events.ShardError, (error, shard) => this.log.warn({ shard, err: toPlatformError(error, 'gateway') }, 'discord gateway error'));
    c.rest.on(RESTEvents.RateLimited, (info) => {
      this.deps.onRateLimited?.();
      this.log.warn(
        { method: info.method, route: redactRoute(info.route), retryAfterMs: info.retryAfter, global: info.global, scope: info.scope },
        'discord rate limit: waiting before retrying',
      );
    });
  }
}

/** The nonce for one part of a reply: the caller's own when it fits, else a stable digest of it (≤ 25 chars). */
export function partNonce(nonce: string, index: number): string {
  if (index === 0 && nonce.length <= MAX_NONCE) return nonce;
  return createHash('sha256').update(`${nonce}#${index}`).digest('base64url').slice(0, MAX_NONCE);
}
