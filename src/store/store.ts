import { statSync } from 'node:fs';
import path from 'node:path';
import { askerKeyFactory } from './asker-key';
import { DatabaseError } from './database-error';
import { type CheckinForgetCounts, CheckinStore } from './checkin-store';
import { openDatabase } from './open-database';
import { PinStore } from './pin-store';
import { QuestionLog } from './question-log';
import { SeenEvents } from './seen-events';
import { WriteFaults } from './write-faults';
import type { Platform } from '../conversation/incoming-message';

/** The bot's one SQLite store and its tables' repositories. */
export interface Store {
  readonly questions: QuestionLog;
  /** Pseudonymous key for a user, the same for every table that must not store the raw id. */
  askerKey(platform: string, userId: string): string;
  /** Check-in subscriptions, scheduled check-ins, answers and unreachable users (src/checkins). */
  readonly checkins: CheckinStore;
  /** FAQ answers pinned by moderators (src/moderation). Holds no user data. */
  readonly pins: PinStore;
  /** Platform event ids already handled (Slack retries). Holds no user data. */
  readonly events: SeenEvents;
  /** Best-effort writes that failed (question records, check-in answers): health shows a failing store. */
  readonly writeFaults: WriteFaults;
  /**
   * "Forget me": deletes every row about one user in every table and says how many from each.
   * A table that stores anything about a user must be added here (test/store/checkins-forget.test.ts checks all tables).
   */
  forgetUser(platform: Platform, userId: string): ForgetCounts;
  /** Runs repository calls as one IMMEDIATE transaction (bulk seeding, e.g. the benchmark). */
  inTransaction<T>(work: () => T): T;
  /**
   * A small committed write (GET /readyz): throws when the file is closed, read-only, full or locked out
   * for longer than busy_timeout. The meta key it writes holds no user data.
   */
  checkWritable(at: Date): void;
  /**
   * Throws a DatabaseError when the file at DATABASE_PATH is no longer the one that is open (deleted, or replaced
   * by a restore or a deploy): writes would go to an unlinked inode and be lost.
   */
  verifyFile(): void;
  close(): void;
}

export interface ForgetCounts extends CheckinForgetCounts {
  questions: number;
}

export interface StoreOptions {
  /** ASKER_KEY_SECRET: the asker-key secret from the environment. */
  askerSecret?: string;
  /** ASKER_KEY_FILE: where the secret is kept otherwise; default `asker-key` beside the database. */
  askerKeyFile?: string;
}

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
    questions,
    askerKey,
    checkins,
    pins: new PinStore(db),
    writeFaults: new WriteFaults(),
    events: new SeenEvents(db),
    forgetUser: (platform, userId) => {
      const forget = db.transaction((): ForgetCounts => ({
        ...checkins.forgetUser(platform, userId),
        questions: questions.forget(askerKey(platform, userId)),
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
    inTransaction: (work) => db.transaction(work).immediate(),
    checkWritable: (at) => {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        'readiness_checked_at',
        at.toISOString(),
      );
    },
    close: () => db.close(),
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
