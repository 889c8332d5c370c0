import type { Address } from '../../platform/adapter';
import {
  CATCH_UP_STEP,
  type ClaimedCheckin,
  type ClaimOptions,
  type ClaimResult,
  type ScheduledCheckin,
  type ScheduledRow,
  type ScheduledStatus,
  type SendPermission,
  toScheduled,
} from '../scheduled-checkins';
import type { ScheduledCheckins } from '../store';
import type { PgDatabase } from './pg-database';

/**
 * One catch-up step (parameters: now, most rows of each kind): leases that ran out back to pending, rows past their
 * window (a window always closes after its due time, so such a row is due) expired, each through its partial index,
 * skipping rows another transaction holds. One statement, so one round trip; says how many of each.
 */
export const PG_CATCH_UP_SQL = `WITH released AS (
     UPDATE scheduled_checkins SET status = 'pending', lease_until = NULL, claim_token = NULL
     WHERE id IN (SELECT id FROM scheduled_checkins WHERE status = 'sending' AND lease_until <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING 1
   ), expired AS (
     UPDATE scheduled_checkins SET status = 'expired', last_error = 'past its send window'
     WHERE id IN (SELECT id FROM scheduled_checkins WHERE status = 'pending' AND expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING 1
   )
   SELECT (SELECT COUNT(*) FROM released)::int AS released, (SELECT COUNT(*) FROM expired)::int AS expired`;

/**
 * The claim (parameters: now, platforms, limit, lease end, claim token): the oldest due pending rows still inside
 * their window that no other transaction holds, through the partial index on pending rows, leased in the same
 * statement (a row a concurrent catch-up step is expiring is locked by it, so skipped).
 */
export const PG_CLAIM_SQL = `WITH due AS (
     SELECT id FROM scheduled_checkins
     WHERE status = 'pending' AND due_at <= $1 AND expires_at > $1 AND platform = ANY ($2::text[])
     ORDER BY due_at LIMIT $3
     FOR UPDATE SKIP LOCKED
   ), claimed AS (
     UPDATE scheduled_checkins s SET status = 'sending', lease_until = $4, claim_token = $5
     FROM due WHERE s.id = due.id
     RETURNING s.*
   )
   SELECT claimed.*, sub.user_id, sub.address, sub.timezone
   FROM claimed JOIN checkin_subscriptions sub ON sub.id = claimed.subscription_id
   ORDER BY claimed.due_at, claimed.id`;

type ClaimedRow = ScheduledRow & { user_id: string; address: string; timezone: string };

/**
 * The planned DMs on PostgreSQL, the same state machine as scheduled-checkins.ts. Several processes claim at once:
 * each takes only rows no other transaction holds (FOR UPDATE SKIP LOCKED), so none waits for another and no row
 * is leased twice; every later change names the claim token, so a process whose lease ran out changes nothing.
 */
export class PgScheduledCheckins implements ScheduledCheckins {
  constructor(private readonly db: PgDatabase) {}

  /**
   * Two statements, each atomic on its own, so a normal tick is two round trips. First the catch-up, repeated while a
   * step is full (after an outage there may be tens of thousands of rows; bounded steps keep each one's row locks
   * brief): rows whose lease ran out go back to pending, rows past their window are expired, skipping rows another
   * process holds. Then the claim leases the oldest due rows no other transaction holds.
   */
  async claimDue(now: number, options: ClaimOptions): Promise<ClaimResult> {
    let released = 0;
    let expired = 0;
    for (;;) {
      const step = await this.db.one<{ released: number; expired: number }>(PG_CATCH_UP_SQL, [now, CATCH_UP_STEP]);
      released += step?.released ?? 0;
      expired += step?.expired ?? 0;
      if (step?.released !== CATCH_UP_STEP && step?.expired !== CATCH_UP_STEP) break;
    }
    if (options.platforms.length === 0 || options.limit <= 0) return { claimed: [], released, expired };
    const leaseUntil = now + options.leaseMs;
    const { rows } = await this.db.query<ClaimedRow>(PG_CLAIM_SQL, [now, options.platforms, options.limit, leaseUntil, options.claimToken]);
    const claimed = rows.map(
      (row): ClaimedCheckin => ({
        ...toScheduled(row),
        userId: row.user_id,
        address: JSON.parse(row.address) as Address,
        timezone: row.timezone,
        claimToken: options.claimToken,
      }),
    );
    return { claimed, released, expired };
  }

  async nextPendingDue(after: number, until: number): Promise<number | null> {
    const row = await this.db.one<{ due: number | null }>(
      `SELECT MIN(due_at) AS due FROM scheduled_checkins WHERE status = 'pending' AND due_at > $1 AND due_at <= $2`,
      [after, until],
    );
    return row?.due ?? null;
  }

