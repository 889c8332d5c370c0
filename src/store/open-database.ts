import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type SqliteDatabase = Database.Database;

/** Opens (creating folder and file on first start) and migrates the database. */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // "Forget me" must not leave the deleted rows readable in free pages of the file.
  db.pragma('secure_delete = ON');
  // Several processes may share one file (two schedulers); wait for the writer instead of failing.
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: SqliteDatabase): void {
  const apply = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    // A downgrade: this version does not know the newer schema, and writing to it could corrupt what it holds.
    if (current > MIGRATIONS.length) {
      throw new Error(
        `the database at this DATABASE_PATH has schema version ${current}, newer than this version of the bot knows (${MIGRATIONS.length}): run the newer version, or restore the backup taken before the upgrade`,
      );
    }
    for (let i = current; i < MIGRATIONS.length; i++) {
      db.exec(MIGRATIONS[i] as string);
    }
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  // IMMEDIATE: two processes starting together must not both run the same migration.
  apply.immediate();
}
