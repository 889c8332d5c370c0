import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiChannel, ApiMessage, ApiUser } from './api-types';
import { CommandRegistry } from './command-registry';
import { EmulatorState } from './emulator-state';
import { CANNOT_MESSAGE_USER, type Fault, FaultPlan, type RouteMatch } from './fault-plan';
import { Gateway, type GatewaySession, shardOfGuild } from './gateway';
import { Intent } from './gateway-intents';
import { type InteractionRecord, InteractionStore } from './interaction-store';
import { type RecordedRequest, type RequestPredicate, RequestLog } from './request-log';
import { handleRest } from './rest-server';
import { routes } from './routes';
import { snowflakeOnShard } from './snowflake';
import { type OptionValue, UserActions } from './user-actions';

export interface DiscordEmulatorOptions {
  /** The bot token to accept (default: a generated one, see `token`). */
  botToken?: string;
  /** Port on 127.0.0.1 (default: a random free one). */
  port?: number;
  /** Privileged intents switched on for the app in the portal (a fresh app has none). */
  privilegedIntents?: { messageContent?: boolean; guildMembers?: boolean };
  heartbeatIntervalMs?: number;
  /** How long awaits wait before failing the test with the request log. */
  waitTimeoutMs?: number;
  /** GET /gateway/bot's `shards`, what `auto` sharding uses (default 1, as for a bot in few servers). */
  recommendedShards?: number;
  /**
   * GET /gateway/bot's `session_start_limit.max_concurrency` (default 1): shards that may IDENTIFY together.
   * discord.js waits 5 s between IDENTIFYs beyond it, so multi-shard tests raise it.
   */
  maxConcurrency?: number;
  /** A session with more guilds than this is closed with 4011 "Sharding required" (default 2,500, as on Discord). */
  maxGuildsPerShard?: number;
}

export interface MemberOptions {
  username: string;
  /** Gets the Moderator role (Manage Messages). */
  moderator?: boolean;
  /** false: DMs to this user fail with 403 / 50007. */
  acceptsDirectMessages?: boolean;
  /** The guild they are a member of (default: the first guild). */
  guildId?: string;
}

/** A guild a test added, with its #aftercare channel. */
export interface GuildHandle {
  id: string;
  name: string;
  channel: ApiChannel;
}

/**
 * A loopback Discord: REST under `/api/v10` and the gateway at `/gateway`, both on one random port of
 * 127.0.0.1. The client library stays real; tests act as users and await what the bot does.
 */
export class DiscordEmulator {
  readonly state: EmulatorState;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionStore;
  readonly faults = new FaultPlan();
  readonly requests = new RequestLog();
  readonly gateway: Gateway;
  readonly users: UserActions;
  /** #aftercare, the default text channel. */
  readonly channel: ApiChannel;
  private port = 0;
  private readonly waitTimeoutMs: number;
  private readonly sharding: { recommendedShards: number; maxConcurrency: number };

