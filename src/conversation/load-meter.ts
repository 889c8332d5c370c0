/**
 * How many incoming events are being answered right now, with a bound. Past the bound new events are shed (dropped
 * and counted) instead of queueing without end behind the platform's request limit, where every reply would come
 * late. Scheduled check-in DMs wait while people are waiting for replies: replies to people go first.
 */
export class LoadMeter {
  private pending = 0;
  private shedCount = 0;
  private quietWaiters: Array<() => void> = [];
  /** Check-ins go out only while fewer replies than this are pending. */
  readonly quietBelow: number;

  constructor(readonly maxPending: number) {
    this.quietBelow = Math.max(1, Math.floor(maxPending / 4));
  }

  /** Admits one event, or sheds it (false) when `maxPending` are already in progress. */
  tryEnter(): boolean {
    if (this.pending >= this.maxPending) {
      this.shedCount++;
      return false;
    }
    this.pending++;
    return true;
  }

  leave(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending < this.quietBelow && this.quietWaiters.length > 0) {
      const waiters = this.quietWaiters;
      this.quietWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  isQuiet(): boolean {
    return this.pending < this.quietBelow;
  }

  /** Resolves at once when few replies are pending, else when they have gone out. */
  whenQuiet(): Promise<void> {
    if (this.isQuiet()) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  /** For health and metrics: events in progress, and events shed since start. */
  snapshot(): { pending: number; shed: number } {
    return { pending: this.pending, shed: this.shedCount };
  }
}
