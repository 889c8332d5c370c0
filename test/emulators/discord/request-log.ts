/** One REST call the bot made, with what the emulator answered. */
export interface RecordedRequest {
  method: string;
  /** Path after the API version, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
  response: unknown;
  at: number;
}

export type RequestPredicate = (request: RecordedRequest) => boolean;

interface Waiter {
  predicate: RequestPredicate;
  resolve: (request: RecordedRequest) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Every request in order, plus waiters. Each recorded request satisfies at most one `next()` call, so
 * a test can await "the next POST to this channel" without racing a bot that answered before the await.
 */
export class RequestLog {
  readonly all: RecordedRequest[] = [];
  private readonly consumed = new WeakSet<RecordedRequest>();
  private waiters: Waiter[] = [];

  record(request: RecordedRequest): void {
    this.all.push(request);
    const waiter = this.waiters.find((w) => w.predicate(request));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      this.consumed.add(request);
      waiter.resolve(request);
    }
  }

  /** The first not-yet-awaited request matching `predicate`, now or when it arrives. */
  next(predicate: RequestPredicate, timeoutMs: number, describe: string): Promise<RecordedRequest> {
    const existing = this.all.find((r) => !this.consumed.has(r) && predicate(r));
    if (existing) {
      this.consumed.add(existing);
      return Promise.resolve(existing);
    }
    return new Promise((resolve, reject) => {
      // A deadline, not a sleep: it only turns a hang into a readable failure.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.all.map((r) => `${r.method} ${r.path} → ${r.status}`).join('\n  ');
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe}. Requests so far:\n  ${seen || '(none)'}`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        timer,
      };
      this.waiters.push(waiter);
    });
  }

  filter(predicate: RequestPredicate): RecordedRequest[] {
    return this.all.filter(predicate);
  }

  /** Fails pending waits so a stopped emulator leaves no timers behind. */
  close(): void {
    for (const w of this.waiters) w.reject(new Error('Discord emulator stopped'));
    this.waiters = [];
  }
}
