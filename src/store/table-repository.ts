import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './open-database';

/**
 * A repository over one table. Its queries are written where they are used and still compiled once: `sql`
 * prepares each text the first time and keeps the statement (better-sqlite3's advice for statements run often).
 */
export abstract class TableRepository {
  protected abstract readonly table: string;
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: SqliteDatabase) {}

  protected sql(text: string): Statement {
    let statement = this.prepared.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.prepared.set(text, statement);
    }
    return statement;
  }

  /** How many rows the table holds (tests, the privacy checks). */
  async count(): Promise<number> {
    return (this.sql(`SELECT COUNT(*) AS n FROM ${this.table}`).get() as { n: number }).n;
  }
}
