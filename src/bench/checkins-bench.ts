import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installRoot } from '../config/install-root';
import { performance } from 'node:perf_hooks';
import { CheckinScheduler } from '../checkins/checkin-scheduler';
import { localDate } from '../checkins/local-time';
import type { Reply } from '../conversation/reply';
import type { Knowledge } from '../knowledge/knowledge-schema';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { silentLogger } from '../logging/logger';
import type { Address, MessageRef, SendOptions } from '../platform/adapter';
import { DirectOnlyAdapter } from '../platform/direct-only-adapter';
import { PlatformError } from '../platform/platform-error';
import { createStore, type Store } from '../store/store';
import { ManualClock } from '../time/clock';
import { planRandomSubscription } from './random-subscription';
import { busiestSecond, fmt, int, lcg } from './bench-numbers';

export interface CheckinsBenchOptions {
  /** Subscriptions to plan and store (default 100,000). */
  subscriptions?: number;
  /** Due check-ins put in the store for the dispatch run (default 10,000). */
  dueForDispatch?: number;
  /**
   * How many of them to actually send (default 2,000). At 40/s all 10,000 take 250 s; the achieved rate is the
   * same figure over 2,000 (50 s), so that is the default. Pass 10000 for the full run.
   */
  dispatchCount?: number;
  /** The limiter's rate (default 40/s). */
  limitPerSecond?: number;
  /** The emulated platform's own limit; above it a send is rejected as a 429 (default 50/s, Discord's global). */
  platformLimitPerSecond?: number;
  knowledgeDir?: string;
}

const BENCH_NOW = Date.parse('2026-11-26T10:00:00Z');

/**
 * Plans and stores subscriptions the way "checkins start" does: a zone, a local hour (08:00-20:59), a treatment
 * date in the last two weeks, only the check-ins still ahead. Stored through SubscriptionRepository.replace,
 * 1,000 users per outer transaction.
 */
async function planAndStore(store: Store, knowledge: Knowledge, count: number, now: number, idPrefix: string): Promise<number> {
  const random = lcg(count);
  let rows = 0;
  const batch = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const { zone, treatmentDate, plan } = planRandomSubscription(knowledge, random, i, (z) => localDate(new Date(now), z));
      const upcoming = plan.items.filter((item) => item.dueAt.getTime() > now);
      const userId = `${idPrefix}${i}`;
      await store.checkins.subscriptions.replace(
        { platform: 'discord', userId, address: { platform: 'discord', userId }, treatmentDate, sendMinute: plan.sendMinute, timezone: zone },
        upcoming.map((item) => ({ checkinId: item.checkin.id, dueAt: item.dueAt.getTime(), expiresAt: item.expiresAt.getTime() })),
        now,
      );
      rows += upcoming.length;
    }
  };
  for (let from = 0; from < count; from += 1000) await store.inTransaction(() => batch(from, Math.min(count, from + 1000)));
  return rows;
}

/** Records sends and rejects, like the platform, any beyond its limit in a sliding second (a 429). */
class RecordingPlatform extends DirectOnlyAdapter {
  readonly platform = 'discord' as const;
  readonly starts: number[] = [];
  rejected = 0;
  private windowStart = 0;

  constructor(private readonly limitPerSecond: number) {
    super();
  }

  async sendDirect(address: Address, _reply: Reply, _options?: SendOptions): Promise<MessageRef> {
    const t = performance.now();
    while (this.windowStart < this.starts.length && this.starts[this.windowStart]! <= t - 1000) this.windowStart++;
    if (this.starts.length - this.windowStart >= this.limitPerSecond) {
      this.rejected++;
      throw new PlatformError('failed', '429 Too Many Requests');
    }
    this.starts.push(t);
    await new Promise((resolve) => setTimeout(resolve, 15)); // request latency
    return { platform: 'discord', channelId: `dm-${address.userId}`, messageId: String(this.starts.length) };
  }

  /** Most sends that started within any one second. */
  busiestSecond(): number {
    return busiestSecond(this.starts);
  }
}

function databaseBytes(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // not there
    }
  }
  return total;
}

