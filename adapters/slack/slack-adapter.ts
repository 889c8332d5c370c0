import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';

const { WebClientEvent } = webApi;
import type { Config } from '../../src/config/config-schema';
import type { ConversationCore } from '../../src/conversation/conversation-core';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import type { Reply } from '../../src/conversation/reply';
import type { Logger } from '../../src/logging/logger';
import type { HttpRoute } from '../../src/ops/ops-routes';
import type { Adapter, AdapterReadiness, Address, MessageRef, SendOptions } from '../../src/platform/adapter';
import { StartupError } from '../../src/platform/startup-error';
import { createBoltApp, type SlackAdapterTuning, type SlackMode } from './create-bolt-app';
import { slackTextToPlain } from './mrkdwn';
import { ACTION_ID_PATTERN, actionFromButton, renderSlackReply } from './render-slack-reply';
import { SLASH_COMMAND, SLASH_PREFIX, slashToCoreText } from './slash-commands';
import { slackErrorString, toPlatformError } from './slack-errors';
import { SlackWebCalls } from './slack-web-calls';
import { SlackUserDirectory } from './user-directory';

export { SLACK_EVENTS_PATH, type SlackAdapterTuning } from './create-bolt-app';

export interface SlackAdapterDeps {
  config: Config;
  core: ConversationCore;
  logger: Logger;
  tuning?: SlackAdapterTuning;
  /** HTTP mode: extra GET routes served on the same port as /slack/events (health and metrics). */
  httpRoutes?: readonly HttpRoute[];
  /** Called for each 429 the Web API client waits out (metrics). */
  onRateLimited?: () => void;
  /** True the first time an event id is seen; without it every delivery is handled (retries included). */
  firstSeen?: (platform: string, eventId: string) => Promise<boolean>;
}

export interface SlackAdapter extends Adapter {
  readonly platform: 'slack';
  /** Socket Mode when SLACK_APP_TOKEN is set, else HTTP (Events API requests to /slack/events). */
  readonly mode: SlackMode;
  /** The port actually listened on in HTTP mode (PORT=0 picks a free one); undefined otherwise. */
  readonly port: number | undefined;
}

const DEFAULT_USER_CACHE_MS = 60_000;

/** The Slack adapter on @slack/bolt. Creating it makes no network call; start() connects. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  return new BoltSlackAdapter(deps);
}

/** Where a reply to one event goes. */
interface Target {
  channel: string;
  userId: string;
  isDirect: boolean;
  threadTs?: string;
  /** The event's response_url (slash commands, buttons). */
  respond?: RespondFn;
  /** Answer only through `respond`, ephemerally (slash commands, buttons on ephemeral messages). */
  respondOnly?: boolean;
}

/** Marks the bot's check-in DMs (message metadata); its payload carries the check-in's nonce. */
const CHECKIN_METADATA_TYPE = 'aftercare_checkin';
/** A check-in DM is looked for among this many newest messages of the DM (a DM with the bot is quiet). */
const LOOK_BACK_MESSAGES = 50;

class BoltSlackAdapter implements SlackAdapter {
  readonly platform = 'slack' as const;
  readonly mode: SlackMode;
  private readonly app: App;
  private readonly receiver: HTTPReceiver | SocketModeReceiver;
  private readonly web: SlackWebCalls;
  private readonly core: ConversationCore;
  private readonly log: Logger;
  private readonly config: Config;
  private readonly users: SlackUserDirectory;
  private readonly moderators: ReadonlySet<string>;
  private server: Server | undefined;
  private running = false;

  private readonly firstSeen: SlackAdapterDeps['firstSeen'];

