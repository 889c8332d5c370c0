import { Writable } from 'node:stream';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterTuning } from '../../../adapters/discord/discord-adapter';
import { slashCommandsFrom, slashCommandsJson } from '../../../adapters/discord/slash-commands';
import type { Command } from '../../../src/commands/command';
import { loadConfig } from '../../../src/config/load-config';
import type { IncomingMessage } from '../../../src/conversation/incoming-message';
import { createLogger } from '../../../src/logging/logger';
import { DiscordEmulator, type DiscordEmulatorOptions } from '../../emulators/discord';
import { type CoreWrapper, recordMessages, useWrapper } from '../../support/core-wrapper';
import { createTestCore, type TestCore } from '../../support/test-core';

/** Log lines the adapter wrote, parsed, so tests can check what is (and is not) logged. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  private waiters: Array<{ msg: string; resolve: (line: Record<string, unknown>) => void }> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      this.raw.push(line);
      const entry = JSON.parse(line) as Record<string, unknown>;
      this.lines.push(entry);
      for (const w of this.waiters.filter((w) => w.msg === entry['msg'])) w.resolve(entry);
      this.waiters = this.waiters.filter((w) => w.msg !== entry['msg']);
    }
    done();
  }
  /** Resolves with the first line logged with this message (already logged or yet to come). */
  waitFor(msg: string): Promise<Record<string, unknown>> {
    const logged = this.find(msg);
    return logged ? Promise.resolve(logged) : new Promise((resolve) => this.waiters.push({ msg, resolve }));
  }
  text(): string {
    return this.raw.join('\n');
  }
  find(msg: string | RegExp): Record<string, unknown> | undefined {
    return this.lines.find((l) => (typeof msg === 'string' ? l['msg'] === msg : msg.test(String(l['msg']))));
  }
}

export interface Harness {
  emu: DiscordEmulator;
  adapter: DiscordAdapter;
  testCore: TestCore;
  /** Every message the core was asked to handle (the real core behind it answers). */
  seen: IncomingMessage[];
  logs: LogCapture;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  emulator?: DiscordEmulatorOptions;
  tuning?: DiscordAdapterTuning;
  /** Wraps the real route inside the core's pipeline (e.g. to make it fail); ours to mock, the adapter is not. */
  wrapCore?: CoreWrapper;
  /** The commands the core knows (the bot's own by default). */
  commands?: readonly Command[];
  /** Shapes the emulated Discord before the bot logs in (extra guilds are announced only at IDENTIFY). */
  setup?: (emu: DiscordEmulator) => void;
}

/** A started emulator, a real core (knowledge pack + SQLite in a temp dir) and a connected adapter. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emu = await DiscordEmulator.start(options.emulator);
  options.setup?.(emu);
  const logs = new LogCapture();
  const testCore = await createTestCore({ logger: createLogger('debug', logs), env: options.env, ...(options.commands ? { commands: options.commands } : {}) });
  const seen = recordMessages(testCore.core);
  if (options.wrapCore) useWrapper(testCore.core, options.wrapCore);
  const config = loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'debug', ...options.env });
  const adapter = createDiscordAdapter({
    config,
    core: testCore.core,
    logger: createLogger('debug', logs),
    tuning: { restRetries: 1, restTimeoutMs: 5000, ...options.tuning },
  });
  // As the app does: the core reaches the adapter for pins and check-in DMs.
  testCore.adapters.set('discord', adapter);
  try {
    await adapter.start();
  } catch (error) {
    await emu.stop();
    await testCore.cleanup();
    throw error;
  }
  return {
    emu,
    adapter,
    testCore,
    seen,
    logs,
    async stop() {
      await adapter.stop();
      await emu.stop();
      await testCore.cleanup();
    },
  };
}

/** Publishes the adapter's slash-command table in the emulator (as `npm run register-commands` would). */
export function registerCommands(emu: DiscordEmulator, commands?: readonly Command[]): void {
  emu.commands.overwrite(slashCommandsJson(commands ? slashCommandsFrom(commands) : undefined));
}

/** What an interaction callback (`POST /interactions/{id}/{token}/callback`) carried. */
export interface CallbackBody {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    allowed_mentions?: { parse?: string[] };
    components?: Array<{ components?: Array<{ custom_id?: string; label?: string }> }>;
    choices?: Array<{ name: string; value: string }>;
  };
}

export const EPHEMERAL = 1 << 6;
