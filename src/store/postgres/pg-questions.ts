import { type QuestionOutcome, type QuestionRecord, type QuestionStats, tallyOutcomes } from '../question-log';
import type { Questions } from '../store';
import type { PgDatabase } from './pg-database';

/** The question log on PostgreSQL (see question-log.ts for what is kept and why). */
export class PgQuestions implements Questions {
  constructor(private readonly db: PgDatabase) {}

  async record(r: QuestionRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO question_events (asked_at, outcome, faq_id, question, asker_key) VALUES ($1, $2, $3, $4, $5)`,
      [r.askedAt.getTime(), r.outcome, r.faqId, r.outcome === 'declined' ? r.question : null, r.askerKey],
    );
  }

  async countForAsker(askerKey: string, since: Date): Promise<number> {
    const row = await this.db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM question_events WHERE asker_key = $1 AND asked_at >= $2`, [
      askerKey,
      since.getTime(),
    ]);
    return row?.n ?? 0;
  }

  async forget(askerKey: string): Promise<number> {
    return (await this.db.query(`DELETE FROM question_events WHERE asker_key = $1`, [askerKey])).rowCount;
  }

  async gaps(since: Date, limit: number): Promise<Array<{ question: string; count: number; lastSeen: Date }>> {
    const { rows } = await this.db.query<{ question: string; count: number; last_seen: number }>(
      `SELECT question, COUNT(*) AS count, MAX(asked_at) AS last_seen FROM question_events
       WHERE outcome = 'declined' AND asked_at >= $1 AND question IS NOT NULL AND question <> ''
       GROUP BY question ORDER BY count DESC, last_seen DESC LIMIT $2`,
      [since.getTime(), limit],
    );
    return rows.map((r) => ({ question: r.question, count: r.count, lastSeen: new Date(r.last_seen) }));
  }

  async stats(since: Date): Promise<QuestionStats> {
    const { rows } = await this.db.query<{ outcome: QuestionOutcome; faq_id: string | null; n: number }>(
      `SELECT outcome, faq_id, COUNT(*) AS n FROM question_events WHERE asked_at >= $1 GROUP BY outcome, faq_id`,
      [since.getTime()],
    );
    return tallyOutcomes(rows);
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.query(`DELETE FROM question_events WHERE asked_at < $1`, [before.getTime()])).rowCount;
  }

  async count(): Promise<number> {
    return (await this.db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM question_events`))?.n ?? 0;
  }
}