/** The check-in figures for `npm run bench`: lines to print. */
export async function runCheckinsBench(options: CheckinsBenchOptions = {}): Promise<string[]> {
  const subscriptions = options.subscriptions ?? 100_000;
  const dueForDispatch = options.dueForDispatch ?? 10_000;
  const dispatchCount = Math.min(options.dispatchCount ?? 2_000, dueForDispatch);
  const limit = options.limitPerSecond ?? 40;
  const platformLimit = options.platformLimitPerSecond ?? 50;
  const knowledge = loadKnowledge(options.knowledgeDir ?? path.join(installRoot(), 'knowledge'));
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-checkins-bench-'));
  const lines: string[] = ['Check-ins (SQLite, through the production repositories)'];
  try {
    // 1. Plan and store through the production path (checkins-scale-bench.ts times the claim at scale, both stores).
    const file = path.join(dir, 'bench.db');
    const store = createStore(file);
    const started = performance.now();
    const rows = await planAndStore(store, knowledge, subscriptions, BENCH_NOW, 'u');
    const planMs = performance.now() - started;
    await store.checkins.checkpoint();
    lines.push(
      `  plan + store ${int(subscriptions)} subscriptions, one opt-in transaction each (${int(rows)} scheduled check-ins): ${fmt(planMs / 1000, 2)} s ` +
        `(${fmt(planMs / subscriptions * 1000, 0)} µs each); database ${fmt(databaseBytes(file) / 1024 / 1024)} MB`,
    );

    await store.close();

    // 2. Dispatch through the scheduler, its limiter at `limit`/s, to a platform that 429s above `platformLimit`/s.
    const dispatchStore = createStore(path.join(dir, 'dispatch.db'));
    const dueAt = BENCH_NOW - 60_000;
    await dispatchStore.inTransaction(async () => {
      for (let i = 0; i < dueForDispatch; i++) {
        const userId = `d${i}`;
        await dispatchStore.checkins.subscriptions.replace(
          { platform: 'discord', userId, address: { platform: 'discord', userId }, treatmentDate: '2026-11-25', sendMinute: 540, timezone: 'UTC' },
          [{ checkinId: knowledge.checkins[0]!.id, dueAt, expiresAt: dueAt + 24 * 3_600_000 }],
          BENCH_NOW,
        );
      }
    });
    const platform = new RecordingPlatform(platformLimit);
    // Claim batches of at most 1,000 (at 40/s one takes 25 s, well inside the 90-second lease); the same scheduler
    // and limiter carry on across ticks, as they do under the cron.
    const ticks = Math.ceil(dispatchCount / 1000);
    const scheduler = new CheckinScheduler(
      {
        store: dispatchStore,
        knowledge: { knowledge },
        clock: new ManualClock(BENCH_NOW),
        logger: silentLogger(),
        adapters: new Map([['discord', platform]]),
        cron: '* * * * *',
      },
      { batchSize: Math.ceil(dispatchCount / ticks), pacing: { discord: { perSecond: limit, maxConcurrent: 4 } } },
    );
    let sent = 0;
    let failures = 0;
    for (let i = 0; i < ticks; i++) {
      const result = await scheduler.tick(new Date(BENCH_NOW));
      sent += result.sent;
      failures += result.retried + result.failed;
    }
    await scheduler.stop();
    await dispatchStore.close();
    const starts = platform.starts;
    const seconds = (starts[starts.length - 1]! - starts[0]!) / 1000;
    const rate = (starts.length - 1) / seconds;
    lines.push(
      `  dispatch ${int(sent)} of ${int(dueForDispatch)} due check-ins through a ${limit}/s limiter` +
        `${sent < dueForDispatch ? ` (a ${fmt(dispatchCount / limit, 0)} s run; all ${int(dueForDispatch)} would take ${fmt(dueForDispatch / limit, 0)} s)` : ''}: ` +
        `${fmt(rate)} sends/s = ${fmt((rate / limit) * 100)}% of the limit; busiest second ${platform.busiestSecond()}; ` +
        `429s from the emulated ${platformLimit}/s platform: ${platform.rejected}; failed sends: ${failures}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
