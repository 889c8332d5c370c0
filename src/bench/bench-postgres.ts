import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { findPostgresBin, startPostgresServer, stopPostgresServer } from '../store/postgres/throwaway-server';

/** A PostgreSQL server for the bench: schemas of its own in it, dropped (or the server stopped) at the end. */
export interface BenchPostgres {
  /** Where it came from, for the printed lines. */
  source: string;
  /** A URL whose connections use a new, empty schema. */
  schema(): Promise<string>;
  close(): Promise<void>;
}

/**
 * DATABASE_URL or TEST_DATABASE_URL when set (only schemas of our own are created and dropped there), else a
 * throwaway server started the way the tests start one (initdb/pg_ctl in a temp folder, loopback port). A string
 * saying why when neither is possible.
 */
export async function openBenchPostgres(env: NodeJS.ProcessEnv = process.env): Promise<BenchPostgres | string> {
  const given = env.DATABASE_URL || env.TEST_DATABASE_URL;
  if (given) return schemasIn(given, env.DATABASE_URL ? 'DATABASE_URL' : 'TEST_DATABASE_URL', async () => undefined);
  const bin = findPostgresBin();
  if (!bin) return 'no DATABASE_URL or TEST_DATABASE_URL, and no initdb/pg_ctl on this machine';
  try {
    // Memory for the million-subscription tables (about 830 MB), as a server sized for them would have.
    const server = await startPostgresServer(bin, { shared_buffers: '1GB' });
    return schemasIn(server.url, `a throwaway PostgreSQL server (${bin}; fsync off, shared_buffers 1GB)`, async () => stopPostgresServer(server));
  } catch (error) {
    return `could not start a throwaway PostgreSQL server (${(error as Error).message.split('\n')[0]})`;
  }
}

function schemasIn(base: string, source: string, stop: () => Promise<void>): BenchPostgres {
  const created: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    source,
    async schema() {
      const name = `bench_${randomBytes(5).toString('hex')}`;
      await admin(`CREATE SCHEMA ${name}`);
      created.push(name);
      const url = new URL(base);
      url.searchParams.set('options', `-c search_path=${name}`);
      return url.toString();
    },
    async close() {
      try {
        for (const name of created) await admin(`DROP SCHEMA ${name} CASCADE`);
      } finally {
        await stop();
      }
    },
  };
}
