import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import cron, { type ScheduledTask } from 'node-cron';
import type { Knowledge } from '../knowledge/knowledge-schema';
import type { Logger } from '../logging/logger';
import type { AdapterRegistry } from '../platform/adapter';
import { PlatformError } from '../platform/platform-error';
import type { ClaimedCheckin } from '../store/scheduled-checkins';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { buildCheckinReply } from './checkin-message';
import { DEFAULT_PACING, type PlatformPace, PlatformLimiters } from './pacing';

export interface SchedulerDeps {
  store: Store;
  /** The live knowledge pack (a KnowledgeState): the message is built from it at send time. */
  knowledge: { readonly knowledge: Knowledge };
  clock: Clock;
  logger: Logger;
  /** Filled by the app as adapters start; a tick claims only rows of platforms present here. */
  adapters: AdapterRegistry;
  /** node-cron expression (CHECKIN_CRON). */
  cron: string;
  /** Told what each tick did and how long it took, claim to last row marked (metrics). */
  onTick?(result: TickResult, seconds: number): void;
  /** Told when the claim's store transaction throws (metrics); the next tick tries again. */
  onStoreError?(operation: string): void;
  /** Replies to people go first: a send waits while many are pending (the core's LoadMeter). */
  load?: { isQuiet(): boolean; whenQuiet(): Promise<void> };
}

export interface SchedulerOptions {
  /** How long a claim holds before a crashed sender's rows go back to pending. */
  leaseMs?: number;
  /** Sends started per check-in before it is marked failed. */
  maxAttempts?: number;
  /** Rows claimed per tick; at the slowest pace they must go out well within the lease. */
  batchSize?: number;
  /** A send is not started with less lease than this left (another process may soon take the row). */
  sendMarginMs?: number;
  pacing?: Readonly<Partial<Record<string, PlatformPace | null>>>;
}

export const SCHEDULER_DEFAULTS = {
  // Short on purpose: a crashed sender's rows are resent (same nonce) within Discord's few-minute nonce window.
  leaseMs: 90_000,
  maxAttempts: 3,
  // Small claims keep each claim short (at a million subscriptions leasing a row costs the store 40-80 µs, the rows
  // being spread over the file); a backlog is not slowed by it, since a tick that claimed a full batch is followed at
  // once by the next (drain). At Discord's 20/s a batch goes out in 5 s, at Slack's 10/s in 10 s: far inside the lease.
  batchSize: 100,
  sendMarginMs: 20_000,
} as const;

/** What one tick did. */
export interface TickResult {
  claimed: number;
  sent: number;
  /** Failed and back to pending; the next tick retries. */
  retried: number;
  /** Failed for good (attempts used up). */
  failed: number;
  /** Past their window: marked expired, not sent. */
  expired: number;
  /** The user cannot get DMs: subscription paused. */
  paused: number;
  /** Check-ins no longer in the plan. */
  cancelled: number;
  /** Claimed but not sent by this tick (stopped meanwhile, lease lost, platform absent). */
  skipped: number;
  /** Rows whose lease had run out (a crashed sender), put back to pending. */
  released: number;
}

type Outcome = 'sent' | 'retried' | 'failed' | 'expired' | 'paused' | 'cancelled' | 'skipped';

/**
 * Sends due check-ins. The schedule lives in the store; the cron task only calls tick(), and tests call tick()
 * directly with their clock. Each tick claims due rows in one transaction (pending → sending, leased), expires
 * rows past their window, sends each through its platform's adapter behind that platform's limiter (with the
 * row's nonce), and marks it sent or failed.
 */
export class CheckinScheduler {
  private task: ScheduledTask | null = null;
  private readonly inFlight = new Set<Promise<TickResult>>();
  private readonly limiters: PlatformLimiters;
  private readonly options: Required<Omit<SchedulerOptions, 'pacing'>>;
  private readonly pacing: Readonly<Partial<Record<string, PlatformPace | null>>>;
  /** The last tick claimed a full batch for some platform: more may be due. */
  private backlog = false;
  private stopping = false;

  constructor(
    private readonly deps: SchedulerDeps,
    options: SchedulerOptions = {},
  ) {
    const { pacing, ...rest } = options;
    this.options = { ...SCHEDULER_DEFAULTS, ...rest };
    this.pacing = { ...DEFAULT_PACING, ...pacing };
    this.limiters = new PlatformLimiters(this.pacing);
  }

