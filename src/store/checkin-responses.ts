import { TableRepository } from './table-repository';
import type { CheckinResponses } from './store';

export interface CheckinResponse {
  scheduledId: number;
  subscriptionId: number;
  checkinId: string;
  optionId: string;
  via: 'button' | 'text';
  respondedAt: number;
}

/** A checkin_responses row, as both stores return it. */
export interface CheckinResponseRow {
  scheduled_id: number;
  subscription_id: number;
  checkin_id: string;
  option_id: string;
  via: 'button' | 'text';
  responded_at: number;
}

export const toResponse = (r: CheckinResponseRow): CheckinResponse => ({
  scheduledId: r.scheduled_id,
  subscriptionId: r.subscription_id,
  checkinId: r.checkin_id,
  optionId: r.option_id,
  via: r.via,
  respondedAt: r.responded_at,
});

/** What users answered to their check-ins (no user ids: rows hang off the subscription). */
export class CheckinResponseRepository extends TableRepository implements CheckinResponses {
  protected readonly table = 'checkin_responses';

  /** Records an answer; the same option again for the same check-in is already there (false). */
  async record(response: CheckinResponse): Promise<boolean> {
    const insert = this.sql(
      `INSERT OR IGNORE INTO checkin_responses (scheduled_id, subscription_id, checkin_id, option_id, via, responded_at)
       VALUES (@scheduledId, @subscriptionId, @checkinId, @optionId, @via, @respondedAt)`,
    );
    return insert.run(response).changes === 1;
  }

  async forScheduled(scheduledId: number): Promise<CheckinResponse[]> {
    return (this.sql(`SELECT * FROM checkin_responses WHERE scheduled_id = ? ORDER BY id`).all(scheduledId) as CheckinResponseRow[]).map(toResponse);
  }
}
