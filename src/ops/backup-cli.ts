import { ConfigError, environmentWithDotenv, loadConfig } from '../config/load-config';
import { backupDatabase } from '../store/backup-database';

const USAGE = `Usage: npm run backup -- <file>     (in production: node dist/src/ops/backup-cli.js <file>)
Copies the database at DATABASE_PATH to <file> while the bot runs (SQLite's online backup API).
<file> must not exist yet. Restore: stop the bot, copy <file> over DATABASE_PATH (and remove any
DATABASE_PATH-wal and -shm files beside it), start the bot.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.length !== 1 || argv[0]!.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // Only DATABASE_PATH matters: a half-configured platform must not stop a backup.
  const env = environmentWithDotenv();
  const { DATABASE_PATH } = loadConfig({ DATABASE_PATH: env.DATABASE_PATH });
  const target = argv[0]!;
  const started = Date.now();
  const { pages } = await backupDatabase(DATABASE_PATH, target);
  process.stdout.write(`backed up ${DATABASE_PATH} to ${target} (${pages} pages, ${Date.now() - started} ms)\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`backup failed: ${message}\n`);
    process.exitCode = 1;
  },
);
