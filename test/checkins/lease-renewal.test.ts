import { setTimeout as delay } from 'node:timers/promises';
import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import type { Reply } from '../../src/conversation/reply';
import { silentLogger } from '../../src/logging/logger';
import type { Address, MessageRef, SendOptions } from '../../src/platform/adapter';
import { systemClock } from '../../src/time/clock';
import { createTestCore, type TestCore } from '../support/test-core';
import { RecordingAdapter } from './support/checkin-fixtures';
import { seedSubscription } from './support/seed';
import { STORE_KINDS, type TestDatabase } from '../store/support/store-kinds';

/** A platform that keeps the first send waiting (as a 429 with a long Retry-After does) until released. */
class StuckAdapter extends RecordingAdapter {
  started!: Promise<void>;
  private markStarted!: () => void;
  private gate!: Promise<void>;
  release!: () => void;

  constructor() {
    super('discord');
    this.started = new Promise((resolve) => {
      this.markStarted = resolve;
    });
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  override async sendDirect(address: Address, reply: Reply, options?: SendOptions): Promise<MessageRef> {
    this.markStarted();
    await this.gate;
    return super.sendDirect(address, reply, options);
  }
}

/** Issue 11 #2: a send stuck longer than the lease is not claimed and sent again by another process. */
describe.each(STORE_KINDS)('check-in leases under a long send ($name)', (kind) => {
  let t: TestCore;
  let db: TestDatabase;
  beforeEach(async () => {
    db = await kind.database();
    t = await createTestCore({ env: db.env });
  });
  afterEach(async () => {
    await t.cleanup();
    await db.cleanup();
  });

  it('sends one DM when the platform holds the send for three times the lease', async () => {
    const LEASE_MS = 300;
    const now = Date.now();
    await seedSubscription(t.store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [now - 1000], now: now - 86_400_000 });
    const stuck = new StuckAdapter();
    const other = new RecordingAdapter('discord');
    // Another process on the same database.
    const otherStore = await db.open();
    const options = { leaseMs: LEASE_MS, sendMarginMs: 50 };
    const a = new CheckinScheduler({ ...t.deps, clock: systemClock, logger: silentLogger(), cron: '* * * * *', adapters: new Map([['discord', stuck]]) }, options);
    const b = new CheckinScheduler(
      { ...t.deps, store: otherStore, clock: systemClock, logger: silentLogger(), cron: '* * * * *', adapters: new Map([['discord', other]]) },
      options,
    );
    try {
      const first = a.tick();
      await stuck.started;
      // Real time must pass here: the lease is what runs out.
      await delay(3 * LEASE_MS);
      expect(await b.tick()).toMatchObject({ claimed: 0, released: 0 });
      stuck.release();
      expect(await first).toMatchObject({ sent: 1 });
      expect(await b.tick()).toMatchObject({ claimed: 0 });
      expect(stuck.sent.length + other.sent.length).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
