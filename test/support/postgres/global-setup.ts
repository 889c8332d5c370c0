import { findPostgresBin, type PostgresServer, startPostgresServer } from '../../../src/store/postgres/throwaway-server';

/**
 * Decides where the PostgreSQL half of the tests runs, writing it into `env`: TEST_DATABASE_URL when set; else a
 * throwaway server started from `bin` (returned, for the teardown); else AFTERCARE_PG_SKIP says why it is skipped,
 * except with CI=true, where a missing PostgreSQL is an error.
 */
export async function provideTestPostgres(env: NodeJS.ProcessEnv, bin: string | null): Promise<PostgresServer | null> {
  if (env.TEST_DATABASE_URL) return null;
  if (!bin) {
    const why = 'no TEST_DATABASE_URL and no initdb/pg_ctl (PostgreSQL) on this machine';
    if (env.CI === 'true') throw new Error(`CI=true: the PostgreSQL store tests must run, but there is ${why}`);
    env.AFTERCARE_PG_SKIP = why;
    return null;
  }
  const server = await startPostgresServer(bin);
  env.TEST_DATABASE_URL = server.url;
  return server;
}

/**
 * The PostgreSQL half of the store tests needs a server: one for the whole run (each test gets a schema of its
 * own), stopped in global-teardown.ts. The workers inherit TEST_DATABASE_URL from this process's environment.
 */
export default async function globalSetup(): Promise<void> {
  const server = await provideTestPostgres(process.env, process.env.TEST_DATABASE_URL ? null : findPostgresBin());
  if (server) (globalThis as { aftercarePostgres?: PostgresServer }).aftercarePostgres = server;
}
