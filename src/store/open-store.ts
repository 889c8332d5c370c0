import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config-schema';
import { createStore, type Store } from './store';

/** The configured store: PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH (the default). */
export async function openStore(
  config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL' | 'PG_POOL_SIZE' | 'ASKER_KEY_SECRET' | 'ASKER_KEY_FILE'>,
): Promise<Store> {
  if (!config.DATABASE_URL) {
    return createStore(config.DATABASE_PATH, { askerSecret: config.ASKER_KEY_SECRET, askerKeyFile: config.ASKER_KEY_FILE });
  }
  // Loaded only here: the PostgreSQL client takes about 60 ms to load, on every start of a bot that uses SQLite.
  const { createPostgresStore } = await import('./postgres/postgres-store');
  // Without a secret in the environment it is kept in a file where it would be for SQLite: one host only (README).
  const askerKeyFile = config.ASKER_KEY_FILE ?? path.join(path.dirname(path.resolve(config.DATABASE_PATH)), 'asker-key');
  if (!config.ASKER_KEY_SECRET) mkdirSync(path.dirname(askerKeyFile), { recursive: true, mode: 0o700 });
  return createPostgresStore(config.DATABASE_URL, {
    askerSecret: config.ASKER_KEY_SECRET,
    askerKeyFile,
    poolSize: config.PG_POOL_SIZE,
  });
}
