import { askerKeyFactory } from './asker-key';
import { openDatabase, type SqliteDatabase } from './open-database';
import { QuestionLog } from './question-log';

/** The bot's one SQLite store and its tables' repositories. */
export interface Store {
  readonly db: SqliteDatabase;
  readonly questions: QuestionLog;
  /** Pseudonymous key for a user, the same for every table that must not store the raw id. */
  askerKey(platform: string, userId: string): string;
  close(): void;
}

export function createStore(file: string): Store {
  const db = openDatabase(file);
  return {
    db,
    questions: new QuestionLog(db),
    askerKey: askerKeyFactory(db),
    close: () => db.close(),
  };
}
