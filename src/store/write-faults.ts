/**
 * Writes that failed where the reply went out anyway (a question record, a check-in answer): counted so health
 * and metrics can show a failing store while people keep getting answers.
 */
export class WriteFaults {
  private failures = 0;
  private lastAt: number | null = null;
  private lastMessage: string | null = null;

  note(error: unknown, at: number = Date.now()): void {
    this.failures++;
    this.lastAt = at;
    this.lastMessage = error instanceof Error ? error.message : String(error);
  }

  snapshot(): { failures: number; lastAt: number | null; lastMessage: string | null } {
    return { failures: this.failures, lastAt: this.lastAt, lastMessage: this.lastMessage };
  }
}

/**
 * Runs a write that must never stand between a person and their reply: a failure is logged (with what was being
 * written, never the content), counted, and swallowed. Returns whether it was written.
 */
export async function bestEffortWrite(
  deps: { store: { writeFaults: WriteFaults }; logger: { warn(obj: object, msg: string): void } },
  what: string,
  write: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    deps.store.writeFaults.note(error);
    deps.logger.warn({ err: error, write: what }, 'a best-effort write failed; the reply still goes out');
    return false;
  }
}
