import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { DatabaseError } from './database-error';
import type { SqliteDatabase } from './open-database';

export interface AskerSecretOptions {
  /** From the environment (ASKER_KEY_SECRET): wins, and is written nowhere. */
  secret?: string;
  /** Where the secret is kept otherwise, 0600, beside (never inside) the database; null for `:memory:`. */
  file: string | null;
}

/**
 * Question records must not hold user ids, yet "forget me" must find them: a keyed hash links them without the id
 * ever being stored. The key must not sit in the same file as the hashes (whoever copies the database could
 * otherwise test guessed ids against them), so it comes from the environment or its own 0600 file.
 *
 * Installs from before kept it in the `meta` table: it moves to the file (same keys, so forget-me still finds old
 * records) and its row is deleted and checkpointed away. When the environment brings a different secret, records
 * hashed with the old one could never be found by forget-me again, so they are deleted.
 */
export function askerKeyFactory(db: SqliteDatabase, options: AskerSecretOptions): (platform: string, userId: string) => string {
  const legacy = (db.prepare(`SELECT value FROM meta WHERE key = 'asker_secret'`).get() as { value: string } | undefined)?.value;
  const secret = askerSecret(options, legacy);
  if (legacy !== undefined) {
    db.transaction(() => {
      if (legacy !== secret) db.prepare(`DELETE FROM question_events`).run();
      db.prepare(`DELETE FROM meta WHERE key = 'asker_secret'`).run();
    }).immediate();
    // secure_delete zeroes the row in the page; the checkpoint drops the WAL frames that still hold it.
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return askerKeyWith(secret);
}

/** The secret: from the environment, else from its file (created on first use), else random for `:memory:`. */
export function askerSecret(options: AskerSecretOptions, legacy?: string): string {
  if (options.secret) return options.secret;
  if (options.file) return readOrCreateSecretFile(options.file, legacy);
  return legacy ?? randomBytes(32).toString('hex');
}

export function askerKeyWith(secret: string): (platform: string, userId: string) => string {
  return (platform, userId) => createHmac('sha256', secret).update(`${platform}:${userId}`).digest('hex');
}

function readOrCreateSecretFile(file: string, legacy: string | undefined): string {
  try {
    // 'wx': two processes starting together must not both write a different secret.
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, `${legacy ?? randomBytes(32).toString('hex')}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new DatabaseError('ASKER_KEY_FILE', `cannot create ${file} (${(error as Error).message})`, { cause: error });
    }
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DatabaseError('ASKER_KEY_FILE', `${file} is readable by others (permissions ${mode.toString(8)}); run chmod 0600 on it`);
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new DatabaseError('ASKER_KEY_FILE', `${file} holds no secret of at least 32 characters`);
  return secret;
}
