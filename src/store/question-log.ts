import { TableRepository } from './table-repository';
import type { Questions } from './store';

/** Question records older than this are deleted. */
export const QUESTION_RETENTION_DAYS = 30;

export type QuestionOutcome = 'answered' | 'declined' | 'escalated';

export interface QuestionRecord {
  askedAt: Date;
  outcome: QuestionOutcome;
  faqId: string | null;
  /** Normalised question; stored only for declined questions (the gaps list). */
  question: string | null;
  askerKey: string;
}

export type QuestionStats = Record<QuestionOutcome | 'total', number> & { perEntry: Map<string, number> };

/** Outcome counts and answers per entry from `outcome, faq_id, COUNT(*) AS n` rows (both stores). */
export function tallyOutcomes(rows: ReadonlyArray<{ outcome: QuestionOutcome; faq_id: string | null; n: number }>): QuestionStats {
  const result = { total: 0, answered: 0, declined: 0, escalated: 0, perEntry: new Map<string, number>() };
  for (const r of rows) {
    result.total += r.n;
    result[r.outcome] += r.n;
    if (r.outcome === 'answered' && r.faq_id) result.perEntry.set(r.faq_id, (result.perEntry.get(r.faq_id) ?? 0) + r.n);
  }
  return result;
}

/** The record of what was asked and how it went, for the moderators' tools. */
export class QuestionLog extends TableRepository implements Questions {
  protected readonly table = 'question_events';

  async record(r: QuestionRecord): Promise<void> {
    const insert = this.sql(
      `INSERT INTO question_events (asked_at, outcome, faq_id, question, asker_key)
       VALUES (@askedAt, @outcome, @faqId, @question, @askerKey)`,
    );
    insert.run({
      askedAt: r.askedAt.getTime(),
      outcome: r.outcome,
      faqId: r.faqId,
      question: r.outcome === 'declined' ? r.question : null,
      askerKey: r.askerKey,
    });
  }

  /** How many records one asker added since `since` (the per-day cap; uses the asker index). */
  async countForAsker(askerKey: string, since: Date): Promise<number> {
    return (
      this.sql(`SELECT COUNT(*) AS n FROM question_events WHERE asker_key = ? AND asked_at >= ?`).get(askerKey, since.getTime()) as { n: number }
    ).n;
  }

  /** Removes every question record of one asker; returns how many. */
  async forget(askerKey: string): Promise<number> {
    return this.forgetSync(askerKey);
  }

  /** forget inside the store's forget-me transaction. */
  forgetSync(askerKey: string): number {
    return this.sql(`DELETE FROM question_events WHERE asker_key = ?`).run(askerKey).changes;
  }

  /** The declined questions asked most since `since`: normalised text, count, last seen. */
  async gaps(since: Date, limit: number): Promise<Array<{ question: string; count: number; lastSeen: Date }>> {
    const rows = this
      .sql(
        `SELECT question, COUNT(*) AS count, MAX(asked_at) AS last_seen FROM question_events
         WHERE outcome = 'declined' AND asked_at >= ? AND question IS NOT NULL AND question <> ''
         GROUP BY question ORDER BY count DESC, last_seen DESC LIMIT ?`,
      )
      .all(since.getTime(), limit) as Array<{ question: string; count: number; last_seen: number }>;
    return rows.map((r) => ({ question: r.question, count: r.count, lastSeen: new Date(r.last_seen) }));
  }

  /** Outcome counts since `since`, and answers per FAQ entry. */
  async stats(since: Date): Promise<QuestionStats> {
    const rows = this
      .sql(
        `SELECT outcome, faq_id, COUNT(*) AS n FROM question_events WHERE asked_at >= ? GROUP BY outcome, faq_id`,
      )
      .all(since.getTime()) as Array<{ outcome: QuestionOutcome; faq_id: string | null; n: number }>;
    return tallyOutcomes(rows);
  }

  /** Deletes records older than `before` (questions are kept 30 days). */
  async prune(before: Date): Promise<number> {
    return this.sql(`DELETE FROM question_events WHERE asked_at < ?`).run(before.getTime()).changes;
  }
}
