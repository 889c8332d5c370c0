import type { Platform } from '../../conversation/incoming-message';
import {
  type NewScheduledCheckin,
  newNonces,
  type Subscription,
  type SubscriptionInput,
  type SubscriptionRow,
  type SubscriptionStatus,
  toSubscription,
} from '../checkin-subscriptions';
import type { Subscriptions } from '../store';
import type { PgDatabase } from './pg-database';

// 'sending' rows are cancelled too: the scheduler checks the row right before each send.
const CANCEL_OPEN = `UPDATE scheduled_checkins SET status = 'cancelled', lease_until = NULL
                     WHERE subscription_id = $1 AND status IN ('pending', 'sending')`;
const SET_STATUS = `UPDATE checkin_subscriptions SET status = $1, updated_at = $2 WHERE id = $3`;

/** Opt-ins on PostgreSQL; each state change is one transaction, as on SQLite (checkin-subscriptions.ts). */
export class PgSubscriptions implements Subscriptions {
  constructor(private readonly db: PgDatabase) {}

  async get(platform: Platform, userId: string): Promise<Subscription | null> {
    const row = await this.db.one<SubscriptionRow>(`SELECT * FROM checkin_subscriptions WHERE platform = $1 AND user_id = $2`, [platform, userId]);
    return row ? toSubscription(row) : null;
  }

  async getById(id: number): Promise<Subscription | null> {
    const row = await this.db.one<SubscriptionRow>(`SELECT * FROM checkin_subscriptions WHERE id = $1`, [id]);
    return row ? toSubscription(row) : null;
  }

  replace(input: SubscriptionInput, checkins: readonly NewScheduledCheckin[], now: number): Promise<{ subscription: Subscription; cancelled: number }> {
    return this.db.transaction(async () => {
      const row = (await this.db.one<SubscriptionRow>(
        `INSERT INTO checkin_subscriptions
           (platform, user_id, address, treatment_date, send_minute, timezone, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $7)
         ON CONFLICT (platform, user_id) DO UPDATE SET
           address = excluded.address, treatment_date = excluded.treatment_date, send_minute = excluded.send_minute,
           timezone = excluded.timezone, status = 'active', updated_at = excluded.updated_at
         RETURNING *`,
        [input.platform, input.userId, JSON.stringify(input.address), input.treatmentDate, input.sendMinute, input.timezone, now],
      )) as SubscriptionRow;
      const cancelled = (await this.db.query(CANCEL_OPEN, [row.id])).rowCount;
      if (checkins.length > 0) {
        // One statement for the whole plan: the arrays are unnested into rows.
        await this.db.query(
          `INSERT INTO scheduled_checkins (subscription_id, platform, checkin_id, due_at, expires_at, status, nonce)
           SELECT $1, $2, c.checkin_id, c.due_at, c.expires_at, 'pending', c.nonce
           FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::text[]) AS c (checkin_id, due_at, expires_at, nonce)`,
          [
            row.id,
            input.platform,
            checkins.map((c) => c.checkinId),
            checkins.map((c) => c.dueAt),
            checkins.map((c) => c.expiresAt),
            newNonces(checkins.length),
          ],
        );
      }
      await this.db.query(`DELETE FROM unreachable_users WHERE platform = $1 AND user_id = $2`, [input.platform, input.userId]);
      return { subscription: toSubscription(row), cancelled };
    });
  }

  stop(platform: Platform, userId: string, now: number): Promise<{ previous: SubscriptionStatus; cancelled: number } | null> {
    return this.db.transaction(async () => {
      const row = await this.db.one<SubscriptionRow>(`SELECT * FROM checkin_subscriptions WHERE platform = $1 AND user_id = $2 FOR UPDATE`, [
        platform,
        userId,
      ]);
      if (!row) return null;
      const cancelled = (await this.db.query(CANCEL_OPEN, [row.id])).rowCount;
      await this.db.query(SET_STATUS, ['stopped', now, row.id]);
      return { previous: row.status as SubscriptionStatus, cancelled };
    });
  }

  pause(subscriptionId: number, now: number): Promise<number> {
    return this.db.transaction(async () => {
      const cancelled = (await this.db.query(CANCEL_OPEN, [subscriptionId])).rowCount;
      await this.db.query(SET_STATUS, ['paused', now, subscriptionId]);
      return cancelled;
    });
  }

  async count(): Promise<number> {
    return (await this.db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM checkin_subscriptions`))?.n ?? 0;
  }
}