  private constructor(
    private readonly server: Server,
    options: DiscordEmulatorOptions,
  ) {
    this.state = new EmulatorState(options.botToken ? { botToken: options.botToken } : {});
    this.commands = new CommandRegistry(this.state.applicationId);
    this.interactions = new InteractionStore(this.state);
    this.waitTimeoutMs = options.waitTimeoutMs ?? 10_000;
    this.sharding = { recommendedShards: options.recommendedShards ?? 1, maxConcurrency: options.maxConcurrency ?? 1 };
    this.channel = this.state.createTextChannel('aftercare');
    this.state.createTextChannel('off-topic');
    const privileged =
      (options.privilegedIntents?.messageContent ? Intent.MessageContent : 0) | (options.privilegedIntents?.guildMembers ? Intent.GuildMembers : 0);
    this.gateway = new Gateway(server, this.state, () => this.gatewayUrl, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: privileged,
      maxGuildsPerShard: options.maxGuildsPerShard ?? 2500,
    });
    this.users = new UserActions(this.state, this.interactions, this.commands, this.gateway);
    server.on('request', (req, res) => {
      void handleRest(
        {
          routes,
          faults: this.faults,
          log: this.requests,
          botToken: () => this.state.botToken,
          context: () => ({
            state: this.state,
            interactions: this.interactions,
            commands: this.commands,
            dispatch: (event, data) => this.gateway.dispatch(event, data),
            gatewayUrl: this.gatewayUrl,
            sharding: this.sharding,
          }),
        },
        req,
        res,
      ).catch(() => res.destroy()); // e.g. the client aborted while sending its body
    });
  }

  static async start(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
    const server = createServer();
    const emulator = new DiscordEmulator(server, options);
    server.listen(options.port ?? 0, '127.0.0.1');
    await once(server, 'listening');
    emulator.port = (server.address() as AddressInfo).port;
    return emulator;
  }

  /** What the bot is configured with: `DISCORD_API_URL` (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get token(): string {
    return this.state.botToken;
  }

  get botUser(): ApiUser {
    return this.state.botUser;
  }

  /** A guild member (with the Moderator role when asked). */
  createMember(options: MemberOptions): ApiUser {
    const user = this.state.createUser({ username: options.username, acceptsDirectMessages: options.acceptsDirectMessages ?? true });
    const guild = this.state.guild(options.guildId ?? this.state.guildId);
    this.state.addMember(user.id, options.moderator ? [guild.moderatorRoleId] : [], guild.id);
    return user;
  }

  /**
   * Another server with the bot in it and an #aftercare channel. `onShard: [shardId, shardCount]` picks its id so
   * that Discord's rule ((guild_id >> 22) % shardCount) puts it on that shard. Create guilds before the bot logs
   * in: a guild added later is not announced (GUILD_CREATE) to a running bot.
   */
  createGuild(name: string, options: { onShard?: readonly [number, number] } = {}): GuildHandle {
    const guild = this.state.createGuild(name, options.onShard ? snowflakeOnShard(options.onShard[0], options.onShard[1]) : undefined);
    return { id: guild.id, name: guild.name, channel: this.state.createTextChannel('aftercare', [], guild.id) };
  }

  /** The shard a guild's events go to when the bot runs `shardCount` shards. */
  shardOf(guildId: string, shardCount: number): number {
    return shardOfGuild(guildId, shardCount);
  }

  // ── acting as users ───────────────────────────────────────────────────────

  say(author: ApiUser, content: string, channelId: string = this.channel.id, replyTo?: ApiMessage): ApiMessage {
    return this.users.postMessage(author, channelId, content, replyTo);
  }

  /** `@Bot text` in a channel: the way people ask the bot in a server. */
  mentionBot(author: ApiUser, text: string, channelId: string = this.channel.id): ApiMessage {
    return this.users.postMessage(author, channelId, `<@${this.botUser.id}> ${text}`);
  }

  dm(author: ApiUser, content: string): ApiMessage {
    return this.users.postDirectMessage(author, content);
  }

  slash(user: ApiUser, name: string, options: Record<string, OptionValue> = {}, extra: { channelId?: string; subcommand?: string } = {}): InteractionRecord {
    return this.users.runSlashCommand({ user, name, options, channelId: extra.channelId ?? this.channel.id, ...(extra.subcommand ? { subcommand: extra.subcommand } : {}) });
  }

  /** `/name` in the user's DM with the bot. */
  slashInDm(user: ApiUser, name: string, options: Record<string, OptionValue> = {}, extra: { subcommand?: string } = {}): InteractionRecord {
    return this.users.runSlashCommand({ user, name, options, ...(extra.subcommand ? { subcommand: extra.subcommand } : {}) });
  }

  /** The DM channel between the bot and `user`, once opened (by either side). */
  dmChannelOf(user: ApiUser): string | undefined {
    return this.state.dmChannelByUser.get(user.id);
  }

  clickButton(user: ApiUser, message: ApiMessage, customId: string): InteractionRecord {
    return this.users.clickButton({ user, message, customId });
  }

  /** Typing into an autocompleted option, in #aftercare unless `extra.channelId` says otherwise. */
  autocomplete(
    user: ApiUser,
    name: string,
    focused: string,
    options: Record<string, OptionValue>,
    extra: { channelId?: string; subcommand?: string } = {},
  ): InteractionRecord {
    return this.users.autocomplete({
      user,
      name,
      focused,
      options,
      channelId: extra.channelId ?? this.channel.id,
      ...(extra.subcommand ? { subcommand: extra.subcommand } : {}),
    });
  }

  // ── awaiting the bot ──────────────────────────────────────────────────────

  /** The next not-yet-awaited REST call matching `predicate` (already made, or when it arrives). */
  waitForRequest(predicate: RequestPredicate, describe = 'a matching request'): Promise<RecordedRequest> {
    return this.requests.next(predicate, this.waitTimeoutMs, describe);
  }

  /** The next message the bot created in a channel (default #aftercare). */
  async waitForBotMessage(channelId: string = this.channel.id): Promise<ApiMessage> {
    const request = await this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 200,
      `a bot message in channel ${channelId}`,
    );
    return request.response as ApiMessage;
  }

  /** The bot's reply (a message referencing `question`). */
  async waitForReplyTo(question: ApiMessage): Promise<{ request: RecordedRequest; message: ApiMessage }> {
    const request = await this.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${question.channel_id}/messages` &&
        r.status === 200 &&
        (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === question.id,
      `a reply to message ${question.id}`,
    );
    return { request, message: request.response as ApiMessage };
  }

  /** The bot's answer to an interaction: its callback (reply, defer, update or autocomplete result). */
  waitForInteractionCallback(interaction: InteractionRecord): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
      `the callback for interaction ${interaction.id}`,
    );
  }

  /** The next call on an interaction's webhook (editReply, followUp, deleteReply). */
  waitForInteractionWebhook(interaction: InteractionRecord, method?: string): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.path.startsWith(`/webhooks/${this.state.applicationId}/${interaction.token}`) && (!method || r.method === method),
      `a webhook call for interaction ${interaction.id}`,
    );
  }

  /** The next gateway IDENTIFY (a fresh session). */
  waitForIdentify(): Promise<GatewaySession> {
    return this.waitForGateway('identify');
  }

  /** The next successful RESUME. */
  waitForResume(): Promise<GatewaySession> {
    return this.waitForGateway('resume');
  }

  private async waitForGateway(event: 'identify' | 'resume'): Promise<GatewaySession> {
    const [session] = (await once(this.gateway, event, { signal: AbortSignal.timeout(this.waitTimeoutMs) })) as [GatewaySession];
    return session;
  }

  /** Messages the bot posted in a channel, oldest first. */
  botMessages(channelId: string = this.channel.id): ApiMessage[] {
    return [...this.state.channelMessages(channelId).values()].filter((m) => m.author.id === this.botUser.id);
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  // ── faults ────────────────────────────────────────────────────────────────

  failNext(match: RouteMatch, fault: Fault, times = 1): void {
    this.faults.add(match, fault, times);
  }

  /** The next matching call answers 429 with `Retry-After: seconds`. */
  rateLimitNext(match: RouteMatch, retryAfterSeconds = 0.2): void {
    this.faults.add(match, { kind: 'rate-limit', retryAfterSeconds });
  }

  /** The next matching call answers 403 / 50007 "Cannot send messages to this user". */
  refuseDmNext(match: RouteMatch): void {
    this.faults.add(match, CANNOT_MESSAGE_USER);
  }

  /** A gateway outage: sockets dropped and reconnects refused until the returned function ends it. */
  gatewayOutage(): () => void {
    this.gateway.refuseConnections = true;
    this.gateway.dropConnections();
    return () => {
      this.gateway.refuseConnections = false;
    };
  }

  /** One shard's outage: its socket dropped and its RESUME/IDENTIFY refused until the returned function ends it. */
  shardOutage(shardId: number): () => void {
    return this.gateway.shardOutage(shardId);
  }

  /** Kills the gateway socket(s) without a close frame; the client should RESUME. */
  dropGateway(): void {
    this.gateway.dropConnections();
  }

  async stop(): Promise<void> {
    this.requests.close();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
