import type { Statement } from 'better-sqlite3';
import type { Platform } from '../conversation/incoming-message';
import type { Address } from '../platform/adapter';
import type { SqliteDatabase } from './open-database';
import type { ScheduledCheckins } from './store';

export type ScheduledStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'expired' | 'cancelled';

export interface ScheduledCheckin {
  id: number;
  subscriptionId: number;
  platform: Platform;
  checkinId: string;
  dueAt: number;
  expiresAt: number;
  status: ScheduledStatus;
  attempts: number;
  leaseUntil: number | null;
  nonce: string;
  sentAt: number | null;
  lastError: string | null;
}

/** A check-in this tick holds the lease on, with what is needed to send it. */
export interface ClaimedCheckin extends ScheduledCheckin {
  userId: string;
  address: Address;
  timezone: string;
  claimToken: string;
}

export interface ClaimOptions {
  /** How long the claim holds; after it a crashed sender's rows go back to pending. */
  leaseMs: number;
  /** At most this many rows per claim (they must be sendable within the lease). */
  limit: number;
  claimToken: string;
  /** Only rows of these platforms (the adapters running in this process). */
  platforms: readonly Platform[];
}

export interface ClaimResult {
  claimed: ClaimedCheckin[];
  /** Rows whose lease ran out (a sender died between claim and mark), now pending again. */
  released: number;
  /** Rows past their send window, marked expired instead of sent. */
  expired: number;
}

/** What a sender may do with a claimed row right before calling the platform. */
export type SendPermission = 'send' | 'expired' | 'lost';

/**
 * Most rows one catch-up step (lease release, expiry) changes. A step this size takes a few milliseconds at a million
 * subscriptions, so after an outage the first tick never blocks for long; steps repeat until none is left.
 */
export const CATCH_UP_STEP = 150;

/** Most rows SQLite leases in one step: the scheduler's whole batch (SCHEDULER_DEFAULTS.batchSize) is one step. */
const CLAIM_STEP = 100;

/** Rows changed (each about two pages of log) after which a step is followed by a checkpoint. */
const CHECKPOINT_AFTER_ROWS = 300;

/** The catch-up steps (parameters @now, @limit), each a range scan of a partial index on open rows (migration 7). */
export const CATCH_UP_SQL = {
  release: `UPDATE scheduled_checkins SET status = 'pending', lease_until = NULL, claim_token = NULL
            WHERE id IN (SELECT id FROM scheduled_checkins WHERE status = 'sending' AND lease_until <= @now LIMIT @limit)`,
  // A window always closes after its due time, so a row past its window is also due.
  expire: `UPDATE scheduled_checkins SET status = 'expired', last_error = 'past its send window'
           WHERE id IN (SELECT id FROM scheduled_checkins WHERE status = 'pending' AND expires_at <= @now LIMIT @limit)`,
} as const;

/**
 * The claim's SELECT (parameters: now, one per platform, limit): an index range scan over the pending rows already
 * due, oldest first, stopping at the limit (test/store/checkins-store.test.ts and the bench check the plan).
 */
export function claimSelectSql(platforms: number): string {
  return `SELECT s.*, sub.user_id AS user_id, sub.address AS address, sub.timezone AS timezone
          FROM scheduled_checkins s JOIN checkin_subscriptions sub ON sub.id = s.subscription_id
          WHERE s.status = 'pending' AND s.due_at <= ? AND s.platform IN (${Array.from({ length: platforms }, () => '?').join(', ')})
          ORDER BY s.due_at LIMIT ?`;
}

/** A due row as the claim's SELECT returns it: the row and what is needed to reach its user. */
type DueRow = ScheduledRow & { user_id: string; address: string; timezone: string };

/** A scheduled_checkins row, as both stores return it. */
export interface ScheduledRow {
  id: number;
  subscription_id: number;
  platform: string;
  checkin_id: string;
  due_at: number;
  expires_at: number;
  status: string;
  attempts: number;
  lease_until: number | null;
  nonce: string;
  sent_at: number | null;
  last_error: string | null;
}

export function toScheduled(row: ScheduledRow): ScheduledCheckin {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    platform: row.platform as Platform,
    checkinId: row.checkin_id,
    dueAt: row.due_at,
    expiresAt: row.expires_at,
    status: row.status as ScheduledStatus,
    attempts: row.attempts,
    leaseUntil: row.lease_until,
    nonce: row.nonce,
    sentAt: row.sent_at,
    lastError: row.last_error,
  };
}

/**
 * The planned DMs and their delivery state machine:
 * pending → sending (claimed with a lease) → sent | failed | back to pending (retry, or the lease ran out);
 * pending → expired (past its window) | cancelled (stop, replace, unreachable).
 */
export class ScheduledCheckinRepository implements ScheduledCheckins {
  private readonly releaseLeases;
  private readonly expireOverdue;
  private readonly selectDue;
  private readonly claimRows;
  private readonly permit;
  private readonly expireClaimed;
  private readonly markSentStmt;
  private readonly retryStmt;
  private readonly failStmt;
  private readonly releaseStmt;
  private readonly cancelStmt;
  private readonly byId;
  private readonly bySubscription;
  private readonly latestSent;