  /** Starts the cron task (noOverlap: a slow tick is never run twice at once). Throws on a bad expression. */
  start(): void {
    if (this.task) return;
    if (!cron.validate(this.deps.cron)) {
      throw new Error(`CHECKIN_CRON "${this.deps.cron}" is not a valid cron expression (default: "* * * * *")`);
    }
    this.task = cron.schedule(
      this.deps.cron,
      async () => {
        await this.drain();
      },
      { name: 'checkins', noOverlap: true },
    );
  }

  /** Stops the cron task and waits for ticks in progress. */
  async stop(): Promise<void> {
    this.stopping = true;
    const task = this.task;
    this.task = null;
    if (task) await task.destroy();
    await Promise.allSettled([...this.inFlight]);
    await this.limiters.stop();
  }

  /**
   * Ticks until a tick claims less than it could: when everyone picked 09:00, the backlog goes out back to back at the
   * platform's pace instead of one batch a minute with the limiter idle in between. A tick with a failed send ends it
   * too, so a failing platform gets its retries a tick apart, not at once. The cron task runs this.
   */
  async drain(): Promise<TickResult[]> {
    const results: TickResult[] = [];
    let last: TickResult;
    do {
      last = await this.tick();
      results.push(last);
    } while (this.backlog && last.retried === 0 && last.failed === 0 && !this.stopping);
    return results;
  }

  /** One pass: settles when every claimed row is marked. */
  async tick(now: Date = this.deps.clock.now()): Promise<TickResult> {
    return (await this.beginTick(now)).done;
  }

  /** tick(), also saying as soon as the claim is made how many rows were claimed (the sends have started). */
  beginTick(now: Date = this.deps.clock.now()): Promise<{ claimed: number; done: Promise<TickResult> }> {
    const begun = this.claimAndSend(now);
    // Tracked from the claim on, so stop() also waits for a tick whose claim is still in the store.
    const done = begun.then((b) => b.done);
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return begun;
  }

  private async claimAndSend(now: Date): Promise<{ claimed: number; done: Promise<TickResult> }> {
    const { store, logger, adapters } = this.deps;
    const started = performance.now();
    // Whole epoch ms: the columns are integers (PostgreSQL refuses a fraction in a BIGINT).
    const at = () => now.getTime() + Math.floor(performance.now() - started);
    const result: TickResult = { claimed: 0, sent: 0, retried: 0, failed: 0, expired: 0, paused: 0, cancelled: 0, skipped: 0, released: 0 };
    let claimed: ClaimedCheckin[] = [];
    this.backlog = false;
    try {
      // One claim per platform, each no bigger than that platform's pace can send within the lease.
      for (const platform of adapters.keys()) {
        const limit = this.claimLimit(platform);
        const claim = await store.checkins.scheduled.claimDue(now.getTime(), {
          leaseMs: this.options.leaseMs,
          limit,
          claimToken: randomUUID(),
          platforms: [platform],
        });
        claimed = claimed.concat(claim.claimed);
        result.released += claim.released;
        result.expired += claim.expired;
        if (claim.claimed.length >= limit) this.backlog = true;
      }
      result.claimed = claimed.length;
    } catch (error) {
      logger.error({ err: error }, 'check-in claim failed; the next tick tries again');
      this.deps.onStoreError?.('checkin-claim');
      // Rows claimed before the failure are sent; their leases hold them meanwhile.
      if (claimed.length === 0) return { claimed: 0, done: Promise.resolve(result) };
      result.claimed = claimed.length;
    }
    const jobs = claimed.map((row) =>
      this.limiters
        .schedule(row.platform, row.address.channelId ?? row.userId, () => this.deliver(row, at))
        .catch((error: unknown): Outcome => {
          // Only reached when the limiter itself fails (e.g. stopped); the lease returns the row later.
          logger.warn({ err: error, scheduledId: row.id }, 'check-in not sent');
          return 'skipped';
        }),
    );
    const done = Promise.all(jobs).then(async (outcomes) => {
      for (const outcome of outcomes) result[outcome]++;
      if (claimed.length > 0) await this.checkpoint();
      if (result.claimed + result.expired + result.released > 0) logger.info({ ...result }, 'check-in tick');
      this.deps.onTick?.(result, (performance.now() - started) / 1000);
      return result;
    });
    return { claimed: claimed.length, done };
  }

