import type { Platform } from '../conversation/incoming-message';
import type { SqliteDatabase } from './open-database';
import type { UnreachableUsers } from './store';

export interface UnreachableMark {
  platform: Platform;
  userId: string;
  reason: string;
  markedAt: number;
}

/** Users the platform refused to DM (Discord 50007, Slack cannot_dm…): their check-ins are paused. */
export class UnreachableUserRepository implements UnreachableUsers {
  private readonly upsert;
  private readonly select;

  constructor(db: SqliteDatabase) {
    this.upsert = db.prepare(
      `INSERT INTO unreachable_users (platform, user_id, reason, marked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, user_id) DO UPDATE SET reason = excluded.reason, marked_at = excluded.marked_at`,
    );
    this.select = db.prepare(`SELECT * FROM unreachable_users WHERE platform = ? AND user_id = ?`);
  }

  async mark(platform: Platform, userId: string, reason: string, at: number): Promise<void> {
    this.markSync(platform, userId, reason, at);
  }

  /** mark inside a caller's transaction (CheckinStore.markUnreachable). */
  markSync(platform: Platform, userId: string, reason: string, at: number): void {
    this.upsert.run(platform, userId, reason, at);
  }

  async get(platform: Platform, userId: string): Promise<UnreachableMark | null> {
    const row = this.select.get(platform, userId) as
      | { platform: Platform; user_id: string; reason: string; marked_at: number }
      | undefined;
    return row ? { platform: row.platform, userId: row.user_id, reason: row.reason, markedAt: row.marked_at } : null;
  }
}