  constructor(private readonly db: SqliteDatabase) {
    // Range scans of the partial indexes on open rows (migration 7): the sending rows, then the pending rows already due.
    // At most CATCH_UP_STEP rows each, so one statement never holds the write lock (and the event loop) for long.
    this.releaseLeases = db.prepare(CATCH_UP_SQL.release);
    this.expireOverdue = db.prepare(CATCH_UP_SQL.expire);
    this.claimRows = db.prepare(
      `UPDATE scheduled_checkins SET status = 'sending', lease_until = ?, claim_token = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND status = 'pending'`,
    );
    const dueByPlatforms = new Map<string, Statement<unknown[]>>();
    this.selectDue = (platforms: readonly Platform[]) => {
      const key = platforms.join(',');
      let statement = dueByPlatforms.get(key);
      if (!statement) {
        statement = db.prepare(claimSelectSql(platforms.length));
        dueByPlatforms.set(key, statement);
      }
      return statement;
    };
    this.permit = db.prepare(
      `UPDATE scheduled_checkins SET attempts = attempts + 1
       WHERE id = @id AND status = 'sending' AND claim_token = @token AND lease_until > @until AND expires_at > @now`,
    );
    this.expireClaimed = db.prepare(
      `UPDATE scheduled_checkins SET status = 'expired', lease_until = NULL, last_error = 'past its send window'
       WHERE id = @id AND status = 'sending' AND claim_token = @token AND expires_at <= @now`,
    );
    // Whatever the status now (a stop may have cancelled it mid-send), a message that went out is recorded as sent.
    this.markSentStmt = db.prepare(
      `UPDATE scheduled_checkins SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL
       WHERE id = ? AND claim_token = ?`,
    );
    this.retryStmt = db.prepare(
      `UPDATE scheduled_checkins SET status = 'pending', lease_until = NULL, claim_token = NULL, last_error = ?
       WHERE id = ? AND claim_token = ? AND status = 'sending'`,
    );
    this.failStmt = db.prepare(
      `UPDATE scheduled_checkins SET status = 'failed', lease_until = NULL, last_error = ?
       WHERE id = ? AND claim_token = ?`,
    );
    this.releaseStmt = db.prepare(
      `UPDATE scheduled_checkins SET status = 'pending', lease_until = NULL, claim_token = NULL
       WHERE id = ? AND claim_token = ? AND status = 'sending'`,
    );
    this.cancelStmt = db.prepare(
      `UPDATE scheduled_checkins SET status = 'cancelled', lease_until = NULL, last_error = ? WHERE id = ? AND claim_token = ?`,
    );
    this.byId = db.prepare(`SELECT * FROM scheduled_checkins WHERE id = ?`);
    this.bySubscription = db.prepare(`SELECT * FROM scheduled_checkins WHERE subscription_id = ? ORDER BY due_at, id`);
    this.latestSent = db.prepare(
      `SELECT * FROM scheduled_checkins
       WHERE subscription_id = ? AND status IN ('sent', 'sending') AND due_at <= ?
       ORDER BY due_at DESC, id DESC LIMIT 1`,
    );
  }

  /**
   * One IMMEDIATE transaction per step, so two processes on one file never claim the same row: rows whose lease ran
   * out go back to pending, rows past their window are expired, then due rows are leased to `claimToken`. A normal
   * tick is one step. After an outage (tens of thousands of rows to expire at a million subscriptions) each step
   * changes at most CATCH_UP_STEP rows of each kind and claims at most CLAIM_STEP, and between steps the event loop
   * runs and the write-ahead log is copied back, so no single step (or its commit) blocks for long.
   */
  async claimDue(now: number, options: ClaimOptions): Promise<ClaimResult> {
    let released = 0;
    let expired = 0;
    const rows: DueRow[] = [];
    const leaseUntil = now + options.leaseMs;
    const step = this.db.transaction((): 'more' | 'done' => {
      const lapsed = this.releaseLeases.run({ now, limit: CATCH_UP_STEP }).changes;
      const overdue = this.expireOverdue.run({ now, limit: CATCH_UP_STEP }).changes;
      released += lapsed;
      expired += overdue;
      if (lapsed === CATCH_UP_STEP || overdue === CATCH_UP_STEP) return 'more';
      const want = Math.min(CLAIM_STEP, options.limit - rows.length);
      if (options.platforms.length === 0 || want <= 0) return 'done';
      const due = this.selectDue(options.platforms).all(now, ...options.platforms, want) as DueRow[];
      // One statement for the lot: inside this IMMEDIATE transaction no other process can have taken any of them.
      this.claimRows.run(leaseUntil, options.claimToken, JSON.stringify(due.map((row) => row.id)));
      rows.push(...due);
      return due.length === want && rows.length < options.limit ? 'more' : 'done';
    });
    let changedSinceCheckpoint = 0;
    for (;;) {
      const before = released + expired + rows.length;
      if (step.immediate() === 'done') break;
      changedSinceCheckpoint += released + expired + rows.length - before;
      await this.breathe(changedSinceCheckpoint >= CHECKPOINT_AFTER_ROWS);
      if (changedSinceCheckpoint >= CHECKPOINT_AFTER_ROWS) changedSinceCheckpoint = 0;
    }
    // Built after the commit, so the write lock is held only for the statements.
    const claimed = rows.map(
      (row): ClaimedCheckin => ({
        ...toScheduled(row),
        status: 'sending',
        leaseUntil,
        userId: row.user_id,
        address: JSON.parse(row.address) as Address,
        timezone: row.timezone,
        claimToken: options.claimToken,
      }),
    );
    return { claimed, released, expired };
  }