  async permitSend(id: number, claimToken: string, now: number, marginMs: number): Promise<SendPermission> {
    const permitted = await this.db.query(
      `UPDATE scheduled_checkins SET attempts = attempts + 1
       WHERE id = $1 AND status = 'sending' AND claim_token = $2 AND lease_until > $3 AND expires_at > $4`,
      [id, claimToken, now + marginMs, now],
    );
    if (permitted.rowCount === 1) return 'send';
    const expired = await this.db.query(
      `UPDATE scheduled_checkins SET status = 'expired', lease_until = NULL, last_error = 'past its send window'
       WHERE id = $1 AND status = 'sending' AND claim_token = $2 AND expires_at <= $3`,
      [id, claimToken, now],
    );
    return expired.rowCount === 1 ? 'expired' : 'lost';
  }

  async renewLease(id: number, claimToken: string, leaseUntil: number): Promise<boolean> {
    const renewed = await this.db.query(`UPDATE scheduled_checkins SET lease_until = $1 WHERE id = $2 AND claim_token = $3 AND status = 'sending'`, [
      leaseUntil,
      id,
      claimToken,
    ]);
    return renewed.rowCount === 1;
  }

  async markSent(id: number, claimToken: string, now: number): Promise<boolean> {
    // Whatever the status now (a stop may have cancelled it mid-send), a message that went out is recorded as sent.
    const marked = await this.db.query(
      `UPDATE scheduled_checkins SET status = 'sent', sent_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2 AND claim_token = $3`,
      [now, id, claimToken],
    );
    return marked.rowCount === 1;
  }

  async markFailed(id: number, claimToken: string, error: string, maxAttempts: number): Promise<'retry' | 'failed' | 'lost'> {
    const retried = await this.db.query(
      `UPDATE scheduled_checkins SET status = 'pending', lease_until = NULL, claim_token = NULL, last_error = $1
       WHERE id = $2 AND claim_token = $3 AND status = 'sending' AND attempts < $4`,
      [error, id, claimToken, maxAttempts],
    );
    if (retried.rowCount === 1) return 'retry';
    return (await this.fail(id, claimToken, error)) ? 'failed' : 'lost';
  }

  async markFinal(id: number, claimToken: string, error: string): Promise<void> {
    await this.fail(id, claimToken, error);
  }

  async release(id: number, claimToken: string): Promise<void> {
    await this.db.query(
      `UPDATE scheduled_checkins SET status = 'pending', lease_until = NULL, claim_token = NULL WHERE id = $1 AND claim_token = $2 AND status = 'sending'`,
      [id, claimToken],
    );
  }

  async cancelClaimed(id: number, claimToken: string, reason: string): Promise<void> {
    await this.db.query(`UPDATE scheduled_checkins SET status = 'cancelled', lease_until = NULL, last_error = $1 WHERE id = $2 AND claim_token = $3`, [
      reason,
      id,
      claimToken,
    ]);
  }

  async get(id: number): Promise<ScheduledCheckin | null> {
    const row = await this.db.one<ScheduledRow>(`SELECT * FROM scheduled_checkins WHERE id = $1`, [id]);
    return row ? toScheduled(row) : null;
  }

  async forSubscription(subscriptionId: number): Promise<ScheduledCheckin[]> {
    const { rows } = await this.db.query<ScheduledRow>(`SELECT * FROM scheduled_checkins WHERE subscription_id = $1 ORDER BY due_at, id`, [subscriptionId]);
    return rows.map(toScheduled);
  }

  async latestDelivered(subscriptionId: number, now: number): Promise<ScheduledCheckin | null> {
    const row = await this.db.one<ScheduledRow>(
      `SELECT * FROM scheduled_checkins
       WHERE subscription_id = $1 AND status IN ('sent', 'sending') AND due_at <= $2
       ORDER BY due_at DESC, id DESC LIMIT 1`,
      [subscriptionId, now],
    );
    return row ? toScheduled(row) : null;
  }

  async countByStatus(): Promise<Record<ScheduledStatus, number>> {
    const counts: Record<ScheduledStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, expired: 0, cancelled: 0 };
    const { rows } = await this.db.query<{ status: ScheduledStatus; n: number }>(`SELECT status, COUNT(*) AS n FROM scheduled_checkins GROUP BY status`);
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  private async fail(id: number, claimToken: string, error: string): Promise<boolean> {
    const failed = await this.db.query(`UPDATE scheduled_checkins SET status = 'failed', lease_until = NULL, last_error = $1 WHERE id = $2 AND claim_token = $3`, [
      error,
      id,
      claimToken,
    ]);
    return failed.rowCount === 1;
  }
}