  constructor({ config, core, logger, tuning = {}, httpRoutes, onRateLimited, firstSeen }: SlackAdapterDeps) {
    this.firstSeen = firstSeen;
    this.config = config;
    this.core = core;
    this.log = logger.child({ platform: 'slack' });
    this.moderators = new Set(config.SLACK_MODERATORS);
    ({ app: this.app, receiver: this.receiver, mode: this.mode } = createBoltApp(config, this.log, tuning, httpRoutes));
    if (onRateLimited) this.app.client.on(WebClientEvent.RATE_LIMITED, onRateLimited);
    this.web = new SlackWebCalls(this.app.client);
    this.users = new SlackUserDirectory((user) => this.web.usersInfo(user), tuning.userCacheMs ?? DEFAULT_USER_CACHE_MS);
    this.app.error(async (error) => {
      this.log.error({ err: error }, 'slack: error outside an event handler');
    });
    this.listen();
  }

  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async start(): Promise<void> {
    if (this.running) return;
    try {
      await this.app.init();
    } catch (error) {
      const refused = slackErrorString(error);
      throw new StartupError(
        'slack',
        'SLACK_BOT_TOKEN',
        refused ? `Slack refused SLACK_BOT_TOKEN (auth.test: ${refused})` : `Could not reach Slack to check SLACK_BOT_TOKEN (auth.test: ${messageOf(error)})`,
        { cause: error },
      );
    }
    try {
      if (this.receiver instanceof HTTPReceiver) {
        this.server = (await this.app.start(this.config.PORT)) as Server;
      } else {
        await this.app.start();
      }
    } catch (error) {
      const why = slackErrorString(error) ?? messageOf(error);
      throw this.mode === 'socket'
        ? new StartupError('slack', 'SLACK_APP_TOKEN', `Slack could not open a Socket Mode connection (apps.connections.open: ${why})`, { cause: error })
        : new StartupError('slack', 'PORT', `Slack could not listen on port ${this.config.PORT}: ${why}`, { cause: error });
    }
    this.running = true;
    this.log.info({ mode: this.mode, port: this.port }, 'slack adapter started');
  }

