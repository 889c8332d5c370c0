import { randomBytes } from 'node:crypto';
import type { Platform } from '../conversation/incoming-message';
import type { Address } from '../platform/adapter';
import type { SqliteDatabase } from './open-database';
import type { Subscriptions } from './store';

export type SubscriptionStatus = 'active' | 'paused' | 'stopped';

/** What starting check-ins stores for one user (at most one per platform user; starting again replaces it). */
export interface SubscriptionInput {
  platform: Platform;
  userId: string;
  address: Address;
  /** Local calendar date of the treatment, YYYY-MM-DD. */
  treatmentDate: string;
  /** Local minute of the day the check-ins go out (quiet hours already applied). */
  sendMinute: number;
  timezone: string;
}

/** One user's opt-in to the follow-up check-ins, as stored. */
export interface Subscription extends SubscriptionInput {
  id: number;
  status: SubscriptionStatus;
  createdAt: number;
  updatedAt: number;
}

/** A planned check-in to store: due and expiry times are epoch ms, UTC. */
export interface NewScheduledCheckin {
  checkinId: string;
  dueAt: number;
  expiresAt: number;
}

/** A checkin_subscriptions row, as both stores return it. */
export interface SubscriptionRow {
  id: number;
  platform: string;
  user_id: string;
  address: string;
  treatment_date: string;
  send_minute: number;
  timezone: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform as Platform,
    userId: row.user_id,
    address: JSON.parse(row.address) as Address,
    treatmentDate: row.treatment_date,
    sendMinute: row.send_minute,
    timezone: row.timezone,
    status: row.status as SubscriptionStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Idempotency keys for platform sends: random, stored with the row, so every attempt of one check-in
 * carries the same key and no two check-ins share one. 18 characters (Discord allows 25).
 */
export function newNonces(count: number): string[] {
  const bytes = randomBytes(8 * count);
  const nonces: string[] = new Array(count);
  for (let i = 0; i < count; i++) nonces[i] = `ci${bytes.toString('hex', 8 * i, 8 * i + 8)}`;
  return nonces;
}

/** Opt-ins and the state changes that touch their scheduled check-ins (replace, stop, pause) atomically. */
export class SubscriptionRepository implements Subscriptions {
  private readonly select;
  private readonly selectById;
  private readonly upsert;
  private readonly insertScheduled;
  private readonly cancelOpen;
  private readonly setStatus;
  private readonly clearUnreachable;

  constructor(private readonly db: SqliteDatabase) {
    this.select = db.prepare(`SELECT * FROM checkin_subscriptions WHERE platform = ? AND user_id = ?`);
    this.selectById = db.prepare(`SELECT * FROM checkin_subscriptions WHERE id = ?`);
    this.upsert = db.prepare(
      `INSERT INTO checkin_subscriptions
         (platform, user_id, address, treatment_date, send_minute, timezone, status, created_at, updated_at)
       VALUES (@platform, @userId, @address, @treatmentDate, @sendMinute, @timezone, 'active', @now, @now)
       ON CONFLICT (platform, user_id) DO UPDATE SET
         address = excluded.address, treatment_date = excluded.treatment_date, send_minute = excluded.send_minute,
         timezone = excluded.timezone, status = 'active', updated_at = excluded.updated_at
       RETURNING *`,
    );
    this.insertScheduled = db.prepare(
      `INSERT INTO scheduled_checkins (subscription_id, platform, checkin_id, due_at, expires_at, status, nonce)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    );
    // 'sending' rows are cancelled too: the scheduler checks the row right before each send.
    this.cancelOpen = db.prepare(
      `UPDATE scheduled_checkins SET status = 'cancelled', lease_until = NULL
       WHERE subscription_id = ? AND status IN ('pending', 'sending')`,
    );
    this.setStatus = db.prepare(`UPDATE checkin_subscriptions SET status = ?, updated_at = ? WHERE id = ?`);
    this.clearUnreachable = db.prepare(`DELETE FROM unreachable_users WHERE platform = ? AND user_id = ?`);
  }

  async get(platform: Platform, userId: string): Promise<Subscription | null> {
    const row = this.select.get(platform, userId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  async getById(id: number): Promise<Subscription | null> {
    const row = this.selectById.get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  /**
   * Opts the user in with a new plan, replacing any earlier one: its open check-ins are cancelled and an
   * "unreachable" mark is cleared (the user asked again, so we try again). One transaction.
   */
  async replace(input: SubscriptionInput, checkins: readonly NewScheduledCheckin[], now: number): Promise<{ subscription: Subscription; cancelled: number }> {
    const run = this.db.transaction(() => {
      const row = this.upsert.get({
        platform: input.platform,
        userId: input.userId,
        address: JSON.stringify(input.address),
        treatmentDate: input.treatmentDate,
        sendMinute: input.sendMinute,
        timezone: input.timezone,
        now,
      }) as SubscriptionRow;
      const cancelled = this.cancelOpen.run(row.id).changes;
      const nonces = newNonces(checkins.length);
      checkins.forEach((c, i) => {
        this.insertScheduled.run(row.id, input.platform, c.checkinId, c.dueAt, c.expiresAt, nonces[i]);
      });
      this.clearUnreachable.run(input.platform, input.userId);
      return { subscription: toSubscription(row), cancelled };
    });
    return run.immediate();
  }

  /** Stops at once: every open check-in is cancelled. Returns null when the user had no subscription. */
  async stop(platform: Platform, userId: string, now: number): Promise<{ previous: SubscriptionStatus; cancelled: number } | null> {
    const run = this.db.transaction(() => {
      const row = this.select.get(platform, userId) as SubscriptionRow | undefined;
      if (!row) return null;
      const cancelled = this.cancelOpen.run(row.id).changes;
      this.setStatus.run('stopped', now, row.id);
      return { previous: row.status as SubscriptionStatus, cancelled };
    });
    return run.immediate();
  }

  /** The user cannot be reached: no more attempts until they start again. Returns how many were cancelled. */
  async pause(subscriptionId: number, now: number): Promise<number> {
    return this.pauseSync(subscriptionId, now);
  }

  /** pause inside a caller's transaction (CheckinStore.markUnreachable). */
  pauseSync(subscriptionId: number, now: number): number {
    const run = this.db.transaction(() => {
      const cancelled = this.cancelOpen.run(subscriptionId).changes;
      this.setStatus.run('paused', now, subscriptionId);
      return cancelled;
    });
    return run.immediate();
  }

  async count(): Promise<number> {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM checkin_subscriptions`).get() as { n: number }).n;
  }
}
