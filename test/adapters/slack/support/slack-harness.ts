import { type SlackAdapter, type SlackAdapterTuning, createSlackAdapter } from '../../../../adapters/slack/slack-adapter';
import type { Command } from '../../../../src/commands/command';
import type { Config } from '../../../../src/config/config-schema';
import { loadConfig } from '../../../../src/config/load-config';
import { type Answerer, type CoreWrapper, recordMessages, useWrapper } from '../../../support/core-wrapper';
import type { IncomingMessage } from '../../../../src/conversation/incoming-message';
import { infoReply } from '../../../../src/conversation/reply';
import { SignedClient, SlackDriver, type SlackEmulator, httpTransport, socketTransport, startSlackEmulator } from '../../../emulators/slack';
import { createTestCore, type TestCore } from '../../../support/test-core';
import { LogCapture } from './log-capture';

export interface HarnessOptions {
  mode: 'http' | 'socket';
  /** Wraps the real route inside the core's pipeline (to spy on it or make it fail); the real core as is by default. */
  core?: CoreWrapper;
  env?: Record<string, string>;
  tuning?: SlackAdapterTuning;
  /** The commands the core knows (the bot's own by default). */
  commands?: readonly Command[];
}

export interface SlackHarness {
  emu: SlackEmulator;
  adapter: SlackAdapter;
  driver: SlackDriver;
  /** Signed requests to the bot's HTTP endpoint (HTTP mode only). */
  http: SignedClient | undefined;
  testCore: TestCore;
  logs: LogCapture;
  /** Every IncomingMessage the core was given. */
  seen: IncomingMessage[];
  stop(): Promise<void>;
}

/** Retries in milliseconds, not minutes: a 5xx test must not wait out the production policy. */
export const FAST_TUNING: SlackAdapterTuning = {
  retryConfig: { retries: 2, factor: 1, minTimeout: 20, maxTimeout: 50 },
  requestTimeoutMs: 5000,
};

/** A loopback Slack, a real core (knowledge pack + SQLite in a temp dir) and the adapter between them. */
export async function startSlackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const emu = await startSlackEmulator();
  const logs = new LogCapture();
  const testCore = await createTestCore({ logger: logs.logger, env: options.env, ...(options.commands ? { commands: options.commands } : {}) });
  const seen = recordMessages(testCore.core);
  if (options.core) useWrapper(testCore.core, options.core);
  const core = testCore.core;
  const modeEnv =
    options.mode === 'http' ? { SLACK_SIGNING_SECRET: emu.signingSecret } : { SLACK_APP_TOKEN: emu.appToken };
  // PORT=0 (a free port) is a test-only value the schema does not accept, so it is set after validation.
  const config: Config = {
    ...loadConfig({ SLACK_BOT_TOKEN: emu.botToken, SLACK_API_URL: emu.apiUrl, ...modeEnv, ...options.env }),
    PORT: 0,
  };
  const adapter = createSlackAdapter({
    config,
    core,
    logger: logs.logger,
    tuning: { ...FAST_TUNING, ...options.tuning },
    // As start-app wires it: event ids in the test's real store.
    firstSeen: (platform, eventId) => testCore.store.events.firstSeen(platform, eventId, Date.now()),
  });
  testCore.adapters.set('slack', adapter);
  try {
    await adapter.start();
  } catch (error) {
    await emu.close();
    await testCore.cleanup();
    throw error;
  }
  const http =
    options.mode === 'http' ? new SignedClient(`http://127.0.0.1:${adapter.port}/slack/events`, emu.signingSecret) : undefined;
  const driver = new SlackDriver(emu, http ? httpTransport(http) : socketTransport(emu));
  return {
    emu,
    adapter,
    driver,
    http,
    testCore,
    logs,
    seen,
    async stop() {
      // The adapter first: a Socket Mode client whose server vanished would start reconnecting.
      await adapter.stop();
      await emu.close();
      await testCore.cleanup();
    },
  };
}

/** Words the suggestions core below answers with "did you mean" buttons. */
export const VAGUE_QUESTION = 'skin care';

/**
 * Wraps the real core so one vague question gets a "did you mean" reply with fixed suggestions
 * (sunscreen first), independent of matcher tuning. Clicks still go to the real core.
 */
export function withSuggestions(real: Answerer): Answerer {
  return {
    handle: async (message) => {
      if (message.action === undefined && message.text.endsWith(VAGUE_QUESTION)) {
        return {
          ...infoReply('Did you mean one of these?', { kind: 'fallback', confidence: 0.3 }),
          suggestions: [
            { faqId: 'sunscreen-two-weeks', question: 'Do I need sunscreen after microneedling?' },
            { faqId: 'peeling-and-shedding', question: 'Is peeling normal after microneedling?' },
          ],
        };
      }
      return real.handle(message);
    },
  };
}

/** All mrkdwn text of a message's blocks, joined (what a person reads). */
export function blockText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const texts: string[] = [];
  for (const block of blocks as Array<{ text?: { text?: string }; elements?: Array<{ text?: unknown }> }>) {
    if (block.text?.text) texts.push(block.text.text);
    for (const element of block.elements ?? []) {
      const t = element.text;
      if (typeof t === 'string') texts.push(t);
      else if (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string') {
        texts.push((t as { text: string }).text);
      }
    }
  }
  return texts.join('\n');
}
