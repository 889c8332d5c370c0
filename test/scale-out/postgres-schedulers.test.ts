import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckinScheduler, SCHEDULER_DEFAULTS } from '../../src/checkins/checkin-scheduler';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { silentLogger } from '../../src/logging/logger';
import type { Address } from '../../src/platform/adapter';
import type { Store } from '../../src/store/store';
import { ManualClock } from '../../src/time/clock';
import { RecordingAdapter } from '../checkins/support/checkin-fixtures';
import { startChild } from '../checkins/support/scheduler-child-process';
import { seedSubscription } from '../checkins/support/seed';
import { describeWithPostgres } from '../support/postgres/test-schema';
import { KNOWLEDGE_DIR } from '../support/test-core';
import { STORE_KINDS, type TestDatabase } from '../store/support/store-kinds';

const NOW = new Date('2026-11-26T10:00:00Z');
const postgres = STORE_KINDS.find((k) => k.name === 'postgres');

/** The platform's DM channel as the processes see it: a file the crashed child appended its delivery to. */
class DmLogAdapter extends RecordingAdapter {
  constructor(private readonly log: string) {
    super('discord');
  }

  async findDirect(_address: Address, sent: { nonce: string }) {
    const delivered = existsSync(this.log) && readFileSync(this.log, 'utf8').split('\n').includes(sent.nonce);
    return delivered ? { platform: 'discord' as const, channelId: 'dm', messageId: sent.nonce } : null;
  }
}

describeWithPostgres()('several bot processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  let store: Store;
  let dir: string;
  beforeEach(async () => {
    db = await postgres!.database();
    store = await db.open();
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-scale-out-'));
  });
  afterEach(async () => {
    await db.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('three scheduler processes send every due check-in exactly once', async () => {
    const users = 120;
    for (let i = 0; i < users; i++) {
      await seedSubscription(store, { userId: `user-${i}`, checkinIds: ['day-1-redness', 'day-2-pinkness-and-peeling'], dueAt: [NOW.getTime() - 60_000, NOW.getTime()] });
    }
    let ready = 0;
    let go: () => void = () => {};
    const allReady = new Promise<void>((resolve) => {
      go = resolve;
    });
    const onLine = (line: string) => {
      if (line === 'READY' && ++ready === 3) go();
    };
    const children = [0, 1, 2].map(() => startChild('drain', db.target, NOW, onLine));
    await allReady;
    for (const c of children) c.child.stdin!.end('go\n');
    const exits = await Promise.all(children.map((c) => c.exited));
    for (const exit of exits) expect(exit).toMatchObject({ code: 0 });
    const sentBy = children.map((c) => c.lines.filter((l) => l.startsWith('SENT ')).map((l) => l.slice(5)));
    const all = sentBy.flat();
    // Every process took a share (they really ran at once), and no check-in went out twice.
    for (const sent of sentBy) expect(sent.length).toBeGreaterThan(0);
    expect(all).toHaveLength(users * 2);
    expect(new Set(all).size).toBe(users * 2);
    const nonces = (await db.rows<{ nonce: string }>(`SELECT nonce FROM scheduled_checkins`)).map((r) => r.nonce);
    expect(new Set(all)).toEqual(new Set(nonces));
    expect(await store.checkins.scheduled.countByStatus()).toMatchObject({ sent: users * 2, pending: 0, sending: 0 });
  });

  it('a process killed mid-send: after its lease one survivor finds the DM it sent and sends nothing again', async () => {
    await seedSubscription(store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime() - 60_000] });
    const dmLog = path.join(dir, 'dm.log');
    const crashed = startChild('crash', db.target, NOW, (line, child) => line.startsWith('SENDING ') && child.kill('SIGKILL'), { DM_LOG: dmLog });
    expect((await crashed.exited).signal).toBe('SIGKILL');
    expect(readFileSync(dmLog, 'utf8').trim().split('\n')).toHaveLength(1);

    // Two surviving processes, each with its own pool and scheduler, ticking together after the lease ran out.
    const clock = new ManualClock(new Date(NOW.getTime() + SCHEDULER_DEFAULTS.leaseMs + 60_000));
    const survivors = await Promise.all(
      [0, 1].map(async () => {
        const adapter = new DmLogAdapter(dmLog);
        const scheduler = new CheckinScheduler({
          store: await db.open(),
          knowledge: { knowledge: loadKnowledge(KNOWLEDGE_DIR) },
          clock,
          logger: silentLogger(),
          adapters: new Map([['discord', adapter]]),
          cron: '* * * * *',
        });
        return { adapter, scheduler };
      }),
    );
    try {
      const results = await Promise.all(survivors.map((s) => s.scheduler.tick()));
      expect(results.reduce((n, r) => n + r.released, 0)).toBe(1);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(survivors.flatMap((s) => s.adapter.sent)).toEqual([]);
      expect(await db.rows(`SELECT status, attempts FROM scheduled_checkins`)).toEqual([{ status: 'sent', attempts: 2 }]);
      clock.advance(SCHEDULER_DEFAULTS.leaseMs * 2);
      const later = await Promise.all(survivors.map((s) => s.scheduler.tick()));
      expect(later.every((r) => r.claimed === 0 && r.released === 0)).toBe(true);
    } finally {
      for (const s of survivors) await s.scheduler.stop();
    }
  });
});
