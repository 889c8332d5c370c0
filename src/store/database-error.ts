/**
 * The database file cannot be used: unopenable, read-only, corrupt, or deleted or replaced while running. The
 * message names the setting to look at (DATABASE_PATH, or the asker-key secret's), so main.ts prints it without a
 * stack, as it does for a bad setting.
 */
export class DatabaseError extends Error {
  constructor(
    readonly setting: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`check ${setting}: ${reason}`, options);
    this.name = 'DatabaseError';
  }
}
