import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config/config-schema';
import type { Logger } from '../../src/logging/logger';
import type { HttpRoute } from '../../src/ops/ops-routes';
import { boltLogger } from './bolt-logger';
import { guardSlackRequests, SLACK_BODY_LIMIT } from './request-guard';

/** Knobs with production defaults; tests shorten them so nothing waits minutes. */
export interface SlackAdapterTuning {
  /** Web API retries for 5xx and network errors, and for each 429 after its Retry-After wait. */
  retryConfig?: webApi.RetryOptions;
  /** Per-attempt Web API timeout. */
  requestTimeoutMs?: number;
  /** Socket Mode: how long to wait for a pong; also the base delay before reconnecting. */
  socketPingTimeoutMs?: number;
  /** How long users.info answers (admin flag, time zone) are trusted. */
  userCacheMs?: number;
}

export type SlackMode = 'http' | 'socket';

export const SLACK_EVENTS_PATH = '/slack/events';
// About 15 s of retrying in all: long enough for a blip, short enough that an answer is still wanted.
const DEFAULT_RETRY: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 8000, randomize: true };
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The Bolt app and its receiver: Socket Mode when SLACK_APP_TOKEN is set, else HTTP at /slack/events.
 * Makes no network call; auth.test runs in `app.init()`.
 */
export function createBoltApp(
  config: Config,
  logger: Logger,
  tuning: SlackAdapterTuning,
  httpRoutes: readonly HttpRoute[] = [],
): { app: App; receiver: HTTPReceiver | SocketModeReceiver; mode: SlackMode } {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is not set');
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  }
  const mode: SlackMode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const allowDebug = config.LOG_MESSAGE_CONTENT;
  const bolt = boltLogger(logger, allowDebug);
  const logLevel = allowDebug ? LogLevel.DEBUG : LogLevel.INFO;
  // A fresh object each time: Bolt and the Socket Mode client both mutate the options they are given.
  const clientOptions = (retryConfig: webApi.RetryOptions | undefined): webApi.WebClientOptions => ({
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(retryConfig ? { retryConfig } : {}),
    timeout: tuning.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  });

  const receiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN!,
          logger: bolt,
          logLevel,
          ...(tuning.socketPingTimeoutMs ? { clientPingTimeout: tuning.socketPingTimeoutMs } : {}),
          // apps.connections.open keeps the socket client's own long retry policy unless tuned.
          installerOptions: { clientOptions: clientOptions(tuning.retryConfig) },
        })
      : new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET!,
          endpoints: SLACK_EVENTS_PATH,
          // /healthz, /readyz and /metrics share the port with Slack's events.
          customRoutes: [...httpRoutes],
          port: config.PORT,
          logger: bolt,
          logLevel,
          // Respond to Slack as soon as ack() runs; the answer is worked out afterwards.
          processBeforeResponse: false,
          bodyLimit: SLACK_BODY_LIMIT,
        });
  if (receiver instanceof HTTPReceiver) receiver.requestListener = guardSlackRequests(receiver.requestListener);

  const app = new App({
    token,
    receiver,
    socketMode: mode === 'socket',
    logger: bolt,
    logLevel,
    clientOptions: clientOptions(tuning.retryConfig ?? DEFAULT_RETRY),
    // No network in the constructor: auth.test runs in init().
    deferInitialization: true,
  });
  return { app, receiver, mode };
}
