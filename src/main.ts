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
  const app = await startApp({
    config,
    logger,
    clock: new OffsetClock(),
    input: process.stdin,
    output: process.stdout,
    interactive,
  });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

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
