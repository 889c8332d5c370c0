import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckinScheduler, SCHEDULER_DEFAULTS } from '../../src/checkins/checkin-scheduler';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { silentLogger } from '../../src/logging/logger';
import { createStore, type Store } from '../../src/store/store';
import { ManualClock } from '../../src/time/clock';
import { KNOWLEDGE_DIR } from '../support/test-core';
import { RecordingAdapter } from './support/checkin-fixtures';
import { startChild } from './support/scheduler-child-process';
import { seedSubscription } from './support/seed';
import { sqlRow, sqlRows } from '../support/sql-rows';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('check-ins survive a crash and a second process', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-restart-'));
    store = createStore(path.join(dir, 'bot.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a process killed between claim and mark: after the lease a new one delivers the check-in once, same nonce', async () => {
    await seedSubscription(store, { userId: 'alice', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime() - 60_000] });
    const crashed = startChild('crash', path.join(dir, 'bot.db'), NOW, (line, child) => {
      if (line.startsWith('SENDING ')) child.kill('SIGKILL');
    });
    const exit = await crashed.exited;
    expect(exit.signal).toBe('SIGKILL');
    const claimedNonce = crashed.lines.find((l) => l.startsWith('SENDING '))!.slice('SENDING '.length);
    expect(sqlRow(path.join(dir, 'bot.db'), `SELECT status, attempts FROM scheduled_checkins`)).toEqual({ status: 'sending', attempts: 1 });

    // The restarted process: its own connection, a fresh scheduler.
    const restarted = createStore(path.join(dir, 'bot.db'));
    const clock = new ManualClock(new Date(NOW.getTime() + 60_000));
    const adapter = new RecordingAdapter('discord');
    const scheduler = new CheckinScheduler({
      store: restarted,
      knowledge: { knowledge: loadKnowledge(KNOWLEDGE_DIR) },
      clock,
      logger: silentLogger(),
      adapters: new Map([['discord', adapter]]),
      cron: '* * * * *',
    });
    try {
      expect(await scheduler.tick()).toMatchObject({ claimed: 0 }); // still leased to the dead process
      clock.set(new Date(NOW.getTime() + SCHEDULER_DEFAULTS.leaseMs + 60_000));
      expect(await scheduler.tick()).toMatchObject({ released: 1, sent: 1 });
      for (let i = 0; i < 5; i++) {
        clock.advance(SCHEDULER_DEFAULTS.leaseMs);
        expect(await scheduler.tick()).toMatchObject({ claimed: 0, released: 0 });
      }
      expect(adapter.sent.map((s) => s.nonce)).toEqual([claimedNonce]);
      expect(sqlRow(path.join(dir, 'bot.db'), `SELECT status, attempts FROM scheduled_checkins`)).toEqual({ status: 'sent', attempts: 2 });
    } finally {
      await scheduler.stop();
      await restarted.close();
    }
  });

  it('two scheduler processes on one database file send each check-in exactly once', async () => {
    const users = 150;
    for (let i = 0; i < users; i++) {
      await seedSubscription(store, { userId: `user-${i}`, checkinIds: ['day-1-redness', 'day-2-pinkness-and-peeling'], dueAt: [NOW.getTime() - 60_000, NOW.getTime()] });
    }
    const db = path.join(dir, 'bot.db');
    let ready = 0;
    let go: () => void = () => {};
    const bothReady = new Promise<void>((resolve) => {
      go = resolve;
    });
    const onLine = (line: string) => {
      if (line === 'READY' && ++ready === 2) go();
    };
    const a = startChild('drain', db, NOW, onLine);
    const b = startChild('drain', db, NOW, onLine);
    await bothReady;
    a.child.stdin!.end('go\n');
    b.child.stdin!.end('go\n');
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea).toMatchObject({ code: 0 });
    expect(eb).toMatchObject({ code: 0 });
    const sentBy = (lines: string[]) => lines.filter((l) => l.startsWith('SENT ')).map((l) => l.slice(5));
    const all = [...sentBy(a.lines), ...sentBy(b.lines)];
    expect(sentBy(a.lines).length).toBeGreaterThan(0);
    expect(sentBy(b.lines).length).toBeGreaterThan(0);
    expect(all).toHaveLength(users * 2);
    expect(new Set(all).size).toBe(users * 2);
    const nonces = sqlRows<{ nonce: string }>(db, `SELECT nonce FROM scheduled_checkins`).map((r) => r.nonce);
    expect(new Set(all)).toEqual(new Set(nonces));
    expect(await store.checkins.scheduled.countByStatus()).toMatchObject({ sent: users * 2, pending: 0, sending: 0 });
  });
});
