import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from './app/start-app';
import { ConfigError, enabledPlatforms, environmentWithDotenv, loadConfig } from './config/load-config';
import { KnowledgeError } from './knowledge/load-knowledge';
import { createLogger, maskTokens } from './logging/logger';
import { StartupError } from './platform/startup-error';
import { DatabaseError } from './store/database-error';
import { OffsetClock } from './time/clock';

const USAGE = `Usage: node dist/src/main.js [--demo]      (npm start, npm run demo)
Starts the bot: Discord and Slack where their settings are present, the terminal chat when none are
(or with TERMINAL_CHAT=true). Settings come from the environment and .env (see .env.example).

  --demo      the terminal chat alone, on a throwaway database removed at exit, with /advance 1d to move the
              clock and watch the check-ins arrive; platform settings, DATABASE_PATH and PORT are ignored
  -h, --help  this text
`;

/** Settings a demo must not use: it talks to no platform, serves no port and writes no real database. */
const NOT_IN_DEMO = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'TERMINAL_CHAT', 'PORT', 'DATABASE_PATH', 'DATABASE_URL', 'ASKER_KEY_FILE'];

/** The demo's environment: the operator's, without platforms or port, and a database in a folder of its own. */
function demoEnvironment(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-demo-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const kept = Object.fromEntries(Object.entries(env).filter(([key]) => !NOT_IN_DEMO.includes(key)));
  return { ...kept, DATABASE_PATH: path.join(dir, 'demo.db') };
}

/** `npm start`: every adapter whose settings are present; the terminal chat when none are. */
async function main(argv: string[]): Promise<number> {
  const unknown = argv.find((a) => !['--demo', '--help', '-h'].includes(a));
  if (unknown !== undefined) {
    process.stderr.write(`unknown option ${unknown}\n\n${USAGE}`);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const demo = argv.includes('--demo');
  const env = demo ? demoEnvironment(environmentWithDotenv()) : environmentWithDotenv();
  const config = loadConfig(env);
  if (demo) {
    process.stderr.write(`Demo: the terminal chat on a throwaway database (${config.DATABASE_PATH}, removed at exit). "/advance 1d" moves the clock a day.\n`);
  }
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
    demo,
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

main(process.argv.slice(2)).then(
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
