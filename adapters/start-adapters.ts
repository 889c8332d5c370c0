import type { Readable, Writable } from 'node:stream';
import type { Config } from '../src/config/config-schema';
import { enabledPlatforms } from '../src/config/load-config';
import type { ConversationCore } from '../src/conversation/conversation-core';
import type { Platform } from '../src/conversation/incoming-message';
import type { Logger } from '../src/logging/logger';
import type { HttpRoute } from '../src/ops/ops-routes';
import type { Adapter } from '../src/platform/adapter';
import { ShellAdapter } from './shell/shell-adapter';

export interface AdapterEnvironment {
  config: Config;
  core: ConversationCore;
  logger: Logger;
  input: Readable;
  output: Writable;
  interactive: boolean;
  localCommand?: (line: string) => string | null | Promise<string | null>;
  /** Served by Slack's HTTP receiver on its port when Slack runs in HTTP mode (health and metrics). */
  httpRoutes?: readonly HttpRoute[];
  /** Told of each rate limit a platform library waits out (metrics). */
  onRateLimited?: (platform: Platform) => void;
  /** True the first time a platform event id is seen (kept in the store, so retries across restarts are caught). */
  firstSeen?: (platform: string, eventId: string) => Promise<boolean>;
}

/** Creates the adapter of every platform whose settings are present (the shell when none are). */
export async function createAdapters(env: AdapterEnvironment): Promise<{ adapters: Adapter[]; shell: ShellAdapter | null }> {
  const enabled = enabledPlatforms(env.config);
  const adapters: Adapter[] = [];
  let shell: ShellAdapter | null = null;
  if (enabled.shell) {
    shell = new ShellAdapter({
      core: env.core,
      input: env.input,
      output: env.output,
      logger: env.logger.child({ adapter: 'shell' }),
      interactive: env.interactive,
      localCommand: env.localCommand,
    });
    adapters.push(shell);
  }
  // Platform libraries load only when their adapter runs: the terminal chat starts faster without them.
  if (enabled.discord) {
    const { createDiscordAdapter } = await import('./discord/discord-adapter');
    adapters.push(
      createDiscordAdapter({ config: env.config, core: env.core, logger: env.logger, onRateLimited: () => env.onRateLimited?.('discord') }),
    );
  }
  if (enabled.slack) {
    const { createSlackAdapter } = await import('./slack/slack-adapter');
    adapters.push(
      createSlackAdapter({
        config: env.config,
        core: env.core,
        logger: env.logger.child({ adapter: 'slack' }),
        httpRoutes: env.httpRoutes,
        onRateLimited: () => env.onRateLimited?.('slack'),
        firstSeen: env.firstSeen,
      }),
    );
  }
  return { adapters, shell };
}
