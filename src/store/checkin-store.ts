import type { Platform } from '../conversation/incoming-message';
import { CheckinResponseRepository } from './checkin-responses';
import { SubscriptionRepository } from './checkin-subscriptions';
import type { SqliteDatabase } from './open-database';
import type { CheckinForgetCounts, Checkins } from './store';
import { ScheduledCheckinRepository } from './scheduled-checkins';
import { UnreachableUserRepository } from './unreachable-users';

/** The check-in tables' repositories (migration 3). */
export class CheckinStore implements Checkins {
  readonly subscriptions: SubscriptionRepository;
  readonly scheduled: ScheduledCheckinRepository;
  readonly responses: CheckinResponseRepository;
  readonly unreachable: UnreachableUserRepository;
  private readonly forgetStatements;

  constructor(private readonly db: SqliteDatabase) {
    this.subscriptions = new SubscriptionRepository(db);
    this.scheduled = new ScheduledCheckinRepository(db);
    this.responses = new CheckinResponseRepository(db);
    this.unreachable = new UnreachableUserRepository(db);
    const mine = `SELECT id FROM checkin_subscriptions WHERE platform = @platform AND user_id = @userId`;
    this.forgetStatements = {
      responses: db.prepare(`DELETE FROM checkin_responses WHERE subscription_id IN (${mine})`),
      scheduled: db.prepare(`DELETE FROM scheduled_checkins WHERE subscription_id IN (${mine})`),
      subscriptions: db.prepare(`DELETE FROM checkin_subscriptions WHERE platform = @platform AND user_id = @userId`),
      unreachable: db.prepare(`DELETE FROM unreachable_users WHERE platform = @platform AND user_id = @userId`),
    };
  }

  /**
   * The platform said the user cannot get DMs: this check-in fails for good, the subscription is paused
   * (its other open check-ins cancelled, so no retry storm) and the user is marked unreachable. One transaction.
   */
  async markUnreachable(row: { id: number; subscriptionId: number; platform: Platform; userId: string }, claimToken: string, reason: string, at: number): Promise<void> {
    const run = this.db.transaction(() => {
      this.scheduled.markFinalSync(row.id, claimToken, `unreachable: ${reason}`);
      this.subscriptions.pauseSync(row.subscriptionId, at);
      this.unreachable.markSync(row.platform, row.userId, reason, at);
    });
    run.immediate();
  }

  /**
   * Copies the write-ahead log back into the database file without waiting for anyone (PASSIVE). The scheduler
   * calls it after each tick's marks, so SQLite's automatic checkpoint (every 1,000 pages) rarely lands on the
   * next tick's claim transaction and stretches it.
   */
  async checkpoint(): Promise<void> {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Deletes every check-in row about one user, children first, in one transaction. */
  async forgetUser(platform: Platform, userId: string): Promise<CheckinForgetCounts> {
    return this.forgetUserSync(platform, userId);
  }

  /** forgetUser inside the store's forget-me transaction. */
  forgetUserSync(platform: Platform, userId: string): CheckinForgetCounts {
    const s = this.forgetStatements;
    const run = this.db.transaction((): CheckinForgetCounts => {
      const key = { platform, userId };
      const responses = s.responses.run(key).changes;
      const scheduledCheckins = s.scheduled.run(key).changes;
      const subscriptions = s.subscriptions.run(key).changes;
      const unreachable = s.unreachable.run(key).changes;
      return { subscriptions, scheduledCheckins, responses, unreachable };
    });
    return run.immediate();
  }
}
