import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresStore } from '../../../src/store/postgres/postgres-store';
import { createStore, type Store } from '../../../src/store/store';
import { sqlRows } from '../../support/sql-rows';
import { createTestSchema, postgresSkipReason } from '../../support/postgres/test-schema';

/** One empty database of one kind, for the tests both stores must pass. */
export interface StoreUnderTest extends TestDatabase {
  store: Store;
}

/** An empty database of one kind, before any store opened it. */
export interface TestDatabase {
  /** A connection to it: a process, or the bot after a restart. Closed by cleanup. */
  open(): Promise<Store>;
  /** Settings for createTestCore that make the bot use it (DATABASE_URL for PostgreSQL). */
  env: Record<string, string>;
  /** Rows of a query straight from the database (what the store wrote). */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The names of the bot's tables. */
  tables(): Promise<string[]>;
  /** Where the database lives: a SQLite file or a PostgreSQL URL (a child process opens it with openTarget). */
  target: string;
  cleanup(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  database(): Promise<TestDatabase>;
  /** database(), opened once. */
  create(): Promise<StoreUnderTest>;
}

async function opened(database: TestDatabase): Promise<StoreUnderTest> {
  return { ...database, store: await database.open() };
}

const SECRET = 's'.repeat(64);

const sqlite: StoreKind = {
  name: 'sqlite',
  create: async () => opened(await sqlite.database()),
  async database() {
    const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-store-kind-'));
    const file = path.join(dir, 'bot.db');
    const opened: Store[] = [];
    const open = async () => {
      const store = createStore(file, { askerSecret: SECRET });
      opened.push(store);
      return store;
    };
    return {
      open,
      env: { DATABASE_PATH: file },
      rows: async <T>(sql: string) => sqlRows<T>(file, sql),
      tables: async () =>
        sqlRows<{ name: string }>(file, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).map((t) => t.name),
      target: file,
      async cleanup() {
        for (const store of opened) await store.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: StoreKind = {
  name: 'postgres',
  create: async () => opened(await postgres.database()),
  async database() {
    const schema = await createTestSchema();
    const opened: Store[] = [];
    const open = async () => {
      const store = await createPostgresStore(schema.url, { askerSecret: SECRET, askerKeyFile: '/nonexistent', poolSize: 4 });
      opened.push(store);
      return store;
    };
    return {
      open,
      env: { DATABASE_URL: schema.url },
      rows: (sql) => schema.rows(sql),
      tables: async () =>
        (
          await schema.rows<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'`,
          )
        ).map((t) => t.name),
      target: schema.url,
      async cleanup() {
        for (const store of opened) await store.close().catch(() => undefined);
        await schema.drop();
      },
    };
  },
};

if (postgresSkipReason() !== null) process.stderr.write(`PostgreSQL store tests skipped (SQLite only): ${postgresSkipReason()}\n`);

/** SQLite always; PostgreSQL when a server is there (test/support/postgres/global-setup.ts). */
export const STORE_KINDS: readonly StoreKind[] = postgresSkipReason() === null ? [sqlite, postgres] : [sqlite];