  readiness(): AdapterReadiness {
    if (!this.running) return { ready: false, detail: 'not started' };
    if (this.receiver instanceof SocketModeReceiver && !this.receiver.client.websocket?.isActive()) {
      return { ready: false, detail: 'Socket Mode connection down' };
    }
    return { ready: true };
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.receiver instanceof SocketModeReceiver) {
      // Awaits the close handshake, which receiver.stop() does not.
      await this.receiver.client.disconnect();
    } else {
      await this.app.stop();
      this.server = undefined;
    }
    await this.core.idle();
    this.log.info('slack adapter stopped');
  }

  async sendDirect(address: Address, reply: Reply, options?: SendOptions): Promise<MessageRef> {
    // Slack has no idempotency key for chat.postMessage: the nonce rides along as message metadata instead, so a
    // retry can look for the message first (findDirect).
    const channel = address.channelId?.startsWith('D') ? address.channelId : await this.web.openDirect(address.userId);
    const metadata = options?.nonce ? { event_type: CHECKIN_METADATA_TYPE, event_payload: { nonce: options.nonce } } : undefined;
    return this.web.post({ channel }, renderSlackReply(reply), 'direct', metadata);
  }

  async findDirect(address: Address, { nonce }: { nonce: string }): Promise<MessageRef | null> {
    const channel = address.channelId?.startsWith('D') ? address.channelId : await this.web.openDirect(address.userId);
    const recent = await this.web.recentWithMetadata(channel, LOOK_BACK_MESSAGES);
    const found = recent.find((m) => m.metadata?.event_type === CHECKIN_METADATA_TYPE && m.metadata.event_payload?.nonce === nonce);
    return found?.ts ? { platform: 'slack', channelId: channel, messageId: found.ts } : null;
  }

  send(channelId: string, reply: Reply): Promise<MessageRef> {
    return this.web.post({ channel: channelId }, renderSlackReply(reply), 'channel');
  }

  pin(ref: MessageRef): Promise<void> {
    return this.web.pin(ref);
  }

  unpin(ref: MessageRef): Promise<void> {
    return this.web.unpin(ref);
  }

  edit(ref: MessageRef, reply: Reply): Promise<void> {
    return this.web.update(ref, renderSlackReply(reply));
  }

  remove(ref: MessageRef): Promise<void> {
    return this.web.remove(ref);
  }

  /** The four ways a person reaches the bot. Events are acked by Bolt; commands and buttons ack first. */
  private listen(): void {
    // Slack redelivers an event it thinks went unacknowledged (x-slack-retry-num) and may replay one: each
    // event_id is answered once. Bolt has acked events before this runs, so a repeat is acked and dropped.
    this.app.use(async ({ body, next }) => {
      const eventId = (body as { event_id?: unknown }).event_id;
      if (typeof eventId === 'string' && this.firstSeen && !(await this.isFirst(eventId))) {
        this.log.debug({ eventId }, 'slack event already handled; repeat dropped');
        return;
      }
      await next();
    });

    this.app.event('app_mention', async ({ event, context }) => {
      // In a DM the same words arrive as message.im; answering both would answer twice.
      if (!event.user || event.bot_id || event.channel.startsWith('D')) return;
      const user = event.user;
      const target: Target = { channel: event.channel, userId: user, isDirect: false, threadTs: event.thread_ts ?? event.ts };
      await this.handleEvent(
        'app_mention',
        target,
        this.incoming({
          userId: user,
          channelId: event.channel,
          isDirect: false,
          teamId: context.teamId,
          text: slackTextToPlain(event.text, context.botUserId),
        }),
      );
    });

    this.app.event('message', async ({ event, context }) => {
      // Only people's own new messages in DMs: no edits, joins or bot messages (our own included).
      if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user) return;
      const user = event.user;
      const target: Target = { channel: event.channel, userId: user, isDirect: true, threadTs: event.thread_ts };
      await this.handleEvent(
        'message.im',
        target,
        this.incoming({
          userId: user,
          channelId: event.channel,
          isDirect: true,
          teamId: context.teamId,
          text: slackTextToPlain(event.text ?? '', context.botUserId),
        }),
      );
    });

    this.app.command(SLASH_COMMAND, async ({ command, ack, respond, context }) => {
      await ack();
      const isDirect = command.channel_id.startsWith('D');
      const target: Target = { channel: command.channel_id, userId: command.user_id, isDirect, respond, respondOnly: true };
      await this.handleEvent(
        'slash_command',
        target,
        this.incoming({
          userId: command.user_id,
          channelId: command.channel_id,
          isDirect,
          teamId: context.teamId ?? command.team_id,
          text: slashToCoreText(slackTextToPlain(command.text)),
          commandPrefix: SLASH_PREFIX,
        }),
      );
    });

    this.app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, body, action, respond, context }) => {
      await ack();
      if (body.type !== 'block_actions' || action.type !== 'button') return;
      const channel = body.channel?.id ?? String(body.container?.channel_id ?? '');
      const isDirect = channel.startsWith('D');
      const onEphemeral = body.container?.is_ephemeral === true || body.message === undefined;
      const messageTs = body.message?.ts;
      const threadTs = (body.message?.thread_ts as string | undefined) ?? (isDirect ? undefined : messageTs);
      const target: Target = { channel, userId: body.user.id, isDirect, threadTs, respond, respondOnly: onEphemeral };
      await this.handleEvent(
        'block_action',
        target,
        this.incoming({
          userId: body.user.id,
          channelId: channel,
          isDirect,
          teamId: context.teamId ?? body.team?.id,
          text: '',
          action: actionFromButton(action.action_id, action.value),
        }),
      );
    });
  }

  /** Best effort: a store that cannot record the id must not cost the person their answer. */
  private async isFirst(eventId: string): Promise<boolean> {
    try {
      return (await this.firstSeen?.('slack', eventId)) ?? true;
    } catch (error) {
      this.log.warn({ err: error }, 'could not record the slack event id; handling it anyway');
      return true;
    }
  }

  /** Hands one event to the core; its reply (or the core's apology) is delivered to `target`. */
  private async handleEvent(event: string, target: Target, incoming: Promise<IncomingMessage>): Promise<void> {
    await this.core.dispatch(await incoming, { event, send: (reply) => this.deliver(target, reply) });
  }

  private async incoming(input: {
    userId: string;
    channelId: string;
    isDirect: boolean;
    teamId: string | undefined;
    text: string;
    action?: string;
    commandPrefix?: string;
  }): Promise<IncomingMessage> {
    const facts = await this.users.get(input.userId).catch((error: unknown) => {
      // Still answer: the person is just not treated as a moderator this time.
      this.log.warn({ err: toPlatformError(error, 'users.info', 'lookup'), user: input.userId }, 'slack users.info failed');
      return undefined;
    });
    return {
      platform: 'slack',
      user: { id: input.userId, displayName: facts?.displayName, timezone: facts?.timezone },
      channel: { id: input.channelId, isDirect: input.isDirect, teamId: input.teamId },
      text: input.text,
      action: input.action,
      commandPrefix: input.commandPrefix,
      isModerator: this.moderators.has(input.userId) || Boolean(facts?.isWorkspaceAdmin),
    };
  }

  private async deliver(target: Target, reply: Reply): Promise<void> {
    const message = renderSlackReply(reply);
    const onlyTheAsker = reply.ephemeral && !target.isDirect;
    if (target.respond && (target.respondOnly || onlyTheAsker)) {
      await target.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else if (onlyTheAsker) {
      await this.web.postEphemeral(target, message);
    } else {
      await this.web.post(target, message, target.isDirect ? 'direct' : 'channel');
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
