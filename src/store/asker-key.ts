import { createHmac, randomBytes } from 'node:crypto';
import type { SqliteDatabase } from './open-database';

/**
 * Question records must not hold user ids, yet "forget me" must find them. A keyed hash with a
 * secret kept in this database links them without the id ever being stored.
 */
export function askerKeyFactory(db: SqliteDatabase): (platform: string, userId: string) => string {
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('asker_secret', ?)`).run(randomBytes(32).toString('hex'));
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'asker_secret'`).get() as { value: string };
  const secret = row.value;
  return (platform, userId) => createHmac('sha256', secret).update(`${platform}:${userId}`).digest('hex');
}
