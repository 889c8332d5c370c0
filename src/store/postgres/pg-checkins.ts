import type { Platform } from '../../conversation/incoming-message';
import { type CheckinResponse, type CheckinResponseRow, toResponse } from '../checkin-responses';
import type { CheckinForgetCounts, CheckinResponses, Checkins, UnreachableUsers } from '../store';
import type { UnreachableMark } from '../unreachable-users';
import type { PgDatabase } from './pg-database';
import { PgScheduledCheckins } from './pg-scheduled-checkins';
import { PgSubscriptions } from './pg-subscriptions';

class PgCheckinResponses implements CheckinResponses {
  constructor(private readonly db: PgDatabase) {}

  async record(r: CheckinResponse): Promise<boolean> {
    const inserted = await this.db.query(
      `INSERT INTO checkin_responses (scheduled_id, subscription_id, checkin_id, option_id, via, responded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scheduled_id, option_id) DO NOTHING`,
      [r.scheduledId, r.subscriptionId, r.checkinId, r.optionId, r.via, r.respondedAt],
    );
    return inserted.rowCount === 1;
  }

  async forScheduled(scheduledId: number): Promise<CheckinResponse[]> {
    const { rows } = await this.db.query<CheckinResponseRow>(`SELECT * FROM checkin_responses WHERE scheduled_id = $1 ORDER BY id`, [scheduledId]);
    return rows.map(toResponse);
  }

  async count(): Promise<number> {
    return (await this.db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM checkin_responses`))?.n ?? 0;
  }
}

class PgUnreachableUsers implements UnreachableUsers {
  constructor(private readonly db: PgDatabase) {}

  async mark(platform: Platform, userId: string, reason: string, at: number): Promise<void> {
    await this.db.query(
      `INSERT INTO unreachable_users (platform, user_id, reason, marked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, user_id) DO UPDATE SET reason = excluded.reason, marked_at = excluded.marked_at`,
      [platform, userId, reason, at],
    );
  }

  async get(platform: Platform, userId: string): Promise<UnreachableMark | null> {
    const row = await this.db.one<{ platform: Platform; user_id: string; reason: string; marked_at: number }>(
      `SELECT * FROM unreachable_users WHERE platform = $1 AND user_id = $2`,
      [platform, userId],
    );
    return row ? { platform: row.platform, userId: row.user_id, reason: row.reason, markedAt: row.marked_at } : null;
  }
}

/** The check-in tables on PostgreSQL. */
export class PgCheckins implements Checkins {
  readonly subscriptions: PgSubscriptions;
  readonly scheduled: PgScheduledCheckins;
  readonly responses: PgCheckinResponses;
  readonly unreachable: PgUnreachableUsers;

  constructor(private readonly db: PgDatabase) {
    this.subscriptions = new PgSubscriptions(db);
    this.scheduled = new PgScheduledCheckins(db);
    this.responses = new PgCheckinResponses(db);
    this.unreachable = new PgUnreachableUsers(db);
  }

  markUnreachable(row: { id: number; subscriptionId: number; platform: Platform; userId: string }, claimToken: string, reason: string, at: number): Promise<void> {
    return this.db.transaction(async () => {
      // The subscription first, as replace and stop lock it: the same order everywhere, so no two transactions
      // (a user starting again while their check-in bounces) wait on each other in a deadlock.
      await this.db.query(`SELECT id FROM checkin_subscriptions WHERE id = $1 FOR UPDATE`, [row.subscriptionId]);
      await this.scheduled.markFinal(row.id, claimToken, `unreachable: ${reason}`);
      await this.subscriptions.pause(row.subscriptionId, at);
      await this.unreachable.mark(row.platform, row.userId, reason, at);
    });
  }

  /** Nothing to do: the server manages its own write-ahead log. */
  async checkpoint(): Promise<void> {}

  forgetUser(platform: Platform, userId: string): Promise<CheckinForgetCounts> {
    return this.db.transaction(async () => {
      const mine = `SELECT id FROM checkin_subscriptions WHERE platform = $1 AND user_id = $2`;
      const key = [platform, userId];
      const responses = (await this.db.query(`DELETE FROM checkin_responses WHERE subscription_id IN (${mine})`, key)).rowCount;
      const scheduledCheckins = (await this.db.query(`DELETE FROM scheduled_checkins WHERE subscription_id IN (${mine})`, key)).rowCount;
      const subscriptions = (await this.db.query(`DELETE FROM checkin_subscriptions WHERE platform = $1 AND user_id = $2`, key)).rowCount;
      const unreachable = (await this.db.query(`DELETE FROM unreachable_users WHERE platform = $1 AND user_id = $2`, key)).rowCount;
      return { subscriptions, scheduledCheckins, responses, unreachable };
    });
  }
}
