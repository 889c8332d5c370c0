import { TableRepository } from './table-repository';

export interface CheckinResponse {
  scheduledId: number;
  subscriptionId: number;
  checkinId: string;
  optionId: string;
  via: 'button' | 'text';
  respondedAt: number;
}

/** What users answered to their check-ins (no user ids: rows hang off the subscription). */
export class CheckinResponseRepository extends TableRepository {
  protected readonly table = 'checkin_responses';

  /** Records an answer; the same option again for the same check-in is already there (false). */
  record(response: CheckinResponse): boolean {
    const insert = this.sql(
      `INSERT OR IGNORE INTO checkin_responses (scheduled_id, subscription_id, checkin_id, option_id, via, responded_at)
       VALUES (@scheduledId, @subscriptionId, @checkinId, @optionId, @via, @respondedAt)`,
    );
    return insert.run(response).changes === 1;
  }

  forScheduled(scheduledId: number): CheckinResponse[] {
    return (
      this.sql(`SELECT * FROM checkin_responses WHERE scheduled_id = ? ORDER BY id`).all(scheduledId) as Array<{
        scheduled_id: number;
        subscription_id: number;
        checkin_id: string;
        option_id: string;
        via: 'button' | 'text';
        responded_at: number;
      }>
    ).map((r) => ({
      scheduledId: r.scheduled_id,
      subscriptionId: r.subscription_id,
      checkinId: r.checkin_id,
      optionId: r.option_id,
      via: r.via,
      respondedAt: r.responded_at,
    }));
  }
}
