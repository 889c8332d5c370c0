import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseError } from './database-error';
import { MIGRATIONS } from './migrations';

export type SqliteDatabase = Database.Database;

/** The setting every database error names. */
const SETTING = 'DATABASE_PATH';

/** Kernel filesystems: a "file" there is no place for a database, and opening some of them blocks forever. */
const KERNEL_FOLDERS = ['/proc', '/sys'];

/**
 * Opens (creating folder 0700 and file 0600 on first start: the file holds user ids), checks and migrates the
 * database. Every failure is a DatabaseError naming DATABASE_PATH and what to do, never a bare SQLite stack.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') prepareFile(file);
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // "Forget me" must not leave the deleted rows readable in free pages of the file.
    db.pragma('secure_delete = ON');
    // Several processes may share one file (two schedulers); wait for the writer instead of failing.
    db.pragma('busy_timeout = 5000');
    // Corrupt pages are found now, with a clear message, instead of by some later command.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseError(SETTING, `${file} is corrupt (quick_check: ${String(check)}); restore it from a backup`);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw asDatabaseError(file, error);
  }
}

function prepareFile(file: string): void {
  const absolute = path.resolve(file);
  const folder = path.dirname(absolute);
  const real = existsSync(folder) ? realpathSync(folder) : folder;
  if (KERNEL_FOLDERS.some((k) => real === k || real.startsWith(`${k}/`))) {
    throw new DatabaseError(SETTING, `${file} is under ${real.split('/').slice(0, 2).join('/')}, a kernel filesystem; choose a folder on a disk`);
  }
  try {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DatabaseError(SETTING, `cannot create the folder ${folder} (${(error as Error).message})`, { cause: error });
  }
  if (existsSync(absolute)) {
    // A FIFO or device would make the open block or fail obscurely.
    if (!statSync(absolute).isFile()) throw new DatabaseError(SETTING, `${file} is not a regular file`);
    // SQLite would open it read-only without a word and fail later (or with "cannot open" over the -shm file).
    for (const target of [absolute, folder]) {
      try {
        accessSync(target, constants.W_OK);
      } catch (error) {
        throw new DatabaseError(SETTING, `${target} is read-only (${(error as NodeJS.ErrnoException).code}); the bot must be able to write the file and its folder`, { cause: error });
      }
    }
    return;
  }
  try {
    // Created here rather than by SQLite so it is 0600 whatever the umask; SQLite gives -wal and -shm its mode.
    closeSync(openSync(absolute, 'a', 0o600));
  } catch (error) {
    throw new DatabaseError(SETTING, `cannot create ${file} (${(error as Error).message})`, { cause: error });
  }
}

function asDatabaseError(file: string, error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error)?.message ?? String(error);
  const reason = code.startsWith('SQLITE_READONLY')
    ? `${file} is read-only (or its folder is); the bot must be able to write it`
    : code === 'SQLITE_CANTOPEN'
      ? `cannot open ${file}; does the folder exist and may the bot write it?`
      : code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
        ? `${file} is not a database or is corrupt (${message}); restore it from a backup or point ${SETTING} elsewhere`
        : code === 'SQLITE_FULL'
          ? `the disk holding ${file} is full`
          : `cannot use ${file} (${code ? `${code}: ` : ''}${message})`;
  return new DatabaseError(SETTING, reason, { cause: error });
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