  /**
   * Between steps other work runs; after a few hundred changed rows the log written so far also goes back into the
   * file (PASSIVE), so SQLite's own checkpoint (at 1,000 pages of log) never lands inside a step's commit.
   */
  private async breathe(checkpoint: boolean): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!checkpoint) return;
    this.db.pragma('wal_checkpoint(PASSIVE)');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /**
   * The earliest due time of a pending check-in after `after` and at most `until` (epoch ms), or null: the
   * terminal demo's /advance runs a tick at each one, in order, as the cron task would have.
   */
  async nextPendingDue(after: number, until: number): Promise<number | null> {
    const row = this.db
      .prepare(`SELECT MIN(due_at) AS due FROM scheduled_checkins WHERE status = 'pending' AND due_at > ? AND due_at <= ?`)
      .get(after, until) as { due: number | null };
    return row.due;
  }

  /**
   * Checked right before each send: the row must still be ours (not stopped, not re-claimed after the lease),
   * with at least `marginMs` of lease left, and inside its window. 'send' counts the attempt.
   */
  async permitSend(id: number, claimToken: string, now: number, marginMs: number): Promise<SendPermission> {
    if (this.permit.run({ id, token: claimToken, until: now + marginMs, now }).changes === 1) return 'send';
    if (this.expireClaimed.run({ id, token: claimToken, now }).changes === 1) return 'expired';
    return 'lost';
  }

  /**
   * Extends the lease of a row this claim still holds while its send is in progress (a platform can keep a send
   * waiting longer than the lease, e.g. a 429 with a long Retry-After). False when the row is no longer ours.
   */
  async renewLease(id: number, claimToken: string, leaseUntil: number): Promise<boolean> {
    return (
      this.db
        .prepare(`UPDATE scheduled_checkins SET lease_until = ? WHERE id = ? AND claim_token = ? AND status = 'sending'`)
        .run(leaseUntil, id, claimToken).changes === 1
    );
  }

  async markSent(id: number, claimToken: string, now: number): Promise<boolean> {
    return this.markSentStmt.run(now, id, claimToken).changes === 1;
  }

  /** A send failed: back to pending while attempts remain (the next tick retries), else failed. */
  async markFailed(id: number, claimToken: string, error: string, maxAttempts: number): Promise<'retry' | 'failed' | 'lost'> {
    const row = this.byId.get(id) as ScheduledRow | undefined;
    if (!row) return 'lost';
    if (row.attempts < maxAttempts && this.retryStmt.run(error, id, claimToken).changes === 1) return 'retry';
    return this.failStmt.run(error, id, claimToken).changes === 1 ? 'failed' : 'lost';
  }

  /** Final failure without retry (unreachable user). */
  async markFinal(id: number, claimToken: string, error: string): Promise<void> {
    this.markFinalSync(id, claimToken, error);
  }

  /** markFinal inside a caller's transaction (CheckinStore.markUnreachable). */
  markFinalSync(id: number, claimToken: string, error: string): void {
    this.failStmt.run(error, id, claimToken);
  }

  /** Gives a claimed row back untouched (its platform is not running here). */
  async release(id: number, claimToken: string): Promise<void> {
    this.releaseStmt.run(id, claimToken);
  }

  /** A claimed row that can never be sent (its check-in left the plan). */
  async cancelClaimed(id: number, claimToken: string, reason: string): Promise<void> {
    this.cancelStmt.run(reason, id, claimToken);
  }

  async get(id: number): Promise<ScheduledCheckin | null> {
    const row = this.byId.get(id) as ScheduledRow | undefined;
    return row ? toScheduled(row) : null;
  }

  async forSubscription(subscriptionId: number): Promise<ScheduledCheckin[]> {
    return (this.bySubscription.all(subscriptionId) as ScheduledRow[]).map(toScheduled);
  }

  /** The most recent check-in that went out to this subscription (or is going out), if any. */
  async latestDelivered(subscriptionId: number, now: number): Promise<ScheduledCheckin | null> {
    const row = this.latestSent.get(subscriptionId, now) as ScheduledRow | undefined;
    return row ? toScheduled(row) : null;
  }

  async countByStatus(): Promise<Record<ScheduledStatus, number>> {
    const counts: Record<ScheduledStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, expired: 0, cancelled: 0 };
    const rows = this.db.prepare(`SELECT status, COUNT(*) AS n FROM scheduled_checkins GROUP BY status`).all() as Array<{
      status: ScheduledStatus;
      n: number;
    }>;
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }
}
