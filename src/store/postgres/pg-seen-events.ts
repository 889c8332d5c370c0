import { SEEN_EVENT_RETENTION_MS } from '../seen-events';
import type { SeenEventIds } from '../store';
import type { PgDatabase } from './pg-database';

/**
 * Platform event ids already handled, shared by every replica: whichever inserts the id first answers the event,
 * the others drop it (Slack delivers a retry to any replica behind the load balancer).
 */
export class PgSeenEvents implements SeenEventIds {
  private inserts = 0;

  constructor(private readonly db: PgDatabase) {}

  async firstSeen(platform: string, eventId: string, now: number): Promise<boolean> {
    if (++this.inserts % 200 === 0) await this.db.query(`DELETE FROM seen_events WHERE seen_at < $1`, [now - SEEN_EVENT_RETENTION_MS]);
    const inserted = await this.db.query(`INSERT INTO seen_events (platform, event_id, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      platform,
      eventId,
      now,
    ]);
    return inserted.rowCount === 1;
  }
}
