import { findPostgresBin, type PostgresServer, startPostgresServer } from './postgres-server';

/**
 * The PostgreSQL half of the store tests needs a server: TEST_DATABASE_URL when set, else a throwaway one started
 * here (one for the whole run; each test gets a schema of its own) and stopped in global-teardown.ts. Without
 * either the PostgreSQL half is skipped with a message, except in CI (CI=true), where that is a failure.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const bin = findPostgresBin();
  if (!bin) {
    const why = 'no TEST_DATABASE_URL and no initdb/pg_ctl (PostgreSQL) on this machine';
    if (process.env.CI === 'true') throw new Error(`CI=true: the PostgreSQL store tests must run, but there is ${why}`);
    process.env.AFTERCARE_PG_SKIP = why;
    return;
  }
  const server = await startPostgresServer(bin);
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { aftercarePostgres?: PostgresServer }).aftercarePostgres = server;
}