  /**
   * Rows one tick claims for a platform: batchSize, or fewer when its pace could not send them all before the lease
   * runs low (Slack at 10/s sends 700 in the 70 s a 90 s lease leaves with a 20 s margin), since a row whose turn
   * comes too late is skipped and waits for its lease to lapse.
   */
  claimLimit(platform: string): number {
    const pace = this.pacing[platform];
    if (!pace) return this.options.batchSize;
    const sendable = Math.floor((pace.perSecond * (this.options.leaseMs - this.options.sendMarginMs)) / 1000);
    return Math.max(1, Math.min(this.options.batchSize, sendable));
  }

  private async checkpoint(): Promise<void> {
    try {
      await this.deps.store.checkins.checkpoint();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'WAL checkpoint after a tick failed');
    }
  }

  private deliver(row: ClaimedCheckin, at: () => number): Promise<Outcome> {
    const load = this.deps.load;
    if (load && !load.isQuiet()) return load.whenQuiet().then(() => this.send(row, at));
    return this.send(row, at);
  }

  private async send(row: ClaimedCheckin, at: () => number): Promise<Outcome> {
    const { store, knowledge, adapters, logger } = this.deps;
    const scheduled = store.checkins.scheduled;
    const adapter = adapters.get(row.platform);
    if (!adapter) {
      await scheduled.release(row.id, row.claimToken);
      return 'skipped';
    }
    const checkin = knowledge.knowledge.checkins.find((c) => c.id === row.checkinId);
    if (!checkin) {
      await scheduled.cancelClaimed(row.id, row.claimToken, 'no longer in the check-in plan');
      return 'cancelled';
    }
    const permission = await scheduled.permitSend(row.id, row.claimToken, at(), this.options.sendMarginMs);
    if (permission === 'expired') return 'expired';
    if (permission === 'lost') return 'skipped';

    let sending: Promise<unknown>;
    try {
      // An earlier attempt whose outcome was never recorded (crash, lost response) may have reached the person: look
      // in their DM for it before sending again. A failed look falls back to sending (Discord's nonce still helps).
      const reply = buildCheckinReply(checkin, row.id);
      if (row.attempts > 0 && adapter.findDirect) {
        const look = adapter.findDirect(row.address, { nonce: row.nonce, reply }).catch((error: unknown) => {
          logger.warn({ err: error, scheduledId: row.id }, 'could not look for an earlier check-in DM; sending');
          return null;
        });
        sending = look.then((found) => {
          if (!found) return adapter.sendDirect(row.address, reply, { nonce: row.nonce });
          logger.info({ scheduledId: row.id }, 'check-in found in the DM from an earlier attempt; not sent again');
          return found;
        });
      } else {
        sending = adapter.sendDirect(row.address, reply, { nonce: row.nonce });
      }
    } catch (error) {
      sending = Promise.reject(error);
    }
    // The lease must never run out under a live send, or another process would claim the row and send it again:
    // renewed every third of the lease for as long as the platform keeps the send waiting.
    const renewal = setInterval(() => {
      scheduled.renewLease(row.id, row.claimToken, this.deps.clock.now().getTime() + this.options.leaseMs).then(
        (held) => {
          if (!held) clearInterval(renewal);
        },
        (error: unknown) => logger.warn({ err: error, scheduledId: row.id }, 'renewing a check-in lease failed'),
      );
    }, Math.max(10, Math.floor(this.options.leaseMs / 3)));
    renewal.unref();
    sending = sending.finally(() => clearInterval(renewal));
    return sending.then(
      async (): Promise<Outcome> => {
        await scheduled.markSent(row.id, row.claimToken, at());
        return 'sent';
      },
      async (error: unknown): Promise<Outcome> => {
        if (error instanceof PlatformError && error.code === 'unreachable') {
          await store.checkins.markUnreachable(row, row.claimToken, error.message, at());
          logger.warn({ scheduledId: row.id, platform: row.platform }, 'user cannot get DMs: check-ins paused');
          return 'paused';
        }
        const message = error instanceof Error ? error.message : String(error);
        const outcome = await scheduled.markFailed(row.id, row.claimToken, message, this.options.maxAttempts);
        logger.warn({ err: error, scheduledId: row.id, outcome }, 'check-in send failed');
        return outcome === 'retry' ? 'retried' : outcome === 'failed' ? 'failed' : 'skipped';
      },
    );
  }
}
