import { statSync } from 'node:fs';
import path from 'node:path';
import { askerKeyFactory } from './asker-key';
import { DatabaseError } from './database-error';
import { CheckinStore } from './checkin-store';
import { openDatabase } from './open-database';
import { PinStore } from './pin-store';
import { QuestionLog } from './question-log';
import { SeenEvents } from './seen-events';
import { WriteFaults } from './write-faults';
import type { ForgetCounts, Store } from './store';

export interface StoreOptions {
  /** ASKER_KEY_SECRET: the asker-key secret from the environment. */
  askerSecret?: string;
  /** ASKER_KEY_FILE: where the secret is kept otherwise; default `asker-key` beside the database. */
  askerKeyFile?: string;
}

/** The SQLite store (the default): one file, opened and migrated synchronously. */
export function createStore(file: string, options: StoreOptions = {}): Store {
  const db = openDatabase(file);
  const identity = fileIdentity(file);
  const questions = new QuestionLog(db);
  const askerKeyFile = file === ':memory:' ? null : (options.askerKeyFile ?? path.join(path.dirname(path.resolve(file)), 'asker-key'));
  let askerKey: Store['askerKey'];
  try {
    askerKey = askerKeyFactory(db, { secret: options.askerSecret, file: askerKeyFile });
  } catch (error) {
    db.close();
    throw error;
  }
  const checkins = new CheckinStore(db);
  return {
    kind: 'sqlite',
    questions,
    askerKey,
    checkins,
    pins: new PinStore(db),
    writeFaults: new WriteFaults(),
    events: new SeenEvents(db),
    forgetUser: async (platform, userId) => {
      const forget = db.transaction((): ForgetCounts => ({
        ...checkins.forgetUserSync(platform, userId),
        questions: questions.forgetSync(askerKey(platform, userId)),
      }));
      const counts = forget.immediate();
      // secure_delete zeroed the rows in their pages, but earlier WAL frames still hold them until a checkpoint
      // copies the pages back and TRUNCATE empties the WAL: only then is nothing about the user left on disk.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
    verifyFile: () => {
      if (identity === null) return;
      const now = fileIdentity(file);
      if (now === null) throw new DatabaseError('DATABASE_PATH', `${file} was deleted while the bot was running; everything written now would be lost`);
      if (now.dev !== identity.dev || now.ino !== identity.ino) {
        throw new DatabaseError('DATABASE_PATH', `${file} was replaced by another file while the bot was running; restart to use the new one`);
      }
    },
    inTransaction: async (work) => {
      // better-sqlite3's transaction() cannot await; the repositories' promises settle at once, so BEGIN and COMMIT
      // around the awaited work hold the same statements (and nested transactions become savepoints).
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    checkWritable: async (at) => {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        'readiness_checked_at',
        at.toISOString(),
      );
    },
    close: async () => {
      db.close();
    },
  };
}

function fileIdentity(file: string): { dev: number; ino: number } | null {
  if (file === ':memory:') return null;
  try {
    const s = statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}
