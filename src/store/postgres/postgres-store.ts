import { askerKeyWith, askerSecret } from '../asker-key';
import { DatabaseError } from '../database-error';
import type { ForgetCounts, Store } from '../store';
import { WriteFaults } from '../write-faults';
import { PgCheckins } from './pg-checkins';
import { PgDatabase } from './pg-database';
import { migratePostgres } from './pg-migrations';
import { PgPins } from './pg-pins';
import { PgQuestions } from './pg-questions';
import { PgSeenEvents } from './pg-seen-events';

export interface PostgresStoreOptions {
  /** ASKER_KEY_SECRET: the asker-key secret, the same in every process sharing the database. */
  askerSecret?: string;
  /** ASKER_KEY_FILE: where the secret is kept otherwise (one host only). */
  askerKeyFile: string;
  /** PG_POOL_SIZE: connections per process. */
  poolSize?: number;
}

/**
 * The PostgreSQL store (DATABASE_URL=postgres://...): several bot processes on several hosts share it. Connects,
 * migrates under an advisory lock and returns the same Store as SQLite's; a failure names DATABASE_URL.
 */
export async function createPostgresStore(url: string, options: PostgresStoreOptions): Promise<Store> {
  const db = new PgDatabase(url, { max: options.poolSize });
  try {
    await migratePostgres(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw new DatabaseError('DATABASE_URL', `cannot use the PostgreSQL database (${(error as Error).message})`, { cause: error });
  }
  let askerKey: Store['askerKey'];
  try {
    askerKey = askerKeyWith(askerSecret({ secret: options.askerSecret, file: options.askerKeyFile }));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const questions = new PgQuestions(db);
  const checkins = new PgCheckins(db);
  return {
    kind: 'postgres',
    questions,
    askerKey,
    checkins,
    pins: new PgPins(db),
    events: new PgSeenEvents(db),
    writeFaults: new WriteFaults(),
    forgetUser: (platform, userId) =>
      db.transaction(
        async (): Promise<ForgetCounts> => ({
          ...(await checkins.forgetUser(platform, userId)),
          questions: await questions.forget(askerKey(platform, userId)),
        }),
      ),
    inTransaction: (work) => db.transaction(work),
    checkWritable: async (at) => {
      await db.query(`INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
        'readiness_checked_at',
        at.toISOString(),
      ]);
    },
    verifyFile: () => undefined,
    close: () => db.close(),
  };
}
