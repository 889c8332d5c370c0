import type { SqliteDatabase } from './open-database';
import type { SeenEventIds } from './store';

/** Slack retries an event for a few minutes at most; an hour covers retries, replays and a restart in between. */
export const SEEN_EVENT_RETENTION_MS = 3_600_000;

/**
 * Ids of platform events already handled (Slack's event_id), so a retry or a replay is not answered twice, also
 * after a restart or by another process on the same file. Holds no user data; rows live an hour.
 */
export class SeenEvents implements SeenEventIds {
  private readonly insert;
  private readonly prune;
  private inserts = 0;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO seen_events (platform, event_id, seen_at) VALUES (?, ?, ?)`);
    this.prune = db.prepare(`DELETE FROM seen_events WHERE seen_at < ?`);
  }

  /** True the first time an id is seen (it is recorded), false for a repeat within the retention. */
  async firstSeen(platform: string, eventId: string, now: number): Promise<boolean> {
    // Pruned now and then on the way, so no timer is needed and the table stays small.
    if (++this.inserts % 200 === 0) this.prune.run(now - SEEN_EVENT_RETENTION_MS);
    return this.insert.run(platform, eventId, now).changes === 1;
  }
}
