import { askerKeyFactory } from './asker-key';
import { type CheckinForgetCounts, CheckinStore } from './checkin-store';
import { openDatabase } from './open-database';
import { PinStore } from './pin-store';
import { QuestionLog } from './question-log';
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
  /** Best-effort writes that failed (question records, check-in answers): health shows a failing store. */
  readonly writeFaults: WriteFaults;
  /**
   * "Forget me": deletes every row about one user in every table and says how many from each.
   * A table that stores anything about a user must be added here (test/store/checkins-forget.test.ts checks all tables).
   */
  forgetUser(platform: Platform, userId: string): ForgetCounts;
  /** Runs repository calls as one IMMEDIATE transaction (bulk seeding, e.g. the benchmark). */
  inTransaction<T>(work: () => T): T;
  close(): void;
}

export interface ForgetCounts extends CheckinForgetCounts {
  questions: number;
}

export function createStore(file: string): Store {
  const db = openDatabase(file);
  const questions = new QuestionLog(db);
  const askerKey = askerKeyFactory(db);
  const checkins = new CheckinStore(db);
  return {
    questions,
    askerKey,
    checkins,
    pins: new PinStore(db),
    writeFaults: new WriteFaults(),
    forgetUser: (platform, userId) => {
      const forget = db.transaction((): ForgetCounts => ({
        ...checkins.forgetUser(platform, userId),
        questions: questions.forget(askerKey(platform, userId)),
      }));
      return forget.immediate();
    },
    inTransaction: (work) => db.transaction(work).immediate(),
    close: () => db.close(),
  };
}
