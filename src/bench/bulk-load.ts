import Database from 'better-sqlite3';
import pg from 'pg';
import { newNonces } from '../store/checkin-subscriptions';

/** One planned subscription and its upcoming check-ins, as the bench stores it. */
export interface BulkSubscription {
  id: number;
  userId: string;
  zone: string;
  treatmentDate: string;
  sendMinute: number;
  rows: Array<{ checkinId: string; dueAt: number; expiresAt: number }>;
}

/**
 * Loads planned subscriptions straight into a migrated database, many rows per statement, for the bench only:
 * a million opt-ins through SubscriptionRepository.replace (one transaction each) would take minutes on their own,
 * while what the bench times is the claim and the catch-up, which run the stores' production code.
 */
export interface BulkLoader {
  load(batch: readonly BulkSubscription[], createdAt: number): Promise<void>;
  /** After the last batch: sequences past the explicit ids, planner statistics, connections closed. */
  finish(): Promise<void>;
}

export function sqliteBulkLoader(file: string): BulkLoader {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const subscription = db.prepare(
    `INSERT INTO checkin_subscriptions (id, platform, user_id, address, treatment_date, send_minute, timezone, status, created_at, updated_at)
     VALUES (?, 'discord', ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const scheduled = db.prepare(
    `INSERT INTO scheduled_checkins (subscription_id, platform, checkin_id, due_at, expires_at, status, nonce) VALUES (?, 'discord', ?, ?, ?, 'pending', ?)`,
  );
  const insert = db.transaction((batch: readonly BulkSubscription[], createdAt: number) => {
    for (const s of batch) {
      subscription.run(s.id, s.userId, address(s.userId), s.treatmentDate, s.sendMinute, s.zone, createdAt, createdAt);
      const nonces = newNonces(s.rows.length);
      s.rows.forEach((r, i) => {
        scheduled.run(s.id, r.checkinId, r.dueAt, r.expiresAt, nonces[i]);
      });
    }
  });
  return {
    load: async (batch, createdAt) => insert(batch, createdAt),
    finish: async () => {
      db.exec('ANALYZE');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

export async function postgresBulkLoader(url: string): Promise<BulkLoader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async load(batch, createdAt) {
      const subs = { id: [] as number[], user: [] as string[], address: [] as string[], date: [] as string[], minute: [] as number[], zone: [] as string[] };
      const rows = { sub: [] as number[], checkin: [] as string[], due: [] as number[], expires: [] as number[], nonce: [] as string[] };
      for (const s of batch) {
        subs.id.push(s.id);
        subs.user.push(s.userId);
        subs.address.push(address(s.userId));
        subs.date.push(s.treatmentDate);
        subs.minute.push(s.sendMinute);
        subs.zone.push(s.zone);
        const nonces = newNonces(s.rows.length);
        s.rows.forEach((r, i) => {
          rows.sub.push(s.id);
          rows.checkin.push(r.checkinId);
          rows.due.push(r.dueAt);
          rows.expires.push(r.expiresAt);
          rows.nonce.push(nonces[i]!);
        });
      }
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO checkin_subscriptions (id, platform, user_id, address, treatment_date, send_minute, timezone, status, created_at, updated_at)
         SELECT id, 'discord', u, a, d, m, z, 'active', $7, $7
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS t (id, u, a, d, m, z)`,
        [subs.id, subs.user, subs.address, subs.date, subs.minute, subs.zone, createdAt],
      );
      await client.query(
        `INSERT INTO scheduled_checkins (subscription_id, platform, checkin_id, due_at, expires_at, status, nonce)
         SELECT s, 'discord', c, d, e, 'pending', n FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[]) AS t (s, c, d, e, n)`,
        [rows.sub, rows.checkin, rows.due, rows.expires, rows.nonce],
      );
      await client.query('COMMIT');
    },
    async finish() {
      await client.query(`SELECT setval(pg_get_serial_sequence('checkin_subscriptions', 'id'), (SELECT MAX(id) FROM checkin_subscriptions))`);
      await client.query('VACUUM ANALYZE checkin_subscriptions');
      await client.query('VACUUM ANALYZE scheduled_checkins');
      await client.end();
    },
  };
}

function address(userId: string): string {
  return JSON.stringify({ platform: 'discord', userId });
}
