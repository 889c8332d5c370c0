import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore, type Store } from '../../src/store/store';
import { STORE_KINDS, type StoreUnderTest } from './support/store-kinds';
import { seedSubscription } from '../checkins/support/seed';
import { sqlRows } from '../support/sql-rows';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const LEASE = 5 * 60_000;
const claim = (store: Store, now: number, token: string, limit = 100) =>
  store.checkins.scheduled.claimDue(now, { leaseMs: LEASE, limit, claimToken: token, platforms: ['discord', 'slack', 'shell'] });

describe.each(STORE_KINDS)('check-in store ($name)', (kind) => {
  let db: StoreUnderTest;
  let store: Store;
  beforeEach(async () => {
    db = await kind.create();
    store = db.store;
  });
  afterEach(() => db.cleanup());

  it('claims due rows once, in due order, leaving future ones pending', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c1', 'c2', 'c3'], dueAt: [NOW - 2000, NOW - 1000, NOW + 1000] });
    const first = await claim(store, NOW, 't1', 1);
    expect(first.claimed.map((c) => c.checkinId)).toEqual(['c1']);
    expect(first.claimed[0]).toMatchObject({ status: 'sending', leaseUntil: NOW + LEASE, userId: 'a', address: { userId: 'a' } });
    expect((await claim(store, NOW, 't2')).claimed.map((c) => c.checkinId)).toEqual(['c2']);
    expect((await claim(store, NOW, 't3')).claimed).toHaveLength(0);
  });

  it('only lets the holder of a live lease send, and never after a stop or past the window', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c1', 'c2'], dueAt: [NOW, NOW], windowHours: 1 });
    const [one, two] = (await claim(store, NOW, 'mine')).claimed;
    const scheduled = store.checkins.scheduled;
    expect(await scheduled.permitSend(one!.id, 'not-mine', NOW, 30_000)).toBe('lost');
    expect(await scheduled.permitSend(one!.id, 'mine', NOW + LEASE - 10_000, 30_000)).toBe('lost'); // too little lease left
    expect(await scheduled.permitSend(one!.id, 'mine', NOW, 30_000)).toBe('send');
    expect((await scheduled.get(one!.id))!.attempts).toBe(1);
    expect(await scheduled.markSent(one!.id, 'mine', NOW)).toBe(true);
    await store.checkins.subscriptions.stop('discord', 'a', NOW);
    expect((await scheduled.get(two!.id))!.status).toBe('cancelled');
    expect(await scheduled.permitSend(two!.id, 'mine', NOW, 30_000)).toBe('lost');

    await seedSubscription(store, { userId: 'b', checkinIds: ['c1'], dueAt: [NOW], windowHours: 1 });
    const [late] = (await claim(store, NOW, 'late')).claimed;
    expect(await scheduled.permitSend(late!.id, 'late', NOW + 3_600_000, 30_000)).toBe('expired');
    expect((await scheduled.get(late!.id))!.status).toBe('expired');
  });

  it('starting again cancels the open rows of the old plan and keeps one subscription', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c1', 'c2'], dueAt: [NOW, NOW + 1000] });
    const [held] = (await claim(store, NOW, 'held')).claimed;
    await seedSubscription(store, { userId: 'a', checkinIds: ['n1'], dueAt: [NOW + 5000] });
    expect((await store.checkins.scheduled.get(held!.id))!.status).toBe('cancelled');
    expect(await store.checkins.scheduled.countByStatus()).toMatchObject({ pending: 1, cancelled: 2 });
    expect(await store.checkins.subscriptions.count()).toBe(1);
  });

  it('gives every scheduled row its own nonce of at most 25 characters', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c'], dueAt: Array.from({ length: 500 }, (_, i) => NOW + i) });
    const nonces = (await db.rows<{ nonce: string }>(`SELECT nonce FROM scheduled_checkins`)).map((r) => r.nonce);
    expect(new Set(nonces).size).toBe(500);
    for (const n of nonces) expect(n).toMatch(/^[a-z0-9]{1,25}$/);
  });
});

describe('check-in store query plans (SQLite)', () => {
  let dir: string;
  let store: Store;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-checkins-store-'));
    file = path.join(dir, 'bot.db');
    store = createStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims due rows through the (status, due_at) index', async () => {
    const plan = sqlRows<{ detail: string }>(
      file,
      `EXPLAIN QUERY PLAN SELECT s.id FROM scheduled_checkins s JOIN checkin_subscriptions sub ON sub.id = s.subscription_id
       WHERE s.status = 'pending' AND s.due_at <= ? AND s.platform IN (?) ORDER BY s.due_at LIMIT ?`,
      NOW,
      'discord',
      10,
    );
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/scheduled_checkins_claim \(status=\? AND due_at<\?\)/);
    const expire = sqlRows<{ detail: string }>(
      file,
      `EXPLAIN QUERY PLAN UPDATE scheduled_checkins SET status = 'expired' WHERE status = 'pending' AND due_at <= ? AND expires_at <= ?`,
      NOW,
      NOW,
    );
    expect(expire.map((p) => p.detail).join('\n')).toMatch(/scheduled_checkins_claim/);
  });
});
