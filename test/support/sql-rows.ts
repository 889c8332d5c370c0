import Database from 'better-sqlite3';

/**
 * Rows from a bot database file through a read-only connection of its own, so tests can check what the store
 * wrote (no user id, every table forgotten, query plans) without the Store exposing its database.
 */
export function sqlRows<T = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The first row of `sqlRows`, or undefined. */
export function sqlRow<T = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): T | undefined {
  return sqlRows<T>(file, sql, ...params)[0];
}
