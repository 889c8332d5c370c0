import { CheckinScheduler, SCHEDULER_DEFAULTS } from '../../src/checkins/checkin-scheduler';
import { startCheckins, stopCheckins } from '../../src/checkins/checkin-service';
import { sharePacing } from '../../src/checkins/pacing';
import { silentLogger } from '../../src/logging/logger';
import { PlatformError } from '../../src/platform/platform-error';
import { createStore } from '../../src/store/store';
import { createTestCore, type TestCore } from '../support/test-core';
import { dm, RecordingAdapter } from './support/checkin-fixtures';
import { seedSubscription } from './support/seed';
import { sqlRow, sqlRows } from '../support/sql-rows';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-26T10:00:00Z');

describe('check-in scheduler', () => {
  let t: TestCore;
  let adapter: RecordingAdapter;
  let schedulers: CheckinScheduler[];

  function newScheduler(options: ConstructorParameters<typeof CheckinScheduler>[1] = {}, deps: Partial<ConstructorParameters<typeof CheckinScheduler>[0]> = {}) {
    const s = new CheckinScheduler({ ...t.deps, logger: silentLogger(), cron: '* * * * *', ...deps }, options);
    schedulers.push(s);
    return s;
  }

  beforeEach(async () => {
    t = await createTestCore({ now: NOW });
    adapter = new RecordingAdapter('discord');
    t.adapters.set('discord', adapter);
    schedulers = [];
  });
  afterEach(async () => {
    for (const s of schedulers) await s.stop();
    await t.cleanup();
  });

  const subscribe = (userId: string) => startCheckins(t.deps, dm('', { id: userId }), { date: 'today', hour: '9', timezone: 'Europe/Berlin' });

  /** Ticks every `stepMs` from now for `days` days. */
  async function runFor(scheduler: CheckinScheduler, days: number, stepMs = HOUR) {
    const end = t.clock.now().getTime() + days * 24 * HOUR;
    while (t.clock.now().getTime() < end) {
      t.clock.advance(stepMs);
      await scheduler.tick();
    }
  }

  it('sends every check-in of the plan once, at its time, with a stable nonce, and marks it sent', async () => {
    await subscribe('alice');
    const scheduler = newScheduler();
    await runFor(scheduler, 16, 15 * 60_000);
    const plan = t.knowledge.knowledge.checkins;
    expect(adapter.sent.map((s) => s.reply.text.split('\n')[0])).toEqual(plan.map((c) => c.message.split('\n')[0]));
    const nonces = adapter.sent.map((s) => s.nonce!);
    expect(new Set(nonces).size).toBe(plan.length);
    for (const nonce of nonces) expect(nonce.length).toBeLessThanOrEqual(25);
    const rows = sqlRows<{
      status: string;
      attempts: number;
      nonce: string;
      sent_at: number;
      due_at: number;
    }>(t.config.DATABASE_PATH, `SELECT status, attempts, nonce, sent_at, due_at FROM scheduled_checkins ORDER BY due_at`);
    expect(rows.map((r) => r.status)).toEqual(plan.map(() => 'sent'));
    expect(rows.map((r) => r.nonce)).toEqual(nonces);
    for (const row of rows) {
      expect(row.attempts).toBe(1);
      expect(row.sent_at - row.due_at).toBeGreaterThanOrEqual(0);
      expect(row.sent_at - row.due_at).toBeLessThan(15 * 60_000);
    }
  });

  it('never sends to a user who did not opt in or who stopped', async () => {
    await subscribe('alice');
    await subscribe('bob');
    await subscribe('carol');
    const scheduler = newScheduler();
    await runFor(scheduler, 2); // a couple of check-ins each
    await stopCheckins(t.deps, dm('stop', { id: 'bob' }));
    const bobBefore = adapter.sentTo('bob').length;
    expect(bobBefore).toBeGreaterThan(0);
    await runFor(scheduler, 14);
    expect(adapter.sentTo('alice')).toHaveLength(t.knowledge.knowledge.checkins.length);
    expect(adapter.sentTo('bob')).toHaveLength(bobBefore);
    expect(adapter.sentTo('mallory')).toHaveLength(0);
    expect(new Set(adapter.sent.map((s) => s.address.userId))).toEqual(new Set(['alice', 'bob', 'carol']));
  });

  it('after downtime sends what is still inside its window and expires the rest', async () => {
    await subscribe('alice');
    const [day1, day2, day3] = t.knowledge.knowledge.checkins;
    const scheduler = newScheduler();
    // Down from now until the day-3 check-in is 2 hours late (Berlin 09:00 = 08:00Z).
    t.clock.set(new Date(Date.parse('2026-11-29T08:00:00Z') + 2 * HOUR));
    expect(2).toBeLessThan(day3!.sendWithinHours);
    const result = await scheduler.tick();
    expect(result).toMatchObject({ expired: 2, claimed: 1, sent: 1 });
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]!.reply.text).toContain(day3!.message);
    const statuses = sqlRows(t.config.DATABASE_PATH, `SELECT checkin_id, status FROM scheduled_checkins ORDER BY due_at LIMIT 3`);
    expect(statuses).toEqual([
      { checkin_id: day1!.id, status: 'expired' },
      { checkin_id: day2!.id, status: 'expired' },
      { checkin_id: day3!.id, status: 'sent' },
    ]);
  });

  it('retries a failed send on later ticks, then marks it failed after the last attempt', async () => {
    await seedSubscription(t.store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    adapter.fail = () => new PlatformError('failed', 'HTTP 500');
    const scheduler = newScheduler({ maxAttempts: 3 });
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, retried: 1 });
    t.clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, retried: 1 });
    t.clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, failed: 1 });
    t.clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    expect(sqlRow(t.config.DATABASE_PATH, `SELECT status, attempts, last_error FROM scheduled_checkins`)).toEqual({
      status: 'failed',
      attempts: 3,
      last_error: 'HTTP 500',
    });
  });

  it('recovers when a retry succeeds', async () => {
    await seedSubscription(t.store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    adapter.fail = (_address, call) => (call === 1 ? new Error('socket hang up') : null);
    const scheduler = newScheduler();
    expect(await scheduler.tick()).toMatchObject({ retried: 1 });
    t.clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(adapter.sent).toHaveLength(1);
  });

  it('pauses the subscription when the user cannot get DMs: no retries, status explains', async () => {
    await subscribe('alice');
    let calls = 0;
    adapter.fail = () => {
      calls++;
      return new PlatformError('unreachable', 'Cannot send messages to this user (50007)');
    };
    const scheduler = newScheduler();
    await runFor(scheduler, 15);
    expect(calls).toBe(1);
    expect((await t.store.checkins.subscriptions.get('discord', 'alice'))!.status).toBe('paused');
    expect(await t.store.checkins.unreachable.get('discord', 'alice')).toMatchObject({ reason: expect.stringMatching(/50007/) });
    const statuses = sqlRows(t.config.DATABASE_PATH, `SELECT status, COUNT(*) AS n FROM scheduled_checkins GROUP BY status ORDER BY status`);
    expect(statuses).toEqual([
      { status: 'cancelled', n: t.knowledge.knowledge.checkins.length - 1 },
      { status: 'failed', n: 1 },
    ]);
    const status = await t.core.handle(dm('status', { id: 'alice' }));
    expect(status.text).toMatch(/paused: I could not send you a direct message/);
    // Starting again clears the mark and plans again.
    adapter.fail = null;
    await subscribe('alice');
    expect(await t.store.checkins.unreachable.get('discord', 'alice')).toBeNull();
    await runFor(scheduler, 2);
    expect(adapter.sentTo('alice').length).toBeGreaterThan(0);
  });

  it('puts a row back when its lease runs out (the sender died) and sends it once, with the same nonce', async () => {
    await seedSubscription(t.store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    // A sender claims and dies before marking.
    const dead = await t.store.checkins.scheduled.claimDue(NOW.getTime(), {
      leaseMs: SCHEDULER_DEFAULTS.leaseMs,
      limit: 10,
      claimToken: 'dead-process',
      platforms: ['discord'],
    });
    expect(dead.claimed).toHaveLength(1);
    const scheduler = newScheduler();
    t.clock.advance(SCHEDULER_DEFAULTS.leaseMs - 1);
    expect(await scheduler.tick()).toMatchObject({ claimed: 0, released: 0 });
    t.clock.advance(1);
    expect(await scheduler.tick()).toMatchObject({ released: 1, claimed: 1, sent: 1 });
    t.clock.advance(SCHEDULER_DEFAULTS.leaseMs * 2);
    expect(await scheduler.tick()).toMatchObject({ claimed: 0, released: 0 });
    expect(adapter.sent.map((s) => s.nonce)).toEqual([dead.claimed[0]!.nonce]);
  });

  it('claims only rows of platforms whose adapter runs in this process', async () => {
    await seedSubscription(t.store, { userId: 'sam', platform: 'slack', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    await seedSubscription(t.store, { userId: 'dan', platform: 'discord', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    const result = await newScheduler().tick();
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ pending: 1, sent: 1 });
  });

  it('cancels a check-in that is no longer in the plan instead of sending it', async () => {
    await seedSubscription(t.store, { userId: 'alice', checkinIds: ['retired-checkin'], dueAt: [NOW.getTime()] });
    expect(await newScheduler().tick()).toMatchObject({ claimed: 1, cancelled: 1, sent: 0 });
    expect(adapter.sent).toHaveLength(0);
  });

  it('two schedulers on one database file (two connections) send each check-in exactly once', async () => {
    const other = createStore(t.config.DATABASE_PATH);
    try {
      const users = Array.from({ length: 120 }, (_, i) => `user-${i}`);
      for (const userId of users) {
        await seedSubscription(t.store, {
          userId,
          checkinIds: ['day-1-redness', 'day-3-sunscreen'],
          dueAt: [NOW.getTime() - 60_000, NOW.getTime() + 30 * 60_000],
        });
      }
      const secondAdapter = new RecordingAdapter('discord');
      const pacing = { discord: { perSecond: 5000, maxConcurrent: 4 } };
      const a = newScheduler({ batchSize: 7, pacing });
      const b = newScheduler({ batchSize: 5, pacing }, { store: other, adapters: new Map([['discord', secondAdapter]]) });
      for (let minute = 0; minute < 40; minute++) {
        await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        t.clock.advance(60_000);
      }
      const all = [...adapter.sent, ...secondAdapter.sent];
      expect(adapter.sent.length).toBeGreaterThan(0);
      expect(secondAdapter.sent.length).toBeGreaterThan(0);
      expect(all).toHaveLength(users.length * 2);
      expect(new Set(all.map((s) => s.nonce)).size).toBe(users.length * 2);
      expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ sent: users.length * 2, pending: 0, sending: 0 });
    } finally {
      await other.close();
    }
  });

  it('stops draining when a send fails, so a failing platform gets its retries a tick apart', async () => {
    for (let i = 0; i < 6; i++) await seedSubscription(t.store, { userId: `u${i}`, checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    adapter.fail = () => new PlatformError('failed', 'HTTP 500');
    const scheduler = newScheduler({ batchSize: 3, pacing: { discord: { perSecond: 1000, maxConcurrent: 3 } } });
    const results = await scheduler.drain();
    expect(results.map((r) => [r.claimed, r.retried])).toEqual([[3, 3]]);
    expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ pending: 6, sent: 0 });
  });

  it('two processes given a share each (CHECKIN_SENDERS=2) together send no faster than the platform pace', async () => {
    const other = createStore(t.config.DATABASE_PATH);
    try {
      for (let i = 0; i < 16; i++) await seedSubscription(t.store, { userId: `u${i}`, checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
      const secondAdapter = new RecordingAdapter('discord');
      // The platform allows 40/s; each process takes half: 20/s, one send every 50 ms.
      const pacing = sharePacing({ discord: { perSecond: 40, maxConcurrent: 2 } }, 2);
      const a = newScheduler({ batchSize: 8, pacing });
      const b = newScheduler({ batchSize: 8, pacing }, { store: other, adapters: new Map([['discord', secondAdapter]]) });
      const started = Date.now();
      await Promise.all([a.tick(), b.tick()]);
      expect(adapter.sent).toHaveLength(8);
      expect(secondAdapter.sent).toHaveLength(8);
      // The k-th send of each starts no earlier than k × 50 ms after the ticks began, so the two together start at
      // most 2 per 50 ms: 40/s.
      for (const sent of [adapter.sent, secondAdapter.sent]) {
        sent.forEach((s, k) => {
          expect(s.at - started).toBeGreaterThanOrEqual(k * 50 - 1);
        });
      }
    } finally {
      await other.close();
    }
  });

  it('paces sends through the platform limiter (and per channel on Slack)', async () => {
    const slack = new RecordingAdapter('slack');
    t.adapters.set('slack', slack);
    for (let i = 0; i < 6; i++) await seedSubscription(t.store, { userId: `d${i}`, checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    // Two check-ins for one Slack user land in the same DM channel.
    await seedSubscription(t.store, { userId: 's1', platform: 'slack', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime(), NOW.getTime()] });
    const scheduler = newScheduler({ pacing: { discord: { perSecond: 50, maxConcurrent: 5 }, slack: { perSecond: 50, perChannelPerSecond: 4, maxConcurrent: 5 } } });
    const started = Date.now();
    const result = await scheduler.tick();
    expect(result).toMatchObject({ claimed: 8, sent: 8 });
    // 50/s: the k-th send starts no earlier than k × 20 ms after the tick began. (The limiter makes up for a late
    // timer, so single gaps may be shorter; the schedule as a whole never runs ahead.)
    adapter.sent.forEach((s, k) => {
      expect(s.at - started).toBeGreaterThanOrEqual(k * 20 - 1);
    });
    expect(slack.sent[1]!.at - started).toBeGreaterThanOrEqual(250 - 1); // 4/s per channel
  });

  it('claims per platform no more than its pace sends within the lease, and drains a backlog in back-to-back ticks', async () => {
    // The defaults: in the 70 s a 90 s lease leaves, Discord at 20/s sends 1,400 and Slack at 10/s 700, so a tick
    // takes the whole batch of 100 on both; a slow pace takes less.
    expect(newScheduler().claimLimit('discord')).toBe(100);
    expect(newScheduler().claimLimit('slack')).toBe(100);
    expect(newScheduler({ batchSize: 1000 }).claimLimit('slack')).toBe(700);

    const slack = new RecordingAdapter('slack');
    t.adapters.set('slack', slack);
    for (let i = 0; i < 12; i++) await seedSubscription(t.store, { userId: `s${i}`, platform: 'slack', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    for (let i = 0; i < 3; i++) await seedSubscription(t.store, { userId: `d${i}`, checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    // Slack at 10/s with 0.5 s of lease to spend: 5 a tick. Discord at 100/s: 50 a tick, so its 3 in one.
    const scheduler = newScheduler({
      leaseMs: 1500,
      sendMarginMs: 1000,
      batchSize: 100,
      pacing: { slack: { perSecond: 10, maxConcurrent: 2 }, discord: { perSecond: 100, maxConcurrent: 5 } },
    });
    const first = await scheduler.tick();
    expect(first).toMatchObject({ claimed: 8, sent: 8, skipped: 0 });
    expect([slack.sent.length, adapter.sent.length]).toEqual([5, 3]);
    // The rest go out in back-to-back ticks, each sending all it claimed, until one claims less than a full batch.
    const rest = await scheduler.drain();
    expect(rest.map((r) => [r.claimed, r.sent])).toEqual([
      [5, 5],
      [2, 2],
    ]);
    expect(new Set(slack.sent.map((s) => s.address.userId)).size).toBe(12);
    expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ sent: 15, pending: 0, sending: 0 });
  });

  it('runs ticks from its cron task until stopped, and rejects a bad expression', async () => {
    await seedSubscription(t.store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime()] });
    const scheduler = newScheduler({}, { cron: '* * * * * *' }); // every second
    scheduler.start();
    await adapter.waitForSent(1);
    await scheduler.stop();
    expect(adapter.sent).toHaveLength(1);
    expect(() => newScheduler({}, { cron: 'every minute' }).start()).toThrow(/CHECKIN_CRON "every minute" is not a valid cron expression/);
  });
});
