import type { SqliteDatabase } from './open-database';

export type QuestionOutcome = 'answered' | 'declined' | 'escalated';

export interface QuestionRecord {
  askedAt: Date;
  outcome: QuestionOutcome;
  faqId: string | null;
  /** Normalised question; stored only for declined questions (the gaps list). */
  question: string | null;
  askerKey: string;
}

/** The record of what was asked and how it went, for the moderators' tools. */
export class QuestionLog {
  private readonly insert;
  private readonly deleteAsker;

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      `INSERT INTO question_events (asked_at, outcome, faq_id, question, asker_key)
       VALUES (@askedAt, @outcome, @faqId, @question, @askerKey)`,
    );
    this.deleteAsker = db.prepare(`DELETE FROM question_events WHERE asker_key = ?`);
  }

  record(r: QuestionRecord): void {
    this.insert.run({
      askedAt: r.askedAt.getTime(),
      outcome: r.outcome,
      faqId: r.faqId,
      question: r.outcome === 'declined' ? r.question : null,
      askerKey: r.askerKey,
    });
  }

  /** Removes every question record of one asker; returns how many. */
  forget(askerKey: string): number {
    return this.deleteAsker.run(askerKey).changes;
  }

  count(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM question_events`).get() as { n: number }).n;
  }
}
