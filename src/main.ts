import { startApp } from './app/start-app';
import { ConfigError, enabledPlatforms, environmentWithDotenv, loadConfig } from './config/load-config';
import { KnowledgeError } from './knowledge/load-knowledge';
import { createLogger, maskTokens } from './logging/logger';
import { StartupError } from './platform/startup-error';
import { DatabaseError } from './store/database-error';
import { OffsetClock } from './time/clock';

/** `npm start`: every adapter whose settings are present; the terminal chat when none are. */
async function main(): Promise<number> {
  const env = environmentWithDotenv();
  const config = loadConfig(env);
  const interactive = Boolean(process.stdin.isTTY);
  // A person chatting in the terminal shares the screen with stderr: unless asked, show only warnings there.
  const terminalOnly = interactive && enabledPlatforms(config).shell && !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN;
  const logger = createLogger(terminalOnly && !env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL);
  let stopping: Promise<never> | null = null;
  // Signals and fatal faults end the bot the same way: stop intake, drain within the grace period (start-app.ts),
  // close the database, exit. Handled here, in the process that runs the bot: start it with node, not through npm.
  const shutdown = (reason: string, code: number, error?: Error): Promise<never> => {
    stopping ??= (async () => {
      if (error) process.stderr.write(`aftercare-bot stopped: ${maskTokens(error.message)}\n`);
      logger.info({ reason }, 'shutting down');
      try {
        await app.stop();
      } catch (stopError) {
        logger.error({ err: stopError }, 'shutdown did not complete cleanly');
      }
      process.exit(code);
    })();
    return stopping;
  };
  const app = await startApp({
    config,
    logger,
    clock: new OffsetClock(),
    input: process.stdin,
    output: process.stdout,
    interactive,
    portSet: Boolean(env.PORT?.trim()),
    onFatal: (error) => void shutdown('fatal', 1, error),
  });
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  if (app.shellFinished && app.adapters.size === 1) {
    // Terminal chat alone: end of input ends the bot (piped questions exit 0 when answered).
    await app.shellFinished;
    await app.stop();
    return 0;
  }
  return new Promise<number>(() => {}); // platforms keep the process alive until a signal
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartupError || error instanceof DatabaseError) {
      // A setting or file to fix: the message names it; a stack would only bury it.
      process.stderr.write(`aftercare-bot cannot start.\n${maskTokens(error.message)}\n`);
    } else {
      process.stderr.write(`aftercare-bot stopped on an unexpected error: ${maskTokens(String((error as Error)?.stack ?? error))}\n`);
    }
    process.exit(1);
  },
);
