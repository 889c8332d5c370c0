import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** One query's rows and how many rows it changed. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** pg reads BIGINT (epoch ms, ids, COUNT) as a string; every value the bot stores fits a JavaScript number. */
const INT8 = 20;
export const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PgDatabaseOptions {
  /** Connections per process (PG_POOL_SIZE). */
  max?: number;
}

/**
 * A pooled PostgreSQL connection for the repositories. `query` runs on the transaction open in the current async
 * context (see `transaction`), else on any pooled connection, so a repository call works the same inside and outside
 * a transaction, and a transaction inside one becomes a savepoint.
 */
export class PgDatabase {
  private readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<{ client: pg.PoolClient; depth: number }>();
  private closing: Promise<void> | undefined;

  constructor(url: string, options: PgDatabaseOptions = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // An idle connection the server dropped (restart, failover) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<R = Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const tx = this.current.getStore();
    const result = await (tx ? tx.client : this.pool).query(text, params as unknown[]);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async one<R>(text: string, params: readonly unknown[] = []): Promise<R | null> {
    return (await this.query<R>(text, params)).rows[0] ?? null;
  }

  /** Runs `work` in one transaction (READ COMMITTED); nested calls are savepoints. Rolled back if it throws. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) {
      const name = `sp${open.depth + 1}`;
      await open.client.query(`SAVEPOINT ${name}`);
      try {
        const result = await this.current.run({ client: open.client, depth: open.depth + 1 }, work);
        await open.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await open.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await this.current.run({ client, depth: 0 }, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: destroyed rather than reused.
      client.release(broken);
    }
  }

  /** Ends the pool once; later calls wait for the same end (pg refuses a second one). */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
