import type { Fault } from './faults';

/** One request the bot made to the emulator: a Web API call or a POST to a response_url. */
export interface RecordedCall {
  /** Position in the log (0, 1, 2…), to wait for calls made after a given point. */
  seq: number;
  /** Web API method name, or 'response_url'. */
  method: string;
  /** Form fields or JSON body; `blocks` already parsed. */
  params: Record<string, unknown>;
  /** For 'response_url' calls: which response_url was used. */
  responseId?: string;
  status: number;
  /** The JSON the emulator answered (e.g. `ts` and `channel` of a posted message). */
  result?: Record<string, unknown>;
  /** Slack's `ok`; false for `{ok:false}` answers and for HTTP errors. */
  ok: boolean;
  error?: string;
  fault?: Fault;
  /** Milliseconds since the epoch when the call arrived. */
  at: number;
}

export interface WaitOptions {
  /** Also match calls that failed (injected faults, `{ok:false}`); by default only successful calls match. */
  includeFailed?: boolean;
  /** A guard against a test hanging forever, not a delay: the wait ends as soon as the call arrives. */
  timeoutMs?: number;
}

interface Waiter {
  method: string;
  matches: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Every call in arrival order, and promises that resolve when a matching call arrives. */
export class CallLog {
  private readonly calls: RecordedCall[] = [];
  private waiters: Waiter[] = [];

  /** The seq the next recorded call will get: "calls from now on" are those with seq >= mark(). */
  mark(): number {
    return this.calls.length;
  }

  record(entry: Omit<RecordedCall, 'seq'>): void {
    const call: RecordedCall = { seq: this.calls.length, ...entry };
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.method === call.method && waiter.matches(call)) this.settle(waiter, call);
    }
  }

  all(method?: string): RecordedCall[] {
    return method === undefined ? [...this.calls] : this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already recorded or still to come) that matches. */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedCall> {
    const matches = (call: RecordedCall) => (options.includeFailed || call.ok) && predicate(call);
    const earlier = this.calls.find((c) => c.method === method && matches(c));
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const waiter: Waiter = {
        method,
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`no matching ${method} call within ${timeoutMs} ms; calls seen: ${this.describe()}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Rejects every pending wait (emulator shutting down). */
  close(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`emulator closed while waiting for ${waiter.method}`));
    }
    this.waiters = [];
  }

  private settle(waiter: Waiter, call: RecordedCall): void {
    clearTimeout(waiter.timer);
    this.waiters = this.waiters.filter((w) => w !== waiter);
    waiter.resolve(call);
  }

  private describe(): string {
    if (this.calls.length === 0) return '(none)';
    return this.calls.map((c) => `${c.method}${c.ok ? '' : `(${c.error ?? c.status})`}`).join(', ');
  }
}
