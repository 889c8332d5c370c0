import { existsSync } from 'node:fs';
import { openDatabase } from '../open-database';
import { PgDatabase } from './pg-database';
import { migratePostgres } from './pg-migrations';

/** The tables in copy order (parents before children), each with its columns as both schemas name them. */
const TABLES: ReadonlyArray<{ name: string; columns: readonly string[]; identity: boolean }> = [
  { name: 'meta', columns: ['key', 'value'], identity: false },
  { name: 'question_events', columns: ['id', 'asked_at', 'outcome', 'faq_id', 'question', 'asker_key'], identity: true },
  {
    name: 'checkin_subscriptions',
    columns: ['id', 'platform', 'user_id', 'address', 'treatment_date', 'send_minute', 'timezone', 'status', 'created_at', 'updated_at'],
    identity: true,
  },
  {
    name: 'scheduled_checkins',
    columns: ['id', 'subscription_id', 'platform', 'checkin_id', 'due_at', 'expires_at', 'status', 'attempts', 'lease_until', 'claim_token', 'nonce', 'sent_at', 'last_error'],
    identity: true,
  },
  { name: 'checkin_responses', columns: ['id', 'scheduled_id', 'subscription_id', 'checkin_id', 'option_id', 'via', 'responded_at'], identity: true },
  { name: 'unreachable_users', columns: ['platform', 'user_id', 'reason', 'marked_at'], identity: false },
  { name: 'faq_pins', columns: ['id', 'platform', 'channel_id', 'message_id', 'faq_id', 'knowledge_version', 'answer_hash', 'pinned_at'], identity: true },
  { name: 'seen_events', columns: ['platform', 'event_id', 'seen_at'], identity: false },
];

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 1000;

export type CopyCounts = Record<string, number>;

/**
 * Copies every row of a SQLite database into an empty PostgreSQL one, ids kept, in one transaction: a failure
 * leaves PostgreSQL as it was. The SQLite file is first brought to the current schema (as the bot would at start)
 * and is otherwise only read. Refuses a PostgreSQL database that already holds rows. Returns the rows per table,
 * counted again in PostgreSQL after the copy.
 */
export async function copySqliteToPostgres(file: string, url: string): Promise<CopyCounts> {
  if (!existsSync(file)) throw new Error(`no SQLite database at ${file}`);
  const sqlite = openDatabase(file);
  const pg = new PgDatabase(url, { max: 1 });
  try {
    await migratePostgres(pg);
    return await pg.transaction(async () => {
      for (const table of TABLES) {
        const held = await pg.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table.name} WHERE ${table.name === 'meta' ? `key <> 'readiness_checked_at'` : 'TRUE'}`);
        if ((held?.n ?? 0) > 0) throw new Error(`the PostgreSQL database already holds rows (${table.name}); copy into an empty one`);
      }
      const counts: CopyCounts = {};
      for (const table of TABLES) {
        const select = sqlite.prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name}${table.identity ? ' ORDER BY id' : ''}`).raw(true);
        let batch: unknown[][] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const values = batch.map((_, r) => `(${table.columns.map((_, c) => `$${r * table.columns.length + c + 1}`).join(', ')})`);
          await pg.query(
            `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
            batch.flat().map((v) => (typeof v === 'bigint' ? Number(v) : v)),
          );
          batch = [];
        };
        // The asker secret of old installs never leaves SQLite: it moved to its own file (asker-key.ts).
        for (const row of select.iterate() as IterableIterator<unknown[]>) {
          if (table.name === 'meta' && row[0] === 'asker_secret') continue;
          batch.push(row);
          if (batch.length === BATCH) await flush();
        }
        await flush();
        // Rows came with their ids: new rows must continue after them.
        if (table.identity) {
          await pg.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), COALESCE((SELECT MAX(id) FROM ${table.name}), 0) + 1, false)`);
        }
        counts[table.name] = (await pg.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table.name}`))?.n ?? 0;
      }
      return counts;
    });
  } finally {
    sqlite.close();
    await pg.close();
  }
}
