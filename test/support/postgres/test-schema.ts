import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { types } from '../../../src/store/postgres/pg-database';

/** Why the PostgreSQL half is skipped on this machine, or null when a server is there (global-setup.ts). */
export function postgresSkipReason(): string | null {
  if (process.env.TEST_DATABASE_URL) return null;
  return process.env.AFTERCARE_PG_SKIP ?? 'TEST_DATABASE_URL is not set';
}

let warned = false;
/** `describe` when PostgreSQL is there, else `describe.skip` with one clear line on stderr. */
export function describeWithPostgres(): jest.Describe {
  const reason = postgresSkipReason();
  if (reason === null) return describe;
  if (!warned) process.stderr.write(`PostgreSQL store tests skipped: ${reason}\n`);
  warned = true;
  return describe.skip;
}

/** A schema of its own in the test server, and a URL whose connections use it (several stores may share it). */
export interface TestSchema {
  url: string;
  name: string;
  /** Rows of any query inside the schema (tests read what the store wrote). */
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('no TEST_DATABASE_URL: use describeWithPostgres()');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${name}`);
  const run = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    // BIGINTs as numbers, as the store reads them.
    const client = new pg.Client({ connectionString: url.toString(), types });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    name,
    rows: run,
    drop: async () => {
      await run(`DROP SCHEMA ${name} CASCADE`);
    },
  };
}
