import { copySqliteToPostgres } from '../store/postgres/copy-from-sqlite';

const USAGE = `Usage: npm run migrate-to-postgres -- <sqlite file> <postgres url>
Copies every row of the bot's SQLite database into an empty PostgreSQL database (ids kept, one transaction).
Stop the bot first. Then start it with DATABASE_URL=<postgres url>, and keep its asker-key secret: set
ASKER_KEY_SECRET to the content of the asker-key file beside the SQLite file (or point ASKER_KEY_FILE at it),
or "forget me" will no longer find the copied question records.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [file, url] = argv;
  if (argv.length !== 2 || !file || !url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const counts = await copySqliteToPostgres(file, url);
  const lines = Object.entries(counts).map(([table, n]) => `  ${table}: ${n}`);
  // The URL holds a password: only the file is named.
  process.stdout.write(`copied ${file} to PostgreSQL in ${Date.now() - started} ms; rows now there:\n${lines.join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`migrate-to-postgres failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
