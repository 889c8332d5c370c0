/** What the emulator does instead of answering a call normally. */
export type Fault =
  /** HTTP 429 with `Retry-After` (whole seconds, as Slack sends it). */
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** HTTP 200 `{ok:false, error}`: cannot_dm_bot, user_not_found, channel_not_found, missing_scope… */
  | { kind: 'error'; error: string }
  /** A bare HTTP error status such as 500 or 503. */
  | { kind: 'http'; status: number };

/** Faults queued per method (or 'response_url'); each is used for exactly one call, in order. */
export class FaultPlan {
  private readonly queues = new Map<string, Fault[]>();

  push(method: string, fault: Fault, times = 1): void {
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.queues.set(method, queue);
  }

  take(method: string): Fault | undefined {
    return this.queues.get(method)?.shift();
  }

  clear(): void {
    this.queues.clear();
  }
}
